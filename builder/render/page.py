"""A generated page and the pagination every long list goes through."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from builder.render.html import give_heading_ids

T = TypeVar("T")
PAGE_SIZE = 100


@dataclass(frozen=True)
class Page:
    """One generated file: its source path under docs and its content.

    A page (`.md`) is what MkDocs reads: front matter, then a body that is the page's HTML when
    `markup` is set (the builder wrote the markup, MkDocs does not convert it: see html.py;
    raw HTML is Markdown too, so a `render --out` tree still builds with plain MkDocs), or
    Markdown for MkDocs to convert when it is not."""

    path: str
    markdown: str
    markup: bool = False

    @classmethod
    def titled(
        cls, path: str, title: str, body: str, searched: bool = True, markup: bool = True
    ) -> Page:
        """A page whose title is set in front matter, HTML-escaped; its body is HTML
        (`markup`) or Markdown.

        MkDocs themes print `page.title` unescaped (in <title>, the header, the search index),
        so a title taken from the heading would let contributor text such as "</title><script>"
        through. The front-matter title is escaped once, here. Pages that only list what record
        pages say (`searched=False`) are left out of the search index, which would otherwise
        hold every claim and title several times and find list pages before records.
        """
        escaped = json.dumps(html.escape(" ".join(title.split())), ensure_ascii=False)
        search = "" if searched else "search:\n  exclude: true\n"
        if markup:
            body = give_heading_ids(body)
        source = f"---\ntitle: {escaped}\n{search}---\n\n{body}"
        return cls(path, source, markup)


@dataclass(frozen=True)
class Chunk:
    """One page of a paginated list, with links to its neighbours."""

    number: int
    total: int
    items: Sequence[object]
    path: str
    previous: str | None
    next: str | None


def page_count(items: int) -> int:
    """Pages of at most PAGE_SIZE entries for this many items (one for none)."""
    return max(1, -(-items // PAGE_SIZE))


def paginate(items: Sequence[T], path_of: Callable[[int], str]) -> list[Chunk]:
    """Split a list into pages of at most PAGE_SIZE entries (one empty page for an empty list)."""
    total = page_count(len(items))
    chunks = []
    for number in range(1, total + 1):
        chunks.append(
            Chunk(
                number,
                total,
                items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
                path_of(number),
                path_of(number - 1) if number > 1 else None,
                path_of(number + 1) if number < total else None,
            )
        )
    return chunks
