"""Stage 3: build the linked model (relations in both directions, mentions in the texts)."""

from __future__ import annotations

from dataclasses import dataclass

from builder.diagnostics import Diagnostic
from builder.link.mentions import MentionFinder, unknown_names
from builder.link.relations import resolve_relations
from builder.model import ClaimEntry, EventEntry, Mention, Model
from builder.validate.corpus import ValidatedCorpus

__all__ = ["LinkResult", "link"]


@dataclass(frozen=True)
class LinkResult:
    model: Model
    diagnostics: list[Diagnostic]


def _by_actor(
    mentions: dict[str, tuple[Mention, ...]],
) -> dict[str, dict[str, tuple[Mention, ...]]]:
    grouped: dict[str, dict[str, list[Mention]]] = {}
    for article_id, found in mentions.items():
        for mention in found:
            grouped.setdefault(mention.actor, {}).setdefault(article_id, []).append(mention)
    return {
        actor: {article: tuple(ms) for article, ms in articles.items()}
        for actor, articles in sorted(grouped.items())
    }


def link(corpus: ValidatedCorpus) -> LinkResult:
    """Resolve every reference of a validated corpus into the model the pages are built from."""
    relations, by_actor, problems = resolve_relations(corpus)
    for actor in corpus.actors.values():
        problems += unknown_names(actor)
    finder = MentionFinder(corpus.actors.values())
    mentions: dict[str, tuple[Mention, ...]] = {}
    finder.find_all(corpus.articles.values())
    for article_id in sorted(corpus.articles):
        found = finder.find(corpus.articles[article_id])
        mentions[article_id] = found.mentions
        problems += found.diagnostics
    claims = {
        f"{a.id}#{c.id}": ClaimEntry(f"{a.id}#{c.id}", a, c)
        for a in corpus.articles.values()
        for c in a.record.claims
    }
    events = {
        f"{a.id}#{e.id}": EventEntry(f"{a.id}#{e.id}", a, e)
        for a in corpus.articles.values()
        for e in a.record.events
    }
    model = Model(
        articles=dict(sorted(corpus.articles.items())),
        actors=dict(sorted(corpus.actors.items())),
        topics=dict(sorted(corpus.topics.items())),
        relations=relations,
        claims=dict(sorted(claims.items())),
        events=dict(sorted(events.items())),
        relations_by_actor=by_actor,
        mentions=mentions,
        mentions_by_actor=_by_actor(mentions),
    )
    return LinkResult(model, problems)
