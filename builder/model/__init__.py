"""The linked model: frozen records and the queries pages are rendered from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from builder.validate.corpus import ValidActor, ValidArticle, ValidTopic
from builder.validate.models import Claim, Event
from builder.validate.quotes import QuoteSpan
from builder.validate.vocabulary import RELATION_INVERSES, SYMMETRIC_RELATIONS


@dataclass(frozen=True)
class Relation:
    """One relation, stored in its forward direction (subject `type` object)."""

    type: str
    subject: str
    object: str
    since: str | None
    until: str | None
    claims: tuple[str, ...]
    inferred: tuple[str, ...]
    note: str | None

    def seen_from(self, actor: str) -> RelationView:
        """The relation as one of its two actors shows it, with the label read from that side."""
        if actor == self.subject:
            return RelationView(self.type, self.object, self)
        label = self.type if self.type in SYMMETRIC_RELATIONS else RELATION_INVERSES[self.type]
        return RelationView(label, self.subject, self)


@dataclass(frozen=True)
class RelationView:
    label: str
    other: str
    relation: Relation


@dataclass(frozen=True)
class Mention:
    """An actor named in an article: code-point offsets into the article text (end exclusive)."""

    actor: str
    start: int
    end: int
    text: str
    paragraph: int
    kind: str  # name | alias | demonym


@dataclass(frozen=True)
class ClaimEntry:
    """A claim with the article it belongs to, addressed as '<article>#<claim>'."""

    key: str
    article: ValidArticle
    claim: Claim

    @property
    def quote(self) -> QuoteSpan | None:
        return self.article.claim_quotes.get(self.claim.id)


@dataclass(frozen=True)
class EventEntry:
    key: str
    article: ValidArticle
    event: Event

    @property
    def quote(self) -> QuoteSpan | None:
        return self.article.event_quotes.get(self.event.id)


@dataclass(frozen=True)
class Model:
    articles: dict[str, ValidArticle]
    actors: dict[str, ValidActor]
    topics: dict[str, ValidTopic]
    relations: tuple[Relation, ...]
    claims: dict[str, ClaimEntry]
    events: dict[str, EventEntry]
    relations_by_actor: dict[str, tuple[RelationView, ...]] = field(default_factory=dict)
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)

    def mentions_in(self, article: str) -> tuple[Mention, ...]:
        return self.mentions.get(article, ())

    mentions_by_actor: dict[str, dict[str, tuple[Mention, ...]]] = field(default_factory=dict)

    def mentions_of(self, actor: str) -> dict[str, tuple[Mention, ...]]:
        """The articles naming the actor (by id), each with its mentions of it."""
        return self.mentions_by_actor.get(actor, {})

    def relations_of(self, actor: str) -> tuple[RelationView, ...]:
        return self.relations_by_actor.get(actor, ())

    def actor_name(self, actor: str) -> str:
        return self.actors[actor].record.name

    def newest_date(self) -> dt.date | None:
        """The newest content date: the latest `published` or `updated`."""
        days = [a.record.published for a in self.articles.values()]
        days += [t.record.updated for t in self.topics.values()]
        return max(days) if days else None
