"""Stage 5: Jinja2 templates to Markdown pages, each page a pure function of the analysis."""

from __future__ import annotations

from pathlib import Path

from builder.analyze import Analysis
from builder.render.env import make_environment
from builder.render.glossary import render_glossary
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
    env = make_environment(templates, settings or Settings())
    model = analysis.model

    def the_rest() -> list[Page]:
        pages = [render_home(env, analysis), *render_sections(env, analysis), render_glossary()]
        pages += render_indexes(env, analysis) + render_mention_lists(env, analysis)
        pages += render_sources(env, analysis) + render_actor_lists(env, analysis)
        pages += [render_topic(env, analysis, topic) for topic in model.topics.values()]
        return pages + redirect_pages(analysis) + api_pages(analysis)

    pages = render_records(env, analysis, the_rest, workers)
    return sorted(pages, key=lambda page: page.path)
