"""Any input ends in a result or diagnostics, never an exception (hypothesis over each stage)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.analyze.dates import resolve_when
from builder.link.matcher import NameIndex, leftmost_longest, make_name
from builder.link.normalise import fold, lower
from builder.load.source import read_text
from builder.load.yamlfile import compose, to_plain

YAMLISH = st.text(
    alphabet=st.sampled_from([*"ab:-[]{}&*!'\"#|>\n\t ,?%@`0129", "é", "\u200d", "\ufeff", "ـ"]),
    max_size=80,
)


@settings(max_examples=400)
@given(st.one_of(YAMLISH, st.text(max_size=80)))
def test_compose_never_raises(text: str) -> None:
    node, problems = compose("f.yml", text)
    to_plain(node)
    assert all(p.line >= 1 and p.col >= 1 for p in problems)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_reading_any_bytes_never_raises(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(data)
    text, problems = read_text(tmp_path, path, 1000)
    assert (text is None) == bool(problems)


@settings(max_examples=300)
@given(st.text(max_size=40), st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9998, 12, 1)))
def test_date_resolution_never_raises(when: str, reference: dt.date) -> None:
    if when.strip():
        resolution = resolve_when(when, reference)
        interval = resolution.interval
        if resolution.problem is None and interval.start and interval.end:
            assert interval.start <= interval.end


NAMES = [
    n
    for n in (
        make_name(f"a{i}", "alias", w)
        for i, w in enumerate(["Zembla", "ZG", "زمبلا", "Al-Front", "The Courier"])
    )
    if n
]
INDEX = NameIndex(NAMES)


@settings(max_examples=300)
@given(st.text(max_size=120))
def test_matching_any_text_never_raises(text: str) -> None:
    folded = fold(text)
    chosen = leftmost_longest(INDEX.candidates(folded, lower(folded.text)))
    for candidate in chosen:
        start, end = folded.span(candidate.start, candidate.end)
        assert 0 <= start < end <= len(text)
