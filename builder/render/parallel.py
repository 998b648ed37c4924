"""Rendering the record pages (articles and actors, most of a site) on every core.

Each page is a pure function of the analysis, so workers forked after the analysis exists render
disjoint shares of them from their copy-on-write view of it, and send back only the pages.
Where fork is unavailable, with one core, or for a small corpus, everything is rendered here.
`BRIEFS_JOBS` sets the number of workers (1: no workers).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

import jinja2

from builder.analyze import Analysis
from builder.render import inputs
from builder.render.page import Page
from builder.render.pages.actor import render_actor
from builder.render.pages.article import render_article

T = TypeVar("T")
R = TypeVar("R")
JOBS_VARIABLE = "BRIEFS_JOBS"
MIN_PAGES = 400  # below this, starting workers costs more than it saves
CHUNK = 100  # pages per task: small enough to balance, large enough to amortise the round trip

Job = tuple[str, str]  # ("article" | "actor", record id), or ("rest", index into the others)
Others = Sequence[Callable[[], list[Page]]]

# What forked workers work from: set just before they start, inherited, never pickled.
_SHARED: Any = None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def shared() -> Any:
    """In a worker: the state `fork_map` was given."""
    assert _SHARED is not None, "worker started without its shared state"
    return _SHARED


def fork_map(function: Callable[[T], R], tasks: Sequence[T], state: Any, workers: int) -> list[R]:
    """`function` over `tasks`, in order, in forked workers that inherit `state` copy-on-write
    (read it with `shared()`). An executor, not a Pool: a worker that dies raises
    BrokenProcessPool here instead of leaving the caller waiting."""
    global _SHARED
    _SHARED = state
    gc.freeze()  # the workers' collector then leaves the inherited objects be
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(function, tasks))
    finally:
        _SHARED = None
        gc.unfreeze()


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
    page = render_article if kind == "article" else render_actor
    return inputs.derived(page, env, analysis, record_id)


Kept = list[tuple[Hashable, inputs.Entry]]


def _render_share(share: Sequence[Job]) -> tuple[list[Page], Kept]:
    """A share's pages, and in a preview what the worker computed for the ledger."""
    env, analysis, others = shared()
    ledger = inputs.LEDGER
    start = len(ledger.fresh) if ledger is not None else 0
    pages: list[Page] = []
    for kind, key in share:
        if kind == "rest":
            pages += others[int(key)]()
        else:
            pages.append(_render(env, analysis, (kind, key)))
    kept = [(k, ledger.entries[k]) for k in ledger.fresh[start:]] if ledger is not None else []
    return pages, kept


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
    ledger = inputs.LEDGER
    # A preview's later builds compute few pages: here, without starting workers.
    warm = ledger is not None and bool(ledger.entries)
    if warm or count <= 1 or len(todo) < MIN_PAGES or not can_fork():
        return [p for other in others for p in other()] + [_render(env, analysis, j) for j in todo]
    shares = [[("rest", str(i))] for i in range(len(others))]
    shares += [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    rendered = fork_map(_render_share, shares, (env, analysis, others), count)
    if ledger is not None:
        for _, kept in rendered:
            for key, entry in kept:
                ledger.entries[key] = entry
                ledger.computed += 1
    return [page for share, _ in rendered for page in share]
