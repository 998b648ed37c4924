"""Cross-reference checks: every id a record names must exist, with did-you-mean suggestions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from builder.diagnostics import Diagnostic, error, with_suggestion
from builder.validate.corpus import Source, ValidatedCorpus
from builder.validate.schema import closest


@dataclass(frozen=True)
class Namespace:
    """The ids one kind of reference may name, and how to speak of them."""

    what: str
    known: frozenset[str]
    # Ids whose files exist but are broken (already reported): not unknown, just unchecked.
    unchecked: frozenset[str] = frozenset()
    # For a namespace of one actor type: every actor's type, to say what a wrong one is instead.
    types: dict[str, str] | None = None

    def accepts(self, value: str) -> bool:
        return value in self.known or value.split("#", 1)[0] in self.unchecked

    def check(self, value: str, source: Source, *loc: str | int) -> list[Diagnostic]:
        """Nothing, or why `value` (at `loc` in the record) names nothing; the costly location
        is only worked out for a wrong value."""
        if self.accepts(value):
            return []
        at = source.at(*loc)
        if self.types and value in self.types:
            message = f"'{value}' is a {self.types[value]}, not a {self.what}"
            return [error(at, "wrong-actor-type", message)]
        hint = closest(value, self.known)
        message = with_suggestion(f"unknown {self.what} '{value}'", hint)
        return [error(at, "unknown-reference", message, hint)]

    def check_all(self, values: Iterable[str], source: Source, *loc: str | int) -> list[Diagnostic]:
        problems: list[Diagnostic] = []
        for index, value in enumerate(values):
            problems += self.check(value, source, *loc, index)
        return problems


@dataclass(frozen=True)
class Namespaces:
    actors: Namespace
    outlets: Namespace
    states: Namespace
    articles: Namespace
    topics: Namespace
    claims: Namespace
    events: Namespace


def namespaces(corpus: ValidatedCorpus) -> Namespaces:
    actors = corpus.actors
    broken_actors = corpus.broken_ids("actor")
    broken_articles = corpus.broken_ids("article")
    types = {i: a.record.type.replace("-", " ") for i, a in actors.items()}
    return Namespaces(
        actors=Namespace("actor", frozenset(actors), broken_actors),
        outlets=Namespace(
            "media outlet",
            frozenset(i for i, a in actors.items() if a.record.type == "media-outlet"),
            broken_actors,
            types,
        ),
        states=Namespace(
            "state",
            frozenset(i for i, a in actors.items() if a.record.type == "state"),
            broken_actors,
            types,
        ),
        articles=Namespace("article", frozenset(corpus.articles), broken_articles),
        topics=Namespace("topic", frozenset(corpus.topics), corpus.broken_ids("topic")),
        claims=Namespace("claim", frozenset(corpus.claim_ids()), broken_articles),
        events=Namespace("event", frozenset(corpus.event_ids()), broken_articles),
    )


def _local(ref: str, article_id: str) -> str:
    """A same-article reference ('claim') written out in full ('article#claim')."""
    return ref if "#" in ref else f"{article_id}#{ref}"


def check_article_refs(corpus: ValidatedCorpus, ns: Namespaces) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for article in corpus.articles.values():
        record, source = article.record, article.source
        problems += ns.outlets.check(record.outlet, source, "outlet")
        problems += ns.articles.check_all(record.cites, source, "cites")
        for key, target in record.resolve.items():
            if target is not None:
                problems += ns.actors.check(target, source, "resolve", key)
        for i, claim in enumerate(record.claims):
            if claim.source is not None:
                problems += ns.outlets.check(claim.source, source, "claims", i, "source")
            problems += ns.outlets.check_all(claim.via, source, "claims", i, "via")
            problems += ns.actors.check_all(claim.actors, source, "claims", i, "actors")
            problems += ns.claims.check_all(claim.same_as, source, "claims", i, "same_as")
            local = [_local(r, article.id) for r in claim.contradicts]
            problems += ns.claims.check_all(local, source, "claims", i, "contradicts")
            if claim.superseded_by is not None:
                later = _local(claim.superseded_by, article.id)
                problems += ns.claims.check(later, source, "claims", i, "superseded_by")
        for i, event in enumerate(record.events):
            problems += ns.actors.check_all(event.actors, source, "events", i, "actors")
            problems += ns.events.check_all(event.same_as, source, "events", i, "same_as")
    return problems


def check_actor_refs(corpus: ValidatedCorpus, ns: Namespaces) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for actor in corpus.actors.values():
        record, source = actor.record, actor.source
        if record.country is not None:
            problems += ns.states.check(record.country, source, "country")
        if record.reliability is not None and record.type != "media-outlet":
            message = f"reliability applies to media outlets only, not to a {record.type}"
            problems.append(error(source.at("reliability"), "reliability-not-outlet", message))
        for old in record.formerly:
            if old in corpus.actors:
                message = f"former id '{old}' is the id of another actor"
                problems.append(error(source.at("formerly"), "formerly-taken", message))
        for i, relation in enumerate(record.relations):
            problems += ns.actors.check(relation.target, source, "relations", i, "target")
            problems += ns.claims.check_all(relation.claims, source, "relations", i, "claims")
            if relation.target == actor.id:
                message = f"relation '{relation.type}' points at the actor itself"
                problems.append(
                    error(source.at("relations", i, "target"), "self-relation", message)
                )
    return problems


def check_topic_refs(corpus: ValidatedCorpus, ns: Namespaces) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for topic in corpus.topics.values():
        record, source = topic.record, topic.source
        problems += ns.actors.check_all(record.actors, source, "actors")
        problems += ns.topics.check_all(record.related, source, "related")
        problems += ns.events.check_all(record.events, source, "events")
        for i, judgment in enumerate(record.key_judgments):
            problems += ns.claims.check_all(judgment.claims, source, "key_judgments", i, "claims")
        for i, deadline in enumerate(record.deadlines):
            problems += ns.claims.check_all(deadline.claims, source, "deadlines", i, "claims")
            if deadline.start is not None and deadline.due < deadline.start:
                message = f"deadline is due ({deadline.due}) before it starts ({deadline.start})"
                problems.append(error(source.at("deadlines", i, "due"), "date-order", message))
    return problems


def check_references(corpus: ValidatedCorpus) -> list[Diagnostic]:
    """Every reference in every record, checked against the ids that exist."""
    ns = namespaces(corpus)
    return (
        check_article_refs(corpus, ns) + check_actor_refs(corpus, ns) + check_topic_refs(corpus, ns)
    )
