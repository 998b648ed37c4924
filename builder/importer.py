"""Reading an article to import: a saved web page (HTML) or a plain text file.

From HTML, trafilatura keeps the article's own text (no navigation, bylines, captions, "read
more" lists or footers), one paragraph per line, and reads the page's metadata: title,
publication day (htmldate), author, site name and canonical address. The language is the page's
`lang` attribute, else what py3langid makes of the text. A plain text file is kept byte for
byte, and only its language is guessed. Every value filled in this way is listed as inferred,
since the curator has not checked it yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from builder.load.source import ARTICLE_LIMIT
from builder.load.text import normalise_line_ends

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".mhtml"})
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<meta|<article)", re.I)
_LANG = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.I)


@dataclass(frozen=True)
class Imported:
    """An article's text as it will be saved, and what its page said about it."""

    text: bytes
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None

    @property
    def filled(self) -> list[str]:
        """The sidecar fields this import fills (and marks inferred)."""
        fields = ["title", "published", "byline", "url", "language"]
        return [f for f in fields if getattr(self, f)]


def looks_like_html(path: Path, data: bytes) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(data[:1024]))


def read_article(path: Path) -> tuple[Imported | None, str | None]:
    """The article in a file, or why it cannot be imported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, f"{path}: no such file"
    except OSError as exc:
        return None, f"{path}: cannot be read ({exc.strerror or exc})"
    if len(data) > 4 * ARTICLE_LIMIT:
        return None, f"{path}: {len(data):,} bytes is too large for an article"
    if looks_like_html(path, data):
        return _from_html(path, data)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return None, f"{path}: not UTF-8 (byte {exc.start}); save the text as UTF-8"
    if not text.strip():
        return None, f"{path}: holds no article text"
    return Imported(data, language=detect_language(text)), None


def _from_html(path: Path, data: bytes) -> tuple[Imported | None, str | None]:
    import trafilatura  # ~0.3 s to import: only when a page is imported

    html = data.decode("utf-8", errors="replace")
    found = trafilatura.bare_extraction(
        html, with_metadata=True, favor_precision=True, include_comments=False,
        include_tables=False, include_images=False,
    )  # fmt: skip
    meta = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    lines = [
        " ".join(line.split()) for line in normalise_line_ends(meta.get("text") or "").split("\n")
    ]
    lines = [line for line in lines if line]
    title = (meta.get("title") or "").strip() or None
    if lines and title and lines[0] == title:
        lines = lines[1:]  # the headline is the title, not body text
    if not lines:
        return None, f"{path}: no article text found in the page"
    text = "\n".join(lines) + "\n"
    lang = _LANG.search(html[:4096])
    return Imported(
        text.encode("utf-8"),
        title=title,
        published=meta.get("date") or None,
        byline=(meta.get("author") or "").strip() or None,
        site=(meta.get("sitename") or "").strip() or None,
        url=_web_address(meta.get("url")),
        language=lang.group(1).lower() if lang else detect_language(text),
    ), None


def _web_address(value: object) -> str | None:
    text = str(value or "")
    return text if text.startswith(("http://", "https://")) else None


def detect_language(text: str) -> str | None:
    """The text's language as a BCP 47 primary tag, when the detector is confident."""
    import py3langid  # a small model, loaded only when a language is guessed

    language, _ = py3langid.classify(text[:5000])
    return str(language) if language else None
