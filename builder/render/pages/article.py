"""Article pages: metadata, dek, claims with their quoted passages, events, and mentions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from builder.analyze import Analysis
from builder.load.text import Paragraph
from builder.model import Mention
from builder.render import urls
from builder.render.env import Links
from builder.render.page import Page
from builder.render.pages.sections import month_title
from builder.render.snippets import article_plan, render_excerpt
from builder.validate.corpus import ValidArticle
from builder.validate.vocabulary import RTL_LANGUAGES


@dataclass(frozen=True)
class Passage:
    """One paragraph as the article page shows it."""

    paragraph: Paragraph
    markdown: Markup  # the shown words, mentions linked ("" when nothing may be shown)
    hidden: tuple[Mention, ...]  # mentions listed by paragraph number only


def actors_named(article: ValidArticle, mentions: tuple[Mention, ...]) -> list[tuple[str, int]]:
    """Actors the text or the annotations name, with how often the text names each."""
    record = article.record
    counts = Counter(m.actor for m in mentions)
    named = {record.outlet, *(c.source for c in record.claims if c.source), *counts}
    for claim in record.claims:
        named.update(claim.actors)
    for event in record.events:
        named.update(event.actors)
    return [(actor, counts.get(actor, 0)) for actor in sorted(named)]


def passages(article: ValidArticle, mentions: tuple[Mention, ...], links: Links) -> list[Passage]:
    """Every paragraph with a mention or a quote (all of them with `rights: full`)."""
    text = article.text
    plans = article_plan(article, mentions)

    def link(mention: Mention) -> Markup:
        return links.to(mention.text, urls.actor(mention.actor))

    return [
        Passage(plan.paragraph, render_excerpt(text.text, plan, mentions, link), plan.hidden)
        for plan in plans
    ]


def render_article(env: jinja2.Environment, analysis: Analysis, article_id: str) -> Page:
    article = analysis.model.articles[article_id]
    path = urls.article(article.id)
    links = Links(path, analysis)
    mentions = analysis.model.mentions_in(article.id)
    shown = passages(article, mentions, links)
    day = article.record.published
    month = urls.index_page("articles", f"{day.year:04d}", f"{day.month:02d}")
    crumbs = links.crumbs(
        [("Articles", urls.ARTICLES), (month_title(day.year, day.month), month)],
        article.record.title,
    )
    markdown = env.get_template("article.html.j2").render(
        article=article,
        record=article.record,
        links=links,
        crumbs=crumbs,
        analysis=analysis,
        dek=next((p for p in shown if p.paragraph.is_dek), None),
        passages=[p for p in shown if not p.paragraph.is_dek],
        actors=actors_named(article, mentions),
        rtl=article.record.language.split("-")[0].lower() in RTL_LANGUAGES,
        urls=urls,
    )
    return Page.titled(path, article.record.title, markdown)
