"""Rendering the record pages (articles and actors, most of a site) on every core.

Each page is a pure function of the analysis, so workers forked after the analysis exists render
disjoint shares of them from their copy-on-write view of it, and send back only the Markdown.
Where fork is unavailable, with one core, or for a small corpus, everything is rendered here.
`BRIEFS_JOBS` sets the number of workers (1: no workers).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

import jinja2

from builder.analyze import Analysis
from builder.render.page import Page
from builder.render.pages.actor import render_actor
from builder.render.pages.article import render_article

JOBS_VARIABLE = "BRIEFS_JOBS"
MIN_PAGES = 400  # below this, starting workers costs more than it saves
CHUNK = 100  # pages per task: small enough to balance, large enough to amortise the round trip

Job = tuple[str, str]  # ("article" | "actor", record id), or ("rest", index into the others)
Others = Sequence[Callable[[], list[Page]]]

# What the forked workers render from: set just before they start, inherited, never pickled.
_SHARED: tuple[jinja2.Environment, Analysis, Others] | None = None


def jobs() -> int:
    """Workers to use: BRIEFS_JOBS, else one per available core."""
    configured = os.environ.get(JOBS_VARIABLE, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _render(env: jinja2.Environment, analysis: Analysis, job: Job) -> Page:
    kind, record_id = job
    if kind == "article":
        return render_article(env, analysis, analysis.model.articles[record_id])
    return render_actor(env, analysis, analysis.model.actors[record_id])


def _render_share(share: Sequence[Job]) -> list[Page]:
    assert _SHARED is not None, "worker started without the analysis"
    env, analysis, others = _SHARED
    pages: list[Page] = []
    for kind, key in share:
        if kind == "rest":
            pages += others[int(key)]()
        else:
            pages.append(_render(env, analysis, (kind, key)))
    return pages


def render_records(
    env: jinja2.Environment,
    analysis: Analysis,
    others: Others,
    workers: int | None = None,
) -> list[Page]:
    """Every article and actor page, and the pages each of `others` renders (indexes, lists,
    the API), all shared out among the workers: the others first, one task each, since they
    are the longest, then the records in chunks."""
    model = analysis.model
    todo: list[Job] = [("actor", a) for a in model.actors] + [
        ("article", a) for a in model.articles
    ]
    count = jobs() if workers is None else workers
    if count <= 1 or len(todo) < MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return [p for other in others for p in other()] + [_render(env, analysis, j) for j in todo]
    global _SHARED
    _SHARED = (env, analysis, others)
    gc.freeze()  # the workers' collector then leaves the inherited objects (and their pages) be
    try:
        shares = [[("rest", str(i))] for i in range(len(others))]
        shares += [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
        # An executor, not a Pool: a worker that dies fails the build instead of hanging it.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            pages = [page for rendered in pool.map(_render_share, shares) for page in rendered]
    finally:
        _SHARED = None
        gc.unfreeze()
    return pages
