"""The article text model of SPEC §3: normalised line ends, numbered paragraphs, dek, strip."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EXCERPT_SHARE = 0.3  # rights: excerpts pages show at most this share of an article's words
_WORD = re.compile(r"\S+")
Span = tuple[int, int]
WordRange = tuple[int, int]


@dataclass(frozen=True)
class Paragraph:
    """One non-blank line; `start`/`end` are code-point offsets into the article text."""

    number: int
    line: int
    start: int
    end: int
    text: str
    is_dek: bool = False
    stripped: bool = False

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class ArticleText:
    text: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def searchable(self) -> tuple[Paragraph, ...]:
        """Paragraphs that are searched for mentions and may be quoted."""
        return tuple(p for p in self.paragraphs if not p.stripped)

    @property
    def shown(self) -> tuple[Paragraph, ...]:
        """Body paragraphs as shown to readers: not stripped, not the dek."""
        return tuple(p for p in self.paragraphs if not p.stripped and not p.is_dek)

    @functools.cached_property
    def _words(self) -> int:
        return sum(len(p.text.split()) for p in self.searchable)

    def word_count(self) -> int:
        """Words in the searchable paragraphs (computed once: every page's budget asks)."""
        return self._words

    def excerpt_limit(self) -> int:
        """How many of its words a page may show under `rights: excerpts`."""
        return int(self.word_count() * EXCERPT_SHARE)

    def words_shown(self, spans: Iterable[tuple[int, Span]]) -> int:
        """Distinct words touched by (paragraph number, span) pairs, each word counted once."""
        by_paragraph: dict[int, list[Span]] = {}
        for number, span in spans:
            by_paragraph.setdefault(number, []).append(span)
        paragraphs = {p.number: p for p in self.paragraphs}
        total = 0
        for number, group in by_paragraph.items():
            words = word_spans(paragraphs[number])
            total += count_words(merge_ranges(word_range(words, s, e) for s, e in group))
        return total


@functools.lru_cache(maxsize=4096)
def word_spans(paragraph: Paragraph) -> tuple[Span, ...]:
    """Each word of a paragraph as offsets into the article text (cached: pages ask often)."""
    base = paragraph.start
    return tuple((base + m.start(), base + m.end()) for m in _WORD.finditer(paragraph.text))


def word_range(words: Sequence[Span], start: int, end: int) -> WordRange:
    """The first and last index of the words a span touches."""
    first = next((i for i, (_, e) in enumerate(words) if e > start), len(words) - 1)
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i][0] < end), first)
    return first, max(first, last)


def merge_ranges(ranges: Iterable[WordRange]) -> list[WordRange]:
    """Overlapping or adjacent word ranges joined, in order."""
    merged: list[WordRange] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def count_words(ranges: Iterable[WordRange]) -> int:
    return sum(last - first + 1 for first, last in ranges)


def normalise_line_ends(raw: str) -> str:
    """CRLF and lone CR become LF (the BOM is removed when the file is read)."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _same_sentence(a: str, b: str) -> bool:
    return a.strip().removesuffix(".") == b.strip().removesuffix(".")


def split_paragraphs(text: str, dek: str | None, strip: frozenset[str]) -> ArticleText:
    """Number every non-blank line from 1; mark the dek (line 1 only) and stripped lines."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for line_number, line in enumerate(text.split("\n"), start=1):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        number = len(paragraphs) + 1
        is_dek = number == 1 and dek is not None and _same_sentence(line, dek)
        stripped = line.strip() in strip
        paragraphs.append(Paragraph(number, line_number, start, end, line, is_dek, stripped))
    return ArticleText(text, tuple(paragraphs))
