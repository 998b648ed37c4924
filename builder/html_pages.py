"""MkDocs' side of the pages the builder writes as HTML (builder/render/html.py).

MkDocs reads such a page as usual (front matter, plugin events) but does not convert it: its
`render` is replaced by `written`, which takes the body as the page's HTML and the outline the
builder made as its table of contents, title and anchors. What MkDocs' conversion would have
checked is checked here: every link must lead to a file of the site (a page, the feed, a JSON
or CSV file), and every anchor it names must exist on its page; MkDocs itself checks the
anchors after the build (`links_to_anchors`), as for hand-written pages. Problems are logged at
the levels of mkdocs.yml's `validation:` section, so `--strict` fails on them.
"""

from __future__ import annotations

import logging
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from builder.render.html import Outline

log = logging.getLogger("mkdocs.structure.pages")

_by_url: list[tuple[Files, dict[str, File]]] = []


def _site(files: Files) -> dict[str, File]:
    """Every file of the site by its address, for this build's `files` (kept for one build)."""
    if not _by_url or _by_url[0][0] is not files:
        _by_url[:] = [(files, {_key(f.url): f for f in files})]
    return _by_url[0][1]


def _key(url: str) -> str:
    return posixpath.normpath(url.removesuffix("index.html") or ".")


def written(page: Page, outline: Outline, config: MkDocsConfig, files: Files) -> None:
    """Stands in for `page.render` on a page the builder wrote: no conversion, same results."""
    assert page.markdown is not None
    page.content = page.markdown
    page.toc = get_toc(outline.toc)
    page._title_from_render = outline.title
    page.present_anchor_ids = set(outline.anchors)
    page.links_to_anchors = check_links(page, outline, files, config)
    for ident in outline.duplicates:
        log.log(
            config.validation.links.anchors,
            f"Doc file '{page.file.src_uri}' gives the id '{ident}' to more than one element.",
        )


def check_links(
    page: Page, outline: Outline, files: Files, config: MkDocsConfig
) -> dict[File, dict[str, str]]:
    """The targets of the page's links, each with the anchors it names; a link to no file of
    the site is reported here."""
    site = _site(files)
    folder = posixpath.dirname(page.file.url)  # "actors/iran/" → "actors/iran"
    anchors: dict[File, dict[str, str]] = {}
    for href in outline.links:
        path, _, anchor = href.partition("#")
        if not path:
            target: File | None = page.file
        else:
            key = _key(posixpath.join(folder, path))
            target = None if key.startswith("..") else site.get(key)
        if target is None:
            log.log(
                config.validation.links.not_found,
                f"Doc file '{page.file.src_uri}' contains a link '{href}', but the target is "
                "not found among documentation files.",
            )
        elif anchor:
            anchors.setdefault(target, {}).setdefault(anchor, href)
    return anchors
