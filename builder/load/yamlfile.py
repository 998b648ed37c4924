"""YAML composed from the C parser's events into a position-keeping tree of strings.

No YAML 1.1 type guessing: every scalar stays a string (only the plain YAML 1.2 null spellings
become None); anchors, aliases and custom tags are refused; depth and string length are bounded.
Building the tree from events means an alias is never expanded, so "billion laughs" costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from builder.diagnostics import Diagnostic, Location, error

MAX_DEPTH = 10
MAX_STRING = 10_000
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
STANDARD_TAGS = frozenset(
    {"!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)


def _position(mark: Any) -> tuple[int, int]:
    """1-based line and column of a parser mark (libyaml counts columns in code points)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


@dataclass(frozen=True)
class Scalar:
    value: str | None
    line: int
    col: int


@dataclass(frozen=True)
class Seq:
    items: list[Node]
    line: int
    col: int


@dataclass(frozen=True)
class Map:
    keys: dict[str, Scalar]
    values: dict[str, Node]
    line: int
    col: int


Node = Scalar | Seq | Map


class _Stop(Exception):
    """Ends composition at once (nesting too deep): nothing more of the file is read."""


@dataclass
class _Composer:
    """Builds the tree while the C parser streams events, so no event list is ever held."""

    path: str
    events: Iterator[yaml.Event]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ahead: yaml.Event | None = None
    # Only the first anchor and the first alias of a file are reported (a bomb has thousands).
    reported: set[str] = field(default_factory=set)

    def at(self, mark: Any) -> Location:
        return Location(self.path, *_position(mark))

    def fail(self, mark: Any, code: str, message: str) -> None:
        self.diagnostics.append(error(self.at(mark), code, message))

    def fail_once(self, mark: Any, message: str) -> None:
        if message not in self.reported:
            self.reported.add(message)
            self.fail(mark, "yaml-anchor", message)

    def peek(self) -> yaml.Event:
        if self.ahead is None:
            self.ahead = next(self.events)
        return self.ahead

    def next(self) -> yaml.Event:
        event = self.peek()
        self.ahead = None
        return event

    def node(self, depth: int) -> Node | None:
        event = self.next()
        if isinstance(event, yaml.AliasEvent):
            self.fail_once(event.start_mark, "YAML aliases (*name) are not allowed")
            return None
        node_event = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
        if isinstance(event, node_event) and not self.acceptable(event, depth):
            self.skip(event)
            return None
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(event, depth)
        assert isinstance(event, yaml.MappingStartEvent)
        return self.mapping(event, depth)

    def acceptable(self, event: yaml.NodeEvent, depth: int) -> bool:
        if event.anchor is not None:
            self.fail_once(event.start_mark, "YAML anchors (&name) are not allowed")
            return False
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in STANDARD_TAGS:
            self.fail(event.start_mark, "yaml-tag", f"YAML tag '{tag}' is not allowed")
            return False
        if depth > MAX_DEPTH and isinstance(event, yaml.CollectionStartEvent):
            message = f"nesting is deeper than {MAX_DEPTH} levels"
            self.fail(event.start_mark, "too-deep", message)
            raise _Stop

        return True

    def skip(self, start: yaml.Event) -> None:
        """Skip past the collection that `start` opened, without building anything."""
        if not isinstance(start, yaml.CollectionStartEvent):
            return
        level = 1
        while level:
            event = self.next()
            if isinstance(event, yaml.CollectionStartEvent):
                level += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                level -= 1

    def scalar(self, event: yaml.ScalarEvent) -> Scalar:
        value: str | None = event.value
        line, col = _position(event.start_mark)
        if not event.style and event.implicit[0] and value in NULLS:
            value = None
        elif len(event.value) > MAX_STRING:
            message = f"string is {len(event.value):,} characters; the limit is {MAX_STRING:,}"
            self.fail(event.start_mark, "string-too-long", message)
            value = event.value[:MAX_STRING]
        return Scalar(value, line, col)

    def sequence(self, start: yaml.SequenceStartEvent, depth: int) -> Seq:
        items: list[Node] = []
        while not isinstance(self.peek(), yaml.SequenceEndEvent):
            item = self.node(depth + 1)
            if item is not None:
                items.append(item)
        self.next()
        return Seq(items, *_position(start.start_mark))

    def mapping(self, start: yaml.MappingStartEvent, depth: int) -> Map:
        keys: dict[str, Scalar] = {}
        values: dict[str, Node] = {}
        while not isinstance(self.peek(), yaml.MappingEndEvent):
            key_event = self.peek()
            key = self.node(depth + 1)
            value = self.node(depth + 1)
            if not isinstance(key, Scalar) or key.value is None:
                if key is not None:
                    self.fail(key_event.start_mark, "yaml-key", "a key must be a plain string")
                continue
            if key.value in keys:
                first = keys[key.value].line
                message = f"duplicate key '{key.value}' (first given on line {first})"
                self.fail(key_event.start_mark, "duplicate-key", message)
                continue
            keys[key.value] = key
            if value is not None:
                values[key.value] = value
        self.next()
        return Map(keys, values, *_position(start.start_mark))


def _leading_tab(path: str, text: str) -> Diagnostic | None:
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        tab = line.find("\t", 0, indent)
        if tab >= 0:
            message = "tab character in indentation; YAML indents with spaces"
            return error(Location(path, number, tab + 1), "yaml-tab", message)
    return None


