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
