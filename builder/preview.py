"""The fast preview behind `briefs serve`: generated pages as files that change only when needed.

MkDocs' dirty builds (`mkdocs serve --dirty`) skip a page whose built HTML is newer than its
source file, but treat a page handed over in memory as always changed. While serving dirty, the
hook therefore writes each generated page to `preview/` beside the reuse cache (outside the
repository) and rewrites it only when its content differs from the last build: after an edit,
MkDocs re-renders the pages the edit changed (the article, the actors it names, the indexes
that list it) and no others.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import jinja2
import jinja2.bccache
from mkdocs.livereload import LiveReloadServer
from mkdocs.theme import Theme
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from builder.memo import cache_dir, digest

log = logging.getLogger("mkdocs.briefs")

PREVIEW_DIR = "preview"
WATCHED = ("seeds", "briefs", "templates", "docs")
# Where the system cannot report edits (or with `briefs serve --poll`), the preview looks for
# them by listing every watched file: as often as it can while spending at most a tenth of a
# core on it, between 0.1 s and MkDocs' own 0.5 s.
FASTEST_POLL = 0.1
BUILD_DELAY = 0.05  # seconds without reported edits before a rebuild starts
SLOWEST_POLL = 0.5
POLL_SHARE = 0.1


@dataclass
class PreviewState:
    """Whether this process serves (and with dirty builds), and what each page file holds.
    Kept here, not in the hook: MkDocs loads the hook afresh with each configuration, and a
    preview's rebuilds load the configuration again without telling the plugins it serves."""

    dirty: bool = False
    serving: bool = False
    dirty_build: bool = False  # `--dirty`: MkDocs rebuilds only the pages it thinks changed
    written: dict[Path, dict[str, str]] = field(default_factory=dict)


