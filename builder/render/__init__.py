"""Stage 5: Jinja2 templates to Markdown pages, each page a pure function of the analysis."""

from __future__ import annotations

from pathlib import Path

from builder.analyze import Analysis
from builder.render.env import make_environment
from builder.render.page import Page
from builder.render.pages.actor import render_actor
from builder.render.pages.api import api_pages
from builder.render.pages.article import render_article
from builder.render.pages.indexes import (
    render_actor_lists,
    render_indexes,
    render_mention_lists,
    render_sources,
)
from builder.render.pages.redirects import redirect_pages
from builder.render.pages.sections import render_home, render_sections
from builder.render.pages.topic import render_topic
from builder.settings import Settings

__all__ = ["Page", "render"]


def render(analysis: Analysis, templates: Path, settings: Settings | None = None) -> list[Page]:
    """Every generated page, sorted by path."""
    env = make_environment(templates, settings or Settings())
    model = analysis.model
    pages = [render_home(env, analysis), *render_sections(env, analysis)]
    pages += render_indexes(env, analysis) + render_mention_lists(env, analysis)
    pages += render_sources(env, analysis) + render_actor_lists(env, analysis)
    pages += [render_topic(env, analysis, topic) for topic in model.topics.values()]
    pages += [render_actor(env, analysis, actor) for actor in model.actors.values()]
    pages += [render_article(env, analysis, article) for article in model.articles.values()]
    pages += redirect_pages(analysis) + api_pages(analysis)
    return sorted(pages, key=lambda page: page.path)
