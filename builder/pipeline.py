"""The only place that knows the stage order: load -> validate -> link -> analyze -> render."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder import memo
from builder.analyze import Analysis, analyze
from builder.diagnostics import Diagnostic, has_errors, sort_diagnostics
from builder.link import link
from builder.load.corpus import load_corpus
from builder.settings import load_settings
from builder.validate import validate

if TYPE_CHECKING:
    from builder.render import Page

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def templates_dir(root: Path) -> Path:
    """The page templates: the root's own, else the ones shipped beside the builder."""
    own = root / "templates" / "pages"
    return own if own.is_dir() else PACKAGE_ROOT / "templates" / "pages"


@dataclass(frozen=True)
class CheckResult:
    diagnostics: list[Diagnostic]
    analysis: Analysis | None

    @property
    def ok(self) -> bool:
        return self.analysis is not None and not has_errors(self.diagnostics)


@dataclass(frozen=True)
class BuildResult:
    diagnostics: list[Diagnostic]
    analysis: Analysis | None
    pages: list[Page]


# Results computed by `briefs build` before it starts MkDocs, picked up by the hook so the
# pipeline runs once per build (see builder/mkdocs_hook.py).
PREPARED: dict[Path, BuildResult] = {}


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The stages allocate millions of long-lived objects and almost no cycles: collecting the
    young generation every 700 allocations only rescans them, so collect far less often."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def check(root: Path, cache: Path | None = None, save: bool = True) -> CheckResult:
    """Load, validate, link and analyze; stops before a stage whose input has errors.

    Per-file work unchanged since the last run in this process is reused (see builder/memo.py);
    with a `cache` folder, also since the last run that saved there, and (with `save`) this
    run's results are kept there for the next."""
    with _fewer_collections():
        if cache is not None:
            memo.load(cache)
        memo.new_run()
        try:
            result = _check(root)
        finally:
            memo.end_run()
        if cache is not None and save:
            # A read-only checkout still builds; only the next run is slower.
            with contextlib.suppress(OSError):
                memo.save(cache)
        return result


def _check(root: Path) -> CheckResult:
    """Every stage runs on what is valid, so one run reports every file's problems: a broken
    file drops out of the corpus (and the checks that need it), the others are still linked
    and analysed. Any error withholds the analysis, so nothing is rendered."""
    corpus = validate(load_corpus(root))
    diagnostics = list(corpus.diagnostics)
    linked = link(corpus)
    diagnostics += linked.diagnostics
    analysed = analyze(linked.model)
    diagnostics += analysed.diagnostics
    analysis = None if has_errors(diagnostics) else analysed.analysis
    return CheckResult(sort_diagnostics(diagnostics), analysis)


def build_pages(root: Path, cache: Path | None = None, save: bool = True) -> BuildResult:
    """Every stage up to the generated pages; no pages when there are content errors."""
    result = check(root, cache, save)
    if not result.ok or result.analysis is None:
        return BuildResult(result.diagnostics, None, [])
    from builder.render import render  # not needed, nor imported, by `briefs check`

    with _fewer_collections():
        pages = render(result.analysis, templates_dir(root), load_settings(root))
    return BuildResult(result.diagnostics, result.analysis, pages)
