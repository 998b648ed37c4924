"""`export --format stix`: the model as a STIX 2.1 bundle, built with the OASIS `stix2` library.

- actors: `identity` (states, government bodies, organisations, media outlets, coalitions,
  people) or `threat-actor` (armed groups; military units, typed `nation-state`), with aliases;
- relations: `relationship` objects in their forward direction, our vocabulary as the type,
  `since`/`until` as start and stop times;
- articles: `report` objects (published day, language, the actors they name) with external
  references to the original address, the archive copy and the outlet;
- claims: `note` objects tied to their report, their actors and the relations they support,
  with the Admiralty grade (source reliability letter and credibility digit) as labels and the
  credibility as STIX confidence;
- rights: one statement marking per `rights:` value, on every report and note (a note quotes).

Every id is a UUIDv5 of our own id (with its kind) in the project's namespace, and every
timestamp comes from the content, so the same content gives the same bundle. Content has no
history of its own, so `created` is fixed (a report's and its notes' publication day, for the rest
the project's epoch, CREATED) and never changes, while `modified` is the newest content date, so
an importer takes each export as the newer version of every object it already holds. Marking
definitions are never versioned: they only have the fixed `created`.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable

import stix2

from builder.analyze import Analysis
from builder.analyze.dates import parse_edtf_interval
from builder.validate.vocabulary import CREDIBILITY_WORDS

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "briefs:research-brief-generator")
CREATED = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)  # the project's epoch: see the module's text

IDENTITY_CLASS = {"person": "individual", "coalition": "group"}
SECTORS = {
    "state": ["government-national"],
    "government-body": ["government"],
    "media-outlet": ["communications"],
}
THREAT_ACTOR_TYPES = {"armed-group": ["unknown"], "military-unit": ["nation-state"]}
# STIX 2.1 appendix "Confidence scales", Admiralty credibility: 6 (cannot be judged) has none.
CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
RIGHTS = {
    "excerpts": "Quoted from a news article under its publisher's rights: short excerpts for "
    "criticism, review and reporting, at most 30% of the article's words. Do not republish.",
    "full": "From an openly licensed news article: the text may be reused under its licence.",
}


def stix_id(kind: str, *parts: str) -> str:
    """A UUIDv5 from the STIX type and our parts, joined so that no two part lists meet (EDTF
    dates hold '/', ids may be anything the other parts are)."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, json.dumps([kind, *parts]))}"


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)


def _bounds(since: str | None, until: str | None) -> dict[str, dt.datetime]:
    """STIX start and stop times: the first day of `since`, the day after the last of `until`."""
    times: dict[str, dt.datetime] = {}
    first = parse_edtf_interval(since).interval.start if since else None
    last = parse_edtf_interval(until).interval.end if until else None
    if first is not None:
        times["start_time"] = _moment(first)
    if last is not None and last < dt.date.max:  # 9999-12-31 has no day after it
        times["stop_time"] = _moment(last + dt.timedelta(days=1))
    return times


def _refs(ids: Iterable[str]) -> list[str]:
    return sorted(set(ids))


