"""`when:` resolution: every phrase of SPEC §5 against a reference day, and EDTF with strict bounds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.analyze.dates import resolve_when

P = dt.date(2025, 4, 8)  # a Tuesday
D = dt.date


@pytest.mark.parametrize(
    "when,start,end,precision",
    [
        ("today", D(2025, 4, 8), D(2025, 4, 8), "day"),
        ("Yesterday", D(2025, 4, 7), D(2025, 4, 7), "day"),
        ("3 days ago", D(2025, 4, 5), D(2025, 4, 5), "day"),
        ("three days ago", D(2025, 4, 5), D(2025, 4, 5), "day"),
        ("this week", D(2025, 4, 7), D(2025, 4, 8), "week"),
        ("earlier this week", D(2025, 4, 7), D(2025, 4, 8), "week"),
        ("last week", D(2025, 3, 31), D(2025, 4, 6), "week"),
        ("two weeks ago", D(2025, 3, 24), D(2025, 3, 30), "week"),
        ("last Tuesday", D(2025, 4, 1), D(2025, 4, 1), "day"),
        ("last Monday", D(2025, 4, 7), D(2025, 4, 7), "day"),
        ("this month", D(2025, 4, 1), D(2025, 4, 8), "month"),
        ("last month", D(2025, 3, 1), D(2025, 3, 31), "month"),
        ("in April", D(2025, 4, 1), D(2025, 4, 8), "month"),
        ("in February", D(2025, 2, 1), D(2025, 2, 28), "month"),
        ("in October 2024", D(2024, 10, 1), D(2024, 10, 31), "month"),
        ("this year", D(2025, 1, 1), D(2025, 4, 8), "year"),
        ("last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("recently", None, D(2025, 4, 8), "open"),
        ("2025-04", D(2025, 4, 1), D(2025, 4, 30), "month"),
        ("2024-10~", D(2024, 10, 1), D(2024, 10, 31), "month"),
        ("2024?", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("2025-05-07", D(2025, 5, 7), D(2025, 5, 7), "day"),
        ("2025-04-01/2025-04-07", D(2025, 4, 1), D(2025, 4, 7), "range"),
        ("2025-04-07/..", D(2025, 4, 7), None, "open"),
        ("../2025-04", None, D(2025, 4, 30), "open"),
    ],
)
def test_resolution(when: str, start: dt.date | None, end: dt.date | None, precision: str) -> None:
    result = resolve_when(when, P)
    assert result.problem is None
    assert (result.interval.start, result.interval.end, result.interval.precision) == (
        start,
        end,
        precision,
    )


def test_problems() -> None:
    assert resolve_when("2025-02-30", P).problem == (
        "invalid-date",
        "'2025-02-30' is not a valid EDTF date",
    )
    assert resolve_when("2025-05-07/2025-04-01", P).problem == (
        "date-order",
        "interval '2025-05-07/2025-04-01' ends (2025-04-01) before it starts (2025-05-07)",
    )
    unknown = resolve_when("soon after the war", P)
    assert unknown.problem is not None and unknown.problem[0] == "unknown-date-phrase"
    assert (unknown.interval.start, unknown.interval.end) == (None, P)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), st.integers(1, 10))
def test_relative_phrases_never_end_after_the_reference(reference: dt.date, n: int) -> None:
    for phrase in [
        "today",
        "yesterday",
        f"{n} days ago",
        "this week",
        "last week",
        f"{n} weeks ago",
        "last friday",
        "this month",
        "last month",
        "in june",
        "this year",
        "last year",
        "recently",
    ]:
        interval = resolve_when(phrase, reference).interval
        assert interval.end is not None and interval.end <= reference
        assert interval.start is None or interval.start <= interval.end


SIDES = st.one_of(
    st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.integers(1000, 2999).map(str),
)


@settings(deadline=None)  # the first call imports the EDTF grammar: slow, and not a bug
@given(SIDES, SIDES, st.sampled_from(["", "~", "?", "%"]), st.booleans())
def test_plain_iso_fast_path_agrees_with_the_edtf_library(
    left: str, right: str, flag: str, interval: bool
) -> None:
    from builder.analyze.dates.edtf import _bounds_of, _library_bounds

    text = f"{left}{flag}/{right}" if interval else f"{left}{flag}"
    assert _bounds_of(text) == _library_bounds(text)
