"""Quote verification: one paragraph, folded quotes/dashes/whitespace, dek not counted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.load.text import ArticleText, split_paragraphs
from builder.validate.quotes import QuoteSpan, closest_passage, fold, locate_quote

TEXT = split_paragraphs(
    "A dek about Iran’s plan\nIran’s plan — as “reported” — stands.\nSecond  line here.\nIran’s plan again",
    "A dek about Iran’s plan",
    frozenset(),
)


def test_curly_quotes_dashes_and_whitespace_fold() -> None:
    result = locate_quote('plan - as "reported" -', TEXT)
    assert result.span is not None
    assert TEXT.text[result.span.start : result.span.end] == "plan — as “reported” —"
    assert locate_quote("Second line", TEXT).span == QuoteSpan(3, 62, 74)


def test_dek_occurrence_is_not_counted_but_others_are() -> None:
    result = locate_quote("Iran's plan", TEXT)
    assert result.span is not None and result.span.paragraph == 2
    assert result.other_paragraphs == (4,)


def test_quote_only_in_the_dek_anchors_there() -> None:
    assert locate_quote("A dek about", TEXT).span == QuoteSpan(1, 0, 11)


def test_quote_across_paragraphs_names_them() -> None:
    result = locate_quote("stands. Second line", TEXT)
    assert result.span is None and result.spans_paragraphs == (2, 3)


def test_missing_quote() -> None:
    assert locate_quote("not there", TEXT) == locate_quote("not there", TEXT)
    assert locate_quote("not there", TEXT).span is None
    assert locate_quote("not there", TEXT).spans_paragraphs == ()


@given(st.text(max_size=60))
def test_fold_map_points_into_the_original(text: str) -> None:
    folded, origin = fold(text)
    assert len(origin) == len(folded) + 1
    assert origin == sorted(origin)
    for index, char in enumerate(folded):
        original = text[origin[index]]
        assert char == original or char in " '\"-"


@given(st.lists(st.text(alphabet="abc ’“”—-\t", min_size=1, max_size=12), min_size=1, max_size=5))
def test_every_found_quote_slices_to_its_folded_self(lines: list[str]) -> None:
    body = "\n".join(line.replace("\n", " ") for line in lines)
    text = split_paragraphs(body, None, frozenset())
    for paragraph in text.paragraphs:
        needle = paragraph.text.strip()
        if not needle:
            continue
        result = locate_quote(needle, text)
        assert result.span is not None
        found = text.text[result.span.start : result.span.end]
        assert fold(found)[0] == fold(needle)[0]


def paragraphs(text: str) -> ArticleText:
    return split_paragraphs(text, None, frozenset())


def test_a_near_miss_quote_gets_the_passage_it_meant() -> None:
    text = paragraphs(
        "The fictional Zemblan council met on Monday.\n"
        "Velmar shipped a large number of long-range, surface-to-surface rockets to its allies.\n"
    )
    assert closest_passage("long range surface to surface rockets", text) == (
        2,
        "long-range, surface-to-surface rockets",
    )
    near = closest_passage("Zemblan counsel met on monday", text)
    assert near == (1, "Zemblan council met on Monday")
    assert closest_passage("a tariff on copper ledgers", text) is None


@settings(deadline=None)  # the first call imports rapidfuzz
@given(st.text(alphabet="abcdefghij ", min_size=12, max_size=60))
def test_a_quote_found_verbatim_is_its_own_closest_passage(sentence: str) -> None:
    words = " ".join(sentence.split())
    if len(words) < 12:
        return
    text = paragraphs(f"Fictional opening line.\n{words}\n")
    near = closest_passage(words, text)
    assert near is not None and near[1] == words
