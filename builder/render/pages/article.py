"""Article pages: metadata, dek, claims with their quoted passages, events, actors named."""

from __future__ import annotations

from collections import defaultdict

import jinja2

from builder.analyze import Analysis
from builder.load.text import Paragraph
from builder.render import urls
from builder.render.env import Links
from builder.render.page import Page
from builder.validate.corpus import ValidArticle
from builder.validate.quotes import QuoteSpan


def _passages(article: ValidArticle) -> list[tuple[Paragraph, list[str]]]:
    """Each quoted paragraph once, in order, with the exact passages quoted from it."""
    quoted: dict[int, set[str]] = defaultdict(set)
    spans: list[QuoteSpan] = [*article.claim_quotes.values(), *article.event_quotes.values()]
    for span in spans:
        quoted[span.paragraph].add(article.text.text[span.start : span.end])
    by_number = {p.number: p for p in article.text.paragraphs}
    return [(by_number[n], sorted(quoted[n])) for n in sorted(quoted)]


def actors_named(article: ValidArticle) -> list[str]:
    """Actors the article's annotations name: outlet, sources, and claim and event actors."""
    record = article.record
    named = {record.outlet, *(c.source for c in record.claims if c.source)}
    for claim in record.claims:
        named.update(claim.actors)
    for event in record.events:
        named.update(event.actors)
    return sorted(named)


def render_article(env: jinja2.Environment, analysis: Analysis, article: ValidArticle) -> Page:
    path = urls.article(article.id)
    template = env.get_template("article.md.j2")
    markdown = template.render(
        article=article,
        record=article.record,
        links=Links(path, analysis),
        analysis=analysis,
        passages=_passages(article),
        actors=actors_named(article),
        urls=urls,
    )
    return Page(path, markdown)
