"""Date phrases in context and in several languages, on fictional sentences of our own.

The reference day is Tuesday 8 April 2025 unless a test says otherwise; every sentence is
invented (Velmar, Zembla and their people do not exist).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.analyze.dates import resolve_when
from builder.analyze.dates.languages import WEEKDAYS

P = dt.date(2025, 4, 8)  # a Tuesday
SATURDAY = dt.date(2025, 4, 12)
D = dt.date


def interval(when: str, context: str = "", language: str = "en", p: dt.date = P) -> str:
    result = resolve_when(when, p, language=language, context=context)
    assert result.problem is None, result.problem
    return result.interval.describe()


@pytest.mark.parametrize(
    "when,context,expected",
    [
        # Tense decides a bare weekday.
        ("on Saturday", "The Velmar council will meet again on Saturday.", "2025-04-12"),
        ("on Saturday", "The Velmar council met on Saturday in the old mill.", "2025-04-05"),
        ("on Saturday", "Zembla said the talks would resume on Saturday.", "2025-04-12"),
        ("Saturday", "The ferry is due to sail Saturday, officials said.", "2025-04-12"),
        # The same weekday as the paper's own day.
        ("earlier on Saturday", "The envoy arrived in Velmar earlier on Saturday.", None),
        ("next week", "", "2025-04-14/2025-04-20"),
        ("last weekend", "", "2025-04-05/2025-04-06"),
        ("this weekend", "", "2025-04-12/2025-04-13"),
        ("over the weekend", "The two guilds met over the weekend.", "2025-04-05/2025-04-06"),
        ("since January", "", "2025-01-01/2025-04-08"),
        ("earlier this month", "", "2025-04-01/2025-04-08"),
        ("early April", "", "2025-04-01/2025-04-10"),
        ("mid-April", "The vote is expected in mid-April.", "2025-04-11/2025-04-20"),
        ("late March", "", "2025-03-21/2025-03-31"),
        ("three months ago", "", "2025-01-01/2025-01-31"),
        ("2 years ago", "", "2023-01-01/2023-12-31"),
        ("in three days", "", "2025-04-11"),
        ("tomorrow", "", "2025-04-09"),
        ("next month", "", "2025-05-01/2025-05-31"),
        ("next year", "", "2026-01-01/2026-12-31"),
        ("the past week", "", "2025-04-02/2025-04-08"),
        ("April 12", "The Zembla delegation lands on April 12.", "2025-04-12"),
        ("12 March", "The canal closed on 12 March.", "2025-03-12"),
        ("VELMAR, April 6 (Fictional Wire) -", "", "2025-04-06"),
        ("in May", "The canal will reopen in May.", "2025-05-01/2025-05-31"),
        # "this <weekday>" is the day of the paper's own week.
        ("this Saturday", "The guild prepares for its vote this Saturday.", "2025-04-12"),
        ("this Monday", "The guild met this Monday.", "2025-04-07"),
        # A date without a year is the nearest one, whatever "would" says in the sentence.
        ("On April 6", "On April 6, a Zemblan minister said tariffs would rise.", "2025-04-06"),
        # "had been set to" speaks of a plan: the next Sunday.
        ("on Sunday", "The fair had originally been set to open on Sunday.", "2025-04-13"),
        ("Saturday, April 12", "", "2025-04-12"),
    ],
)
def test_english_phrases_in_context(when: str, context: str, expected: str | None) -> None:
    if expected is None:  # "earlier on Saturday" needs a Saturday paper
        assert interval(when, context, p=SATURDAY) == "2025-04-12"
        return
    assert interval(when, context) == expected


@pytest.mark.parametrize(
    "language,when,context,expected",
    [
        ("fr", "samedi prochain", "", "2025-04-12"),
        ("fr", "samedi", "Le conseil de Velmar se réunira samedi.", "2025-04-12"),
        ("fr", "la semaine dernière", "", "2025-03-31/2025-04-06"),
        ("fr", "il y a trois jours", "", "2025-04-05"),
        ("fr", "mi-avril", "", "2025-04-11/2025-04-20"),
        ("fr", "le week-end dernier", "", "2025-04-05/2025-04-06"),
        ("fr", "depuis janvier", "", "2025-01-01/2025-04-08"),
        ("fr", "le 12 avril", "", "2025-04-12"),
        ("fr", "Velmar, le 6 avril", "", "2025-04-06"),
        ("fr", "lundi soir", "Le maire a parlé lundi soir.", "2025-04-07"),
        ("fr", "samedi", "Des pourparlers sont attendus samedi à Velmar.", "2025-04-12"),
        ("fr", "Samedi", "Samedi, nous aurons une grande réunion, a dit le maire.", "2025-04-12"),
        ("ar", "السبت المقبل", "", "2025-04-12"),
        ("ar", "يوم السبت", "ستستأنف المحادثات في فيلمار يوم السبت", "2025-04-12"),
        ("ar", "يوم السبت", "التقى الوفدان في فيلمار يوم السبت الماضي", "2025-04-05"),
        ("ar", "الأسبوع الماضي", "", "2025-03-31/2025-04-06"),
        ("ar", "الأسبوع المقبل", "", "2025-04-14/2025-04-20"),
        ("ar", "منذ يناير", "", "2025-01-01/2025-04-08"),
        ("ar", "منذ كانون الثاني", "", "2025-01-01/2025-04-08"),
        ("ar", "قبل ثلاثة أيام", "", "2025-04-05"),
        ("ar", "منتصف أبريل", "", "2025-04-11/2025-04-20"),
        ("ar", "١٥ شوال ١٤٤٦", "", "2025-04-13"),
        ("ar", "صباح الجمعة", "وصل الوفد إلى فيلمار صباح الجمعة", "2025-04-04"),
        ("ar", "يوم الجمعة", "من المتوقع انعقاد الاجتماع في فيلمار يوم الجمعة", "2025-04-11"),
        ("ar", "مساء الاثنين", "قالت الوزارة إن الوزير اتصل مساء الاثنين", "2025-04-07"),
        ("ar", "في آب/أغسطس", "التقى الوزيران في آب/أغسطس", "2024-08-01/2024-08-31"),
        ("fa", "هفته آینده", "", "2025-04-14/2025-04-20"),
        ("fa", "هفته گذشته", "", "2025-03-31/2025-04-06"),
        ("fa", "شنبه آینده", "", "2025-04-12"),
        ("fa", "سه‌شنبه گذشته", "", "2025-04-01"),
        ("fa", "پارسال", "", "2024-01-01/2024-12-31"),
        ("fa", "۲۳ فروردین ۱۴۰۴", "", "2025-04-12"),
        ("fa", "۱۴۰۴/۰۱/۲۳", "", "2025-04-12"),
        ("fa", "اوایل فروردین", "", "2025-03-21/2025-03-30"),
        ("fa", "روز شنبه", "دو هیئت روز شنبه در ولمار دیدار خواهند کرد", "2025-04-12"),
        ("fa", "روز پنجشنبه", "شورای ولمار روز پنجشنبه جلسه داشت", "2025-04-03"),
        ("hi", "पिछले सप्ताह", "", "2025-03-31/2025-04-06"),
        ("hi", "अगले शनिवार", "", "2025-04-12"),
        ("hi", "कल", "वेल्मार परिषद कल बैठक करेगी।", "2025-04-09"),
        ("hi", "कल", "वेल्मार परिषद की बैठक कल हुई थी।", "2025-04-07"),
        ("es", "hace tres días", "", "2025-04-05"),
        ("es", "el próximo sábado", "", "2025-04-12"),
        ("de", "letzte Woche", "", "2025-03-31/2025-04-06"),
        ("de", "nächsten Samstag", "", "2025-04-12"),
        (
            "de",
            "an diesem Samstag",
            "Die zweite Runde soll an diesem Samstag stattfinden.",
            "2025-04-12",
        ),
        ("de", "An diesem Freitag", "An diesem Freitag will der Rat verhandeln.", "2025-04-11"),
        (
            "es",
            "sábado 12 de abril",
            "Hoy sábado 12 de abril comienzan las conversaciones.",
            "2025-04-12",
        ),
    ],
)
def test_other_languages(language: str, when: str, context: str, expected: str) -> None:
    assert interval(when, context, language) == expected


def test_a_weekday_without_tense_is_a_warning_naming_both_candidates() -> None:
    result = resolve_when("on Saturday", P, context="Velmar on Saturday: a fictional note")
    assert result.problem == (
        "ambiguous-date",
        "'on Saturday' could be 2025-04-05 or 2025-04-12 (the one before or the one after, "
        "counting from 2025-04-08); kept 2025-04-05: say which in 'when:' (e.g. 'last "
        "Saturday', 'next Saturday') or write the date",
    )
    assert result.interval.describe() == "2025-04-05"
    assert [c.describe() for c in result.candidates] == ["2025-04-12"]


def test_hindi_kal_without_tense_is_yesterday_or_tomorrow() -> None:
    result = resolve_when("कल", P, language="hi")
    assert result.problem is not None and result.problem[0] == "ambiguous-date"
    assert "2025-04-07 or 2025-04-09 (yesterday or tomorrow" in result.problem[1]


def test_next_weekend_on_a_weekday_names_both_weekends() -> None:
    result = resolve_when("next weekend", P)
    assert result.problem is not None
    assert "2025-04-12/2025-04-13 or 2025-04-19/2025-04-20" in result.problem[1]


@pytest.mark.parametrize(
    "when,reference,message",
    [
        (
            "800000 days ago",
            D(2025, 4, 8),
            "'800000 days ago' counted from 2025-04-08 leaves the calendar (date value out of range)",
        ),
        (
            "last year",
            D(1, 3, 1),
            "'last year' counted from 0001-03-01 leaves the calendar (year 0 is out of range)",
        ),
        (
            "next year",
            D(9999, 6, 1),
            "'next year' counted from 9999-06-01 leaves the calendar (year 10000 is out of range)",
        ),
    ],
)
def test_leaving_the_calendar_is_an_error_not_a_crash(
    when: str, reference: dt.date, message: str
) -> None:
    assert resolve_when(when, reference).problem == ("date-out-of-range", message)


def test_an_explicit_year_is_not_relative_to_the_paper() -> None:
    assert not resolve_when("12 April 2025", P).relative
    assert not resolve_when("2025-04", P).relative
    assert not resolve_when("۲۳ فروردین ۱۴۰۴", P, language="fa").relative
    assert resolve_when("last week", P).relative


@settings(deadline=None)
@given(
    st.dates(min_value=D(1900, 1, 8), max_value=D(2100, 12, 1)),
    st.sampled_from(WEEKDAYS),
    st.sampled_from(["will", "met"]),
)
def test_weekdays_fall_on_that_weekday_and_on_the_side_the_tense_says(
    reference: dt.date, weekday: str, verb: str
) -> None:
    context = f"The fictional Velmar council {verb} on {weekday.title()}."
    result = resolve_when(f"on {weekday.title()}", reference, context=context)
    day = result.interval.start
    assert day is not None and day == result.interval.end
    assert day.weekday() == WEEKDAYS.index(weekday)
    assert abs((day - reference).days) <= 7
    if day != reference:
        assert (day > reference) == (verb == "will")


@settings(deadline=None)
@given(
    st.dates(min_value=D(1900, 1, 8), max_value=D(2100, 12, 1)),
    st.sampled_from(
        ["last week", "last weekend", "last month", "yesterday", "3 days ago", "since March",
         "earlier this month", "two months ago", "last Friday"]
    ),
)  # fmt: skip
def test_past_phrases_never_reach_after_the_reference(reference: dt.date, phrase: str) -> None:
    result = resolve_when(phrase, reference)
    assert result.interval.end is not None and result.interval.end <= reference
    assert result.interval.start is not None and result.interval.start <= result.interval.end


@settings(deadline=None)
@given(
    st.dates(min_value=D(1900, 1, 8), max_value=D(2100, 12, 1)),
    st.sampled_from(
        ["next week", "next month", "tomorrow", "in 3 days", "next Friday", "next year"]
    ),
)
def test_future_phrases_never_start_before_the_reference(reference: dt.date, phrase: str) -> None:
    result = resolve_when(phrase, reference)
    assert result.interval.start is not None and result.interval.start > reference


@pytest.mark.parametrize(
    "language,when,context,expected",
    [
        # Found on the held-out excerpts; each on a fictional sentence.
        ("en", "in 2015", "The Velmar accord was signed in 2015.", "2015-01-01/2015-12-31"),
        ("en", "since 1980", "The two guilds have not spoken since 1980.", "1980-01-01/2025-04-08"),
        ("en", "last night", "The Zembla ferry sank last night.", "2025-04-07"),
        ("ar", "اليوم الثلاثاء", "اجتمع مجلس فيلمار اليوم الثلاثاء", "2025-04-08"),
        ("ar", "أمس الاثنين", "وصل الوفد إلى فيلمار أمس الاثنين", "2025-04-07"),
        ("de", "von 2015", "Das Abkommen von 2015 bleibt in Kraft.", "2015-01-01/2015-12-31"),
        ("de", "für Samstag", "Die Runde ist für Samstag in Velmar angesetzt.", "2025-04-12"),
        ("ru", "в субботу", "Переговоры в Велмаре состоятся в субботу.", "2025-04-12"),
        ("ru", "в следующую субботу", "", "2025-04-12"),
        ("fa", "شب گذشته", "کشتی زمبلا شب گذشته غرق شد", "2025-04-07"),
        ("fa", "در روز شنبه", "دیدار دو هیئت در روز شنبه برگزار می‌شود", "2025-04-12"),
    ],
)
def test_phrases_found_on_the_held_out_set(
    language: str, when: str, context: str, expected: str
) -> None:
    assert interval(when, context, language) == expected
