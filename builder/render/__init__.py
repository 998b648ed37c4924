"""Stage 5: Jinja2 templates to HTML pages, each page a pure function of the analysis."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from builder.analyze import Analysis
from builder.render import inputs
from builder.render.env import make_environment
from builder.render.glossary import render_glossary
from builder.render.inputs import derived
from builder.render.page import Page
from builder.render.pages.api import api_pages
from builder.render.pages.indexes import (
    render_actor_lists,
    render_indexes,
    render_mention_lists,
    render_sources,
)
from builder.render.pages.redirects import redirect_pages
from builder.render.pages.sections import render_home, render_sections
from builder.render.pages.topic import render_topic
from builder.render.parallel import render_records
from builder.settings import Settings

__all__ = ["Page", "render"]


def render(
    analysis: Analysis,
    templates: Path,
    settings: Settings | None = None,
    workers: int | None = None,
) -> list[Page]:
    """Every generated page, sorted by path; article and actor pages on every core (see
    builder/render/parallel.py; `workers` overrides how many)."""
    settings = settings or Settings()
    env = make_environment(templates, settings)
    model = analysis.model
    ledger = inputs.LEDGER
    if ledger is not None:
        # A preview: note what each page reads, and keep what the last build computed
        # unless it read something that changed (see builder/render/inputs.py).
        ledger.begin(
            inputs.watch(analysis, settings=settings, templates=inputs.template_files(templates))
        )

    # Every page that is not an article's or an actor's, in parts the workers share out, the
    # longest first (each part is one task).
    others: list[Callable[[], list[Page]]] = [
        lambda: api_pages(analysis),
        lambda: render_indexes(env, analysis),
        lambda: render_mention_lists(env, analysis),
        lambda: render_actor_lists(env, analysis),
        lambda: [derived(render_topic, env, analysis, topic) for topic in model.topics],
        lambda: [
            render_home(env, analysis),
            *render_sections(env, analysis),
            derived(render_glossary),
        ],
        lambda: render_sources(env, analysis) + derived(redirect_pages, analysis),
    ]
    try:
        pages = render_records(env, analysis, others, workers)
    except BaseException:
        if ledger is not None:
            ledger.forget()  # a half-done build leaves nothing to trust
        raise
    return sorted(pages, key=lambda page: page.path)
