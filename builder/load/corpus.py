"""Finding the content files under a root and reading each into a raw record."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from builder.diagnostics import Diagnostic, Location, error, has_errors, warning
from builder.load.boundary import check_boundary
from builder.load.source import ARTICLE_LIMIT, YAML_LIMIT, read_text, relative_path
from builder.load.text import normalise_line_ends
from builder.load.yamlfile import Document, Node, compose
from builder.memo import Memo, digest

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
RESERVED_IDS = frozenset({"index", "readme"})
MODELINE_PREFIX = "# yaml-language-server: $schema="


class Kind(StrEnum):
    ARTICLE = "article"
    ACTOR = "actor"
    TOPIC = "topic"


FOLDERS = {Kind.ARTICLE: "seeds", Kind.ACTOR: "briefs/actors", Kind.TOPIC: "briefs/topics"}


def schema_reference(kind: Kind) -> str:
    """The modeline's schema path, relative to a file of this kind."""
    up = "../" * FOLDERS[kind].count("/")
    return f"../{up}schemas/{kind}.schema.json"


@dataclass(frozen=True)
class RawRecord:
    kind: Kind
    id: str
    path: str
    document: Document
    digest: bytes = b""  # of the path and text: the key of the work done on this file

    @property
    def root(self) -> Node | None:
        return self.document.node


@dataclass(frozen=True)
class RawArticle:
    record: RawRecord
    text: str
    text_path: str
    digest: bytes = b""  # of both files: the key of the work done on this article


@dataclass
class RawCorpus:
    articles: list[RawArticle] = field(default_factory=list)
    actors: list[RawRecord] = field(default_factory=list)
    topics: list[RawRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Files that exist but could not be read: references to them are not reported as unknown.
    broken: set[tuple[Kind, str]] = field(default_factory=set)


def check_id(identifier: str, at: Location, what: str) -> list[Diagnostic]:
    """Ids are lower-case words that cannot escape a folder or collide with index pages."""
    if not ID_PATTERN.match(identifier):
        message = (
            f"{what} id '{identifier}' is not valid: use 1-64 lower-case letters, digits, "
            "'-' or '_', starting with a letter or digit"
        )
        return [error(at, "invalid-id", message)]
    if identifier in RESERVED_IDS:
        return [error(at, "reserved-id", f"{what} id '{identifier}' is reserved")]
    return []


def _modeline(kind: Kind, path: str, text: str) -> list[Diagnostic]:
    first = text.split("\n", 1)[0].strip()
    expected = schema_reference(kind)
    at = Location(path)
    if not first.startswith(MODELINE_PREFIX):
        line = f"{MODELINE_PREFIX}{expected}"
        return [warning(at, "missing-modeline", f"first line should be '{line}'")]
    if first.removeprefix(MODELINE_PREFIX) != expected:
        message = f"schema modeline should point at '{expected}'"
        return [warning(at, "wrong-modeline", message)]
    return []


# What composing a file found wrong; the tree itself is not kept (see Document).
_COMPOSED: Memo[list[Diagnostic]] = Memo("compose")


@dataclass(frozen=True)
class Entry:
    """One file of a content folder, as listing the folder describes it."""

    name: str
    path: Path
    rel: str
    link: bool
    file: bool

    @property
    def stem(self) -> str:
        return os.path.splitext(self.name)[0]

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.name)[1]


def _listing(root: Path, folder: Path) -> list[Entry]:
    """The folder's entries by name; one directory read, no stat call per file."""
    base = relative_path(root, folder)
    with os.scandir(folder) as found:
        entries = [
            Entry(e.name, folder / e.name, f"{base}/{e.name}", e.is_symlink(), e.is_file())
            for e in found
        ]
    return sorted(entries, key=lambda e: e.name)


