"""Relations read from either profile, stored once in their forward direction."""

from __future__ import annotations

from collections import defaultdict

from builder.diagnostics import Diagnostic, Location, error, warning
from builder.model import Relation, RelationView
from builder.validate.corpus import Source, ValidatedCorpus
from builder.validate.models import Relation as RelationRecord
from builder.validate.vocabulary import FORWARD_OF, SYMMETRIC_RELATIONS

Identity = tuple[str, str, str, str | None, str | None]


def forward(actor: str, record: RelationRecord) -> Relation:
    """The relation as written on `actor`'s profile, turned into its forward direction."""
    kind = FORWARD_OF[record.type]
    subject, obj = (actor, record.target) if kind == record.type else (record.target, actor)
    if kind in SYMMETRIC_RELATIONS:
        subject, obj = sorted((subject, obj))
    return Relation(
        kind, subject, obj, record.since, record.until,
        tuple(record.claims), tuple(record.inferred), record.note,
    )  # fmt: skip


def _identity(relation: Relation) -> Identity:
    return (relation.type, relation.subject, relation.object, relation.since, relation.until)


class _Places(dict[Identity, tuple[Source, int]]):
    """Where each relation was first written; located only when a diagnostic needs it."""

    def at(self, key: Identity) -> Location:
        source, index = self[key]
        return source.at("relations", index)


HIERARCHIES = ("part-of", "controlled-by")  # relations that must never loop back


def _part_of_cycles(relations: list[Relation], where: _Places) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for kind in HIERARCHIES:
        problems += _cycles(kind, [r for r in relations if r.type == kind], where)
    return problems


def _cycles(kind: str, relations: list[Relation], where: _Places) -> list[Diagnostic]:
    parent: dict[str, list[Relation]] = defaultdict(list)
    for relation in relations:
        parent[relation.subject].append(relation)
    problems: list[Diagnostic] = []
    reported: set[frozenset[str]] = set()
    for start in sorted(parent):
        path = [start]
        stack = [(start, iter(parent[start]))]
        while stack:
            _, edges = stack[-1]
            step = next(edges, None)
            if step is None:
                stack.pop()
                path.pop()
                continue
            if step.object in path:
                cycle = [*path[path.index(step.object) :], step.object]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    message = f"{kind} cycle: {' -> '.join(cycle)}"
                    problems.append(error(where.at(_identity(step)), "relation-cycle", message))
            elif len(path) < 64:
                path.append(step.object)
                stack.append((step.object, iter(parent[step.object])))
    return problems


def resolve_relations(
    corpus: ValidatedCorpus,
) -> tuple[tuple[Relation, ...], dict[str, tuple[RelationView, ...]], list[Diagnostic]]:
    """Every relation once, each actor's view of its relations, and duplicate warnings."""
    where = _Places()
    relations: list[Relation] = []
    problems: list[Diagnostic] = []
    for actor in corpus.actors.values():
        for index, record in enumerate(actor.record.relations):
            if record.target not in corpus.actors or record.target == actor.id:
                continue
            relation = forward(actor.id, record)
            key = _identity(relation)
            if key in where:
                first = where.at(key)
                message = f"relation already given at {first.path}:{first.line}; keep one"
                at = actor.source.at("relations", index)
                problems.append(warning(at, "duplicate-relation", message))
                continue
            where[key] = (actor.source, index)
            relations.append(relation)
    relations.sort(key=_identity_sort)
    views: dict[str, list[RelationView]] = defaultdict(list)
    for relation in relations:
        views[relation.subject].append(relation.seen_from(relation.subject))
        views[relation.object].append(relation.seen_from(relation.object))
    by_actor = {actor: tuple(items) for actor, items in sorted(views.items())}
    return tuple(relations), by_actor, problems + _part_of_cycles(relations, where)


def _identity_sort(relation: Relation) -> tuple[str, str, str, str, str]:
    return (
        relation.type,
        relation.subject,
        relation.object,
        relation.since or "",
        relation.until or "",
    )