def stix_bundle(analysis: Analysis, project: str) -> stix2.Bundle:
    """The whole model as one bundle, objects sorted by type and id."""
    model = analysis.model
    as_of = max(_moment(analysis.as_of), CREATED) if analysis.as_of else CREATED
    stamps = {"created": CREATED, "modified": as_of}
    author = stix_id("identity", "project")
    common = {"created_by_ref": author, "allow_custom": False}
    objects: list[object] = [
        stix2.Identity(id=author, name=project, identity_class="organization", **stamps,
                       description="The publisher of these research briefs."),
    ]  # fmt: skip
    marking = {}
    for licence, statement in RIGHTS.items():
        marking[licence] = stix2.MarkingDefinition(
            id=stix_id("marking-definition", "rights", licence),
            created=CREATED,
            created_by_ref=author,
            name=f"rights: {licence}",
            definition_type="statement",
            definition=stix2.StatementMarking(statement=statement),
        )
    objects += marking.values()

    actor_ref: dict[str, str] = {}
    for actor in model.actors.values():
        record = actor.record
        if record.type in THREAT_ACTOR_TYPES:
            ref = stix_id("threat-actor", "actor", actor.id)
            obj: object = stix2.ThreatActor(
                id=ref, name=record.name, **stamps,
                threat_actor_types=THREAT_ACTOR_TYPES[record.type],
                aliases=list(record.aliases) or None, description=record.summary,
                external_references=[{"source_name": "briefs", "external_id": actor.id}],
                **common,
            )  # fmt: skip
        else:
            ref = stix_id("identity", "actor", actor.id)
            also = f" Also called: {'; '.join(record.aliases)}." if record.aliases else ""
            described = ((record.summary or "") + also).strip() or None
            obj = stix2.Identity(
                id=ref, name=record.name, **stamps,
                identity_class=IDENTITY_CLASS.get(record.type, "organization"),
                sectors=SECTORS.get(record.type), description=described,
                external_references=[{"source_name": "briefs", "external_id": actor.id}],
                **common,
            )  # fmt: skip
        actor_ref[actor.id] = ref
        objects.append(obj)

    supports: dict[str, list[str]] = {}  # claim key → the relationships it is evidence for
    for relation in model.relations:
        ref = stix_id("relationship", relation.type, relation.subject, relation.object,
                      relation.since or "", relation.until or "")  # fmt: skip
        for evidence in relation.claims:
            supports.setdefault(evidence, []).append(ref)
        objects.append(stix2.Relationship(
            id=ref, relationship_type=relation.type, source_ref=actor_ref[relation.subject],
            target_ref=actor_ref[relation.object], **stamps,
            description=relation.note, **_bounds(relation.since, relation.until), **common,
        ))  # fmt: skip

    for article in model.articles.values():
        paper = article.record
        day = _moment(paper.published)
        report = stix_id("report", article.id)
        rights = [marking[paper.rights].id]
        named = {m.actor for m in model.mentions_in(article.id)} | {paper.outlet}
        outlet = model.actor_name(paper.outlet)
        external = [{"source_name": "briefs", "external_id": article.id}]
        if paper.url:
            external.append({"source_name": outlet, "url": paper.url})
        if paper.archive_url:
            external.append({"source_name": "archive", "url": paper.archive_url})
        objects.append(stix2.Report(
            id=report, name=paper.title, description=paper.dek, published=day, created=day,
            modified=max(day, as_of), report_types=["threat-report"], lang=paper.language,
            object_refs=_refs(actor_ref[a] for a in named), external_references=external,
            object_marking_refs=rights, **common,
        ))  # fmt: skip
        for claim in paper.claims:
            key = f"{article.id}#{claim.id}"
            source = claim.source or paper.outlet
            letter = model.actors[source].record.reliability or "?"
            grade = f"{letter}{claim.credibility}"
            credibility = (
                f"credibility {claim.credibility} ({CREDIBILITY_WORDS[claim.credibility]})"
            )
            said = f"Attributed to {claim.attributed_to}. " if claim.attributed_to else ""
            objects.append(stix2.Note(
                id=stix_id("note", key), abstract=claim.text,
                content=f"{said}Quote: “{claim.quote}”. Admiralty grade {grade}: source "
                        f"{model.actor_name(source)}, {credibility}.",
                object_refs=_refs([report, *(actor_ref[a] for a in claim.actors),
                                   *supports.get(key, [])]),
                labels=[f"admiralty:{grade}", f"credibility:{claim.credibility}",
                        *([f"reliability:{letter}"] if letter != "?" else []),
                        *(["anonymous"] if claim.anonymous else []), f"status:{claim.status}"],
                confidence=CONFIDENCE.get(claim.credibility), created=day,
                modified=max(day, as_of),
                object_marking_refs=rights, **common,
            ))  # fmt: skip

    objects.sort(key=lambda o: (o["type"], o["id"]))  # type: ignore[index]
    ids = "\n".join(o["id"] for o in objects)  # type: ignore[index]
    return stix2.Bundle(objects=objects, id=stix_id("bundle", ids), allow_custom=False)


def export_stix(analysis: Analysis, project: str) -> str:
    return str(stix_bundle(analysis, project).serialize(pretty=True)) + "\n"
