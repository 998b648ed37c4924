"""Reading the site's pages on every core, inside MkDocs' own build, with the same output.

MkDocs reads page after page on one core (converting the hand-written ones; the generated ones
only take their outline and have their links checked, builder/html_pages.py), the search index
takes each page's entries and the theme renders each page, all on the same core. When the
navigation is ready (`on_nav`), workers forked from the build each take a share of the pages
and do exactly what MkDocs would do for them (`_populate_page`: read, plugin events, render)
and what the search index would do (`add_entry_from_context`), and send back the HTML, the
table of contents, the anchors, the title and the search entries. MkDocs then reads each page
as usual but its rendering is replaced by the worker's result, and the search plugin takes the
worker's entries, so the site is byte for byte the one a serial build writes (a test compares
them).

Warnings the workers log are handed to MkDocs' loggers here, so `--strict` counts them as if
they came from this process. Only for `mkdocs build` (not for `serve`, whose dirty rebuilds
touch few pages), with fork, more than one core and at least MIN_PAGES pages.
"""

from __future__ import annotations

import functools
import logging
import threading
import types
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

import mkdocs.commands.build as mkdocs_build
from mkdocs.commands.build import _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from builder import preview
from builder.forks import can_fork, fork_map, jobs, shared
from builder.html_pages import search_index

MIN_PAGES = 300
CHUNK = 50


@dataclass
class Rendered:
    """What converting one page produced, in a form that crosses a pipe."""

    content: str
    toc: Any  # mkdocs.structure.toc.TableOfContents
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # target src_uri → {anchor: link}
    search: list[dict[str, Any]] | None  # the search plugin's entries for the page


Logged = list[tuple[str, int, str]]


SUPPORTED_PLUGINS = {"search", "material/search"}


def _workers(pages: int, config: MkDocsConfig) -> int:
    """How many workers to fork for so many pages: none where it would not pay or cannot be
    done safely. The workers run some plugin events that MkDocs then runs again here, so only
    plugins known to do nothing in those events (search, and hooks like ours) are allowed; and
    a process with other threads (a preview's server) is never forked."""
    workers = jobs()
    if workers <= 1 or pages < MIN_PAGES or not can_fork():
        return 0
    state = preview.STATE
    if state.serving or state.dirty or state.dirty_build or threading.active_count() > 1:
        return 0
    plugins = config.plugins.items()
    if any(n not in SUPPORTED_PLUGINS and not isinstance(p, types.ModuleType) for n, p in plugins):
        return 0
    return workers


Share = Callable[[Sequence[str]], tuple[Any, Logged, str | None]]


def _in_workers(share: Share, uris: list[str], state: Any, workers: int) -> list[Any]:
    """`share` on chunks of the pages in forked workers; what they logged is logged here, and a
    failure in one is raised here as a PluginError that names the page. A worker that dies
    (killed, out of memory) fails the build instead of leaving it waiting."""
    chunks = [uris[i : i + CHUNK] for i in range(0, len(uris), CHUNK)]
    try:
        results = fork_map(share, chunks, state, workers)
    except BrokenProcessPool as exc:
        raise PluginError(f"a build worker stopped without a word ({exc})") from None
    failures = []
    for _, records, failure in results:
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        if failure:
            failures.append(failure)
    if failures:
        raise PluginError("; ".join(failures))
    return [result for result, _, _ in results]


