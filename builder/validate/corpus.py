"""The validated corpus: every record that passed its schema, with its text and quote spans."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from builder.diagnostics import Diagnostic, Location
from builder.load.text import ArticleText
from builder.load.yamlfile import Document, Node, locate, locate_key
from builder.validate.models import ActorRecord, ArticleRecord, TopicRecord
from builder.validate.quotes import QuoteSpan


@dataclass(frozen=True)
class Source:
    """A record's file and parsed tree, to locate any of its values."""

    document: Document

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def node(self) -> Node | None:
        return self.document.node

    def at(self, *loc: str | int) -> Location:
        return locate(self.node, loc, Location(self.path))

    def key_at(self, *loc: str | int) -> Location:
        """The position of the key ending `loc`, rather than of its value."""
        return locate_key(self.node, loc, self.at(*loc[:-1]))


@dataclass(frozen=True)
class ValidArticle:
    id: str
    source: Source
    text_path: str
    record: ArticleRecord
    text: ArticleText
    claim_quotes: dict[str, QuoteSpan]
    event_quotes: dict[str, QuoteSpan]
    digest: bytes = b""  # of the sidecar and the text, with their paths

    def __eq__(self, other: object) -> bool:
        """Field by field; at once when both come from the same files (the same digest): the
        checked article is a function of them. A preview compares every article on every
        rebuild (builder/render/inputs.py)."""
        if not isinstance(other, ValidArticle):
            return NotImplemented
        if self is other or (self.digest and self.digest == other.digest):
            return True
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(self))


@dataclass(frozen=True)
class ValidActor:
    id: str
    source: Source
    record: ActorRecord


@dataclass(frozen=True)
class ValidTopic:
    id: str
    source: Source
    record: TopicRecord


@dataclass
class ValidatedCorpus:
    articles: dict[str, ValidArticle] = field(default_factory=dict)
    actors: dict[str, ValidActor] = field(default_factory=dict)
    topics: dict[str, ValidTopic] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    broken: set[tuple[str, str]] = field(default_factory=set)

    def broken_ids(self, kind: str) -> frozenset[str]:
        """Ids of files of this kind that exist but failed to load or validate."""
        return frozenset(identifier for k, identifier in self.broken if k == kind)

    def claim_ids(self) -> set[str]:
        """Every claim as '<article>#<claim>'."""
        return {f"{a.id}#{c.id}" for a in self.articles.values() for c in a.record.claims}

    def event_ids(self) -> set[str]:
        return {f"{a.id}#{e.id}" for a in self.articles.values() for e in a.record.events}
