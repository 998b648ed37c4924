"""MkDocs' side of the pages the builder writes as HTML (builder/render/html.py).

MkDocs reads such a page as usual (front matter, plugin events) but does not convert it: its
`render` is replaced by `written`, which takes the body as the page's HTML and its outline
(render/html.py) as its table of contents, title and anchors. What MkDocs' conversion would have
checked is checked here: every link must lead to a file of the site (a page, the feed, a JSON
or CSV file), and every anchor it names must exist on its page; MkDocs itself checks the
anchors after the build (`links_to_anchors`), as for hand-written pages. Problems are logged at
the levels of mkdocs.yml's `validation:` section, so `--strict` fails on them.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from material.plugins.search import plugin as search_plugin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from builder.render.html import ID_ATTRIBUTE, Outline
from builder.render.html import outline as html_outline

log = logging.getLogger("mkdocs.structure.pages")

_by_url: list[tuple[Files, dict[str, File]]] = []


def _site(files: Files) -> dict[str, File]:
    """Every file of the site by its address, for this build's `files` (kept for one build)."""
    if not _by_url or _by_url[0][0] is not files:
        _by_url[:] = [(files, {_key(f.url): f for f in files})]
    return _by_url[0][1]


def _key(url: str) -> str:
    """An address as compared here: decoded, without the `index.html` a server adds to a
    folder (`actors/iran/`, `feed.xml`; the home page is the empty address)."""
    url = unquote(url)
    if url == "index.html" or url.endswith("/index.html"):
        return url.removesuffix("index.html")
    return url


def _resolve(folder: str, href: str) -> str | None:
    """The address a relative link leads to from a page in `folder`, None outside the site."""
    path = unquote(urlsplit(href).path)
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../"):
        return None
    if joined == ".":
        return ""
    return _key(joined + "/" if path.endswith("/") else joined)


def written(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Stands in for `page.render` on a page the builder wrote: no conversion, same results."""
    assert page.markdown is not None
    outline = html_outline(page.markdown)
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
            key = _resolve(folder, path)
            target = None if key is None else site.get(key)
        if target is None:
            log.log(
                config.validation.links.not_found,
                f"Doc file '{page.file.src_uri}' contains a link '{href}', but the target is "
                "not found among documentation files.",
            )
        elif anchor:
            anchors.setdefault(target, {}).setdefault(anchor, href)
    return anchors


# --- Search entries without a second parse -------------------------------------------------------

_TOKEN = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>|([^<]+)")
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# What Material's parser keeps as markup, and the tags it never pushes (as its `void`).
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
# Markup the builder never writes, which Material's parser treats specially: a page holding
# any of it is left to that parser.
_UNUSUAL = re.compile(r"<(?:script|style|object|!)|data-search-exclude|linenodiv")


@dataclass
class _Section:
    tag: str
    depth: float
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    ident: str | None = None


def search_entries(body: str, url: str, title: str) -> list[dict[str, str]] | None:
    """The entries Material's search plugin makes for a page (`add_entry_from_context`), made
    from HTML the builder wrote: one tokenizing pass over it instead of Python's HTMLParser,
    with Material's rules (sections at headings with an id, its kept tags, whitespace and
    escaping). None for a page with markup the builder does not write (then Material parses it).
    A test compares both on every page of built sites."""
    if _UNUSUAL.search(body):
        return None
    sections: list[_Section] = []
    section: _Section | None = None
    context: list[str] = []
    permalinks: list[bool] = []  # per open element: an `a class="headerlink"`

    def start(tag: str, attrs: str) -> None:
        nonlocal section
        if tag in _VOID:
            return
        context.append(tag)
        permalinks.append(tag == "a" and 'class="headerlink"' in attrs)
        if tag in _HEADINGS and (found := ID_ATTRIBUTE.search(attrs)):
            depth = len(context)
            if tag != "h1" and not sections:
                sections.append(_Section("hx", depth))
            section = _Section(tag, depth)
            if sections:
                section.ident = html.unescape(found.group(1))
            sections.append(section)
        if section is None:
            section = _Section("hx", 0)
            sections.append(section)
        if tag in _KEEP:
            (section.title if section.tag in context else section.text).append(f"<{tag}>")

    def end(tag: str) -> None:
        nonlocal section
        if not context or context[-1] != tag:
            return
        assert section is not None
        if section.depth > len(context):
            for previous in reversed(sections):
                if previous.depth <= len(context):
                    section.depth = float("inf")
                    section = previous
                    break
        context.pop()
        permalinks.pop()
        if tag in _KEEP:
            data = section.title if section.tag in context else section.text
            index = data.index(f"<{tag}>")
            if any(not item.isspace() for item in data[index + 1 :]):
                data.append(f"</{tag}>")
            else:
                del data[index:]

    def text(data: str) -> None:
        nonlocal section
        if "pre" not in context:
            data = " " if data.isspace() else data.replace("\n", " ")
        if section is None:
            section = _Section("hx", 0)
            sections.append(section)
        if section.tag in context:
            if not any(permalinks):
                section.title.append(html.escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or "pre" in context:
                section.text.append(data)
        else:
            section.text.append(html.escape(data, quote=False))

    try:
        for closing, tag, attrs, data in _TOKEN.findall(body):
            if tag:
                tag = tag.lower()
                if closing:
                    end(tag)
                else:
                    start(tag, attrs)
                    if attrs.endswith("/"):
                        end(tag)
            else:
                text(html.unescape(data))
    except ValueError:  # an end tag whose start went to another section: Material's turn
        return None
    return [
        {
            "location": f"{url}#{s.ident}" if s.ident else url,
            "title": ("".join(s.title) if s.title else title).strip(),
            "text": "".join(s.text).strip(),
        }
        for s in sections
    ]


def search_index(config: MkDocsConfig) -> Any:
    """The search plugin's index for this build, None without the plugin."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return getattr(plugin, "search_index", None)


def add_search_entries(config: MkDocsConfig, written_pages: Collection[str]) -> None:
    """Material's search index takes the entries of the pages the builder wrote from
    `search_entries`, and parses only the others."""
    index = search_index(config)
    if index is None or search_plugin.jieba is not None:  # Chinese segmentation: leave it
        return
    original = index.add_entry_from_context

    def add_entry(page: Page) -> None:
        search = page.meta.get("search") or {}
        if (
            page.file.src_uri not in written_pages
            or search.get("exclude")
            or "boost" in search
            or "tags" in page.meta  # Material's own fields for these: left to it
        ):
            original(page)
            return
        title = str(page.meta.get("title", page.title))
        entries = search_entries(page.content or "", page.url, title)
        if entries is None:
            original(page)
        else:
            index.entries.extend(entries)

    index.add_entry_from_context = add_entry
