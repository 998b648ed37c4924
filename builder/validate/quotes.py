"""Verifying that each quote lies, verbatim, within one paragraph of its article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.load.text import ArticleText, Paragraph

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
    }
)  # fmt: skip


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quote was found: its paragraph and code-point offsets into the article text."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class QuoteResult:
    span: QuoteSpan | None
    other_paragraphs: tuple[int, ...] = ()
    spans_paragraphs: tuple[int, ...] = ()


def fold(text: str) -> tuple[str, list[int]]:
    """Quotes and dashes made straight, whitespace runs made one space; with a map to offsets."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
        origin.append(index)
    origin.append(len(text))
    return "".join(out), origin


_SPACES = re.compile(r"\s+")


def fold_fast(text: str) -> str:
    """The folded text alone (C-speed); `fold` also maps offsets, for the paragraph that matched."""
    return _SPACES.sub(" ", text.translate(_FOLD))


_NOT_ONE_TO_ONE = re.compile(r"\s\s|[^\S ]")


def _find(needle: str, paragraph: Paragraph, haystack: str) -> QuoteSpan | None:
    at = haystack.find(needle)
    if at < 0:
        return None
    if _NOT_ONE_TO_ONE.search(paragraph.text) is None:
        # Folding kept every character in place: offsets carry over unchanged.
        return QuoteSpan(paragraph.number, paragraph.start + at, paragraph.start + at + len(needle))
    folded, origin = fold(paragraph.text)
    at = folded.find(needle)
    start = paragraph.start + origin[at]
    end = paragraph.start + origin[at + len(needle) - 1] + 1
    return QuoteSpan(paragraph.number, start, end)


class QuoteFinder:
    """Finds quotes in one article, folding each paragraph once for all its quotes."""

    def __init__(self, article: ArticleText) -> None:
        self.article = article
        self.folded = [(p, fold_fast(p.text)) for p in article.searchable]

    def locate(self, quote: str) -> QuoteResult:
        """Find a quote; a match in the dek counts only when there is no other."""
        needle = fold_fast(quote.strip())
        found = [s for p, text in self.folded if (s := _find(needle, p, text)) is not None]
        return _result(needle, found, self.article)


NEAR_QUOTE_SCORE = 85  # rapidfuzz ratio (0-100) of quote and passage from which it is proposed


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A span widened to whole words (a fuzzy alignment may cut one)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def passages_like(words: str, article: ArticleText, floor: float) -> list[tuple[float, int, str]]:
    """Passages of the article that read like `words`, best first: (score 0-100, paragraph
    number, verbatim text), one per paragraph, scored by rapidfuzz over the whole passage."""
    from rapidfuzz import fuzz  # imported only when a quote is missing or looked for

    needle = fold_fast(words.strip()).lower()
    found = []
    for paragraph in article.searchable:
        folded = fold_fast(paragraph.text)
        alignment = fuzz.partial_ratio_alignment(needle, folded.lower())
        if alignment is None or alignment.score < floor - 10:
            continue
        start, end = _word_bounds(folded, alignment.dest_start, alignment.dest_end)
        # The whole passage, not just its best part, must read like the words.
        score = fuzz.ratio(needle, folded[start:end].lower())
        if score >= floor:
            found.append((score, paragraph.number, _verbatim(paragraph, folded[start:end])))
    return sorted(found, key=lambda f: (-f[0], f[1]))


def closest_passage(quote: str, article: ArticleText) -> tuple[int, str] | None:
    """The passage of the article nearest to a quote that is not in it, as (paragraph number,
    verbatim text), when one is close enough to be the passage meant."""
    found = passages_like(quote, article, NEAR_QUOTE_SCORE)
    return (found[0][1], found[0][2]) if found else None


def _verbatim(paragraph: Paragraph, folded_passage: str) -> str:
    """The passage as the text writes it (curly quotes, dashes and spacing kept)."""
    span = _find(folded_passage, paragraph, fold_fast(paragraph.text))
    if span is None:
        return folded_passage
    return paragraph.text[span.start - paragraph.start : span.end - paragraph.start]


def locate_quote(quote: str, article: ArticleText) -> QuoteResult:
    """Find one quote in an article."""
    return QuoteFinder(article).locate(quote)


def _result(needle: str, found: list[QuoteSpan], article: ArticleText) -> QuoteResult:
    dek = {p.number for p in article.paragraphs if p.is_dek}
    body = [s for s in found if s.paragraph not in dek] or found
    if body:
        return QuoteResult(body[0], tuple(s.paragraph for s in body[1:]))
    return QuoteResult(None, spans_paragraphs=_spanning(needle, article))


def _spanning(needle: str, article: ArticleText) -> tuple[int, ...]:
    """The fewest consecutive paragraphs whose joined text holds the quote."""
    shown = [(p.number, fold_fast(p.text)) for p in article.searchable]
    for last in range(len(shown)):
        joined = shown[last][1]
        for first in range(last - 1, -1, -1):
            joined = f"{shown[first][1]} {joined}"
            if needle in joined:
                return tuple(number for number, _ in shown[first : last + 1])
            if len(joined) > 2 * len(needle) + 200:
                break
    return ()
