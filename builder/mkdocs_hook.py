"""The thin MkDocs hook: run the pipeline, hand its pages to MkDocs as virtual files.

Nothing is written into a source folder; `seeds/`, `briefs/` and `templates/` are watched through
`watch:` in mkdocs.yml, so `mkdocs serve` rebuilds when content changes.
"""

from __future__ import annotations

import calendar
import functools
import logging
import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from builder import preview
from builder.diagnostics import format_text
from builder.html_pages import add_search_entries, search_index, written
from builder.memo import cache_dir
from builder.navigation import share_primary_navigation
from builder.pipeline import PREPARED, BuildResult, build_pages
from builder.prerender import build_pages_in_workers, prerender, restore
from builder.render import inputs
from builder.render.feed import FEED_PATH, atom_feed
from builder.settings import load_settings

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


def on_startup(*, command: str, dirty: bool) -> None:
    """`mkdocs serve --dirty` (what `briefs serve` runs): pages become files, see preview.py."""
    preview.enable(command == "serve" and dirty, serving=command == "serve", dirty_build=dirty)
    # A preview renders again only the pages an edit changed (builder/render/inputs.py);
    # `briefs serve --full` renders every page on every change.
    inputs.keep(command == "serve" and dirty)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """A full build converts its pages on every core (builder/prerender.py); a preview, whose
    rebuilds touch few pages, does not."""
    if not preview.STATE.serving:
        converted = prerender(config, files)
        if converted:
            log.debug("converted %d pages in workers", converted)
            _nav[config.config_file_path] = nav
    return nav


_nav: dict[str, Navigation] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    restore()  # in case a build before this one in the same process ended without a word
    if preview.STATE.serving:
        preview.COLLECTOR.pause()  # until the rebuild is done (see preview.Collector)
    root = Path(config.config_file_path).resolve().parent
    # `mkdocs serve` and plain `mkdocs build`: reuse what earlier runs computed, in memory and
    # in the user's cache folder, but leave writing that cache to `briefs` commands.
    result = PREPARED.pop(root, None) or build_pages(root, cache_dir(root), save=False)
    if result.analysis is None:
        raise PluginError("content errors:\n" + format_text(result.diagnostics))
    for diagnostic in result.diagnostics:
        log.info(diagnostic.render())
    epoch = source_date_epoch(result)
    if epoch is not None:
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    _current[config.config_file_path] = result
    if not config.use_directory_urls:
        raise PluginError(
            "generated pages link to pages as folders (actors/iran/): "
            "set use_directory_urls: true in mkdocs.yml"
        )
    site_url = load_settings(root).site_url
    if site_url and not config.site_url:
        # The sitemap needs absolute addresses: with `site_url` under [tool.briefs] it lists
        # every page, as the citations do.
        config.site_url = site_url.rstrip("/") + "/"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    result = _current[config.config_file_path]
    written_pages = {page.path for page in result.pages if page.markup}
    _written[config.config_file_path] = written_pages
    add_search_entries(config, written_pages)
    generated = [(page.path, page.markdown) for page in result.pages]
    for path, _ in generated:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would hide a generated page; rename it")
    if result.analysis is not None:
        generated.append((FEED_PATH, atom_feed(result.analysis, config.site_name)))
    if preview.STATE.dirty:
        root = Path(config.config_file_path).resolve().parent
        folder = preview.pages_folder(root)
        preview.sync_pages(folder, generated)
        for path, _ in generated:
            files.append(File(path, str(folder), config.site_dir, config.use_directory_urls))
    else:
        for path, content in generated:
            files.append(File.generated(config, path, content=content))
    index = search_index(config)
    if preview.STATE.dirty_build and index is not None:
        pages = {file.url for file in files.documentation_pages()}
        _searches[config.config_file_path] = preview.DirtySearch(index, pages)
    return files


_written: dict[str, set[str]] = {}
_searches: dict[str, preview.DirtySearch] = {}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A page the builder wrote as HTML is not converted (builder/html_pages.py), unless its
    result already stands in (converted in a worker, builder/prerender.py)."""
    ours = page.file.src_uri in _written.get(config.config_file_path, ())
    if ours and "render" not in vars(page):
        page.render = functools.partial(written, page)  # type: ignore[method-assign]
    return markdown


def _section_of(page: Page, nav: Navigation) -> Page | None:
    """The navigation page of the section a record page belongs to (`actors/iran/` → the
    Actors page; `index/claims/2025/04/` → Indexes), for pages that are not in the navigation."""
    if page in nav.pages or "/" not in page.file.src_uri:
        return None
    section = page.file.src_uri.split("/", 1)[0] + "/index.md"
    return next((p for p in nav.pages if p.file.src_uri == section), None)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """A full build renders the theme's template for its pages on every core too; the theme's
    navigation is rendered once per distinct result (builder/navigation.py). (A preview's
    environments keep the compiled templates from one rebuild to the next: preview._theme_env.)"""
    share_primary_navigation(env)
    nav = _nav.pop(config.config_file_path, None)  # there only if the pages were converted
    if nav is not None:
        build_pages_in_workers(config, env, files, nav)
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    restore()
    preview.COLLECTOR.resume()
    _searches.pop(config.config_file_path, None)


def on_build_error(*, error: Exception) -> None:
    """A failed build leaves MkDocs as it found it, for the next build in this process."""
    restore()
    preview.COLLECTOR.resume()
    _nav.clear()
    _searches.clear()


def on_page_context(
    context: dict[str, object], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, object]:
    """Highlight the section of a record page in the navigation while it is rendered: a
    record is not in the navigation itself, so the theme would highlight nothing."""
    section = _section_of(page, nav)
    if section is not None:
        section.active = True
        _highlighted[page.file.src_uri] = section
    search = _searches.get(config.config_file_path)
    if search is not None:
        search.built.add(page.url)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    section = _highlighted.pop(page.file.src_uri, None)
    if section is not None:
        section.active = False
    return output


_highlighted: dict[str, Page] = {}
