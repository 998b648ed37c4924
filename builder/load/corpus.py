"""Finding the content files under a root and reading each into a raw record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from builder.diagnostics import Diagnostic, Location, error, has_errors, warning
from builder.load.source import ARTICLE_LIMIT, YAML_LIMIT, read_text, relative_path
from builder.load.text import normalise_line_ends
from builder.load.yamlfile import Node, compose
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
    root: Node | None
    digest: bytes = b""  # of the path and text: the key of the work done on this file


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


_COMPOSED: Memo[tuple[Node | None, list[Diagnostic]]] = Memo("compose")


def _read_yaml(root: Path, path: Path, kind: Kind) -> tuple[RawRecord | None, list[Diagnostic]]:
    rel = relative_path(root, path)
    problems = check_id(path.stem, Location(rel), kind.value)
    text, read_problems = read_text(root, path, YAML_LIMIT)
    problems += read_problems
    if text is None or problems:
        return None, problems
    text = normalise_line_ends(text)
    key = digest(rel, text)
    node, parse_problems = _COMPOSED.get(key, lambda: compose(rel, text))
    if has_errors(parse_problems):
        return None, list(parse_problems)
    return RawRecord(kind, path.stem, rel, node, key), _modeline(kind, rel, text) + parse_problems


def _records(root: Path, kind: Kind, corpus: RawCorpus) -> list[RawRecord]:
    folder = root / FOLDERS[kind]
    records: list[RawRecord] = []
    if not folder.is_dir():
        return records
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yaml":
            rel = relative_path(root, path)
            message = "content files end in '.yml'; rename it"
            corpus.diagnostics.append(error(Location(rel), "wrong-extension", message))
        if path.suffix != ".yml" or not path.is_file():
            continue
        record, problems = _read_yaml(root, path, kind)
        corpus.diagnostics.extend(problems)
        if record is not None:
            records.append(record)
        elif ID_PATTERN.match(path.stem):
            corpus.broken.add((kind, path.stem))
    return records


def _articles(root: Path, sidecars: list[RawRecord], corpus: RawCorpus) -> None:
    seeds = root / FOLDERS[Kind.ARTICLE]
    by_id = {record.id: record for record in sidecars}
    texts = {p.stem: p for p in seeds.glob("*.txt")} if seeds.is_dir() else {}
    for stem in sorted(set(texts) - set(by_id)):
        at = Location(relative_path(root, texts[stem]))
        if not (seeds / f"{stem}.yml").exists():
            message = f"article text has no sidecar; create 'seeds/{stem}.yml'"
            corpus.diagnostics.append(error(at, "missing-sidecar", message))
    for record in sidecars:
        path = texts.get(record.id)
        if path is None:
            message = f"sidecar has no article text; add 'seeds/{record.id}.txt'"
            corpus.diagnostics.append(error(Location(record.path), "missing-text", message))
            continue
        text, problems = read_text(root, path, ARTICLE_LIMIT)
        corpus.diagnostics.extend(problems)
        if text is None:
            corpus.broken.add((Kind.ARTICLE, record.id))
        else:
            rel = relative_path(root, path)
            text = normalise_line_ends(text)
            key = digest(record.digest, rel, text)
            corpus.articles.append(RawArticle(record, text, rel, key))


def load_corpus(root: Path) -> RawCorpus:
    """Read every article, actor and topic file under `root`; problems become diagnostics."""
    corpus = RawCorpus()
    corpus.actors = _records(root, Kind.ACTOR, corpus)
    corpus.topics = _records(root, Kind.TOPIC, corpus)
    _articles(root, _records(root, Kind.ARTICLE, corpus), corpus)
    return corpus
