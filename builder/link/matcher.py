"""Finding every name of every actor in a text in one pass of a C Aho-Corasick automaton.

All candidates come from `Automaton.iter()` (overlapping, every length); those failing the case
or boundary rule are dropped first, then the leftmost and, there, the longest is taken, and the
scan continues after its end. (`iter_long()` is not used: it drops matches at the end of the
input and after a failed longer candidate.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from builder.link.normalise import Folded, fold_name, lower

# A leading article or particle that may be written in lower case even where the alias has a
# capital ("the Times" for "The Times").
PARTICLES = frozenset({"the", "le", "la", "al", "el"})
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# One of و ف ب ل ك, then optionally ال; ل + ال is written لل.
PROCLITIC = re.compile(r"(?:[\u0648\u0641\u0628\u0643\u0644](?:\u0627\u0644)?|\u0644\u0644)")
DEFINITE = "\u0627\u0644"


@dataclass(frozen=True)
class Name:
    """One way of naming an actor, as the matcher uses it."""

    actor: str | None  # None: a `resolve:` key that says "not an actor here"
    kind: str  # name | alias | demonym
    written: str
    cased: str  # folded, case kept
    case_sensitive: bool
    arabic: bool
    skip: int = 0  # leading characters of the key that are a proclitic, not part of the span


def make_name(actor: str | None, kind: str, written: str) -> Name | None:
    cased = fold_name(written)
    if not cased:
        return None
    letters = [c for c in cased if c.isalpha()]
    shouting = bool(letters) and cased == cased.upper() and cased != cased.lower()
    return Name(
        actor, kind, written, cased, len(cased) <= 4 or shouting, bool(ARABIC.search(cased))
    )


def _variants(name: Name) -> Iterator[tuple[str, Name]]:
    key = lower(name.cased)
    yield key, name
    if name.arabic and key.startswith(DEFINITE):
        # "لل" + rest: the preposition ل fused with the article of an alias that starts with ال.
        yield "\u0644\u0644" + key[2:], Name(**{**name.__dict__, "skip": 1})


@dataclass(frozen=True)
class Candidate:
    """A match that passed the case and boundary rules; `names` are the readings that passed."""

    start: int  # in the folded text
    end: int
    names: tuple[Name, ...]

    @property
    def actors(self) -> frozenset[str | None]:
        return frozenset(n.actor for n in self.names)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _case_ok(name: Name, written: str) -> bool:
    if name.case_sensitive:
        return written == name.cased[name.skip :] if name.skip else written == name.cased
    for index, (want, got) in enumerate(
        zip(name.cased.split(" "), written.split(" "), strict=False)
    ):
        if index == 0 and lower(want) in PARTICLES:
            continue
        if want[:1].isupper() and not got[:1].isupper():
            return False
    return True


def _start_ok(text: str, start: int, name: Name) -> bool:
    """A word character before the match is allowed only as an Arabic proclitic."""
    if not name.arabic or name.skip:
        return False
    word_start = start
    while word_start > 0 and _is_word_char(text[word_start - 1]):
        word_start -= 1
    prefix = text[word_start:start] if not name.skip else text[word_start : start + 1]
    return bool(PROCLITIC.fullmatch(prefix))


class NameIndex:
    """One automaton over the folded, lower-cased form of every name."""

    def __init__(self, names: Iterable[Name]) -> None:
        groups: dict[str, list[Name]] = defaultdict(list)
        for name in names:
            for key, variant in _variants(name):
                groups[key].append(variant)
        self.automaton = ahocorasick.Automaton()
        for key, readings in groups.items():
            self.automaton.add_word(key, (len(key), tuple(readings)))
        self.empty = not groups
        if not self.empty:
            self.automaton.make_automaton()

    def candidates(self, folded: Folded, lowered: str) -> list[Candidate]:
        """Every match that passes the case and boundary rules, in no particular order."""
        if self.empty:
            return []
        text = folded.text
        size = len(text)
        found = []
        for last, (length, readings) in self.automaton.iter(lowered):
            end = last + 1
            if end < size and text[end].isalnum():
                continue
            start = end - length
            free = start == 0 or not text[start - 1].isalnum()
            written = text[start:end]
            passing = tuple(
                n for n in readings
                if (free or _start_ok(text, start, n))
                and (written == n.cased or _case_ok(n, text[start + n.skip : end]))
            )  # fmt: skip
            if passing:
                found.append(Candidate(start + passing[0].skip, end, passing))
        return found


def leftmost_longest(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping selection: the leftmost, the longest there, then on after its end."""
    chosen: list[Candidate] = []
    reach = -1
    for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if candidate.start >= reach:
            chosen.append(candidate)
            reach = candidate.end
    return chosen