def _read_yaml(root: Path, entry: Entry, kind: Kind) -> tuple[RawRecord | None, list[Diagnostic]]:
    rel = entry.rel
    problems = check_id(entry.stem, Location(rel), kind.value)
    text, read_problems = read_text(root, entry.path, YAML_LIMIT, rel, entry.link)
    problems += read_problems
    if text is None or problems:
        return None, problems
    text = normalise_line_ends(text)
    key = digest(rel, text)
    composed: list[Document] = []

    def parse() -> list[Diagnostic]:
        node, problems = compose(rel, text)
        composed.append(Document(rel, text, node))  # the tree, already built, is kept this run
        return problems

    parse_problems = _COMPOSED.get(key, parse)
    if has_errors(parse_problems):
        return None, list(parse_problems)
    document = composed[0] if composed else Document(rel, text)
    record = RawRecord(kind, entry.stem, rel, document, key)
    return record, _modeline(kind, rel, text) + parse_problems


def _records(root: Path, kind: Kind, corpus: RawCorpus) -> list[RawRecord]:
    folder = root / FOLDERS[kind]
    records: list[RawRecord] = []
    if not folder.is_dir():
        return records
    for entry in _listing(root, folder):
        if entry.suffix == ".yaml":
            message = "content files end in '.yml'; rename it"
            corpus.diagnostics.append(error(Location(entry.rel), "wrong-extension", message))
        if entry.suffix != ".yml" or not entry.file:
            continue
        record, problems = _read_yaml(root, entry, kind)
        corpus.diagnostics.extend(problems)
        if record is not None:
            records.append(record)
        elif ID_PATTERN.match(entry.stem):
            corpus.broken.add((kind, entry.stem))
    return records


def _articles(root: Path, sidecars: list[RawRecord], corpus: RawCorpus) -> None:
    seeds = root / FOLDERS[Kind.ARTICLE]
    by_id = {record.id: record for record in sidecars}
    listing = _listing(root, seeds) if seeds.is_dir() else []
    texts = {e.stem: e for e in listing if e.suffix == ".txt" and not e.name.startswith(".")}
    for other in listing:
        identifier = other.name.split(".", 1)[0]  # ids hold no dot: a.txt.bak belongs to 'a'
        second = other.suffix not in (".txt", ".yml", ".yaml") and not other.name.startswith(".")
        if second and (identifier in texts or identifier in by_id):
            message = (
                f"a second text for article '{identifier}'; an article's text is "
                f"'seeds/{identifier}.txt' only: remove or rename this file"
            )
            corpus.diagnostics.append(error(Location(other.rel), "duplicate-text", message))
    for stem in sorted(set(texts) - set(by_id)):
        at = Location(texts[stem].rel)
        if not (seeds / f"{stem}.yml").exists():
            message = f"article text has no sidecar; create 'seeds/{stem}.yml'"
            corpus.diagnostics.append(error(at, "missing-sidecar", message))
    for record in sidecars:
        entry = texts.get(record.id)
        if entry is None:
            message = f"sidecar has no article text; add 'seeds/{record.id}.txt'"
            corpus.diagnostics.append(error(Location(record.path), "missing-text", message))
            continue
        rel = entry.rel
        text, problems = read_text(root, entry.path, ARTICLE_LIMIT, rel, entry.link)
        corpus.diagnostics.extend(problems)
        if text is not None and not text.strip():
            message = (
                "article text is empty; save the article's text here (briefs new article --from)"
            )
            corpus.diagnostics.append(error(Location(rel), "empty-text", message))
            text = None
        if text is None:
            corpus.broken.add((Kind.ARTICLE, record.id))
        else:
            text = normalise_line_ends(text)
            key = digest(record.digest, rel, text)
            corpus.articles.append(RawArticle(record, text, rel, key))


def load_corpus(root: Path) -> RawCorpus:
    """Read every article, actor and topic file under `root`; problems become diagnostics."""
    corpus = RawCorpus()
    corpus.diagnostics += check_boundary(root)
    corpus.actors = _records(root, Kind.ACTOR, corpus)
    corpus.topics = _records(root, Kind.TOPIC, corpus)
    _articles(root, _records(root, Kind.ARTICLE, corpus), corpus)
    return corpus
