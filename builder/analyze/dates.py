"""Resolving `when:` into a day interval: EDTF through the edtf library, or one closed phrase.

The phrases (SPEC §5) are resolved against a reference day P (`relative_to`, else `published`).
EDTF uses strict bounds: `~` and `?` are flags that never widen the interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "week", "month", "year", "range", "open"]
NUMBERS = {
    w: i
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1
    )
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_NUMBER = r"(\d+|" + "|".join(NUMBERS) + ")"


@dataclass(frozen=True)
class Interval:
    """Both ends inclusive; None on an open side."""

    start: dt.date | None
    end: dt.date | None
    precision: Precision

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start or dt.date.min, self.end or dt.date.max)


@dataclass(frozen=True)
class Resolution:
    interval: Interval
    problem: tuple[str, str] | None = None  # (code, message)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _week_of(day: dt.date) -> Interval:
    monday = _monday(day)
    return Interval(monday, monday + dt.timedelta(days=6), "week")


def _day(day: dt.date) -> Interval:
    return Interval(day, day, "day")


def _in_month(month: int, p: dt.date) -> Interval:
    year = p.year if month <= p.month else p.year - 1
    start, end = _month(year, month)
    return Interval(start, min(end, p) if (year, month) == (p.year, p.month) else end, "month")


def _last_weekday(weekday: int, p: dt.date) -> Interval:
    back = (p.weekday() - weekday) % 7 or 7
    return _day(p - dt.timedelta(days=back))


def _previous_month(p: dt.date) -> Interval:
    last = p.replace(day=1) - dt.timedelta(days=1)
    return Interval(*_month(last.year, last.month), "month")


def _days_ago(m: re.Match[str], p: dt.date) -> Interval:
    return _day(p - dt.timedelta(days=_count(m[1])))


def _weeks_ago(m: re.Match[str], p: dt.date) -> Interval:
    return _week_of(p - dt.timedelta(weeks=_count(m[1])))


def _last_year(p: dt.date) -> Interval:
    return Interval(dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), "year")


Rule = Callable[[re.Match[str], dt.date], Interval]
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(MONTHS)
PHRASES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(r"today"), lambda m, p: _day(p)),
    (re.compile(r"yesterday"), lambda m, p: _day(p - dt.timedelta(days=1))),
    (re.compile(rf"{_NUMBER} days? ago"), _days_ago),
    (re.compile(r"(?:earlier )?this week"), lambda m, p: Interval(_monday(p), p, "week")),
    (re.compile(r"last week"), lambda m, p: _week_of(p - dt.timedelta(weeks=1))),
    (re.compile(rf"{_NUMBER} weeks? ago"), _weeks_ago),
    (re.compile(rf"(?:on|last) ({_WEEKDAY})"), lambda m, p: _last_weekday(WEEKDAYS[m[1]], p)),
    (re.compile(r"this month"), lambda m, p: Interval(p.replace(day=1), p, "month")),
    (re.compile(r"last month"), lambda m, p: _previous_month(p)),
    (re.compile(rf"in ({_MONTH})"), lambda m, p: _in_month(MONTHS[m[1]], p)),
    (re.compile(r"this year"), lambda m, p: Interval(dt.date(p.year, 1, 1), p, "year")),
    (re.compile(r"last year"), lambda m, p: _last_year(p)),
    (re.compile(r"recently"), lambda m, p: Interval(None, p, "open")),
]


def _bound(value: object) -> dt.date | None:
    if not isinstance(value, tuple):
        return None  # an open or unknown end: the library gives infinity
    return dt.date(value[0], value[1], value[2])


def _precision(text: str) -> Precision:
    if "/" in text:
        return "open" if ".." in text or text.endswith("/") or text.startswith("/") else "range"
    core = text.rstrip("~?%")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", core):
        return "day"
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", core):
        return "month"
    return "year" if re.fullmatch(r"\d{4}", core) else "range"


_SIMPLE_SIDE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?[~?%]?")


class _NotSimple(Exception):
    pass


def _simple_side(side: str) -> tuple[dt.date | None, dt.date | None]:
    """A plain ISO year, month or day (qualifiers never widen it) as its first and last day."""
    if side in ("", ".."):
        return None, None
    match = _SIMPLE_SIDE.fullmatch(side)
    if match is None:
        raise _NotSimple
    year, month, day = int(match[1]), match[2], match[3]
    if day is not None:
        exact = dt.date(year, int(month), int(day))  # ValueError for 2025-02-30
        return exact, exact
    if month is not None:
        return _month(year, int(month))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _bounds_of(text: str) -> tuple[dt.date | None, dt.date | None]:
    """Strict bounds: plain ISO forms directly (the library's parser is slow), the rest of EDTF
    (seasons, unspecified digits, sets, ...) through the edtf library."""
    try:
        if "/" in text:
            left, right = text.split("/", 1)
            if left in ("", "..") and right in ("", ".."):
                raise _NotSimple
            return _simple_side(left)[0], _simple_side(right)[1]
        return _simple_side(text)
    except _NotSimple:
        return _library_bounds(text)


@functools.lru_cache(maxsize=4096)
def _library_bounds(text: str) -> tuple[dt.date | None, dt.date | None]:
    # Imported on first use: building the library's grammar takes a sixth of a second, and most
    # corpora only hold plain dates.
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        parsed = parse_edtf(text)
    except EDTFParseException as exc:
        raise ValueError(str(exc)) from exc
    return _bound(parsed.lower_strict()), _bound(parsed.upper_strict())


def parse_edtf_interval(text: str) -> Resolution:
    """An EDTF string as a strict day interval, or an `invalid-date` / `date-order` problem."""
    try:
        start, end = _bounds_of(text)
    except (ValueError, TypeError, OverflowError):
        return Resolution(
            Interval(None, None, "open"), ("invalid-date", f"'{text}' is not a valid EDTF date")
        )
    precision = _precision(text)
    if start and end and end < start:
        message = f"interval '{text}' ends ({end}) before it starts ({start})"
        return Resolution(Interval(start, end, precision), ("date-order", message))
    return Resolution(Interval(start, end, precision))


def resolve_when(when: str, reference: dt.date) -> Resolution:
    """A `when:` value as an interval, with the problem it has if any."""
    text = when.strip()
    phrase = " ".join(text.lower().split())
    for pattern, rule in PHRASES:
        match = pattern.fullmatch(phrase)
        if match:
            return Resolution(rule(match, reference))
    if text[:1].isdigit() or text.startswith(".."):
        return parse_edtf_interval(text)  # "3 days ago" is a phrase; "2025-02-30" must be EDTF
    message = (
        f"'{when}' is not a date phrase the builder knows; "
        f"kept as an open interval ending {reference}"
    )
    return Resolution(Interval(None, reference, "open"), ("unknown-date-phrase", message))
