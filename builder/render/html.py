"""Generated pages are written as HTML by autoescaping templates, not as Markdown for MkDocs to
convert back: the builder knows each page's structure, so it writes the markup once.

What MkDocs' Markdown conversion used to give every page comes from here instead: headings with
the ids and permalinks of Python-Markdown's `toc` extension (its own `slugify` and `unique`), the
page's table of contents, the ids other pages may link to, and the links the page makes, which
the hook checks against the site (every page, file and anchor must exist). Only contributor
Markdown (summaries) is still converted, one field at a time, cached by its text.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markupsafe import Markup, escape

from builder.markdown_safety import SafetyExtension
from builder.render.markdown import prose as markdown_prose

PERMALINK = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'


_PENDING = itertools.count()
# A heading without an id gets a placeholder until its page is complete: `toc` makes an id
# unique against every id of the page, including those given later in it.
_PLACEHOLDER = re.compile("\x00([0-9]+):([^\x00]*)\x00")


def heading(level: int, inner: object, ident: str | None = None) -> Markup:
    """A heading as Python-Markdown's `toc` extension writes it (`permalink: true`). Without an
    `ident`, the id `toc` would give it, once the page is complete (`give_heading_ids`)."""
    if ident is None:
        base = slugify(html.unescape(strip_tags(str(escape(inner)))), "-")
        ident = f"\x00{next(_PENDING)}:{base}\x00"
    ident = escape(ident)
    return Markup(f'<h{level} id="{ident}">{escape(inner)}{PERMALINK.format(ident)}</h{level}>')


def give_heading_ids(body: str) -> str:
    """The complete page with every pending heading id given, in page order, each made unique
    against all the page's other ids (as `toc` does: its own `unique`, `_1`, `_2`, ...)."""
    if "\x00" not in body:
        return body
    used = {i for i in ID_ATTRIBUTE.findall(body) if "\x00" not in i}
    given: dict[str, str] = {}

    def give(match: re.Match[str]) -> str:
        number, base = match.groups()
        if number not in given:
            given[number] = unique(base, used)
        return given[number]

    return _PLACEHOLDER.sub(give, body)


_PROSE_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)


def prose_headings(converted: Markup) -> Markup:
    """Headings in contributor Markdown, given an id and a permalink as on the rest of the page."""
    if "<h" not in converted:
        return converted
    return Markup(
        _PROSE_HEADING.sub(lambda m: heading(int(m.group(1)), Markup(m.group(2))), converted)
    )


_CONVERTER = markdown.Markdown(extensions=["tables", "admonition", SafetyExtension()])


def prose(value: str) -> Markup:
    """Contributor Markdown as HTML (`_converted`), its headings given ids and permalinks as
    the page's own (`prose_headings`)."""
    return prose_headings(_converted(value))


@functools.lru_cache(maxsize=4096)  # summaries recur on the home page, sections and profiles
def _converted(value: str) -> Markup:
    """Contributor Markdown (summaries) as HTML: formatting kept, everything else literal text
    (see `render.markdown.prose`), unsafe links dropped (`markdown_safety`)."""
    _CONVERTER.reset()
    return Markup(_CONVERTER.convert(str(markdown_prose(value))))


@dataclass(frozen=True)
class Outline:
    """What MkDocs needs to know about a page it does not convert."""

    title: str | None  # the first h1's text
    toc: list[Any]  # Python-Markdown's nested toc tokens (its `_TocToken` dicts)
    anchors: frozenset[str]  # every id on the page
    duplicates: tuple[str, ...]  # ids given twice (a bug in a template: reported, not hidden)
    links: tuple[str, ...]  # every href that stays within the site


_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)<a class="headerlink"', re.DOTALL)
ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')
_HREF = re.compile(r'\shref="([^"]*)"')
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def _cdata(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def outline(body: str) -> Outline:
    """Headings, ids and links of a page the builder wrote (it writes them in one form only:
    `heading` above, `id="…"` and `href="…"` in double quotes, escaped)."""
    tokens: list[Any] = []
    title = None
    for level, ident, inner in _HEADING.findall(body):
        # As `toc` names it: the text with only &, < and > escaped.
        name = _cdata(html.unescape(strip_tags(inner)))
        if level == "1" and title is None:
            title = html.unescape(name)
        tokens.append(
            {"level": int(level), "id": html.unescape(ident), "name": name, "html": inner,
             "data-toc-label": ""}
        )  # fmt: skip
    ids = [html.unescape(i) for i in ID_ATTRIBUTE.findall(body)]
    seen: set[str] = set()
    duplicates = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    links = tuple(
        dict.fromkeys(
            html.unescape(h) for h in _HREF.findall(body) if not _EXTERNAL.match(html.unescape(h))
        )
    )
    return Outline(title, nest_toc_tokens(tokens), frozenset(ids), tuple(duplicates), links)
