"""`briefs suggest`: names in the articles that no actor covers, near misses of known aliases,
and aliases two actors share, so a contributor knows which records to add or fix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from builder.diagnostics import Diagnostic, Location, with_suggestion
from builder.link.mentions import MentionFinder
from builder.link.normalise import fold_name, lower
from builder.load.corpus import Kind, RawCorpus, RawRecord
from builder.load.source import YAML_LIMIT, read_text
from builder.load.text import split_paragraphs
from builder.load.yamlfile import Document, compose
from builder.validate.corpus import Source, ValidArticle, ValidatedCorpus
from builder.validate.models import ArticleRecord
from builder.validate.schema import check_record, closest
from builder.validate.types import Text

IGNORE_FILE = "briefs/ignore.yml"
NEAR_MISS_SCORE = 85
CONNECTORS = frozenset({"of", "the", "al", "el", "bin", "ibn", "de", "la", "du", "and", "for"})
# Capitals of the Latin, Greek and Cyrillic alphabets, accented ones included (É, Ö, Ł, Ş).
_CAPITALS = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
_CAPITAL = f"[{_CAPITALS}]"
# A lower-case Arabic article or particle joined by a hyphen belongs to the name (al-Sudani).
_PARTICLE = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|abd)-)?"
_LATIN = re.compile(
    rf"{_PARTICLE}{_CAPITAL}[\w’'.-]*(?:\s+(?:(?:of|the|al|el|bin|ibn|de|la|du|and|for)\s+)*"
    rf"{_PARTICLE}(?:{_CAPITAL}|[0-9])[\w’'.-]*)*"
)
# An Arabic-script word: letters (Persian ones included) with their harakat and tatweel, and a
# zero-width non-joiner inside it (خامنه‌ای is one word, not two fragments).
_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc"
_ARABIC_WORD = re.compile(
    rf"[{_ARABIC_LETTER}](?:[{_ARABIC_LETTER}\u0640\u064b-\u065f\u0670]|\u200c(?=[{_ARABIC_LETTER}]))*"
)
_ARABIC_LETTERS = re.compile(f"[{_ARABIC_LETTER}]")
ARABIC_RUN = 3  # words at most in one suggested Arabic-script name
ARABIC_MIN_LETTERS = 3  # shorter words (في, من, و) are particles, never part of a name


def arabic_names(text: str) -> list[tuple[str, int]]:
    """Runs of up to three Arabic-script words of three letters or more, with their offsets;
    a shorter word or anything but spaces between words ends a run."""
    runs: list[list[re.Match[str]]] = []
    for match in _ARABIC_WORD.finditer(text):
        if len(_ARABIC_LETTERS.findall(match.group())) < ARABIC_MIN_LETTERS:
            runs.append([])
            continue
        previous = runs[-1][-1] if runs and runs[-1] else None
        joined = previous is not None and not text[previous.end() : match.start()].strip()
        if joined and len(runs[-1]) < ARABIC_RUN:
            runs[-1].append(match)
        else:
            runs.append([match])
    return [(text[run[0].start() : run[-1].end()], run[0].start()) for run in runs if run]


class IgnoreList(BaseModel):
    """`briefs/ignore.yml`: words and phrases that look like names but are not actors."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    ignore: list[Text] = Field(default_factory=list, description="Not actors: never suggested")


@dataclass
class Candidate:
    name: str
    count: int = 0
    articles: set[str] = field(default_factory=set)
    first: Location | None = None
    sentence: str = ""


@dataclass(frozen=True)
class NearMiss:
    written: str
    where: Location
    alias: str
    actor: str
    alias_at: Location


@dataclass(frozen=True)
class Collision:
    alias: str
    places: tuple[tuple[str, Location], ...]


@dataclass(frozen=True)
class Suggestions:
    unknown: list[Candidate]
    near_misses: list[NearMiss]
    collisions: list[Collision]
    problems: list[Diagnostic]


