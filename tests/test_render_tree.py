"""`briefs render --out`: a tree plain MkDocs publishes, written only where it may be."""

from __future__ import annotations

import os
import re
import subprocess
import venv
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, PROJECT, copy_project_skeleton


def pinned(name: str) -> str:
    text = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(rf'"{re.escape(name)}==([^"]+)"', text)
    assert match, name
    return f"{name}=={match.group(1)}"


@pytest.fixture(scope="module")
def plain_mkdocs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding only the pinned MkDocs and Material."""
    folder = tmp_path_factory.mktemp("plain-venv")
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    env = {**os.environ, "PIP_CONSTRAINT": str(PROJECT / "constraints.txt")}
    subprocess.run(
        [python, "-m", "pip", "install", "-q", pinned("mkdocs"), pinned("mkdocs-material")],
        check=True, env=env,
    )  # fmt: skip
    probe = subprocess.run(
        [python, "-c", "import builder"], capture_output=True, env=env, cwd=folder
    )
    assert probe.returncode != 0  # the builder is not there to help
    return folder / "bin" / "mkdocs"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("render")
    root = copy_project_skeleton(base / "project", FIXTURE_CORPUS)
    out = base / "tree"
    assert main(["--root", str(root), "--no-cache", "render", "--out", str(out)]) == 0
    return out


def test_the_tree_builds_strictly_with_plain_mkdocs(plain_mkdocs: Path, tree: Path) -> None:
    (tree / "docs" / "planted.md").write_text(
        "# Planted\n\n[unsafe](javascript:alert(1)) and [safe](https://example.org)\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [plain_mkdocs, "build", "--strict", "-q"], cwd=tree, capture_output=True, text=True, env=env
    )
    assert built.returncode == 0, built.stderr
    site = tree / "site"
    assert (site / "feed.xml").is_file()  # every page links it
    assert (site / "api" / "index.json").is_file()
    planted = (site / "planted" / "index.html").read_text(encoding="utf-8")
    assert "javascript:" not in planted and "<span>unsafe</span>" in planted  # sanitiser hook
    assert 'href="https://example.org"' in planted
    assert len(list(site.rglob("index.html"))) > 30


def test_render_refuses_the_project_and_folders_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project_skeleton(tmp_path / "docs", FIXTURE_CORPUS)  # a project named docs
    before = (root / "mkdocs.yml").read_bytes()
    for out in (root, root / "build" / "tree", tmp_path):
        assert main(["--root", str(root), "render", "--out", str(out)]) == 2
    assert (root / "mkdocs.yml").read_bytes() == before
    err = capsys.readouterr().err
    assert f"briefs render: {root} is inside the project; choose a folder outside {root}\n" in err
    assert f"briefs render: writing {tmp_path} would replace part of the project" in err
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("someone's notes")
    assert main(["--root", str(root), "render", "--out", str(theirs)]) == 2
    assert f"briefs render: {theirs} is not empty and was not written by 'briefs render'" in (
        capsys.readouterr().err
    )
    assert [p.name for p in theirs.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--root", str(root), "render", "--out", str(empty)]) == 0
    assert main(["--root", str(root), "render", "--out", str(empty)]) == 0  # its own: replaced
    assert sorted(p.name for p in empty.iterdir()) == [
        ".briefs-render", "docs", "hooks", "mkdocs.yml", "overrides"
    ]  # fmt: skip
    assert not list(tmp_path.glob(".empty-*"))  # no partial tree left beside it
