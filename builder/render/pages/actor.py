"""Actor profiles: relations in both directions, topics, claims and events naming the actor."""

from __future__ import annotations

from collections import defaultdict

import jinja2

from builder.analyze import Analysis
from builder.model import ClaimEntry, EventEntry, RelationView
from builder.render import urls
from builder.render.env import Links
from builder.render.page import Page
from builder.validate.corpus import ValidActor


def grouped_relations(views: tuple[RelationView, ...]) -> list[tuple[str, list[RelationView]]]:
    """Relations grouped by the label read from this actor's side, labels sorted."""
    groups: dict[str, list[RelationView]] = defaultdict(list)
    for view in views:
        groups[view.label].append(view)
    return [(label, groups[label]) for label in sorted(groups)]


def _claims_naming(analysis: Analysis, actor_id: str) -> list[ClaimEntry]:
    return [e for e in analysis.model.claims.values() if actor_id in e.claim.actors]


def _events_naming(analysis: Analysis, actor_id: str) -> list[EventEntry]:
    return [e for e in analysis.model.events.values() if actor_id in e.event.actors]


def _outlet_claims(analysis: Analysis, actor_id: str) -> tuple[list[ClaimEntry], list[ClaimEntry]]:
    """Claims this outlet originated, and claims it repeated from another origin."""
    originated, repeated = [], []
    for entry in analysis.model.claims.values():
        origin = entry.claim.source or entry.article.record.outlet
        if origin == actor_id:
            originated.append(entry)
        elif actor_id in entry.claim.via or entry.article.record.outlet == actor_id:
            repeated.append(entry)
    return originated, repeated


def render_actor(env: jinja2.Environment, analysis: Analysis, actor: ValidActor) -> Page:
    path = urls.actor(actor.id)
    model = analysis.model
    originated, repeated = _outlet_claims(analysis, actor.id)
    markdown = env.get_template("actor.md.j2").render(
        actor=actor,
        record=actor.record,
        links=Links(path, analysis),
        relations=grouped_relations(model.relations_of(actor.id)),
        topics=[t for t in model.topics.values() if actor.id in t.record.actors],
        claims=_claims_naming(analysis, actor.id),
        events=_events_naming(analysis, actor.id),
        members=sorted(i for i, a in model.actors.items() if a.record.country == actor.id),
        articles=sorted(i for i, a in model.articles.items() if a.record.outlet == actor.id),
        originated=originated,
        repeated=repeated,
    )
    return Page(path, markdown)