def _syntax_error(path: str, exc: yaml.YAMLError) -> Diagnostic:
    if isinstance(exc, yaml.MarkedYAMLError):
        line, col = _position(exc.problem_mark or exc.context_mark)
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own limit, met while scanning ahead
            message = f"nesting is deeper than {MAX_DEPTH} levels"
            return error(Location(path, line, col), "too-deep", message)
        return error(Location(path, line, col), "yaml-syntax", f"YAML syntax error: {problem}")
    return error(Location(path), "yaml-syntax", f"YAML syntax error: {exc}")


def _document(composer: _Composer) -> Node | None:
    """The one document of the stream; a second one is an error."""
    composer.next()  # stream start
    if isinstance(composer.peek(), yaml.StreamEndEvent):
        composer.fail(None, "empty-file", "file is empty")
        return None
    composer.next()  # document start
    root = composer.node(depth=1)
    composer.next()  # document end
    following = composer.peek()
    if isinstance(following, yaml.DocumentStartEvent):
        message = "file holds more than one YAML document"
        composer.fail(following.start_mark, "yaml-multiple-documents", message)
        return None
    return root


def compose(path: str, text: str) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML document into a tree of positioned strings."""
    composer = _Composer(path, iter(yaml.parse(text, Loader=yaml.CSafeLoader)))
    try:
        root = _document(composer)
    except yaml.YAMLError as exc:
        # libyaml refuses some tabs that YAML allows (one opening a block scalar's line after
        # its indentation): the pure-Python parser, slower, decides.
        composer = _Composer(path, iter(yaml.parse(text, Loader=yaml.SafeLoader)))
        try:
            root = _document(composer)
        except yaml.YAMLError:
            # A tab where YAML wants indentation is the usual cause, and worth naming.
            tab = _leading_tab(path, text)
            return None, [*composer.diagnostics, tab or _syntax_error(path, exc)]
        except _Stop:
            return None, composer.diagnostics
    except _Stop:
        return None, composer.diagnostics
    if any(d.code in {"empty-file", "yaml-multiple-documents"} for d in composer.diagnostics):
        return None, composer.diagnostics
    return root, composer.diagnostics


_NOT_YET = object()


class Document:
    """A YAML file's text, composed into its tree only when something needs the tree.

    A run that reuses a file's checked record (see builder/memo.py) never composes it unless a
    diagnostic has to be located in it; pickling keeps the text and drops the tree."""

    __slots__ = ("_node", "path", "text")

    def __init__(self, path: str, text: str, node: Node | object | None = _NOT_YET) -> None:
        self.path = path
        self.text = text
        self._node = node

    @classmethod
    def of(cls, path: str, node: Node | None) -> Document:
        """A document known only by its tree."""
        return cls(path, "", node)

    @property
    def node(self) -> Node | None:
        if self._node is _NOT_YET:
            self._node = compose(self.path, self.text)[0]
        return self._node  # type: ignore[return-value]

    def __eq__(self, other: object) -> bool:
        """The same file with the same text (a document known only by its tree: itself)."""
        if not isinstance(other, Document):
            return NotImplemented
        return self is other or (
            bool(self.text) and (self.path, self.text) == (other.path, other.text)
        )

    def __hash__(self) -> int:
        return hash((self.path, self.text)) if self.text else id(self)

    def __getstate__(self) -> tuple[str, str, object]:
        # With its text, the tree is composed again when needed; without, it is all there is.
        return (self.path, self.text, None if self.text else self.node)

    def __setstate__(self, state: tuple[str, str, object]) -> None:
        self.path, self.text, node = state
        self._node = _NOT_YET if self.text else node


def to_plain(node: Node | None) -> object:
    """The tree as plain Python values (str, None, list, dict) for schema validation."""
    if node is None or isinstance(node, Scalar):
        return None if node is None else node.value
    if isinstance(node, Seq):
        return [to_plain(item) for item in node.items]
    return {key: to_plain(node.values.get(key)) for key in node.keys}


def locate(node: Node | None, path: tuple[str | int, ...], fallback: Location) -> Location:
    """The position of the deepest node along `path` (a missing key points at its mapping)."""
    if node is None:
        return fallback
    here = Location(fallback.path, node.line, node.col)
    if not path:
        return here
    step, rest = path[0], path[1:]
    if isinstance(node, Map) and isinstance(step, str) and step in node.keys:
        child = node.values.get(step)
        return locate(child, rest, here) if child is not None else _key_at(node, step, here)
    if isinstance(node, Seq) and isinstance(step, int) and 0 <= step < len(node.items):
        return locate(node.items[step], rest, here)
    return here


def locate_key(node: Node | None, path: tuple[str | int, ...], fallback: Location) -> Location:
    """The position of the key that ends `path`, rather than of its value."""
    parent = locate(node, path[:-1], fallback)
    holder = _walk(node, path[:-1])
    if isinstance(holder, Map) and path and isinstance(path[-1], str) and path[-1] in holder.keys:
        return _key_at(holder, path[-1], parent)
    return fallback


def _walk(node: Node | None, path: tuple[str | int, ...]) -> Node | None:
    for step in path:
        if isinstance(node, Map) and isinstance(step, str):
            node = node.values.get(step)
        elif isinstance(node, Seq) and isinstance(step, int) and 0 <= step < len(node.items):
            node = node.items[step]
        else:
            return None
    return node


def _key_at(node: Map, key: str, fallback: Location) -> Location:
    scalar = node.keys[key]
    return Location(fallback.path, scalar.line, scalar.col)
