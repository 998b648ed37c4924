"""Dates written in the Persian solar (Jalali) and Hijri (Umm al-Qura) calendars, and datelines.

"۲۳ فروردین ۱۴۰۴", "1404/01/23" (Jalali) and "15 شوال 1446", "١٥ شوال ١٤٤٦هـ" (Hijri) are
converted with jdatetime and hijridate; "early Farvardin" is days 1-10 of that Jalali month. A
numeric date whose year could be either calendar takes the one that lands nearest the reference
day. A dateline ("TEHRAN, April 12 (Reuters) -", "Paris, le 12 avril") is the date it carries.
"""

from __future__ import annotations

import datetime as dt
import re

from builder.analyze.dates.interval import Interval
from builder.analyze.dates.languages import ascii_digits

JALALI_MONTHS = [
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
]  # fmt: skip
HIJRI_MONTHS = [
    ("محرم",),
    ("صفر",),
    ("ربيع الأول", "ربيع الاول", "ربیع‌الاول"),
    ("ربيع الثاني", "ربيع الآخر"),
    ("جمادى الأولى", "جمادى الاولى"),
    ("جمادى الآخرة", "جمادى الثانية"),
    ("رجب",),
    ("شعبان",),
    ("رمضان",),
    ("شوال",),
    ("ذو القعدة", "ذي القعدة"),
    ("ذو الحجة", "ذي الحجة"),
]
_PARTS = {"اوایل": (1, 10), "اواسط": (11, 20), "نیمه": (11, 20), "اواخر": (21, 31)}


def _fold(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک").replace("\u200c", " ")


def _jalali(year: int, month: int, day: int) -> dt.date:
    import jdatetime  # imported when a Persian date is met

    gregorian: dt.date = jdatetime.date(year, month, day).togregorian()
    return gregorian


def _hijri(year: int, month: int, day: int) -> dt.date:
    from hijridate import Hijri  # imported when a Hijri date is met

    gregorian: dt.date = Hijri(year, month, day).to_gregorian()
    return gregorian


def _jalali_year_for(month: int, reference: dt.date) -> int:
    """The Jalali year in which that month falls nearest before or at the reference day."""
    import jdatetime

    today = jdatetime.date.fromgregorian(date=reference)
    year: int = today.year
    return year if month <= today.month else year - 1


def solar_or_lunar(text: str, reference: dt.date) -> Interval | None:
    """A Jalali or Hijri date written in the phrase, if there is one."""
    folded = " ".join(ascii_digits(_fold(text)).split())
    for index, name in enumerate(JALALI_MONTHS, start=1):
        match = re.search(
            rf"(?:([^\d\s]+) )?(?:(\d{{1,2}}) )?{_fold(name)}(?: ماه)?(?: (\d{{4}}))?", folded
        )
        if not match:
            continue
        part, day, year = match.group(1), match.group(2), match.group(3)
        jyear = int(year) if year else _jalali_year_for(index, reference)
        if day:
            exact = _jalali(jyear, index, int(day))
            return Interval(exact, exact, "day")
        low, high = _PARTS.get(part or "", (1, 31))
        last = 31 if index <= 6 else (30 if index <= 11 else 29)
        start = _jalali(jyear, index, low)
        end = _jalali(jyear, index, min(high, last))
        return Interval(start, end, "month" if (low, high) == (1, 31) else "range")
    for index, names in enumerate(HIJRI_MONTHS, start=1):
        for name in names:
            match = re.search(rf"(\d{{1,2}}) {_fold(name)} (\d{{4}})", folded)
            if match:
                exact = _hijri(int(match.group(2)), index, int(match.group(1)))
                return Interval(exact, exact, "day")
    return _numeric(folded, reference)


def _numeric(text: str, reference: dt.date) -> Interval | None:
    """1404/01/23 or 1446-10-15: Jalali or Hijri, whichever lands nearer the reference day."""
    match = re.fullmatch(r"(1[34]\d\d)[/.-](\d{1,2})[/.-](\d{1,2})(?: ?ه[ـ]?)?", text.strip())
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    readings = []
    for convert in (_jalali, _hijri):
        try:
            readings.append(convert(year, month, day))
        except (ValueError, OverflowError, TypeError):
            continue
    if not readings:
        return None
    nearest = min(readings, key=lambda d: abs((d - reference).days))
    return Interval(nearest, nearest, "day")


_DATELINE = re.compile(
    r"^\s*[^\W\d][^,\n]{0,40},\s*(?:le\s+)?(.+?)\s*(?:\([^)]*\))?\s*[-\u2013\u2014]*\s*$"
)


def dateline_date(text: str) -> str | None:
    """The date part of a dateline ("TEHRAN, April 12 (Reuters) -"), for the phrase rules."""
    match = _DATELINE.match(text)
    return match.group(1) if match else None
