"""Nothing lost: a build killed at any moment leaves a complete site/, the old one or the new."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton


def digest(site: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        h.update(path.relative_to(site).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def build(root: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "builder.cli", "--root", str(root), "build"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A root whose site/ is the old build, plus the digests of the old and the new build."""
    root = copy_project_skeleton(tmp_path_factory.mktemp("atomic") / "p", FIXTURE_CORPUS)
    assert build(root).wait() == 0
    old = digest(root / "site")
    topic = root / "briefs" / "topics" / "us-iran-nuclear-talks.yml"
    topic.write_text(
        topic.read_text(encoding="utf-8").replace("status: active", "status: dormant"),
        encoding="utf-8",
    )
    probe = copy_project_skeleton(tmp_path_factory.mktemp("probe") / "p", root)
    assert build(probe).wait() == 0
    new = digest(probe / "site")
    assert old != new
    return root, old, new


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.6, 0.9, 1.2, 1.6, 2.2])
def test_killed_build_leaves_a_complete_site(versions: tuple[Path, str, str], delay: float) -> None:
    root, old, new = versions
    process = build(root)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (root / "site" / "index.html").is_file()
    assert digest(root / "site") in {old, new}


def test_next_build_clears_what_killed_builds_left(versions: tuple[Path, str, str]) -> None:
    root, _, new = versions
    assert build(root).wait() == 0
    assert digest(root / "site") == new
    assert [p.name for p in (root / ".site-builds").iterdir()] == [(root / "site").resolve().name]


def test_a_relative_root_builds_its_site_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefs --root some/folder build` once built into some/folder/some/folder/ (MkDocs reads a
    relative site_dir from the config's folder) and left site/ linking to nothing."""
    from builder.cli import main

    copy_project_skeleton(tmp_path / "work" / "p", FIXTURE_CORPUS)
    monkeypatch.chdir(tmp_path)
    assert main(["--root", "work/p", "build"]) == 0
    site = tmp_path / "work" / "p" / "site"
    assert site.is_symlink() and (site / "actors" / "iran" / "index.html").is_file()
    assert not (tmp_path / "work" / "p" / "work").exists()
