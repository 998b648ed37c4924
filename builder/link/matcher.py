"""Finding every name of every actor in a text in one pass of a C Aho-Corasick automaton.

All candidates come from `Automaton.iter()` (overlapping, every length); those failing the case
or boundary rule are dropped first, then the leftmost and, there, the longest is taken, and the
scan continues after its end. (`iter_long()` is not used: it drops matches at the end of the
input and after a failed longer candidate.)
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import ahocorasick

from builder.link.normalise import Folded, fold_char, fold_name, lower

# A leading article or particle that may be written in lower case even where the alias has a
# capital ("the Times" for "The Times").
PARTICLES = frozenset({"the", "le", "la", "al", "el"})
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# A stack of Arabic proclitics: a conjunction و or ف, then a preposition ب ل ك, then the
# article ال, each optional but not all absent; ل + ال is written لل.
PROCLITIC = re.compile(
    r"[\u0648\u0641]?(?:[\u0628\u0643\u0644]?\u0627\u0644|[\u0628\u0643\u0644]|\u0644\u0644)"
    r"|[\u0648\u0641]"
)
DEFINITE = "\u0627\u0644"
# Endings an Arabic or Persian name may carry when its actor file lists it under `attached:`:
# pronoun suffixes (his, her, their, our, your; Persian ش شان م مان ت تان) and the Persian plural.
ATTACHED = frozenset(
    [
        "ه",
        "ها",
        "هم",
        "هما",
        "هن",
        "ك",
        "كم",
        "كما",
        "كن",
        "ي",
        "نا",
        "ش",
        "شان",
        "م",
        "مان",
        "ت",
        "تان",
        "هاي",
        "ست",  # the Persian copula: آمریکاست, "is America"
    ]
)
# Gender and number endings of an Arabic or Persian demonym ending in ي (a nisba adjective):
# ـية (folded ـيه), ـيون, ـيين, ـيان, ـيات, ـيتان, ـيتين, and the Persian plural ـیها/ـیهای.
NISBA = frozenset(["ه", "ون", "ين", "ان", "ات", "تان", "تين", "ها", "هاي"])


@dataclass(frozen=True)
class Name:
    """One way of naming an actor, as the matcher uses it."""

    actor: str | None  # None: a `resolve:` key or an `excludes:` name that says "not this actor"
    kind: str  # name | alias | demonym | exclude
    written: str
    cased: str  # folded, case kept
    case_sensitive: bool
    arabic: bool
    skip: int = 0  # leading characters of the key that are a proclitic, not part of the span
    common: bool = False  # a common word: links only in a naming context (quotes, a capital)
    attached: bool = False  # may carry an attached pronoun suffix
    # The harakat written on each letter of a vocalised alias; None when it carries none.
    marks: tuple[str, ...] | None = None


def make_name(
    actor: str | None, kind: str, written: str, *, common: bool = False, attached: bool = False
) -> Name | None:
    cased = fold_name(written)
    if not cased:
        return None
    letters = [c for c in cased if c.isalpha()]
    shouting = bool(letters) and cased == cased.upper() and cased != cased.lower()
    arabic = bool(ARABIC.search(cased))
    marks = letter_marks(written) if arabic else None
    return Name(
        actor, kind, written, cased, len(cased) <= 4 or shouting, arabic,
        common=common, attached=attached,
        marks=marks if marks and any(marks) else None,
    )  # fmt: skip


def _spacings(key: str) -> Iterator[str]:
    """An Arabic-script key with each space between words also written joined: Persian writes
    the zero-width non-joiner (folded to a space) as a space, or leaves it out."""
    parts = key.split(" ")
    if len(parts) == 1 or len(parts) > 4:
        yield key
        return
    for joins in itertools.product((" ", ""), repeat=len(parts) - 1):
        yield parts[0] + "".join(j + p for j, p in zip(joins, parts[1:], strict=True))


def _variants(name: Name) -> Iterator[tuple[str, Name]]:
    key = lower(name.cased)
    keys = list(_spacings(key)) if name.arabic else [key]
    for spelling in keys:
        yield spelling, name
        if name.arabic and spelling.startswith(DEFINITE):
            # "لل" + rest: the preposition ل fused with the article of an alias that starts with ال.
            yield "\u0644\u0644" + spelling[2:], replace(name, skip=1)


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
    """A word character before the match is allowed only as an Arabic proclitic stack (and
    before a fused لل, only a conjunction)."""
    if not name.arabic:
        return False
    word_start = start
    while word_start > 0 and _is_word_char(text[word_start - 1]):
        word_start -= 1
    prefix = text[word_start:start]
    if name.skip:
        return prefix in ("\u0648", "\u0641")
    return bool(PROCLITIC.fullmatch(prefix))


def _word_end(text: str, end: int) -> int:
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return end


def _ending_ok(name: Name, ending: str) -> bool:
    """What follows a match inside the same word: an attached suffix the alias allows."""
    if name.attached and ending in ATTACHED:
        return True
    return name.kind == "demonym" and name.cased.endswith("\u064a") and ending in NISBA


def _article_start(text: str, start: int, name: Name) -> int:
    """Where the span starts: an article ال written before an alias without one belongs to the
    name (الإيرانية), a conjunction or preposition does not; in a fused لل, the second ل."""
    if not name.arabic or name.skip or name.cased.startswith(DEFINITE):
        return start
    if text.endswith(DEFINITE, 0, start) and (
        start < 3 or text[start - 3] != "\u0644" or not _is_word_char(text[start - 3])
    ):
        return start - 2
    if text.endswith("\u0644\u0644", 0, start):
        return start - 1
    return start


_OPENING = "\"'(\u2039\u300c"
_CLOSING = "\"')\u203a\u300d"


def _naming_context(text: str, start: int, end: int) -> bool:
    """A common-word alias names the actor only in quotes, or written with a capital where a
    capital is not just the start of a sentence."""
    if start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING:
        return True
    if not text[start].isupper() or text[start].lower() == text[start]:
        return False
    before = text[:start].rstrip(" " + _OPENING)
    return bool(before) and before[-1] not in ".!?:\n"


HARAKAT = frozenset(chr(c) for c in range(0x064B, 0x0653))
SHADDA = "\u0651"


def letter_marks(written: str) -> tuple[str, ...]:
    """The harakat written on each letter of a text (in order, as a string per letter); the
    letters are those that folding keeps."""
    marks: list[str] = []
    for char in written:
        if char in HARAKAT:
            if marks:
                marks[-1] += char
            continue
        marks += [""] * sum(1 for part in fold_char(char) if part.isalnum())
    return tuple(marks)


def _marks_agree(alias: tuple[str, ...], written: tuple[str, ...]) -> bool:
    """A vocalised alias and the text contradict each other when both vocalise the word and a
    letter's shadda differs, or both write a vowel on a letter and the vowels differ."""
    if not any(written) or len(alias) != len(written):
        return True
    for want, got in zip(alias, written, strict=True):
        if (SHADDA in want) != (SHADDA in got):
            return False
        vowel_want, vowel_got = want.replace(SHADDA, ""), got.replace(SHADDA, "")
        if vowel_want and vowel_got and set(vowel_want) != set(vowel_got):
            return False
    return True