def load_ignore(root: Path) -> tuple[frozenset[str], list[Diagnostic]]:
    path = root / IGNORE_FILE
    if not path.exists():
        return frozenset(), []
    text, problems = read_text(root, path, YAML_LIMIT)
    if text is None:
        return frozenset(), problems
    node, problems = compose(IGNORE_FILE, text)
    record, schema_problems = check_record(
        RawRecord(Kind.TOPIC, "ignore", IGNORE_FILE, Document.of(IGNORE_FILE, node)), IgnoreList
    )
    words = frozenset(lower(fold_name(w)) for w in record.ignore) if record else frozenset()
    return words, problems + schema_problems


def _sentence(paragraph: str, offset: int) -> str:
    starts = [m.end() for m in re.finditer(r"[.!?]\s+", paragraph[:offset])]
    start = starts[-1] if starts else 0
    end_match = re.search(r"[.!?](\s|$)", paragraph[offset:])
    end = offset + end_match.end() if end_match else len(paragraph)
    return paragraph[start:end].strip()


def _sentence_initial(paragraph: str, offset: int) -> bool:
    before = paragraph[:offset].rstrip(" “\"'(")
    return not before or before[-1] in ".!?:"


def _names_in(
    article: ValidArticle, covered: list[tuple[int, int]]
) -> list[tuple[str, int, int, bool]]:
    """(name, start, paragraph number, sentence-initial) for each name-like run outside mentions."""
    found = []
    for paragraph in article.text.searchable:
        # Mentions are blanked out, so a run stops at a known name and resumes after it.
        text = list(paragraph.text)
        for start, end in covered:
            for index in range(max(start, paragraph.start), min(end, paragraph.end)):
                text[index - paragraph.start] = "\x00"
        blanked = "".join(text)
        for match in _LATIN.finditer(blanked):
            name = match.group().strip(".’'-")
            if name:
                initial = _sentence_initial(paragraph.text, match.start())
                found.append((name, match.start(), paragraph.number, initial))
        for name, offset in arabic_names(blanked):
            found.append((name, offset, paragraph.number, False))
    return found


def _ignored(key: str, ignore: frozenset[str]) -> bool:
    """Listed whole, or made only of listed words, connectors and numbers."""
    if key in ignore:
        return True
    return all(w in ignore or w in CONNECTORS or w.isdigit() for w in key.split())


def unknown_names(
    corpus: ValidatedCorpus, articles: list[str], ignore: frozenset[str]
) -> list[Candidate]:
    finder = MentionFinder(corpus.actors.values())
    candidates: dict[str, Candidate] = {}
    mid_sentence: set[str] = set()
    for article_id in articles:
        article = corpus.articles[article_id]
        covered = [(m.start, m.end) for m in finder.find(article).mentions]
        paragraphs = {p.number: p for p in article.text.paragraphs}
        for name, offset, number, initial in _names_in(article, covered):
            key = lower(fold_name(name))
            if not key or _ignored(key, ignore):
                continue
            if not initial or " " in name:
                mid_sentence.add(key)
            entry = candidates.setdefault(key, Candidate(name))
            entry.count += 1
            entry.articles.add(article_id)
            if entry.first is None:
                paragraph = paragraphs[number]
                entry.first = Location(article.text_path, paragraph.line, offset + 1)
                entry.sentence = _sentence(paragraph.text, offset)
    # A lone capitalised word seen only at the start of sentences is an ordinary word.
    kept = [c for key, c in candidates.items() if key in mid_sentence]
    return sorted(kept, key=lambda c: (-c.count, c.name))


def name_places(corpus: ValidatedCorpus) -> dict[str, list[tuple[str, str, Location]]]:
    """Every name, alias and demonym by its folded key: (actor, as written, where), in the
    order of the actors."""
    places: dict[str, list[tuple[str, str, Location]]] = defaultdict(list)
    for actor in corpus.actors.values():
        record = actor.record
        spellings: list[tuple[tuple[str | int, ...], str]] = [(("name",), record.name)]
        spellings += [(("aliases", i), a) for i, a in enumerate(record.aliases)]
        spellings += [(("demonyms", i), d) for i, d in enumerate(record.demonyms)]
        for loc, written in spellings:
            places[lower(fold_name(written))].append((actor.id, written, actor.source.at(*loc)))
    return places


