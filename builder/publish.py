"""Publishing: MkDocs builds into a fresh folder that replaces `site/` in one atomic step.

`site` is a symbolic link to `.site-builds/<build>/`; a new build is switched in by one
`os.replace` of the link, so there is never a moment without a complete site, and a failed or
killed build leaves the previous one in place.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from builder import mkdocs_hook
from builder.pipeline import BuildResult

BUILDS = ".site-builds"


@dataclass(frozen=True)
class PublishResult:
    ok: bool
    message: str
    site: Path | None = None


def _new_build_dir(root: Path) -> Path:
    builds = root / BUILDS
    builds.mkdir(exist_ok=True)
    for stale in root.glob(".site-*.link"):  # left by a build killed while switching
        stale.unlink(missing_ok=True)
    return builds / f"build-{time.time_ns()}-{os.getpid()}"


def _switch(root: Path, build_dir: Path) -> None:
    site = root / "site"
    if site.exists() and not site.is_symlink():
        # A site/ written by a plain `mkdocs build`: move it aside; from now on site/ is a link.
        site.rename(root / BUILDS / f"legacy-{time.time_ns()}")
    link = root / f".site-{os.getpid()}.link"
    link.unlink(missing_ok=True)
    link.symlink_to(build_dir.relative_to(root))
    os.replace(link, site)


def _remove_old_builds(root: Path, keep: Path) -> None:
    for old in (root / BUILDS).iterdir():
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def publish(root: Path, result: BuildResult, strict: bool = True) -> PublishResult:
    """Run MkDocs on already computed pages and switch `site/` to the new build on success."""
    # Absolute: MkDocs reads a relative `site_dir` from the folder of mkdocs.yml, not from ours,
    # so `--root some/folder` would build into some/folder/some/folder/ and link to nothing.
    root = root.resolve()
    build_dir = _new_build_dir(root)
    mkdocs_hook.prepare(root, result)
    epoch = mkdocs_hook.source_date_epoch(result)
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=strict, site_dir=str(build_dir))
        build(config)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(build_dir, ignore_errors=True)
        return PublishResult(False, f"MkDocs build failed: {exc}")
    _switch(root, build_dir)
    _remove_old_builds(root, build_dir)
    return PublishResult(
        True, f"site built in {build_dir.relative_to(root)} (site/ -> it)", root / "site"
    )
