"""A Python-Markdown extension that keeps contributor Markdown from linking or loading anything
unsafe: only http(s) and relative links survive, images load only from the site itself, and no
element keeps an event-handler or style attribute. It runs on every page, hand-written ones too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_SAFE_LINK_SCHEMES = frozenset({"http", "https"})


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def safe_href(url: str) -> bool:
    """Relative links and http(s) links only (no javascript:, data:, file:, mailto:, ...)."""
    scheme = _scheme(url)
    return scheme is None or scheme in _SAFE_LINK_SCHEMES


def safe_src(url: str) -> bool:
    """Images load only from the site itself: no scheme and no protocol-relative host."""
    return _scheme(url) is None and not url.strip().startswith("//")


class _Sanitiser(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in [a for a in element.attrib if a.lower().startswith("on") or a == "style"]:
                del element.attrib[name]
            href = element.get("href")
            if href is not None and not safe_href(href):
                element.tag = "span"  # the text stays, the link goes
                element.attrib.clear()
            if element.tag == "img" and not safe_src(element.get("src", "")):
                element.tag = "span"
                element.text = element.get("alt", "")
                element.attrib.clear()


class SafetyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing and attribute lists, before MkDocs rewrites relative links.
        md.treeprocessors.register(_Sanitiser(md), "briefs_safety", 1)


def makeExtension(**kwargs: Any) -> SafetyExtension:
    return SafetyExtension(**kwargs)


def on_config(config: Any) -> Any:
    """Lets plain MkDocs load this file as a hook (the tree `briefs render --out` writes, where
    the builder is not installed): the extension is added to every page's Markdown."""
    config.markdown_extensions.append(SafetyExtension())
    return config
