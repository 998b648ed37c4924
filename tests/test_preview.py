"""The fast preview: page files rewritten only when their Markdown changes, dirty MkDocs builds."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import jinja2
import pytest
import watchdog.events
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.theme import Theme

from builder import memo, preview
from builder.render import inputs
from tests.conftest import FIXTURE_CORPUS, SEED_ID, copy_project_skeleton


def test_sync_pages_writes_changed_pages_only_and_removes_gone_ones(tmp_path: Path) -> None:
    folder = tmp_path / "preview"
    folder.mkdir()
    (folder / "stale.md").write_text("left by an earlier process", encoding="utf-8")
    assert preview.sync_pages(folder, [("a.md", "A"), ("sub/b.md", "B")]) == 2
    assert not (folder / "stale.md").exists()
    os.utime(folder / "a.md", (1, 1))
    os.utime(folder / "sub" / "b.md", (1, 1))
    assert preview.sync_pages(folder, [("a.md", "A"), ("sub/b.md", "B2"), ("c.md", "C")]) == 2
    assert (folder / "a.md").stat().st_mtime == 1  # unchanged: untouched
    assert (folder / "sub" / "b.md").read_text(encoding="utf-8") == "B2"
    assert preview.sync_pages(folder, [("c.md", "C")]) == 0
    assert sorted(p.name for p in folder.rglob("*.md")) == ["c.md"]


def html_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_a_dirty_rebuild_rerenders_only_the_pages_an_edit_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo.clear()
    root = copy_project_skeleton(tmp_path / "p", FIXTURE_CORPUS)
    site = tmp_path / "site"
    monkeypatch.setattr(preview, "STATE", preview.PreviewState())
    monkeypatch.setattr(Theme, "get_env", Theme.get_env)  # serving wraps it (preview.enable)
    monkeypatch.setattr(inputs, "LEDGER", None)  # serving sets one; the test leaves none behind
    monkeypatch.setattr(preview, "LISTINGS", {})
    compiled = preview.CompiledTemplates()
    monkeypatch.setattr(preview, "THEME_TEMPLATES", compiled)
    reused: list[str] = []
    load = compiled.load_bytecode

    def counting_load(bucket):  # type: ignore[no-untyped-def]
        load(bucket)
        if bucket.code is not None:
            reused.append(bucket.key)

    monkeypatch.setattr(compiled, "load_bytecode", counting_load)

    def dirty_build() -> None:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)

    def full_build_entries() -> list[tuple[str, str, str]]:
        """A full build's index, in a process of its own (this one keeps the search plugin
        of the preview, and its index, from build to build)."""
        command = [sys.executable, "-m", "builder.cli", "--root", str(root), "--no-cache"]
        subprocess.run([*command, "build", "--no-strict"], check=True, capture_output=True)
        return search_entries(root / "site")

    dirty_build()
    assert preview.STATE.dirty
    assert gc.isenabled()  # paused during the rebuild only
    timer = preview.COLLECTOR.timer
    assert timer is not None and timer.is_alive()  # a full collection once the preview idles
    ledger = inputs.LEDGER
    assert ledger is not None and ledger.computed > 30  # every page, noted with its reads
    first = ledger.computed
    assert preview.LISTINGS  # the theme's files, listed once
    assert (preview.pages_folder(root) / "actors" / "oman.md").is_file()
    assert not (root / ".briefs-cache").exists()
    before = html_times(site)
    # The theme's templates, compiled once (the few that two environments of a build share,
    # such as Material's language templates, are reused already).
    assert len(compiled.compiled) >= 10 and len(reused) < len(compiled.compiled) / 2
    reused_first = len(reused)
    sidecar = root / "seeds" / f"{SEED_ID}.yml"
    text = sidecar.read_text(encoding="utf-8")
    title = text.split("\ntitle: ", 1)[1].split("\n", 1)[0]
    sidecar.write_text(text.replace(title, "A fictional new headline", 1), encoding="utf-8")
    dirty_build()
    # The pages that show the title (the one article is named on many), not all of them.
    assert 0 < ledger.computed < first / 2, (ledger.computed, first)
    after = html_times(site)
    changed = {page for page in after if after[page] != before.get(page)}
    assert f"articles/{SEED_ID}/index.html" in changed
    assert "index/articles/2025/04/index.html" in changed  # lists the title
    assert "actors/index.html" not in changed  # lists actors only
    assert "methodology/index.html" not in changed  # a hand-written page
    assert "A fictional new headline" in (site / "articles" / SEED_ID / "index.html").read_text(
        encoding="utf-8"
    )
    assert len(reused) - reused_first >= 10  # and not compiled again on the rebuild
    # The search index is the whole site's once, as a full build gives it, with the new title.
    assert search_entries(site) == full_build_entries()
    article = [d for d in search_docs(site) if d["location"] == f"articles/{SEED_ID}/"]
    assert [d["title"] for d in article] == ["A fictional new headline"]
    topics = root / "briefs" / "topics"
    copied = topics / "fictional-copy.yml"
    topic = (topics / "us-iran-nuclear-talks.yml").read_text(encoding="utf-8")
    copied.write_text(topic.replace("related: [iran-arms-iraqi-militias]", "related: []"), "utf-8")
    dirty_build()
    assert [d for d in search_docs(site) if d["location"] == "topics/fictional-copy/"]
    copied.unlink()
    dirty_build()  # the page is gone, and so are its entries
    assert not [d for d in search_docs(site) if d["location"].startswith("topics/fictional-copy/")]
    assert search_entries(site) == full_build_entries()


def search_docs(site: Path) -> list[dict[str, str]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return list(index["docs"])


def search_entries(site: Path) -> list[tuple[str, str, str]]:
    return sorted((d["location"], d["title"], d["text"]) for d in search_docs(site))


def test_the_theme_listing_is_kept_until_a_folder_changes_and_leaves_hidden_files_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview, "LISTINGS", {})
    theme = tmp_path / "theme"
    for name in ["main.html", "partials/nav.html", ".icons/a/b.svg", "assets/.hidden", "x.css"]:
        (theme / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / name).write_text("x", encoding="utf-8")
    loader = jinja2.FileSystemLoader([str(theme)])
    calls: list[int] = []

    def listing() -> list[str]:
        calls.append(1)
        return loader.list_templates()

    expected = ["main.html", "partials/nav.html", "x.css"]
    assert preview.listed_templates(loader, listing) == expected
    assert preview.LISTINGS == {}  # folders changed a moment ago are not trusted yet
    old = 1_000_000_000
    for folder in [theme, *(p for p in theme.rglob("*") if p.is_dir())]:
        os.utime(folder, ns=(old, old))
    assert preview.listed_templates(loader, listing) == expected
    calls.clear()
    (theme / "main.html").write_text("edited", encoding="utf-8")  # no folder changes
    assert preview.listed_templates(loader, listing) == expected
    assert calls == []  # kept
    (theme / "partials" / "new.html").write_text("x", encoding="utf-8")
    assert "partials/new.html" in preview.listed_templates(loader, listing)
    assert len(calls) == 1


def _watch(watcher: preview.EditWatcher, folder: Path) -> threading.Event:
    seen = threading.Event()
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = lambda event: None if event.is_directory else seen.set()  # type: ignore[method-assign]
    watcher.schedule(handler, str(folder), recursive=True)
    watcher.start()
    return seen


def test_the_watcher_is_told_of_a_saved_file_but_not_of_a_read_one(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("title: x\n", encoding="utf-8")
    watcher = preview.EditWatcher(interval=0.1)
    assert watcher.notified  # inotify, on this Linux machine
    seen = _watch(watcher, tmp_path)
    try:
        assert (tmp_path / "a.yml").read_text(encoding="utf-8") == "title: x\n"
        assert not seen.wait(0.5)  # the build reading the sources starts no build
        (tmp_path / "a.yml").write_text("title: y\n", encoding="utf-8")
        assert seen.wait(10)
    finally:
        watcher.stop()
        watcher.join()


def test_the_watcher_lists_files_where_the_system_cannot_report_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from watchdog.observers.inotify import InotifyObserver

    def refuse(self: object) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(InotifyObserver, "start", refuse)
    watcher = preview.EditWatcher(interval=0.1)
    seen = _watch(watcher, tmp_path)
    try:
        assert not watcher.notified
        assert "looking for them every 0.5 s" in caplog.text
        (tmp_path / "b.yml").write_text("title: z\n", encoding="utf-8")
        assert seen.wait(10)
    finally:
        watcher.stop()
        watcher.join()
    assert not preview.EditWatcher(interval=0.2, poll=True).notified


def test_without_inotify_the_watcher_lists_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """On macOS watchdog's inotify module raises its own exception, not ImportError."""
    import watchdog.observers.inotify

    def unsupported() -> None:
        raise RuntimeError("unsupported C library")

    monkeypatch.setattr(watchdog.observers.inotify, "InotifyObserver", unsupported)
    assert not preview.EditWatcher(interval=0.1).notified


