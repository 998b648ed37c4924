"""Day intervals, the unit every date resolves to."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "week", "month", "year", "range", "open"]


@dataclass(frozen=True)
class Interval:
    """Both ends inclusive; None on an open side."""

    start: dt.date | None
    end: dt.date | None
    precision: Precision

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start or dt.date.min, self.end or dt.date.max)

    def describe(self) -> str:
        """The interval as a reader writes it: a day, or first and last day."""
        if self.start == self.end and self.start is not None:
            return self.start.isoformat()
        start = self.start.isoformat() if self.start else ".."
        end = self.end.isoformat() if self.end else ".."
        return f"{start}/{end}"


def month_of(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_of(day: dt.date) -> Interval:
    """The ISO week (Monday to Sunday) holding a day."""
    monday = day - dt.timedelta(days=day.weekday())
    return Interval(monday, monday + dt.timedelta(days=6), "week")
