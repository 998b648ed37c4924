"""Converting pages on every core (builder/prerender.py) writes the very site a serial build
writes, and strict builds still fail on what a worker warns about."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from builder import prerender
from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton


def build(root: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> int:
    monkeypatch.setenv("BRIEFS_JOBS", jobs)
    monkeypatch.setattr(prerender, "MIN_PAGES", 0)  # the seed site is small: use workers anyway
    monkeypatch.setattr(prerender, "CHUNK", 3)
    return main(["--root", str(root), "--no-cache", "build"])


def differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(compare: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(
            prefix + n for n in compare.left_only + compare.right_only + compare.diff_files
        )
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_workers_write_the_same_site_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = copy_project_skeleton(tmp_path / "serial", FIXTURE_CORPUS)
    parallel = copy_project_skeleton(tmp_path / "parallel", FIXTURE_CORPUS)
    calls: list[int] = []
    built: list[int] = []
    original, original_build = prerender.prerender, prerender.build_pages_in_workers

    def counted(config, files):  # type: ignore[no-untyped-def]
        calls.append(converted := original(config, files))
        return converted

    def counted_build(config, env, files, nav):  # type: ignore[no-untyped-def]
        built.append(done := original_build(config, env, files, nav))
        return done

    monkeypatch.setattr(prerender, "prerender", counted)
    monkeypatch.setattr(prerender, "build_pages_in_workers", counted_build)
    assert build(serial, monkeypatch, "1") == 0
    assert calls == [0]
    assert build(parallel, monkeypatch, "2") == 0
    assert calls[1] > 40  # every page, hand-written ones included, went through the workers
    assert built == [calls[1]]  # and each page's theme template was rendered there too
    # Byte for byte: pages, search index, sitemap, feed, API files.
    assert differences((serial / "site").resolve(), (parallel / "site").resolve()) == []
    index = (parallel / "site" / "search" / "search_index.json").read_text("utf-8")
    assert '"location":"actors/iran/"' in index


def test_a_warning_in_a_worker_still_fails_a_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    root = copy_project_skeleton(tmp_path / "p", FIXTURE_CORPUS)
    page = root / "docs" / "methodology.md"
    page.write_text(
        page.read_text("utf-8") + "\nSee [a page that is not there](missing.md).\n", "utf-8"
    )
    assert build(root, monkeypatch, "2") == 1
    warned = [
        r for r in caplog.records if r.levelname == "WARNING" and "missing.md" in r.getMessage()
    ]
    assert [r.name for r in warned] == ["mkdocs.structure.pages"]  # MkDocs' own logger, once
    assert not (root / "site").exists()  # nothing published
    # MkDocs is left as it was: the next build in this process builds every page itself.
    import mkdocs.commands.build as mkdocs_build

    assert mkdocs_build._build_page.__module__ == "mkdocs.commands.build"


def test_a_preview_never_converts_in_workers_even_after_the_config_is_reloaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve` tells the plugins it serves once; each rebuild loads the configuration (and the
    hook) again. Its dirty rebuilds touch few pages, so workers would only cost time."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from builder import memo, preview

    memo.clear()
    monkeypatch.setattr(preview, "STATE", preview.PreviewState())
    monkeypatch.setenv("BRIEFS_JOBS", "2")
    monkeypatch.setattr(prerender, "MIN_PAGES", 0)
    calls: list[int] = []
    original = prerender.prerender

    def counted(config, files):  # type: ignore[no-untyped-def]
        calls.append(converted := original(config, files))
        return converted

    monkeypatch.setattr(prerender, "prerender", counted)
    root = copy_project_skeleton(tmp_path / "p", FIXTURE_CORPUS)
    site = tmp_path / "site"
    for rebuild in range(2):
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        if rebuild == 0:
            config.plugins.on_startup(command="serve", dirty=True)
        mkdocs_build(config, dirty=True)
    assert calls == []  # not even asked
    assert (site / "actors" / "iran" / "index.html").is_file()


def test_a_dirty_build_never_uses_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs build --dirty` reads only the pages it thinks changed; workers would build the
    others from nothing (a review found it crashing in Material's search plugin)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from builder import preview

    monkeypatch.setattr(preview, "STATE", preview.PreviewState())
    monkeypatch.setenv("BRIEFS_JOBS", "2")
    monkeypatch.setattr(prerender, "MIN_PAGES", 0)
    root = copy_project_skeleton(tmp_path / "p", FIXTURE_CORPUS)
    site = tmp_path / "site"
    for _ in range(2):
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="build", dirty=True)
        mkdocs_build(config, dirty=True)
    assert (site / "actors" / "iran" / "index.html").is_file()


@pytest.mark.parametrize("how", ["raises", "dies"])
def test_a_failing_worker_fails_the_build_naming_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, how: str
) -> None:
    import os

    original = prerender._populate_page

    def broken(page, config, files):  # type: ignore[no-untyped-def]
        if page.file.src_uri == "methodology.md":
            if how == "dies":
                os._exit(3)  # as if killed: the build must not wait for it forever
            raise ValueError("fictional failure")
        return original(page, config, files)

    monkeypatch.setattr(prerender, "_populate_page", broken)
    root = copy_project_skeleton(tmp_path / "p", FIXTURE_CORPUS)
    assert build(root, monkeypatch, "2") == 1
    err = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    if how == "raises":
        assert "Error reading page 'methodology.md': ValueError('fictional failure')" in err
    else:
        assert "a build worker stopped without a word" in err
    assert not (root / "site").exists()
    import mkdocs.commands.build as mkdocs_build

    assert mkdocs_build._build_page.__module__ == "mkdocs.commands.build"
