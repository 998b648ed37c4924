"""Stage 4: analysis of the linked model (contradictions, as-of date, deadline states)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from builder.model import Model
from builder.validate.models import Deadline

__all__ = ["Analysis", "analyze", "deadline_state"]


@dataclass(frozen=True)
class Analysis:
    model: Model
    as_of: dt.date | None
    contradictions: dict[str, tuple[str, ...]]

    def contradicted_by(self, claim: str) -> tuple[str, ...]:
        return self.contradictions.get(claim, ())


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


def analyze(model: Model) -> Analysis:
    """Everything computed across records that pages show."""
    return Analysis(model, model.newest_date(), _contradictions(model))
