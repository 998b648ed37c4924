"""Stage 4: analysis of the linked model: origins, contradictions, dates, timelines, lint."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from builder.analyze.facts import ActorFacts, gather_facts
from builder.analyze.lint import judgment_support, translations
from builder.analyze.origins import (
    Origins,
    citation_cycles,
    same_and_contradicting,
    support,
    trace_origins,
)
from builder.analyze.overlap import overlapping_articles
from builder.analyze.timeline import (
    TimelineEntry,
    deadline_entries,
    event_rows,
    relation_dates,
    resolve_events,
)
from builder.diagnostics import Diagnostic, has_errors
from builder.model import Model
from builder.validate.models import Deadline

__all__ = ["Analysis", "AnalysisResult", "analyze", "deadline_state"]


@dataclass(frozen=True)
class Analysis:
    model: Model
    as_of: dt.date | None
    contradictions: dict[str, tuple[str, ...]]
    origins: Origins
    events: dict[str, TimelineEntry]  # every article event, with its own dates
    deadlines: dict[str, TimelineEntry]
    facts: ActorFacts
    # Events joined by same_as are one timeline row: each event's row key, and the rows.
    row_of: dict[str, str] = field(default_factory=dict)
    rows: dict[str, TimelineEntry] = field(default_factory=dict)

    def contradicted_by(self, claim: str) -> tuple[str, ...]:
        return self.contradictions.get(claim, ())

    def support(self, claims: list[str]) -> tuple[int, int]:
        """(distinct articles, independent origins) behind some claims."""
        return support(self.origins, claims)

    def timeline(self) -> list[TimelineEntry]:
        """Every event and deadline, sorted by interval."""
        return sorted([*self.rows.values(), *self.deadlines.values()], key=TimelineEntry.sort_key)

    def topic_timeline(self, topic_id: str) -> list[TimelineEntry]:
        """The topic's deadlines, the events of the articles its judgments and deadlines cite,
        and the events it lists."""
        record = self.model.topics[topic_id].record
        cited = [c for j in record.key_judgments for c in j.claims]
        cited += [c for d in record.deadlines for c in d.claims]
        articles = {c.split("#", 1)[0] for c in cited}
        # The events of those articles, looked up one by one: a preview then renders the topic
        # again only when one of them changes (builder/render/inputs.py).
        events = self.model.events
        keys = {
            key
            for article in articles
            if article in self.model.articles
            for event in self.model.articles[article].record.events
            if (key := f"{article}#{event.id}") in events
        }
        keys |= set(record.events)
        entries = [self.rows[r] for r in sorted({self.row_of[k] for k in keys if k in self.row_of})]
        entries += [self.deadlines[f"{topic_id}#{d.id}"] for d in record.deadlines]
        return sorted(entries, key=TimelineEntry.sort_key)

    @functools.cached_property
    def _events_by_actor(self) -> dict[str, list[TimelineEntry]]:
        """Built once: scanning every event for every actor would be quadratic."""
        grouped: dict[str, list[TimelineEntry]] = defaultdict(list)
        for entry in self.rows.values():
            for actor in dict.fromkeys(entry.actors):
                grouped[actor].append(entry)
        return {a: sorted(es, key=TimelineEntry.sort_key) for a, es in grouped.items()}

    def actor_timeline(self, actor_id: str) -> list[TimelineEntry]:
        return list(self._events_by_actor.get(actor_id, []))

    def disputes(self) -> list[tuple[str, str]]:
        """Each contradicting pair once, ordered."""
        return sorted({tuple(sorted((a, b))) for a, bs in self.contradictions.items() for b in bs})  # type: ignore[misc]

    def retracted_support(self, claims: list[str]) -> list[str]:
        """The claims among these that are retracted or superseded."""
        return [
            c
            for c in claims
            if c in self.model.claims and self.model.claims[c].claim.status != "active"
        ]


@dataclass(frozen=True)
class AnalysisResult:
    analysis: Analysis | None
    diagnostics: list[Diagnostic]


def _contradictions(model: Model) -> dict[str, tuple[str, ...]]:
    """Contradiction is symmetric: written on one claim, it shows on both."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for key, entry in model.claims.items():
        for ref in entry.claim.contradicts:
            other = ref if "#" in ref else f"{entry.article.id}#{ref}"
            if other in model.claims and other != key:
                pairs[key].add(other)
                pairs[other].add(key)
    return {key: tuple(sorted(others)) for key, others in sorted(pairs.items())}


def deadline_state(deadline: Deadline, as_of: dt.date) -> str:
    """A deadline's state in words, counted from the newest content date, never the wall clock."""
    days = (deadline.due - as_of).days
    if days > 0:
        unit = "day" if days == 1 else "days"
        return f"due in {days} {unit} (as of {as_of.isoformat()})"
    if days == 0:
        return "due today"
    unit = "day" if days == -1 else "days"
    return f"passed {-days} {unit} ago"


def analyze(model: Model) -> AnalysisResult:
    """Everything computed across records that pages show, with the problems found doing it."""
    problems = citation_cycles(model)
    if has_errors(problems):
        return AnalysisResult(None, problems)
    events, date_problems = resolve_events(model)
    row_of, rows, row_problems = event_rows(model, events)
    problems += date_problems + row_problems + relation_dates(model)
    origins = trace_origins(model)
    problems += same_and_contradicting(model, origins.cluster_of)
    problems += overlapping_articles(model) + judgment_support(model) + translations(model)
    analysis = Analysis(
        model=model,
        as_of=model.newest_date(),
        contradictions=_contradictions(model),
        origins=origins,
        events=events,
        deadlines=deadline_entries(model),
        facts=gather_facts(model),
        row_of=row_of,
        rows=rows,
    )
    return AnalysisResult(None if has_errors(problems) else analysis, problems)
