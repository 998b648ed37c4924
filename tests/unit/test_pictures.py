"""The relation graph and the timeline: words a reader says, and layouts where no text overlaps."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.analyze.dates import Interval
from builder.analyze.timeline import TimelineEntry
from builder.model import Relation
from builder.render import svg
from builder.render.words import edtf_words, interval_words, relation_words
from builder.validate.vocabulary import RELATION_INVERSES


def relation(
    kind: str, subject: str, obj: str, since: str | None = None, until: str | None = None
) -> Relation:
    return Relation(kind, subject, obj, since, until, (), (), None)


def test_relations_are_worded_from_the_page_actor_with_their_time() -> None:
    attack = relation("attacks", "zembla", "blefuscu", "2024-04", "2024-04")
    assert relation_words(attack.seen_from("zembla")) == "attacked in April 2024"
    assert relation_words(attack.seen_from("blefuscu")) == "was attacked by (in April 2024)"
    part = relation("part-of", "guard", "zembla")
    assert relation_words(part.seen_from("guard")) == "is part of"
    # The other actor is the one acting, as the arrow shows: Zembla "has as part" the guard.
    assert relation_words(part.seen_from("zembla")) == "has as part"
    backing = relation("backs", "zembla", "militia", since="2019")
    assert relation_words(backing.seen_from("zembla")) == "backs since 2019"
    ended = relation("backs", "zembla", "militia", "2019~", "2021-03-02")
    assert relation_words(ended.seen_from("zembla")) == "backed from about 2019 to 2 March 2021"
    assert (
        relation_words(relation("rival-of", "a", "b", until="2020").seen_from("b"))
        == "was a rival of (until 2020)"
    )


def test_every_label_of_the_vocabulary_has_words() -> None:
    for forward, inverse in RELATION_INVERSES.items():
        for label in {forward, inverse}:
            words = relation_words(
                relation(forward, "a", "b").seen_from("a" if label == forward else "b")
            )
            assert "-" not in words and words, label


def test_dates_in_words() -> None:
    assert edtf_words("2025-04") == "April 2025"
    assert edtf_words("2025-04-07") == "7 April 2025"
    assert edtf_words("2025-21") == "2025-21"  # a season: as written
    day = dt.date
    assert interval_words(Interval(day(2025, 4, 7), day(2025, 4, 7), "day")) == "7 April 2025"
    assert interval_words(Interval(day(2024, 4, 1), day(2024, 4, 30), "month")) == "April 2024"
    assert interval_words(Interval(day(2025, 4, 7), day(2025, 4, 13), "week")) == "7–13 April 2025"
    assert (
        interval_words(Interval(day(2025, 4, 28), day(2025, 5, 4), "week"))
        == "28 April – 4 May 2025"
    )
    assert interval_words(Interval(day(2024, 1, 1), day(2024, 12, 31), "year")) == "2024"
    assert (
        interval_words(Interval(day(2024, 12, 30), day(2025, 1, 2), "range"))
        == "30 December 2024 – 2 January 2025"
    )
    assert interval_words(Interval(None, day(2025, 5, 7), "open")) == "until 7 May 2025"
    assert interval_words(Interval(day(2025, 5, 7), None, "open")) == "from 7 May 2025"


def overlapping(texts: tuple[svg.Text, ...]) -> list[tuple[str, str]]:
    found = []
    for a, b in itertools.combinations(texts, 2):
        al, at, ar, ab = a.box()
        bl, bt, br, bb = b.box()
        if al < br and bl < ar and at < bb and bt < ab:
            found.append((a.text, b.text))
    return found


def inside(drawing: svg.Drawing) -> bool:
    return all(
        left >= 0 and right <= drawing.width and top >= 0 and bottom <= drawing.height
        for left, top, right, bottom in (t.box() for t in drawing.texts)
    )


names = st.text(st.sampled_from("abcdefghij KLMNOP-'"), min_size=1, max_size=70).filter(str.strip)
rows = st.lists(
    st.builds(
        svg.Row,
        other=names,
        direction=st.sampled_from(["out", "in", "both"]),
        labels=st.lists(names, min_size=1, max_size=4).map(tuple),
        inferred=st.booleans(),
    ),
    min_size=1,
    max_size=14,
)


@settings(max_examples=150, deadline=None)
@given(name=names, branches=rows, width=st.sampled_from([svg.WIDE, svg.NARROW]))
def test_graph_texts_never_overlap_and_stay_inside(
    name: str, branches: list[svg.Row], width: int
) -> None:
    drawing = svg.graph_layout(
        name, branches, lambda other: other, lambda other: f"../{len(other)}/", width
    )
    assert overlapping(drawing.texts) == []
    assert inside(drawing)
    # Every related actor is named and linked; the page actor is named once, in bold.
    linked = {t.href for t in drawing.texts if t.href}
    assert linked == {f"../{len(row.other)}/" for row in branches}
    assert [t.text for t in drawing.texts if t.bold] == svg.wrap(
        name, (130 if width == svg.WIDE else width - 16) / 1.08
    )


days = st.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    start, end = sorted([draw(days), draw(days)])
    side = draw(st.sampled_from(["both", "both", "start", "end"]))
    if side == "start":
        return Interval(start, None, "open")
    if side == "end":
        return Interval(None, end, "open")
    return Interval(start, end, "day" if start == end else "range")


entries = st.lists(
    st.builds(
        TimelineEntry,
        interval=intervals(),
        kind=st.sampled_from(["event", "deadline"]),
        key=st.just("a#b"),
        what=names,
        when=st.just("fictional"),
        actors=st.just(()),
        inferred=st.booleans(),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(rows_=entries, width=st.sampled_from([svg.WIDE, svg.NARROW]))
def test_timeline_texts_never_overlap_and_stay_inside(
    rows_: list[TimelineEntry], width: int
) -> None:
    drawing = svg.timeline_layout(rows_, width)
    assert overlapping(drawing.texts) == []
    assert inside(drawing)
    bars = [s for s in drawing.shapes if s.startswith("<rect")]
    assert len(bars) == len(rows_)


def test_a_long_gap_is_compressed_and_months_are_ticked() -> None:
    day = dt.date
    entry = TimelineEntry(
        Interval(day(2024, 4, 13), day(2024, 4, 13), "day"),
        "event",
        "a#1",
        "Fictional raid",
        "",
        (),
    )
    later = TimelineEntry(
        Interval(day(2025, 4, 1), day(2025, 4, 30), "month"),
        "event",
        "a#2",
        "Fictional talks",
        "",
        (),
    )
    drawing = svg.timeline_layout([entry, later], svg.WIDE)
    ticks = [t.text for t in drawing.texts if t.y == svg.PAD + svg.FONT]
    assert ticks == ["Apr 2024", "Apr 2025"]  # two months shown, the eleven between left out
    assert sum("time left out" in s for s in drawing.shapes) == 1
    # The one-day raid is wide enough to see: half of the axis is April 2024.
    first_bar = next(s for s in drawing.shapes if s.startswith("<rect"))
    assert 'width="11.' in first_bar or 'width="10.' in first_bar, first_bar
    # Each row's words are beside its bar, not the raw phrase.
    assert [t.text for t in drawing.texts if t.y != svg.PAD + svg.FONT] == [
        "Fictional raid",
        "Fictional talks",
    ]
