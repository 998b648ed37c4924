"""Text normalisation for matching names, with a map back to offsets in the original text.

Text and aliases go through the same folding: NFKD with combining marks (diacritics, Arabic
harakat) dropped, curly quotes and apostrophes made straight, every dash and hyphen made a space,
Arabic and Persian letter variants folded, tatweel and the zero-width joiner removed, the
zero-width non-joiner made a space (it separates words), and whitespace other than a newline made
a space. Case is folded separately, so the case rule can look at the folded-but-cased form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPECIAL: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", " "),
    # Arabic alef forms, hamza seats, taa marbuta, alef maqsura, Persian yeh and keheh. The
    # seats are folded here, not left to NFKD, so the ASCII-and-Arabic fast path agrees.
    **dict.fromkeys("\u0622\u0623\u0625\u0671", "\u0627"),
    "\u0626": "\u064a",
    "\u0624": "\u0648",
    "\u0629": "\u0647",
    "\u0649": "\u064a",
    "\u06cc": "\u064a",
    "\u06a9": "\u0643",
    "\u0640": "",  # tatweel
    "\u200d": "",  # zero-width joiner
    "\u200c": " ",  # zero-width non-joiner: a word boundary
    "\ufeff": "",
}


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One character of the original text, folded (possibly to nothing or to several)."""
    if char == "\n":
        return "\n"
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char.isspace():
        return " "
    if char.isascii():
        return char
    out = []
    for part in unicodedata.normalize("NFKD", char):
        if unicodedata.category(part).startswith("M"):
            continue
        out.append(_SPECIAL.get(part, " " if part.isspace() else part))
    return "".join(out)


def _attached(char: str) -> bool:
    """A character that folds to nothing and belongs to the one before it."""
    return char in "\u0640\u200d" or unicodedata.category(char).startswith("M")


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the offset of the original one it came from."""

    text: str
    # None: the same length and offsets as the original (the ASCII fast path).
    origin: tuple[int, ...] | None
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """An end-exclusive folded span as an end-exclusive span of the original text."""
        if self.origin is None:
            return start, end
        last = self.origin[end - 1] + 1
        # Marks and joiners folded away after the last character still belong to it.
        while last < len(self.original) and _attached(self.original[last]):
            last += 1
        return self.origin[start], last


# Foldings that replace one character by exactly one other. They are sparse in real text, so
# a regex substitution (C scanning, a call per hit) beats str.translate on non-ASCII strings.
_ONE_TO_ONE = {
    **{c: r for c, r in _SPECIAL.items() if len(r) == 1},
    "-": " ", "`": "'", "\t": " ", "\r": " ", "\x0b": " ", "\x0c": " ", "\xa0": " ",
}  # fmt: skip
_ONE_TO_ONE_CHARS = re.compile("[" + re.escape("".join(_ONE_TO_ONE)) + "]")
# Text made only of these after the one-to-one folding needs no per-character work: ASCII,
# and the base letters and digits of Arabic, Persian and Hebrew (no marks, no presentation forms).
_SIMPLE = re.compile(
    r"[\x00-\x7f\u0621-\u063a\u0641-\u064a\u0660-\u0669\u067e\u0686\u0698\u06af\u05d0-\u05ea]*"
)


def fold(text: str) -> Folded:
    """Fold a text for matching; case is kept (see `lower` for matching)."""
    quick = _ONE_TO_ONE_CHARS.sub(lambda m: _ONE_TO_ONE[m.group()], text)
    if "  " not in quick and _SIMPLE.fullmatch(quick):
        return Folded(quick, None, text)
    out: list[str] = []
    origin: list[int] = []
    previous = ""
    for index, char in enumerate(text):
        for part in fold_char(char):
            if part == " " and previous == " ":
                continue  # runs of spaces count as one
            out.append(part)
            origin.append(index)
            previous = part
    return Folded("".join(out), tuple(origin), text)


def fold_name(name: str) -> str:
    """A name or alias folded like text, with runs of spaces made one and ends trimmed."""
    return " ".join(fold(name).text.split())


def lower(text: str) -> str:
    """Case folding that keeps length, so folded offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