class NameIndex:
    """One automaton over the folded, lower-cased form of every name."""

    def __init__(self, names: Iterable[Name]) -> None:
        groups: dict[str, list[Name]] = defaultdict(list)
        for name in names:
            for key, variant in _variants(name):
                if variant not in groups[key]:
                    groups[key].append(variant)
        self.automaton = ahocorasick.Automaton()
        for key, readings in groups.items():
            self.automaton.add_word(key, (len(key), tuple(readings)))
        self.empty = not groups
        if not self.empty:
            self.automaton.make_automaton()

    def candidates(self, folded: Folded, lowered: str) -> list[Candidate]:
        """Every match that passes the case, boundary and context rules, in no order."""
        if self.empty:
            return []
        text = folded.text
        size = len(text)
        found = []
        for last, (length, readings) in self.automaton.iter(lowered):
            end = last + 1
            start = end - length
            ending = text[end : _word_end(text, end)] if end < size else ""
            if ending and ending[0].isupper() and text[end - 1].islower():
                ending = ""  # words glued by extraction ("IsraelWith"): a capital starts one
            free = start == 0 or not text[start - 1].isalnum()
            written = text[start:end]
            passing = tuple(
                n for n in readings
                if (not ending or _ending_ok(n, ending))
                and (free or _start_ok(text, start, n))
                and (written == n.cased or _case_ok(n, text[start + n.skip : end]))
                and (not n.common or _naming_context(text, start + n.skip, end))
                and (n.marks is None or _marks_agree(n.marks, _marks_at(folded, start, end)))
            )  # fmt: skip
            if any(n.actor is not None for n in passing):
                # A longer name excluded by one actor does not hide another actor's name.
                passing = tuple(n for n in passing if n.kind != "exclude")
            if passing:
                first = passing[0]
                begin = _article_start(text, start + first.skip, first)
                # A demonym's ending belongs to the word (الإيرانية); a pronoun suffix does not.
                nisba = ending and (
                    (first.cased.endswith("\u064a") and ending in NISBA)
                    or not (first.attached and ending in ATTACHED)
                )
                found.append(Candidate(begin, end + len(ending) if nisba else end, passing))
        return found


def _marks_at(folded: Folded, start: int, end: int) -> tuple[str, ...]:
    low, high = folded.span(start, end)
    return letter_marks(folded.original[low:high])


def leftmost_longest(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping selection: the leftmost, the longest there, then on after its end."""
    chosen: list[Candidate] = []
    reach = -1
    for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if candidate.start >= reach:
            chosen.append(candidate)
            reach = candidate.end
    return chosen
