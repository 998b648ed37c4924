"""Per-actor facts gathered in one pass, so each actor page is built without scanning the corpus."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from builder.model import Model


@dataclass(frozen=True)
class ActorFacts:
    claims: dict[str, list[str]] = field(default_factory=dict)  # claims naming the actor
    originated: dict[str, list[str]] = field(
        default_factory=dict
    )  # claims an outlet first reported
    repeated: dict[str, list[str]] = field(default_factory=dict)  # claims an outlet passed on
    articles: dict[str, list[str]] = field(default_factory=dict)  # articles an outlet published
    topics: dict[str, list[str]] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)  # actors whose country it is


Index = defaultdict[str, list[str]]


def gather_facts(model: Model) -> ActorFacts:
    claims: Index = defaultdict(list)
    originated: Index = defaultdict(list)
    repeated: Index = defaultdict(list)
    articles: Index = defaultdict(list)
    topics: Index = defaultdict(list)
    members: Index = defaultdict(list)
    for key, entry in model.claims.items():
        for named in dict.fromkeys(entry.claim.actors):
            claims[named].append(key)
        outlet = entry.article.record.outlet
        origin = entry.claim.source or outlet
        originated[origin].append(key)
        for repeater in dict.fromkeys([*entry.claim.via, outlet]):
            if repeater != origin:
                repeated[repeater].append(key)
    for article_id, article in model.articles.items():
        articles[article.record.outlet].append(article_id)
    for topic_id, topic in model.topics.items():
        for named in dict.fromkeys(topic.record.actors):
            topics[named].append(topic_id)
    for actor_id, profile in model.actors.items():
        if profile.record.country:
            members[profile.record.country].append(actor_id)
    return ActorFacts(
        dict(claims), dict(originated), dict(repeated), dict(articles), dict(topics), dict(members)
    )
