"""The article text model of SPEC §3: normalised line ends, numbered paragraphs, dek, strip."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


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

    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.searchable)


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