STATE = PreviewState()


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per preview: MkDocs makes a new Jinja environment
    for every rebuild, which would parse and compile each template again (about half a second
    for Material's). Jinja checks each entry against its template's source, so an edited
    template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


THEME_TEMPLATES = CompiledTemplates()


@dataclass(frozen=True)
class Listing:
    """A theme folder's template names, with every folder under it and its modification time:
    adding, removing or renaming a file changes its folder's time, editing one does not."""

    folders: tuple[tuple[str, int], ...]
    names: tuple[str, ...]


LISTINGS: dict[tuple[str, ...], Listing] = {}
RECENT = 2  # seconds


def _stamped(folders: Iterable[str]) -> tuple[tuple[str, int], ...]:
    return tuple((folder, os.stat(folder).st_mtime_ns) for folder in folders)


def listed_templates(
    loader: jinja2.FileSystemLoader, listing: Callable[[], list[str]]
) -> list[str]:
    """The theme's template names, listed again only when a folder of the theme changed, and
    without hidden files and folders.

    MkDocs lists every file of the theme on each rebuild to copy its static files, and matches
    each name against its patterns: Material's `.icons/` alone holds some 14,000 (0.1 s), and
    MkDocs never copies a name with a part starting with "." (its patterns '.*' and '*/.*'), so
    they are left out. Checking the folders' times takes a few hundred stats."""
    key = tuple(str(path) for path in loader.searchpath)
    kept = LISTINGS.get(key)
    if kept is not None:
        with contextlib.suppress(OSError):
            if _stamped(folder for folder, _ in kept.folders) == kept.folders:
                return list(kept.names)
    # The times are taken before listing, so a file added meanwhile is listed next time; a
    # folder changed in the last RECENT seconds is not trusted (a file system's clock may be
    # coarse), so the listing is kept only once every folder is older.
    walked = [f for path in key for f, _, _ in os.walk(path, followlinks=loader.followlinks)]
    folders = _stamped(walked)
    names = [name for name in listing() if not name.startswith(".") and "/." not in name]
    recent = time.time_ns() - RECENT * 1_000_000_000
    if all(stamp < recent for _, stamp in folders):
        LISTINGS[key] = Listing(folders, tuple(names))
    return names


def _theme_env(theme: Theme) -> jinja2.Environment:
    """`Theme.get_env` while a preview serves: every template environment of the theme gets the
    listing above (see `listed_templates`) and the compiled templates of the preview
    (`THEME_TEMPLATES`); not only the one pages are rendered with, but also those plugins make
    on each rebuild (Material's search compiles its language templates in one to read its
    settings, before any hook could step in). Outside a preview it is MkDocs' own."""
    env = _MKDOCS_THEME_ENV(theme)
    if not STATE.serving:
        return env
    env.bytecode_cache = THEME_TEMPLATES
    loader = env.loader
    if isinstance(loader, jinja2.FileSystemLoader):
        original = loader.list_templates
        loader.list_templates = functools.partial(  # type: ignore[method-assign]
            listed_templates, loader, original
        )
    return env


_MKDOCS_THEME_ENV = Theme.get_env


class DirtySearch:
    """The search index of a dirty rebuild, whole and without duplicates.

    Material keeps the last index across a preview's rebuilds and, assuming a dirty rebuild
    builds one page, replaces only the first built page's entries: every other page an edit
    rebuilt (the profiles and indexes that list an article) was listed once more after each
    edit, and a deleted page stayed. Here the entries of every page built in this rebuild
    replace that page's old ones, and pages no longer in the site are dropped."""

    def __init__(self, index: Any, pages: set[str]) -> None:
        self.index = index
        self.pages = pages  # the address of every page of this build
        self.built: set[str] = set()  # the pages this rebuild built
        self.generate = index.generate_search_index
        index.generate_search_index = self.merged

    def merged(self, previous: Any) -> str:
        if previous is not None:
            kept = [
                entry
                for entry in previous.entries
                if (page := entry["location"].split("#", 1)[0]) in self.pages
                and page not in self.built
            ]
            self.index.entries = kept + self.index.entries
        return str(self.generate(None))


class Collector:
    """The garbage collector in a preview: paused while a rebuild runs, and one full collection
    shortly after it, while the reader looks at the page.

    A preview's process holds the last analysis, the ledger and MkDocs' objects for every page:
    a full collection takes about 0.1 s at 1,000 articles, and Python starts one whenever enough
    objects were made, often in the middle of a rebuild."""

    IDLE = 0.4  # seconds after a rebuild: the browser has reloaded the page by then

    def __init__(self) -> None:
        self.timer: threading.Timer | None = None
        self.paused = False

    def pause(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.paused = gc.isenabled()
        gc.disable()

    def resume(self) -> None:
        if not self.paused:
            return
        self.paused = False
        gc.enable()
        self.timer = threading.Timer(self.IDLE, gc.collect)
        self.timer.daemon = True
        self.timer.start()


COLLECTOR = Collector()


def enable(dirty: bool, serving: bool = False, dirty_build: bool = False) -> None:
    STATE.dirty = dirty
    STATE.serving = serving
    STATE.dirty_build = dirty_build
    if serving:
        Theme.get_env = _theme_env  # type: ignore[method-assign,assignment]


def pages_folder(root: Path) -> Path:
    """Where a dirty preview keeps its page files: beside the reuse cache, outside the
    repository (a temporary folder when the cache is off)."""
    cache = cache_dir(root)
    if cache is None:
        cache = Path(tempfile.gettempdir()) / f"briefs-{digest(str(root.resolve())).hex()[:32]}"
    return cache / PREVIEW_DIR


def sync_pages(folder: Path, pages: Iterable[tuple[str, str]]) -> int:
    """Make `folder` hold exactly these (path, content) files, touching only changed ones.

    Returns how many files were written. The first call in a process starts from an empty folder,
    since a file left by an earlier process cannot be trusted to match its modification time."""
    if folder not in STATE.written:
        shutil.rmtree(folder, ignore_errors=True)
        STATE.written[folder] = {}
    before = STATE.written[folder]
    now: dict[str, str] = {}
    written = 0
    for path, content in pages:
        now[path] = content
        if before.get(path) != content:
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_text(content, encoding="utf-8")
            os.replace(temporary, target)
            written += 1
    for gone in before.keys() - now.keys():
        (folder / gone).unlink(missing_ok=True)
    STATE.written[folder] = now
    return written


def polling_interval(root: Path) -> float:
    """Seconds between two looks for edits: one look at the watched folders, timed, ten times
    over (0.1 s for a 1,000-article corpus; 0.5 s from about 50,000 files)."""
    from watchdog.utils.dirsnapshot import DirectorySnapshot

    folders = [root / name for name in WATCHED if (root / name).is_dir()]
    start = time.perf_counter()
    for folder in folders:
        DirectorySnapshot(str(folder))
    took = time.perf_counter() - start
    return min(SLOWEST_POLL, max(FASTEST_POLL, took / POLL_SHARE))


def _state(path: str) -> int | None:
    """A file's modification time, None when it is gone."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


class _Told(FileSystemEventHandler):
    """Passes the system's reports on, noting each file's state after it."""

    def __init__(self, watcher: EditWatcher, handler: FileSystemEventHandler) -> None:
        self.watcher, self.handler = watcher, handler

    def dispatch(self, event: FileSystemEvent) -> None:
        self.watcher.note(event)
        self.handler.dispatch(event)


class _Found(_Told):
    """Passes on what listing the files found, unless the system already reported it."""

    def dispatch(self, event: FileSystemEvent) -> None:
        if not self.watcher.reported(event):
            self.handler.dispatch(event)


class EditWatcher:
    """What MkDocs' server watches its folders with (schedule, unschedule, start, stop, join).

    MkDocs lists every watched file every 0.5 s: a quarter of a second's wait on average before
    a rebuild starts. Where the system reports changes itself (inotify on Linux), this watcher
    is told of a saved file at once; only events that change a file count, so the build's own
    reading of the sources starts no build. The system misses some edits that listing finds (a
    watched folder that is replaced or moved away, a file reached through a link, a network
    share), so the files are still listed every 0.5 s, as MkDocs does, and what the listing
    finds starts a build unless the system reported that very change. Where the system cannot
    report changes (another platform, inotify's limit reached), listing is all there is; with
    `poll`, listing is all there is too, every `interval` seconds."""

    CHANGES: ClassVar[list[type[FileSystemEvent]]] = [
        FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
    ]  # fmt: skip

    def __init__(self, interval: float, poll: bool = False) -> None:
        self.lister: BaseObserver = PollingObserver(timeout=interval if poll else SLOWEST_POLL)
        self.teller: BaseObserver | None = None if poll else _system_observer()
        self.lock = threading.Lock()
        self.states: dict[str, int | None] = {}  # what the system last reported of each file
        self.watches: dict[ObservedWatch, list[tuple[BaseObserver, ObservedWatch]]] = {}

    @property
    def notified(self) -> bool:
        return self.teller is not None

    def note(self, event: FileSystemEvent) -> None:
        with self.lock:
            for path in _paths(event):
                self.states[path] = _state(path)

    def reported(self, event: FileSystemEvent) -> bool:
        """Whether the system already reported every file of this event as it is now."""
        with self.lock:
            return all(self.states.get(path, -1) == _state(path) for path in _paths(event))

    def schedule(
        self, handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> ObservedWatch:
        listed = self.lister.schedule(
            _Found(self, handler), path, recursive=recursive, event_filter=self.CHANGES
        )
        watches = [(self.lister, listed)]
        if self.teller is not None:
            told = self.teller.schedule(
                _Told(self, handler), path, recursive=recursive, event_filter=self.CHANGES,
                follow_symlink=True,
            )  # fmt: skip
            watches.append((self.teller, told))
        self.watches[listed] = watches
        return listed

    def unschedule(self, watch: ObservedWatch) -> None:
        for observer, own in self.watches.pop(watch, []):
            with contextlib.suppress(KeyError):
                observer.unschedule(own)

    def start(self) -> None:
        if self.teller is not None:
            try:
                self.teller.start()
            except Exception as error:  # any failure: listing still works
                log.warning(
                    "the system cannot report edits here (%s): looking for them every %.1f s",
                    error,
                    SLOWEST_POLL,
                )
                self.teller = None
        self.lister.start()

    def stop(self) -> None:
        for observer in self._observers():
            observer.stop()

    def join(self, timeout: float | None = None) -> None:
        for observer in self._observers():
            if observer.is_alive():
                observer.join(timeout)

    def _observers(self) -> list[BaseObserver]:
        return [self.lister] + ([self.teller] if self.teller is not None else [])


def _paths(event: FileSystemEvent) -> list[str]:
    paths = [event.src_path, getattr(event, "dest_path", "")]
    return [os.fsdecode(path) for path in paths if path]


def _system_observer() -> BaseObserver | None:
    """inotify where it works; None elsewhere (watchdog raises ImportError, or its own
    exception for a C library it does not know, as on macOS)."""
    try:
        from watchdog.observers.inotify import InotifyObserver

        return InotifyObserver()
    except Exception:  # any failure: listing is all there is
        return None


def preview_server(root: Path, poll: bool) -> Callable[..., LiveReloadServer]:
    """MkDocs' preview server, watching with an EditWatcher (the folders are timed for the
    polling interval only with `poll`: otherwise listing runs at MkDocs' 0.5 s)."""
    interval = polling_interval(root) if poll else SLOWEST_POLL

    def make(*args: Any, **kwargs: Any) -> LiveReloadServer:
        server = LiveReloadServer(*args, **kwargs)
        watcher = EditWatcher(interval, poll)
        server.observer = watcher  # type: ignore[assignment]
        if watcher.notified:
            # MkDocs waits for 0.1 s without events before it rebuilds, for the files of one
            # save to settle; the system reports them within milliseconds.
            server.build_delay = BUILD_DELAY
        return server

    return make
