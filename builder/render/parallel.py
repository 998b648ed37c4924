"""Rendering the record pages (articles and actors, most of a site) on every core.

Each page is a pure function of the analysis, so workers forked after the analysis exists render
disjoint shares of them from their copy-on-write view of it, and send back only the pages.
Where fork is unavailable, with one core, or for a small corpus, everything is rendered here.
`BRIEFS_JOBS` sets the number of workers (1: no workers).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import jinja2

from builder.analyze import Analysis
from builder.forks import can_fork, fork_map, jobs, shared
from builder.render import inputs
from builder.render.page import Page
from builder.render.pages.actor import render_actor
from builder.render.pages.article import render_article

MIN_PAGES = 400  # below this, starting workers costs more than it saves
CHUNK = 100  # pages per task: small enough to balance, large enough to amortise the round trip

Job = tuple[str, str]  # ("article" | "actor", record id), or ("rest", index into the others)
Others = Sequence[Callable[[], list[Page]]]


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
