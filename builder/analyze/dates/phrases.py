"""The interval rules for date phrases (English; other languages are rewritten into these).

Each rule turns a phrase, the reference day P and the tense it is written in into an interval.
Where the words and the tense cannot decide between two intervals (a weekday, a month or a day
without a year and without tense), the rule returns both: the caller keeps the first and warns,
naming both. Rules are tried in order; the first whose pattern matches the whole phrase wins.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from builder.analyze.dates.interval import Interval, month_of, week_of
from builder.analyze.dates.languages import MONTHS, NUMBER_WORDS, WEEKDAYS
from builder.analyze.dates.tense import Tense

DAY = dt.timedelta(days=1)
_N = r"(\d{1,6}|" + "|".join(NUMBER_WORDS) + ")"
_WD = "(" + "|".join(WEEKDAYS) + ")"
_MO = "(" + "|".join(MONTHS) + "|" + "|".join(m[:3] for m in MONTHS) + r")\.?"
_PART = r"(?: (?:morning|afternoon|evening|night))?"


@dataclass(frozen=True)
class Placed:
    """A phrase's interval and, when the words leave it open, the other candidates."""

    interval: Interval
    others: tuple[Interval, ...] = ()
    reason: str = ""  # why it is ambiguous, for the warning
    relative: bool = True  # False when the phrase names its year and needs no reference day


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _month_number(word: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(word[:3]))


def _day(day: dt.date) -> Interval:
    return Interval(day, day, "day")


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _month(year: int, month: int) -> Interval:
    start, end = month_of(year, month)
    return Interval(start, end, "month")


def _year(year: int) -> Interval:
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _weekend(saturday: dt.date) -> Interval:
    return Interval(saturday, saturday + DAY, "week")


