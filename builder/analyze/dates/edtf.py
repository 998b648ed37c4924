"""EDTF `when:` values and relation dates as strict day intervals (the edtf library for what is
not a plain ISO year, month or day). `~` and `?` are flags that never widen the interval.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from builder.analyze.dates.interval import Interval, Precision, month_of


@dataclass(frozen=True)
class Resolution:
    interval: Interval
    problem: tuple[str, str] | None = None  # (code, message)
    candidates: tuple[Interval, ...] = ()  # the other readings of an ambiguous phrase
    relative: bool = False  # counted from the reference day (so as uncertain as that day)


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return month_of(year, month)


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
