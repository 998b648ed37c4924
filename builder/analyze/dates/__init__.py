"""Resolving `when:` into a day interval: EDTF, or a date phrase in the article's language.

A phrase is resolved against a reference day P (`relative_to`, else `published`), in the tense
its context gives it (see `tense.py`): the interval rules are in `phrases.py`, other languages
are rewritten into English phrases by `languages.py`, Persian solar and Hijri dates and
datelines are read by `calendars.py`. What the rules cannot place with certainty comes back with
its candidates and an `ambiguous-date` warning; a date the calendar cannot hold is an error.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from builder.analyze.dates.calendars import dateline_date, solar_or_lunar
from builder.analyze.dates.edtf import Resolution, parse_edtf_interval
from builder.analyze.dates.interval import Interval, Precision
from builder.analyze.dates.languages import WEEKDAYS, ascii_digits, english_phrase
from builder.analyze.dates.phrases import Placed, place
from builder.analyze.dates.tense import tense_of

__all__ = ["Interval", "Precision", "Resolution", "parse_edtf_interval", "resolve_when"]

_FILLER = ("on ", "the ", "in the ")


def _placed(when: str, reference: dt.date, language: str, context: str) -> Placed | None:
    phrase = english_phrase(when, language)
    tense = tense_of(when, context, language)
    found = place(phrase, reference, tense)
    for filler in _FILLER:
        if found is None and phrase.startswith(filler):
            found = place(phrase.removeprefix(filler), reference, tense)
    if found is None:
        written = solar_or_lunar(when, reference)
        # A year written in the phrase makes it absolute: no reference day needed.
        absolute = re.search(r"\d{4}", ascii_digits(when)) is not None
        found = Placed(written, relative=not absolute) if written is not None else None
    if found is None and (date_part := dateline_date(when)) is not None:
        found = place(english_phrase(date_part, language), reference, tense)
    return found


def _ambiguous(when: str, placed: Placed, reference: dt.date, language: str) -> Resolution:
    readings = [placed.interval, *placed.others]
    listed = " or ".join(r.describe() for r in readings)
    weekday = next((w for w in WEEKDAYS if w in english_phrase(when, language)), None)
    hint = f" (e.g. 'last {weekday.title()}', 'next {weekday.title()}')" if weekday else ""
    message = (
        f"'{when}' could be {listed} ({placed.reason}, counting from {reference}); kept "
        f"{placed.interval.describe()}: say which in 'when:'{hint} or write the date"
    )
    problem = ("ambiguous-date", message)
    return Resolution(placed.interval, problem, tuple(placed.others), relative=True)


# A pure function of its arguments, and its result is frozen: a preview's rebuilds (and every
# check after the first in one process) resolve only the `when:` values an edit changed.
@functools.lru_cache(maxsize=1 << 15)
def resolve_when(
    when: str, reference: dt.date, *, language: str = "en", context: str = ""
) -> Resolution:
    """A `when:` value as an interval, with the problem it has if any."""
    text = when.strip()
    try:
        placed = _placed(text, reference, language, context)
    except (ValueError, OverflowError) as exc:
        message = f"'{when}' counted from {reference} leaves the calendar ({exc})"
        return Resolution(Interval(None, None, "open"), ("date-out-of-range", message))
    if placed is not None:
        if placed.others:
            return _ambiguous(when, placed, reference, language)
        return Resolution(placed.interval, relative=placed.relative)
    if text[:1].isdigit() or text.startswith(".."):
        return parse_edtf_interval(text)  # "3 days ago" is a phrase; "2025-02-30" must be EDTF
    if text.lower() in ("recently", "in recent days", "in recent weeks", "lately"):
        return Resolution(Interval(None, reference, "open"), relative=True)
    message = (
        f"'{when}' is not a date phrase the builder knows; "
        f"kept as an open interval ending {reference}"
    )
    problem = ("unknown-date-phrase", message)
    return Resolution(Interval(None, reference, "open"), problem, relative=True)
