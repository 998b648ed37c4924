"""Actor profiles: relations in both directions, topics, claims and events naming the actor."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from builder.analyze import Analysis
from builder.model import Mention, RelationView
from builder.render import urls
from builder.render.env import Links
from builder.render.page import Page
from builder.render.pages.sections import actor_type_title
from builder.render.snippets import article_plan, narrowed, render_excerpt
from builder.render.svg import ego_graph


def grouped_relations(views: tuple[RelationView, ...]) -> list[tuple[str, list[RelationView]]]:
    """Relations grouped by the label read from this actor's side, labels sorted."""
    groups: dict[str, list[RelationView]] = defaultdict(list)
    for view in views:
        groups[view.label].append(view)
    return [(label, groups[label]) for label in sorted(groups)]


@dataclass(frozen=True)
class MentionGroup:
    """Where one article names the actor: excerpts by paragraph, and paragraphs named only."""

    article: str
    excerpts: list[tuple[int, Markup]]
    elsewhere: list[int]
    count: int


def _bold(mention: Mention) -> Markup:
    return Markup("<strong>{}</strong>").format(mention.text)


BACKLINKS_SHOWN = 20
LIST_SHOWN = 20  # entries of each other list on a profile; the rest on a page under /index/
LIST_TITLES = {
    "claims": "Claims about {}",
    "events": "Timeline of {}",
    "published": "Articles published by {}",
    "originated": "Claims {} first reported",
    "repeated": "Claims {} repeated from others",
}


@dataclass(frozen=True)
class Capped:
    """One list of a profile: the entries shown, and the complete list's page when it is longer."""

    shown: list[str]
    total: int
    everything: str | None


def actor_lists(analysis: Analysis, actor_id: str) -> dict[str, list[str]]:
    """The lists of a profile in full: claims and articles newest first, events by date."""
    model, facts = analysis.model, analysis.facts

    def newest_claims(keys: list[str]) -> list[str]:
        """Newest article first; one article's claims in their usual order."""
        return sorted(
            keys, key=lambda k: (-model.claims[k].article.record.published.toordinal(), k)
        )

    articles = facts.articles.get(actor_id, [])
    return {
        "claims": newest_claims(facts.claims.get(actor_id, [])),
        "events": [entry.key for entry in analysis.actor_timeline(actor_id)],
        "published": sorted(
            articles, key=lambda a: (-model.articles[a].record.published.toordinal(), a)
        ),
        "originated": newest_claims(facts.originated.get(actor_id, [])),
        "repeated": newest_claims(facts.repeated.get(actor_id, [])),
    }


def capped(kind: str, actor_id: str, entries: list[str]) -> Capped:
    if len(entries) <= LIST_SHOWN:
        return Capped(entries, len(entries), None)
    # The newest: the first entries, but the last ones of a timeline.
    shown = entries[-LIST_SHOWN:] if kind == "events" else entries[:LIST_SHOWN]
    return Capped(shown, len(entries), urls.index_page("actor", actor_id, kind))


def mentioned_in(
    analysis: Analysis, actor_id: str, limit: int | None = BACKLINKS_SHOWN
) -> list[MentionGroup]:
    """Articles naming the actor, newest first (at most `limit`), snippets within the budget."""
    model = analysis.model
    articles = sorted(
        (model.articles[a] for a in model.mentions_of(actor_id)),
        key=lambda a: (a.record.published, a.id),
        reverse=True,
    )
    return [mention_group(analysis, actor_id, article.id) for article in articles[:limit]]


def mention_group(analysis: Analysis, actor_id: str, article_id: str) -> MentionGroup:
    """One article's mentions of the actor: snippets within the budget, the rest by number."""
    model = analysis.model
    article = model.articles[article_id]
    mentions = list(model.mentions_of(actor_id)[article_id])
    by_paragraph: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_paragraph[mention.paragraph].append(mention)
    plans = article_plan(article, model.mentions_in(article.id))
    parts = [
        narrowed(p, by_paragraph[n]) for p in plans if (n := p.paragraph.number) in by_paragraph
    ]
    shown = [
        (part.paragraph.number, render_excerpt(article.text.text, part, mentions, _bold))
        for part in parts
        if part.ranges
    ]
    hidden = sorted({m.paragraph for m in mentions} - {n for n, _ in shown})
    return MentionGroup(article.id, shown, hidden, len(mentions))


def render_actor(env: jinja2.Environment, analysis: Analysis, actor_id: str) -> Page:
    actor = analysis.model.actors[actor_id]
    path = urls.actor(actor.id)
    model = analysis.model
    facts = analysis.facts

    links = Links(path, analysis)
    kind = actor.record.type
    crumbs = links.crumbs(
        [("Actors", urls.ACTORS), (actor_type_title(kind), urls.index_page("actors", kind))],
        actor.record.name,
    )
    markdown = env.get_template("actor.html.j2").render(
        analysis=analysis,
        actor=actor,
        record=actor.record,
        links=links,
        crumbs=crumbs,
        relations=grouped_relations(model.relations_of(actor.id)),
        topics=[model.topics[t] for t in facts.topics.get(actor.id, [])],
        lists={
            kind: capped(kind, actor.id, entries)
            for kind, entries in actor_lists(analysis, actor.id).items()
        },
        members=facts.members.get(actor.id, []),
        mentioned=mentioned_in(analysis, actor.id),
        naming=len(model.mentions_of(actor.id)),
        all_mentions=urls.index_page("mentions", actor.id),
        graph=ego_graph(
            actor.record.name,
            model.relations_of(actor.id),
            model.actor_name,
            lambda other: urls.final(path, urls.actor(other)),
        ),
        urls=urls,
    )
    return Page.titled(path, actor.record.name, markdown)
