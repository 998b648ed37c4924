"""Relations and dates worded as a reader says them: "backs", "was attacked by", "April 2024".

The pictures and their descriptions use these words instead of the vocabulary's identifiers
("has-part", "attacks (2024-04–2024-04)") and the raw date phrases of the records.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from builder.analyze.dates import Interval
from builder.model import Relation, RelationView

MONTHS = tuple(calendar.month_name)[1:]

# Each label of the vocabulary, read from the actor whose page it is: (present, past). An
# inverse label is worded so that the other actor is the one acting, as the graph's arrow shows
# ("Iran has as mediator Oman": Oman → Iran, Oman mediates). The past form is for a relation
# that has ended (`until`).
_VERBS: dict[str, tuple[str, str]] = {
    "part-of": ("is part of", "was part of"),
    "has-part": ("has as part", "had as part"),
    "leads": ("leads", "led"),
    "led-by": ("is led by", "was led by"),
    "member-of": ("is a member of", "was a member of"),
    "has-member": ("has as a member", "had as a member"),
    "backs": ("backs", "backed"),
    "backed-by": ("is backed by", "was backed by"),
    "supplies": ("supplies", "supplied"),
    "supplied-by": ("is supplied by", "was supplied by"),
    "mediates": ("mediates for", "mediated for"),
    "mediated-by": ("has as mediator", "had as mediator"),
    "attacks": ("attacks", "attacked"),
    "attacked-by": ("is attacked by", "was attacked by"),
    "threatens": ("threatens", "threatened"),
    "threatened-by": ("is threatened by", "was threatened by"),
    "splinter-of": ("is a splinter of", "split from"),
    "has-splinter": ("has a splinter group", "had a splinter group"),
    "allied-with": ("is allied with", "was allied with"),
    "rival-of": ("is a rival of", "was a rival of"),
    "negotiates-with": ("negotiates with", "negotiated with"),
}

_EDTF = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<mark>[~?%]?)")


def edtf_words(text: str) -> str:
    """'2024-04' → 'April 2024', '2024-04-13' → '13 April 2024', '2019~' → 'about 2019'.
    Anything else (an interval, an unspecified digit) is shown as written."""
    match = _EDTF.fullmatch(text)
    if match is None:
        return text
    year, month, day = match["year"], match["month"], match["day"]
    words = year
    if month is not None and 1 <= int(month) <= 12:
        words = f"{MONTHS[int(month) - 1]} {year}"
        if day is not None:
            words = f"{int(day)} {words}"
    elif month is not None:  # seasons and other EDTF extensions: as written
        return text
    return ("about " if match["mark"] else "") + words


def verb(label: str, past: bool = False) -> str:
    """The label as words, e.g. 'has-part' → 'has as part'; an unknown label loses its hyphens."""
    present, past_form = _VERBS.get(label, (label.replace("-", " "), label.replace("-", " ")))
    return past_form if past else present


def bounds_words(since: str | None, until: str | None) -> str:
    """A relation's time bounds: 'in April 2024', 'since 2019', 'from 2019 to 2021',
    'until 2021', or '' without bounds."""
    if since and until:
        if since == until:
            return f"in {edtf_words(since)}"
        return f"from {edtf_words(since)} to {edtf_words(until)}"
    if until:
        return f"until {edtf_words(until)}"
    return f"since {edtf_words(since)}" if since else ""


def relation_words(view: RelationView) -> str:
    """The relation from this actor's side with its time bounds: 'attacked in April 2024',
    'backs since 2019', 'backed from 2019 to 2021'; after a phrase that ends in a preposition
    the bounds go in brackets: 'was attacked by (in April 2024)'. An ended relation (an
    `until`) is in the past tense."""
    r = view.relation
    words = verb(view.label, past=bool(r.until))
    bounds = bounds_words(r.since, r.until)
    if not bounds:
        return words
    return f"{words} {bounds}" if " " not in words else f"{words} ({bounds})"


def relation_sentence(relation: Relation, name_of: Callable[[str], str]) -> str:
    """The relation as a sentence in its forward direction: 'Iran attacked Israel in April
    2024', 'Islamic Revolutionary Guard Corps is part of Iran'."""
    words = verb(relation.type, past=bool(relation.until))
    bounds = bounds_words(relation.since, relation.until)
    sentence = f"{name_of(relation.subject)} {words} {name_of(relation.object)}"
    return f"{sentence} {bounds}" if bounds else sentence


def day_words(day: dt.date, year: bool = True) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def interval_words(interval: Interval) -> str:
    """A resolved interval as words: '7 April 2025', 'April 2024', '7–13 April 2025',
    '28 April – 3 May 2025', 'from 7 April 2025', 'until 1 May 2025'."""
    start, end = interval.start, interval.end
    if start is None and end is None:
        return "date unknown"
    if start is None:
        assert end is not None
        return f"until {day_words(end)}"
    if end is None:
        return f"from {day_words(start)}"
    if start == end:
        return day_words(start)
    last_of_month = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and last_of_month and (start.year, start.month) == (end.year, end.month):
        return f"{MONTHS[start.month - 1]} {start.year}"
    if start.day == 1 and last_of_month and (start.month, end.month) == (1, 12):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{day_words(start, year=False)} – {day_words(end)}"
    return f"{day_words(start)} – {day_words(end)}"
