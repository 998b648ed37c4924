"""Dated entries for timelines: article events resolved to intervals, and topic deadlines."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from builder.analyze.dates import Interval, Precision, parse_edtf_interval, resolve_when
from builder.analyze.same_as import group_roots
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
    # One event reported by several articles (`same_as`): every report's key, sorted.
    reports: tuple[str, ...] = ()

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


def _event_groups(model: Model) -> dict[str, list[str]]:
    """Events joined by `same_as` (symmetric, transitive), by their smallest key."""
    groups: dict[str, list[str]] = {}
    roots = group_roots({key: entry.event.same_as for key, entry in model.events.items()})
    for key in sorted(roots):
        groups.setdefault(roots[key], []).append(key)
    return groups


def _shared(intervals: list[Interval]) -> Interval | None:
    """The days every interval holds, or None when they have none in common."""
    starts = [i.start for i in intervals if i.start is not None]
    ends = [i.end for i in intervals if i.end is not None]
    start, end = (max(starts) if starts else None), (min(ends) if ends else None)
    if start is not None and end is not None and end < start:
        return None
    precision = intervals[0].precision if len({i.precision for i in intervals}) == 1 else "range"
    return Interval(start, end, precision)


def _narrowest(intervals: list[Interval]) -> Interval:
    def width(i: Interval) -> int:
        if i.start is None or i.end is None:
            return 10**9
        return (i.end - i.start).days

    return min(intervals, key=width)


def event_rows(
    model: Model, entries: dict[str, TimelineEntry]
) -> tuple[dict[str, str], dict[str, TimelineEntry], list[Diagnostic]]:
    """One timeline row per event however many articles report it: (each event's row key,
    the rows, problems). A row's dates are the days its reports share; reports whose dates
    share no day keep the narrowest, with a warning at the `same_as` that joined them."""
    row_of: dict[str, str] = {}
    rows: dict[str, TimelineEntry] = {}
    problems: list[Diagnostic] = []
    for first, keys in _event_groups(model).items():
        for key in keys:
            row_of[key] = first
        if len(keys) == 1:
            rows[first] = entries[first]
            continue
        intervals = [entries[k].interval for k in keys]
        interval = _shared(intervals)
        if interval is None:
            interval = _narrowest(intervals)
            problems.append(_disagreement(model, keys, interval))
        actors = tuple(dict.fromkeys(a for k in keys for a in entries[k].actors))
        inferred = any(entries[k].inferred for k in keys)
        rows[first] = replace(
            entries[first], interval=interval, actors=actors, inferred=inferred, reports=tuple(keys)
        )
    return row_of, rows, problems


def _disagreement(model: Model, keys: list[str], kept: Interval) -> Diagnostic:
    holder = next(k for k in keys if model.events[k].event.same_as)
    entry = model.events[holder]
    index = entry.article.record.events.index(entry.event)
    listed = ", ".join(keys)
    message = (
        f"events {listed} are one event (same_as) but their dates share no day; the timeline "
        f"shows the narrowest, {kept.describe()}: check each 'when'"
    )
    return warning(
        entry.article.source.at("events", index, "same_as"), "event-dates-disagree", message
    )


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
                if resolution.problem:  # not a date, or an interval that ends before it starts
                    at = actor.source.at("relations", index, field)
                    problems.append(error(at, *resolution.problem))
                else:
                    bounds[field] = resolution.interval
            since, until = bounds.get("since"), bounds.get("until")
            if since and until and since.start and until.end and until.end < since.start:
                at = actor.source.at("relations", index, "until")
                message = f"relation ends ({relation.until}) before it starts ({relation.since})"
                problems.append(error(at, "date-order", message))
    return problems
