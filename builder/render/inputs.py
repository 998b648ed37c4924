"""What each generated page read, so a preview renders again only the pages an edit changed.

While `briefs serve` runs, every keyed structure of the analysis (each dict field of the
analysis, the model, the origins, the actor facts, and the analysis' cached views) is replaced by
a `Watched` dict that notes, while a page is computed, which keys it read: `articles['a1']`,
`'a1' in claims`, `mentions.get('a1')`, or the whole structure when the page iterates it or
asks its length. Everything else the pages see (the newest content date, the relation list, the
settings, the page templates) is compared as a whole: when any of it changes, every page is
rendered again.

A page (or a piece several pages share) is computed through `derived(function, *args)`: its
value is kept with what it read, under the function and its arguments (the analysis and the
template environment left out: the analysis is new on every build, and the environment follows
from the settings and templates, compared as a whole), and given back unchanged on the next
build unless one of those reads changed. The rule that makes this sound is that a derived
function sees nothing but its arguments and what it reads from the analysis: it must be a
module-level function (no closure), and every argument must be hashable, so that it is part of
the key. A derived function that
calls another takes that one's reads too.

Between two builds, `Ledger.begin` compares the structures key by key (order included), so the
changes are known exactly; a kept value is valid while none of its reads is among the changes
made since it was last checked. Outside a preview there is no ledger and `derived` just calls.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FunctionType
from typing import Any, TypeVar

from jinja2 import Environment

from builder.analyze import Analysis

T = TypeVar("T")
Read = tuple[str, Hashable]


class _Whole:
    """The key of a read of a whole structure (iterating it, its length)."""

    def __repr__(self) -> str:
        return "WHOLE"

    def __reduce__(self) -> str:
        return "WHOLE"  # one object in every process


WHOLE = _Whole()
# The reads of the derived value being computed (None when none is).
_reads: set[Read] | None = None


class Watched(dict):  # type: ignore[type-arg]
    """A dict that notes its reads while a derived value is computed. Writes are not watched:
    nothing writes to the analysis once it is built."""

    __slots__ = ("name",)

    def __init__(self, name: str, items: dict[Any, Any]) -> None:
        super().__init__(items)
        self.name = name

    def _whole(self) -> None:
        if _reads is not None:
            _reads.add((self.name, WHOLE))

    def __getitem__(self, key: Any) -> Any:
        if _reads is not None:
            _reads.add((self.name, key))
        return dict.__getitem__(self, key)

    def get(self, key: Any, default: Any = None) -> Any:
        if _reads is not None:
            _reads.add((self.name, key))
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        if _reads is not None:
            _reads.add((self.name, key))
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[Any]:
        self._whole()
        return dict.__iter__(self)

    def __reversed__(self) -> Iterator[Any]:
        self._whole()
        return dict.__reversed__(self)

    def __len__(self) -> int:
        self._whole()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._whole()
        return dict.keys(self)

    def values(self) -> Any:
        self._whole()
        return dict.values(self)

    def items(self) -> Any:
        self._whole()
        return dict.items(self)

    def copy(self) -> dict[Any, Any]:
        self._whole()
        return dict(dict.items(self))

    def __eq__(self, other: object) -> bool:
        self._whole()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        self._whole()
        return dict.__ne__(self, other)

    def __or__(self, other: Any) -> Any:
        self._whole()
        return dict(dict.items(self)) | other

    def __ror__(self, other: Any) -> Any:
        self._whole()
        return other | dict(dict.items(self))

    def __repr__(self) -> str:  # str() and format() too
        self._whole()
        return dict.__repr__(self)

    def __reduce__(self) -> Any:  # pickle and copy: a plain dict, read whole
        self._whole()
        return (dict, (dict(dict.items(self)),))


@dataclass
class Inputs:
    """One build's inputs: the watched structures by name, and everything else by value."""

    keyed: dict[str, Watched]
    plain: dict[str, object]


def _is_record(value: object) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def watch(analysis: object, **plain: object) -> Inputs:
    """Replace every dict field (and dict-valued cached view) of the analysis and of the
    dataclasses it holds directly (the model, the origins, the facts) by a Watched copy, and
    return them with every other field and `plain` (settings, templates) as the build's inputs."""
    keyed: dict[str, Watched] = {}
    values: dict[str, object] = dict(plain)

    def walk(prefix: str, obj: object) -> None:
        for name, descriptor in vars(type(obj)).items():
            if isinstance(descriptor, functools.cached_property):
                value = getattr(obj, name)  # computed now, before any page reads it
                if isinstance(value, dict):
                    value = Watched(f"{prefix}.{name}", value)
                    keyed[value.name] = value
                    obj.__dict__[name] = value
                else:
                    values[f"{prefix}.{name}"] = value
        for spec in dataclasses.fields(obj):  # type: ignore[arg-type]
            name = f"{prefix}.{spec.name}"
            value = getattr(obj, spec.name)
            if isinstance(value, Watched):
                keyed[name] = value
            elif type(value) is dict:
                watched = Watched(name, value)
                object.__setattr__(obj, spec.name, watched)
                keyed[name] = watched
            elif _is_record(value) and prefix.count(".") < 1:
                walk(name, value)
            else:
                values[name] = value

    walk("analysis", analysis)
    return Inputs(keyed, values)


