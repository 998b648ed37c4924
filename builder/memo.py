"""Reusing per-file work between runs: results keyed by a digest of everything they depend on.

The expensive steps that look at one file at a time (composing its YAML, validating it, finding
its mentions, sampling its text for copy detection) are pure functions of that file's bytes, its
path and, for mentions, the actors' names. Each such step keeps a `Memo`: a result is computed
once per distinct input and reused while the input is unchanged, so `briefs serve` redoes only
what an edit touched.

Entries live in two generations: a run starts by moving `current` to `previous`, and each lookup
moves what it uses back into `current`, so after a run only the entries that run used remain and
the memo never grows past one corpus.

Between processes the memos are kept in one pickle file, written atomically and only when a
run computed enough. Its header names the builder's code and library versions; any difference
and the file is ignored. Unpickling runs code, so the file never lives in the repository, where
a pull request could plant one: it is kept in the user's cache folder
(`$XDG_CACHE_HOME/briefs/<digest of the repository path>/`, by default under `~/.cache`), and a
cache folder that resolves inside the repository is not used at all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar, cast

V = TypeVar("V")

CACHE_FILE = "memo.pickle"
NO_CACHE_VARIABLE = "BRIEFS_NO_CACHE"
_MISSING = object()


def user_cache_base() -> Path:
    """The user's cache folder: $XDG_CACHE_HOME, else ~/.cache."""
    configured = os.environ.get("XDG_CACHE_HOME")
    return Path(configured) if configured else Path.home() / ".cache"


def cache_dir(root: Path) -> Path | None:
    """Where runs on this repository keep reusable results: a folder of the user's cache named
    by a digest of the repository's real path; None when BRIEFS_NO_CACHE is set to a non-empty
    value or when that folder would lie inside the repository."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    repository = root.resolve()
    folder = (user_cache_base() / "briefs").resolve() / digest(str(repository)).hex()[:32]
    if folder == repository or repository in folder.parents:
        return None
    return folder


def digest(*parts: str | bytes) -> bytes:
    """A 128-bit key over some strings, with the boundaries between them kept."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.digest()


class Memo(Generic[V]):
    """The results of one pure per-file step, by input digest."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.current: dict[bytes, V] = {}
        self.previous: dict[bytes, V] = {}
        self.computed = 0
        self.used = False
        _REGISTRY[name] = self  # type: ignore[assignment]

    def get(self, key: bytes, compute: Callable[[], V]) -> V:
        self.used = True
        value = self.current.get(key, _MISSING)
        if value is _MISSING:
            value = self.previous.pop(key, _MISSING)
            if value is _MISSING:
                value = compute()
                self.computed += 1
            self.current[key] = value  # type: ignore[assignment]
        return value  # type: ignore[return-value]

    def fill(self, work: Sequence[tuple[bytes, Callable[[], V]]]) -> None:
        """Compute the values `work` lacks on every core, so the `get` calls that follow find
        them: forked workers run the computations (inherited, never pickled) on shares of the
        work and send back the values, which are small, picklable results by design. With one
        core, no fork or little to do, nothing happens here and `get` computes as usual; a
        computation's side effects stay in its worker, so `get` must not rely on them."""
        from builder.forks import can_fork, fork_map, jobs

        todo = {k: c for k, c in work if k not in self.current and k not in self.previous}
        missing = list(todo.items())  # once per key: equal inputs give equal values
        workers = jobs()
        if workers <= 1 or len(missing) < MIN_FILL or not can_fork():
            return
        spans = [(i, min(i + FILL_CHUNK, len(missing))) for i in range(0, len(missing), FILL_CHUNK)]
        computations = [compute for _, compute in missing]
        done = fork_map(_fill_share, spans, computations, workers)
        for (start, end), values in zip(spans, done, strict=True):
            for (key, _), value in zip(missing[start:end], values, strict=True):
                self.current[key] = cast(V, value)
                self.computed += 1

    def new_run(self) -> None:
        self.previous.update(self.current)
        self.current = {}
        self.computed = 0
        self.used = False

    def end_run(self) -> None:
        if self.used:
            self.previous = {}
        else:  # a stage that did not run (an earlier one found errors) keeps what it had
            self.current, self.previous = self.previous, {}

    def clear(self) -> None:
        self.current.clear()
        self.previous.clear()


MIN_FILL = 100  # fewer missing values are computed where they are asked for
FILL_CHUNK = 50


def _fill_share(span: tuple[int, int]) -> list[object]:
    from builder.forks import shared

    computations = shared()
    return [computations[i]() for i in range(*span)]


_REGISTRY: dict[str, Memo[object]] = {}
_loaded_from: set[Path] = set()
_usable: set[Path] = set()  # cache folders whose file this builder could read


def new_run() -> None:
    """Start a run: what it does not use is dropped at its end (see `end_run`)."""
    for memo in _REGISTRY.values():
        memo.new_run()


def end_run() -> None:
    for memo in _REGISTRY.values():
        memo.end_run()


def clear() -> None:
    """Forget everything held in memory (the cache file stays)."""
    for memo in _REGISTRY.values():
        memo.clear()
    _loaded_from.clear()
    _usable.clear()


def _code_version() -> bytes:
    """The builder's own source files and the versions of the libraries whose objects are kept."""
    from importlib import metadata

    package = Path(__file__).resolve().parent
    parts: list[str | bytes] = [sys.version]
    for name in ("pydantic", "pydantic-core", "pyyaml", "pyahocorasick", "edtf"):
        try:
            parts.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} missing")
    for path in sorted(package.rglob("*.py")):
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return digest(*parts)


_VERSION: bytes | None = None


def code_version() -> bytes:
    global _VERSION
    if _VERSION is None:
        _VERSION = _code_version()
    return _VERSION


def load(directory: Path) -> None:
    """Fill the memos from a cache file written by an earlier run of this same builder."""
    if directory in _loaded_from:
        return
    _loaded_from.add(directory)
    try:
        with (directory / CACHE_FILE).open("rb") as stream:
            if pickle.load(stream) != code_version():
                return
            saved: dict[str, dict[bytes, object]] = pickle.load(stream)
    except FileNotFoundError:
        return
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return  # unreadable or from another version: computed afresh, then overwritten
    for name, entries in saved.items():
        if name in _REGISTRY and isinstance(entries, dict):
            _REGISTRY[name].previous.update(entries)
    _usable.add(directory)


SAVE_AFTER = 50  # new results (or 1% of all, if more) worth rewriting the cache file for


def save(directory: Path) -> None:
    """Write the entries the last run used, atomically, when it computed enough that is new.

    Rewriting the file costs about a second at 10,000 articles, far more than redoing the few
    files one edit touches; so a run that redid little leaves the file as it is, and the next
    run redoes those files again until enough has changed to make a rewrite pay."""
    computed = sum(memo.computed for memo in _REGISTRY.values())
    total = sum(len(memo.current) for memo in _REGISTRY.values())
    if directory in _usable and computed < max(SAVE_AFTER, total // 100):
        return
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    entries = {name: memo.current for name, memo in _REGISTRY.items()}
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".memo-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(code_version(), stream, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(entries, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, directory / CACHE_FILE)
        _usable.add(directory)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for memo in _REGISTRY.values():
        memo.computed = 0
