"""The thin MkDocs hook: run the pipeline, hand its pages to MkDocs as virtual files.

Nothing is written into a source folder; `seeds/`, `briefs/` and `templates/` are watched through
`watch:` in mkdocs.yml, so `mkdocs serve` rebuilds when content changes.
"""

from __future__ import annotations

import calendar
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from builder.diagnostics import format_text
from builder.pipeline import PREPARED, BuildResult, build_pages
from builder.render.feed import FEED_PATH, atom_feed

log = logging.getLogger("mkdocs.hooks.briefs")

_current: dict[str, BuildResult] = {}


def prepare(root: Path, result: BuildResult) -> None:
    """Hand an already computed result to the next MkDocs build of `root`.

    MkDocs loads this file as a module of its own, apart from `builder.mkdocs_hook`, so the
    result waits in `builder.pipeline`, which both copies import as the same module."""
    PREPARED[root.resolve()] = result


def source_date_epoch(result: BuildResult) -> int | None:
    """Seconds since 1970 at midnight UTC of the newest content date."""
    if result.analysis is None or result.analysis.as_of is None:
        return None
    return calendar.timegm(result.analysis.as_of.timetuple())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    result = PREPARED.pop(root, None) or build_pages(root)
    if result.analysis is None:
        raise PluginError("content errors:\n" + format_text(result.diagnostics))
    for diagnostic in result.diagnostics:
        log.info(diagnostic.render())
    epoch = source_date_epoch(result)
    if epoch is not None:
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    _current[config.config_file_path] = result
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    result = _current[config.config_file_path]
    for page in result.pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} would hide a generated page; rename it")
        files.append(File.generated(config, page.path, content=page.markdown))
    if result.analysis is not None:
        feed = atom_feed(result.analysis, config.site_name)
        files.append(File.generated(config, FEED_PATH, content=feed))
    return files