class _Keep(logging.Handler):
    """In a worker: keeps log records to send back instead of printing or counting them."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _convert_share(uris: Sequence[str]) -> tuple[dict[str, Rendered], Logged, str | None]:
    config, files, index = shared()
    keep = _quiet_worker()
    done: dict[str, Rendered] = {}
    try:
        _convert(uris, config, files, index, done)
    except Exception as exc:  # reported in the parent, naming the page
        return done, keep.records, f"Error reading page '{_failed(done, uris)}': {exc!r}"
    return done, keep.records, None


def _failed(done: dict[str, Any], uris: Sequence[str]) -> str:
    """The first page of a share that has no result: the one that failed."""
    return next((u for u in uris if u not in done), uris[-1])


def _convert(
    uris: Sequence[str], config: MkDocsConfig, files: Files, index: Any, done: dict[str, Rendered]
) -> None:
    for uri in uris:
        file = files.get_file_from_path(uri)
        assert file is not None and file.page is not None
        page = file.page
        _populate_page(page, config, files)
        entries = None
        if index is not None:  # this process's copy of the index, through its own method
            saved, index.entries = index.entries, []
            index.add_entry_from_context(page)
            entries, index.entries = index.entries, saved
        links = None
        if page.links_to_anchors is not None:
            links = {f.src_uri: dict(v) for f, v in page.links_to_anchors.items()}
        done[uri] = Rendered(
            page.content or "", page.toc, page._title_from_render, page.present_anchor_ids,
            links, entries,
        )  # fmt: skip


def _apply(page: Page, rendered: Rendered, files: Files, config: MkDocsConfig, _: Files) -> None:
    """Stands in for `page.render`: the worker's result instead of a conversion here."""
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = rendered.anchors
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {
            target: links
            for uri, links in rendered.links_to_anchors.items()
            if (target := files.get_file_from_path(uri)) is not None
        }


def prerender(config: MkDocsConfig, files: Files) -> int:
    """Convert every documentation page in workers; returns how many were converted there."""
    pages = list(files.documentation_pages())
    workers = _workers(len(pages), config)
    if not workers:
        return 0
    for file in pages:
        if file.page is None:  # what MkDocs' build loop does for pages outside the navigation
            Page(None, file, config)
    index = search_index(config)
    uris = [file.src_uri for file in pages]
    search: dict[str, list[dict[str, Any]]] = {}
    for done in _in_workers(_convert_share, uris, (config, files, index), workers):
        for uri, rendered in done.items():
            target = files.get_file_from_path(uri)
            assert target is not None and target.page is not None
            target.page.render = functools.partial(_apply, target.page, rendered, files)  # type: ignore[method-assign]
            if rendered.search is not None:
                search[uri] = rendered.search
    if index is not None:
        original = index.add_entry_from_context

        def add_entry(page: Page) -> None:
            entries = search.pop(page.file.src_uri, None)
            if entries is None:
                original(page)
            else:
                index.entries.extend(entries)

        index.add_entry_from_context = add_entry
    return len(uris)


# --- The theme's templates on every core ---------------------------------------------------------


def _build_share(uris: Sequence[str]) -> tuple[None, Logged, str | None]:
    """In a worker: MkDocs' own `_build_page` for a share of the pages; it writes their files.
    (Page files are thus written before the static files and the theme's own templates, where
    MkDocs writes them last; no generated page shares its address with a static file.)"""
    config, doc_files, nav, env = shared()
    keep = _quiet_worker()
    by_uri = {f.src_uri: f for f in doc_files}
    for uri in uris:
        try:
            mkdocs_build._build_page(by_uri[uri].page, config, doc_files, nav, env)
        except Exception as exc:  # reported in the parent, naming the page
            return None, keep.records, f"Error building page '{uri}': {exc!r}"
    return None, keep.records, None


def _quiet_worker() -> _Keep:
    keep = _Keep()
    root = logging.getLogger("mkdocs")
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(keep)
    root.propagate = False
    return keep


def build_pages_in_workers(config: MkDocsConfig, env: Any, files: Files, nav: Any) -> int:
    """Render the theme's template for every page in workers (`on_env`, after every page is
    read and converted); MkDocs' own loop then only hands each page's search entries over."""
    doc_files = list(files.documentation_pages())
    workers = _workers(len(doc_files), config)
    if not workers:
        return 0
    uris = [f.src_uri for f in doc_files]
    _in_workers(_build_share, uris, (config, doc_files, nav, env), workers)
    built = set(uris)
    index = search_index(config)
    serial = mkdocs_build._build_page

    def build_page(page: Page, config: MkDocsConfig, *args: Any, **kwargs: Any) -> None:
        if page.file.src_uri not in built:
            serial(page, config, *args, **kwargs)
        elif index is not None:  # built and written by a worker: only its search entries
            index.add_entry_from_context(page)

    mkdocs_build._build_page = build_page
    _restore.append(serial)
    return len(uris)


_restore: list[Any] = []


def restore() -> None:
    """Put MkDocs' own `_build_page` back after the build (`on_post_build`)."""
    while _restore:
        mkdocs_build._build_page = _restore.pop()
