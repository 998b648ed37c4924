"""The fast preview behind `briefs serve`: generated pages as files that change only when needed.

MkDocs' dirty builds (`mkdocs serve --dirty`) skip a page whose built HTML is newer than its
source file, but treat a page handed over in memory as always changed. While serving dirty, the
hook therefore writes each generated page to `preview/` beside the reuse cache (outside the
repository) and rewrites it only when its content differs from the last build: after an edit,
MkDocs re-renders the pages the edit changed (the article, the actors it names, the indexes
that list it) and no others.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache

from builder.memo import cache_dir, digest

PREVIEW_DIR = "preview"


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


def enable(dirty: bool, serving: bool = False, dirty_build: bool = False) -> None:
    STATE.dirty = dirty
    STATE.serving = serving
    STATE.dirty_build = dirty_build


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
