"""Dated entries for timelines: article events resolved to intervals, and topic deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.analyze.dates import Interval, Precision, parse_edtf_interval, resolve_when
from builder.diagnostics import Diagnostic, error, warning
from builder.model import Model
from builder.validate.corpus import ValidArticle
from builder.validate.models import Event


@dataclass(frozen=True)
class TimelineEntry:
    interval: Interval
    kind: Literal["event", "deadline"]
    key: str  # '<article>#<event>' or '<topic>#<deadline>'
    what: str
    when: str  # as written
    actors: tuple[str, ...]
    # Counted from a publication day the curator inferred: the dates are inferred too.
    inferred: bool = False

    def sort_key(self) -> tuple[object, ...]:
        return (*self.interval.sort_key(), self.key)


_WARNINGS = frozenset({"unknown-date-phrase", "ambiguous-date"})


def _context(article: ValidArticle, event: Event) -> str:
    """The paragraph that holds the event's quote: where the tense of `when` is read."""
    span = article.event_quotes.get(event.id)
    if span is not None:
        for paragraph in article.text.paragraphs:
            if paragraph.number == span.paragraph:
                return paragraph.text
    return event.quote or ""


def resolve_events(model: Model) -> tuple[dict[str, TimelineEntry], list[Diagnostic]]:
    """Every article event as a timeline entry; date problems located at its `when:`."""
    entries: dict[str, TimelineEntry] = {}
    problems: list[Diagnostic] = []
    for key, entry in model.events.items():
        event, article = entry.event, entry.article
        record = article.record
        reference = event.relative_to or record.published
        resolution = resolve_when(
            event.when, reference, language=record.language, context=_context(article, event)
        )
        if resolution.problem is not None:
            code, message = resolution.problem
            index = record.events.index(event)
            at = article.source.at("events", index, "when")
            problems.append((warning if code in _WARNINGS else error)(at, code, message))
        inferred = (
            resolution.relative and event.relative_to is None and ("published" in record.inferred)
        )
        entries[key] = TimelineEntry(
            resolution.interval, "event", key, event.what, event.when, tuple(event.actors),
            inferred or "when" in event.inferred,
        )  # fmt: skip
    return entries, problems


def deadline_entries(model: Model) -> dict[str, TimelineEntry]:
    entries = {}
    for topic in model.topics.values():
        for deadline in topic.record.deadlines:
            key = f"{topic.id}#{deadline.id}"
            precision: Precision = "range" if deadline.start else "day"
            interval = Interval(deadline.start or deadline.due, deadline.due, precision)
            when = (
                f"{deadline.start} to {deadline.due}" if deadline.start else f"due {deadline.due}"
            )
            entries[key] = TimelineEntry(
                interval, "deadline", key, deadline.what, when, tuple(topic.record.actors)
            )
    return entries


def relation_dates(model: Model) -> list[Diagnostic]:
    """`since` and `until` must be real EDTF dates, in order."""
    problems = []
    for actor in model.actors.values():
        for index, relation in enumerate(actor.record.relations):
            bounds = {}
            for field in ("since", "until"):
                value = getattr(relation, field)
                if value is None:
                    continue
                resolution = parse_edtf_interval(value)
                if resolution.problem and resolution.problem[0] == "invalid-date":
                    at = actor.source.at("relations", index, field)
                    problems.append(error(at, "invalid-date", resolution.problem[1]))
                else:
                    bounds[field] = resolution.interval
            since, until = bounds.get("since"), bounds.get("until")
            if since and until and since.start and until.end and until.end < since.start:
                at = actor.source.at("relations", index, "until")
                message = f"relation ends ({relation.until}) before it starts ({relation.since})"
                problems.append(error(at, "date-order", message))
    return problems