def _weekday(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    earlier, modifier, name = m["earlier"], m["mod"] or "", m["wd"]
    target = WEEKDAYS.index(name)
    back = (p.weekday() - target) % 7 or 7
    ahead = (target - p.weekday()) % 7 or 7
    before, after = _day(p - dt.timedelta(days=back)), _day(p + dt.timedelta(days=ahead))
    same = target == p.weekday()
    if modifier == "last":
        return Placed(before)
    if modifier in ("next", "this coming", "coming"):
        return Placed(after)
    if modifier == "this":  # the day of P's own ISO week, moved a week by a tense against it
        day = p + dt.timedelta(days=target - p.weekday())
        if tense == "future" and day < p:
            day += dt.timedelta(weeks=1)
        elif tense == "past" and day > p:
            day -= dt.timedelta(weeks=1)
        return Placed(_day(day))
    if same and (earlier == "earlier" or (earlier == "later" and tense != "past")):
        return Placed(_day(p))  # "earlier on Saturday" in Saturday's paper is that Saturday
    if same:
        if tense == "future":
            return Placed(_day(p), (after,), "the same day or a week later")
        return Placed(_day(p), (before,), "the same day or a week before")
    if tense is None:
        first, second = (after, before) if tense == "future" else (before, after)
        return Placed(first, (second,), "the one before or the one after")
    return Placed(after if tense == "future" else before)


def _in_month(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    month, year = _month_number(m["mo"]), m["year"]
    part = m["part"] or ""
    if year:
        return Placed(_part_of(_month(int(year), month), part), relative=False)
    this_year = _part_of(_month(p.year, month), part)
    if month == p.month and part and tense != "past":
        return Placed(this_year)  # "mid-April" written on 8 April: the part, to come or under way
    if month == p.month:
        if tense == "future":
            return Placed(Interval(max(p, this_year.start or p), this_year.end, "month"))
        return Placed(Interval(this_year.start, min(p, this_year.end or p), "month"))
    past_year = p.year if month < p.month else p.year - 1
    future_year = p.year if month > p.month else p.year + 1
    past = _part_of(_month(past_year, month), part)
    future = _part_of(_month(future_year, month), part)
    if tense == "future":
        return Placed(future)
    if tense == "past" or m["since"] or month < p.month:
        return Placed(past)  # earlier this year: the past reading, unless the tense is future
    return Placed(past, (future,), "last year's or this year's")


def _part_of(month: Interval, part: str) -> Interval:
    """Early (1-10), mid (11-20) or late (21-end) of a month, or the whole month."""
    assert month.start is not None and month.end is not None
    if part in ("early", "beginning of", "start of"):
        return Interval(month.start, month.start.replace(day=10), "range")
    if part in ("mid", "middle of"):
        return Interval(month.start.replace(day=11), month.start.replace(day=20), "range")
    if part in ("late", "end of"):
        return Interval(month.start.replace(day=21), month.end, "range")
    return month


def _since_month(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    placed = _in_month(m, p, "past")
    return Placed(Interval(placed.interval.start, p, "range"))


def _explicit_day(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    month, day = _month_number(m["mo"]), int(m["day"])
    if m["year"]:
        return Placed(_day(dt.date(int(m["year"]), month, day)), relative=False)
    candidates = []
    for year in (p.year - 1, p.year, p.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # 29 February of a common year
            continue
    if not candidates:
        raise ValueError(f"{MONTHS[month - 1].title()} has no day {day}")
    nearest = sorted(candidates, key=lambda d: abs((d - p).days))
    if abs((nearest[0] - p).days) <= 150:
        return Placed(_day(nearest[0]))  # within five months: the nearest, whatever the tense
    past = [d for d in candidates if d <= p]
    future = [d for d in candidates if d >= p]
    if tense == "past" and past:
        return Placed(_day(max(past)))
    if tense == "future" and future:
        return Placed(_day(min(future)))
    if abs((nearest[0] - p).days) <= 183:
        return Placed(_day(nearest[0]))
    return Placed(_day(nearest[0]), (_day(nearest[1]),), "this year's or another year's")


def _units_away(p: dt.date, unit: str, n: int) -> Interval:
    """The calendar day, week, month or year `n` of them from P's (before it when negative)."""
    if unit == "day":
        return _day(p + dt.timedelta(days=n))
    if unit == "week":
        return week_of(p + dt.timedelta(weeks=n))
    if unit == "month":
        return _month(*_shift_months(p, n))
    return _year(p.year + n)


def _ago(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    return Placed(_units_away(p, m["unit"], -_count(m["n"])))


def _ahead(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    n, unit = _count(m["n"]), m["unit"]
    if m["within"]:
        days = {"day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
        return Placed(Interval(p, p + dt.timedelta(days=days), "range"))
    return Placed(_units_away(p, unit, n))


def _relative_unit(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    which, unit = m["which"], m["unit"]
    if which in ("earlier this", "this"):
        start = {"week": week_of(p).start, "month": p.replace(day=1)}.get(unit)
        return Placed(Interval(start or dt.date(p.year, 1, 1), p, unit))  # type: ignore[arg-type]
    if which == "later this":
        end = {"week": week_of(p).end, "month": month_of(p.year, p.month)[1]}.get(unit)
        return Placed(Interval(p, end or dt.date(p.year, 12, 31), unit))  # type: ignore[arg-type]
    if which == "past":  # "the past week": the days up to P, not a calendar unit
        days = {"week": 6, "month": 29, "year": 364}[unit]
        return Placed(Interval(p - dt.timedelta(days=days), p, "range"))
    return Placed(_units_away(p, unit, -1 if which in ("last", "previous") else 1))


def _weekend_of(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    """Saturday and Sunday: of P's ISO week ("this"), the week before ("last") or after."""
    saturday = p + dt.timedelta(days=5 - p.weekday())
    which = m["which"] or ""
    if which in ("last", "past", "previous"):
        offset = -1
    elif which == "next" and p.weekday() < 5:  # said on a weekday: this coming one, or after?
        coming = _weekend(saturday)
        return Placed(
            coming,
            (_weekend(saturday + dt.timedelta(weeks=1)),),
            "this coming one or the one after",
        )
    elif which in ("next", "coming", "following"):
        offset = 1 if p.weekday() >= 5 else 0
    elif which == "this":
        offset = 0
    elif tense == "past":
        offset = 0 if p.weekday() >= 5 else -1
    elif tense == "future":
        offset = 1 if p.weekday() == 6 else 0
    else:
        before = _weekend(saturday - dt.timedelta(weeks=0 if p.weekday() >= 5 else 1))
        after = _weekend(saturday + dt.timedelta(weeks=1 if p.weekday() == 6 else 0))
        return Placed(before, (after,), "the one before or the one after")
    return Placed(_weekend(saturday + dt.timedelta(weeks=offset)))


def _fixed(days: int) -> Callable[[re.Match[str], dt.date, Tense | None], Placed]:
    return lambda m, p, tense: Placed(_day(p + dt.timedelta(days=days)))


def _kal(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    """Hindi कल is yesterday or tomorrow: the tense says which."""
    before, after = _day(p - DAY), _day(p + DAY)
    if tense == "future":
        return Placed(after)
    if tense == "past":
        return Placed(before)
    return Placed(before, (after,), "yesterday or tomorrow")


Rule = Callable[[re.Match[str], dt.date, "Tense | None"], Placed]
_YEAR = r"(?:,? (?P<year>\d{4}))?"
_PARTS = r"(?P<part>early|mid|late|end of|beginning of|start of|middle of)"
_COUNT = _N.replace("(", "(?P<n>", 1)
_UNIT = r"(?P<unit>day|week|month|year)s?"
_WEEKDAY = _WD.replace("(", "(?P<wd>", 1)
_MONTH = _MO.replace("(", "(?P<mo>", 1)
_NEXT_LAST = r"this|last|past|previous|next|coming|following"
_TODAY = r"(?:earlier |later )?(?:today|tonight|this (?:morning|afternoon|evening))"
_WITHIN = r"(?P<within>within |in the next |over the next )?(?:in )?"
_WEEKDAY_PHRASE = (
    r"(?:on )?(?:(?P<earlier>earlier|later) )?(?:on )?"
    rf"(?:(?P<mod>last|next|this coming|coming|this) )?{_WEEKDAY}{_PART}(?: (?P<mod2>next|last))?"
)


def _a_year(m: re.Match[str], p: dt.date, tense: Tense | None) -> Placed:
    year = int(m["y"])
    if m["since"]:
        return Placed(Interval(dt.date(year, 1, 1), p, "range"), relative=False)
    return Placed(_year(year), relative=False)


# "today, Saturday" and "yesterday Saturday" (اليوم السبت, أمس السبت): the weekday only repeats it.
_ECHO = rf"(?: {_WD.replace('(', '(?:', 1)})?"
RULES: list[tuple[re.Pattern[str], Rule]] = [
    (
        re.compile(r"(?P<since>since |from )?(?:in |of |the year )?(?P<y>1[89]\d\d|2\d\d\d)"),
        _a_year,
    ),
    (re.compile(_TODAY + _PART + _ECHO), _fixed(0)),
    (re.compile(rf"(?:the day before yesterday|two days ago){_PART}"), _fixed(-2)),
    (re.compile(rf"the day after tomorrow{_PART}"), _fixed(2)),
    (re.compile(rf"yesterday{_PART}{_ECHO}"), _fixed(-1)),
    (re.compile(r"last night"), _fixed(-1)),  # the evening before the paper's day
    (re.compile(rf"tomorrow{_PART}{_ECHO}"), _fixed(1)),
    (re.compile(r"yesterday-or-tomorrow"), _kal),
    (re.compile(rf"{_COUNT} {_UNIT} ago"), _ago),
    (re.compile(rf"{_WITHIN}{_COUNT} {_UNIT}(?: from now| later| time)?"), _ahead),
    (
        re.compile(
            rf"(?:over |during |in )?(?:the )?(?P<which>earlier this|later this|{_NEXT_LAST}) "
            r"(?P<unit>week|month|year)"
        ),
        _relative_unit,
    ),
    (
        re.compile(rf"(?:over |during |on |at )?(?:the )?(?:(?P<which>{_NEXT_LAST}) )?weekend"),
        _weekend_of,
    ),
    (re.compile(_WEEKDAY_PHRASE), _weekday),
    (re.compile(rf"(?P<since>since )(?:{_PARTS} )?{_MONTH}{_YEAR}"), _since_month),
    (
        re.compile(rf"(?:in |by )?(?:(?:the )?{_PARTS} )?(?:of )?{_MONTH}{_YEAR}(?P<since>)"),
        _in_month,
    ),
    (
        re.compile(rf"(?:on )?(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTH}{_YEAR}"),
        _explicit_day,
    ),
    (re.compile(rf"(?:on )?{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_YEAR}"), _explicit_day),
]


def place(phrase: str, p: dt.date, tense: Tense | None) -> Placed | None:
    """The interval of a normalised English phrase, or None if no rule knows it."""
    for pattern, rule in RULES:
        match = pattern.fullmatch(phrase)
        if match:
            if "mod2" in match.groupdict() and match["mod2"] and not match["mod"]:
                return _weekday(_with_mod(match), p, tense)
            return rule(match, p, tense)
    return None


class _Moved:
    """A weekday match whose modifier came after it ("saturday next")."""

    def __init__(self, match: re.Match[str]) -> None:
        self.groups = {**match.groupdict(), "mod": match["mod2"]}

    def __getitem__(self, key: str) -> str | None:
        return self.groups.get(key)


def _with_mod(match: re.Match[str]) -> re.Match[str]:
    return _Moved(match)  # type: ignore[return-value]


def weekday_name(day: dt.date) -> str:
    return calendar.day_name[day.weekday()]
