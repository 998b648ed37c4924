"""Escaping contributor text for Markdown, so content is always shown as literal text."""

from __future__ import annotations

import functools
import re

from markupsafe import Markup

# Characters Python-Markdown (with the tables extension) lets a backslash escape.
_ALWAYS = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)([-.:>=~])")
_NUMBERED = re.compile(r"^(\s*[0-9]+)\.")


def escape_inline(value: object) -> Markup:
    """Plain text made safe to place anywhere in a Markdown line."""
    return _escape(str(value))


@functools.lru_cache(maxsize=1 << 16)  # names, titles and labels recur on many pages
def _escape(text: str) -> Markup:
    text = re.sub(r"\s+", " ", text)
    text = _ALWAYS.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A leading '-', '.', ':' or '=' could start a list, a definition or a heading underline.
    text = _LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)
    text = _NUMBERED.sub(r"\1\\.", text)
    return Markup(text)


# An autolink to a web page keeps its angle brackets; every other '<' is text.
_NOT_AUTOLINK = re.compile(r"<(?!https?://[^>\s]+>)", re.IGNORECASE)


def prose(value: str) -> Markup:
    """Contributor Markdown (summaries): formatting kept; raw HTML, comments and character
    references shown as the literal text they are (nothing written disappears); extensions
    inert. Links other than http(s) are refused by `check` (validate/prose.py)."""
    cleaned = _NOT_AUTOLINK.sub("&lt;", value.replace("&", "&amp;"))
    # Attribute lists and snippet markers must not reach Markdown extensions.
    cleaned = cleaned.replace("{", "\\{").replace("}", "\\}")
    cleaned = re.sub(r"^(\s*)-{2,}8<", r"\1\\-\\-8<", cleaned, flags=re.MULTILINE)
    return Markup(cleaned.strip())