def _same(a: object, b: object) -> bool:
    """Equal, and in the same order wherever order shows (dicts, lists, tuples)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        if dict.__len__(a) != dict.__len__(b):
            return False
        pairs = zip(dict.items(a), dict.items(b), strict=True)
        return all(ka == kb and _same(va, vb) for (ka, va), (kb, vb) in pairs)
    if isinstance(a, list | tuple):
        assert isinstance(b, list | tuple)
        if a != b:
            return False
        # Equal; order differs only inside a dict they hold.
        return all(_same(x, y) for x, y in zip(a, b, strict=True) if isinstance(x, _ORDERED))
    return bool(a == b)


_ORDERED = (dict, list, tuple)


def changes(before: Inputs, now: Inputs) -> set[Read] | None:
    """Every (structure, key) whose value differs, with (structure, WHOLE) for each structure
    that changed at all; None when anything else changed (then everything is to be redone)."""
    if before.keyed.keys() != now.keyed.keys() or before.plain.keys() != now.plain.keys():
        return None
    if not all(_same(before.plain[name], now.plain[name]) for name in now.plain):
        return None
    changed: set[Read] = set()
    for name, new in now.keyed.items():
        old = before.keyed[name]
        found = False
        for key, value in dict.items(new):
            if not dict.__contains__(old, key) or not _same(dict.__getitem__(old, key), value):
                changed.add((name, key))
                found = True
        for key in dict.keys(old) - dict.keys(new):
            changed.add((name, key))
            found = True
        if found or list(dict.keys(old)) != list(dict.keys(new)):
            changed.add((name, WHOLE))
    return changed


@dataclass
class Entry:
    value: Any
    reads: frozenset[Read]
    checked: int  # the build it was last found valid in


@dataclass
class Ledger:
    """Kept values across the builds of one preview, and the changes of each build."""

    entries: dict[Hashable, Entry] = field(default_factory=dict)
    history: list[set[Read]] = field(default_factory=list)  # the changes each build brought
    inputs: Inputs | None = None
    computed: int = 0  # derived values computed (not reused) in this build
    fresh: list[Hashable] = field(default_factory=list)  # their keys, for forked workers

    def begin(self, inputs: Inputs) -> None:
        """A new build: find what changed since the last; forget everything if it is unknown."""
        changed = None if self.inputs is None else changes(self.inputs, inputs)
        if changed is None:
            self.entries.clear()
            self.history.clear()
        else:
            self.history.append(changed)
        self.inputs = inputs
        self.computed = 0
        self.fresh = []

    def valid(self, entry: Entry) -> bool:
        if all(entry.reads.isdisjoint(changed) for changed in self.history[entry.checked :]):
            entry.checked = len(self.history)
            return True
        return False

    def forget(self) -> None:
        self.entries.clear()
        self.history.clear()
        self.inputs = None


LEDGER: Ledger | None = None


def keep(on: bool) -> None:
    """Keep derived values from build to build (a preview; the ledger already kept stays) or
    not (one build)."""
    global LEDGER
    if not on:
        LEDGER = None
    elif LEDGER is None:
        LEDGER = Ledger()


_NOT_IN_KEYS = (Analysis, Environment)


def _key(function: Callable[..., object], args: tuple[object, ...]) -> Hashable:
    """The function and its arguments but the analysis and the template environment, which
    are new or may be on every build; both are inputs of their own (`Ledger.begin`)."""
    qualified = getattr(function, "__qualname__", repr(function))
    # A lambda, a nested function or a method could see more than its arguments.
    if not isinstance(function, FunctionType) or "<" in qualified or "." in qualified:
        raise ValueError(f"derived values need a module-level function, not {qualified}")
    kept = (a for a in args if not isinstance(a, _NOT_IN_KEYS))
    return (function.__module__, qualified, *kept)


def derived(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)`, kept from build to build while none of its reads changes (see the
    module's docstring); every argument but the analysis is part of the key."""
    global _reads
    ledger = LEDGER
    if ledger is None:
        return function(*args)
    key = _key(function, args)
    entry = ledger.entries.get(key)
    if entry is not None and ledger.valid(entry):
        value, reads = entry.value, entry.reads
    else:
        outer, _reads = _reads, set()
        try:
            value = function(*args)
            reads = frozenset(_reads)
        finally:
            _reads = outer
        ledger.entries[key] = Entry(value, reads, len(ledger.history))
        ledger.computed += 1
        ledger.fresh.append(key)
    if _reads is not None:
        _reads |= reads
    return value  # type: ignore[no-any-return]


def template_files(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The page templates as (name, modification time, size): an edited template changes it."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)