def test_listing_finds_the_edits_the_system_misses(tmp_path: Path) -> None:
    """inotify keeps watching a folder that was moved away and replaced; listing sees the new
    one."""
    watched = tmp_path / "seeds"
    watched.mkdir()
    (watched / "a.yml").write_text("x\n", encoding="utf-8")
    watcher = preview.EditWatcher(interval=0.1)
    seen = _watch(watcher, watched)
    try:
        assert watcher.notified
        watched.rename(tmp_path / "seeds-old")
        (tmp_path / "seeds-new").mkdir()
        (tmp_path / "seeds-new" / "a.yml").write_text("edited\n", encoding="utf-8")
        (tmp_path / "seeds-new").rename(watched)
        assert seen.wait(10)
    finally:
        watcher.stop()
        watcher.join()


def test_a_change_the_system_reported_is_not_passed_on_again_by_listing(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("x\n", encoding="utf-8")
    watcher = preview.EditWatcher(interval=0.1)
    event = watchdog.events.FileModifiedEvent(str(path))
    assert not watcher.reported(event)  # listing found it first: passed on
    watcher.note(event)  # the system reported it
    assert watcher.reported(event)  # the same change found by listing: not passed on
    os.utime(path, ns=(1, 1))
    assert not watcher.reported(event)  # a later change is
    path.unlink()
    gone = watchdog.events.FileDeletedEvent(str(path))
    watcher.note(gone)
    assert watcher.reported(gone)


def test_polling_is_at_most_a_tenth_of_a_core_between_its_bounds(tmp_path: Path) -> None:
    assert preview.polling_interval(tmp_path) == preview.FASTEST_POLL  # nothing to list
    (tmp_path / "seeds").mkdir()
    for number in range(300):
        (tmp_path / "seeds" / f"a{number}.yml").write_text("x", encoding="utf-8")
    interval = preview.polling_interval(tmp_path)
    assert preview.FASTEST_POLL <= interval <= preview.SLOWEST_POLL


def test_the_collector_pauses_for_a_rebuild_and_collects_when_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collector = preview.Collector()
    monkeypatch.setattr(preview.Collector, "IDLE", 0.01)
    collected = threading.Event()
    monkeypatch.setattr(gc, "collect", lambda *args: collected.set())
    assert gc.isenabled()
    collector.pause()
    try:
        assert not gc.isenabled()
    finally:
        collector.resume()
    assert gc.isenabled()
    assert collected.wait(10)
    gc.disable()  # paused by someone else: left as found
    try:
        collector.pause()
        collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_preview_server_watches_with_the_edit_watcher(tmp_path: Path) -> None:
    def make(poll: bool):  # type: ignore[no-untyped-def]
        server = preview.preview_server(tmp_path, poll)
        return server(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))

    told = make(poll=False)
    assert isinstance(told.observer, preview.EditWatcher) and told.observer.notified
    assert told.build_delay == preview.BUILD_DELAY  # the system's reports come at once
    listed = make(poll=True)
    assert not listed.observer.notified
    assert listed.build_delay == 0.1  # MkDocs' own wait, for a listing's events
