"""Shared fixtures: the project root and small content roots written from a dict of files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE_CORPUS = PROJECT / "tests" / "fixtures" / "seed-corpus"
SEED_ID = "000_13b623c90cd3069e"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Runs in test folders leave no .briefs-cache/ behind; tests of the cache turn it back on.
os.environ["BRIEFS_NO_CACHE"] = "1"

ACTOR_MODELINE = "# yaml-language-server: $schema=../../schemas/actor.schema.json\n"
TOPIC_MODELINE = "# yaml-language-server: $schema=../../schemas/topic.schema.json\n"
ARTICLE_MODELINE = "# yaml-language-server: $schema=../schemas/article.schema.json\n"


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a content tree; text is written as UTF-8 with no newline translation."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def copy_project_skeleton(root: Path, content: Path) -> Path:
    """A buildable root: the project's config, docs, theme and hook, with `content`'s records."""
    root.mkdir(parents=True)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "docs", root / "docs")
    shutil.copytree(PROJECT / "templates", root / "templates")
    (root / "builder").mkdir()
    shutil.copy(PROJECT / "builder" / "mkdocs_hook.py", root / "builder" / "mkdocs_hook.py")
    shutil.copytree(content / "seeds", root / "seeds")
    shutil.copytree(content / "briefs", root / "briefs")
    return root


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """A copy of the frozen seed corpus inside a buildable project skeleton."""
    return copy_project_skeleton(tmp_path / "project", FIXTURE_CORPUS)


@pytest.fixture
def tmp_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "seeds").mkdir(parents=True)
    (root / "briefs" / "actors").mkdir(parents=True)
    (root / "briefs" / "topics").mkdir(parents=True)
    return root