def near_misses(corpus: ValidatedCorpus, unknown: list[Candidate]) -> list[NearMiss]:
    places = name_places(corpus)
    choices = {key: entries[0] for key, entries in places.items()}
    found = []
    for candidate in unknown:
        key = lower(fold_name(candidate.name))
        best = process.extractOne(
            key, list(choices), scorer=fuzz.ratio, score_cutoff=NEAR_MISS_SCORE
        )
        if best is None or best[0] == key or candidate.first is None:
            continue
        actor, written, at = choices[best[0]]
        found.append(NearMiss(candidate.name, candidate.first, written, actor, at))
    return found


def collisions(corpus: ValidatedCorpus) -> list[Collision]:
    found = []
    for _, entries in sorted(name_places(corpus).items()):
        actors = {actor for actor, _, _ in entries}
        if len(actors) > 1:
            found.append(Collision(entries[0][1], tuple((a, at) for a, _, at in entries)))
    return found


def add_drafts(corpus: ValidatedCorpus, raw: RawCorpus, wanted: list[str]) -> list[str]:
    """Let `suggest` read articles whose sidecar does not validate yet (a fresh scaffold with an
    empty title): each requested one joins the corpus as a draft, its text as saved. Returns a
    message for each requested id that names no article."""
    drafts = {a.record.id: a for a in raw.articles}
    problems = []
    for article_id in wanted:
        if article_id in corpus.articles:
            continue
        found = drafts.get(article_id)
        if found is None:
            hint = closest(article_id, [*corpus.articles, *drafts])
            problems.append(with_suggestion(f"no article '{article_id}'", hint))
            continue
        corpus.articles[article_id] = ValidArticle(
            article_id, Source(found.record.document), found.text_path,
            ArticleRecord.model_construct(title="", published=None, outlet=""),  # type: ignore[arg-type]
            split_paragraphs(found.text, None, frozenset()), {}, {},
        )  # fmt: skip
    return problems


def suggest(corpus: ValidatedCorpus, root: Path, articles: list[str]) -> Suggestions:
    ignore, problems = load_ignore(root)
    chosen = articles or sorted(corpus.articles)
    unknown = unknown_names(corpus, [a for a in chosen if a in corpus.articles], ignore)
    return Suggestions(unknown, near_misses(corpus, unknown), collisions(corpus), problems)


def _at(where: Location) -> str:
    return f"{where.path}:{where.line}:{where.col}"


def _section(title: str, items: list[str], empty: str) -> list[str]:
    return ["", f"## {title}", "", *(items or [empty])]


def format_suggestions(found: Suggestions) -> str:
    unknown = [
        f"- {c.name}: {c.count} in {len(c.articles)} article(s); "
        f"first at {_at(c.first) if c.first else ''}: “{c.sentence}”"
        for c in found.unknown
    ]
    near = [
        f"- '{m.written}' at {_at(m.where)} looks like '{m.alias}' of {m.actor} ({_at(m.alias_at)})"
        for m in found.near_misses
    ]
    shared = [
        f"- '{c.alias}': "
        + "; ".join(f"{actor} ({_at(at)})" for actor, at in c.places)
        + "; pick one per article with resolve:"
        for c in found.collisions
    ]
    lines = ["# Suggestions"]
    lines += _section(
        "Names that match no actor", unknown,
        "None: every name-like phrase is an actor or in briefs/ignore.yml.",
    )  # fmt: skip
    lines += _section("Near misses of known names", near, "None.")
    lines += _section("Names shared by two actors", shared, "None.")
    return "\n".join(lines) + "\n"
