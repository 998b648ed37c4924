"""The fast preview: page files rewritten only when their Markdown changes, dirty MkDocs builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from builder import memo, preview
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

    dirty_build()
    assert preview.STATE.dirty
    assert (preview.pages_folder(root) / "actors" / "oman.md").is_file()
    assert not (root / ".briefs-cache").exists()
    before = html_times(site)
    assert len(compiled.compiled) >= 10 and not reused  # the theme's templates, compiled once
    sidecar = root / "seeds" / f"{SEED_ID}.yml"
    text = sidecar.read_text(encoding="utf-8")
    title = text.split("\ntitle: ", 1)[1].split("\n", 1)[0]
    sidecar.write_text(text.replace(title, "A fictional new headline", 1), encoding="utf-8")
    dirty_build()
    after = html_times(site)
    changed = {page for page in after if after[page] != before.get(page)}
    assert f"articles/{SEED_ID}/index.html" in changed
    assert "index/articles/2025/04/index.html" in changed  # lists the title
    assert "actors/index.html" not in changed  # lists actors only
    assert "methodology/index.html" not in changed  # a hand-written page
    assert "A fictional new headline" in (site / "articles" / SEED_ID / "index.html").read_text(
        encoding="utf-8"
    )
    assert len(reused) >= 10  # and not compiled again on the rebuild
