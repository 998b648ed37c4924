"""Contributor text is shown as literal text in the generated Markdown."""

from __future__ import annotations

import html as htmllib
import re

import markdown
from hypothesis import given
from hypothesis import strategies as st

from builder.render.markdown import escape_inline, prose

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]


def html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def test_markup_is_escaped() -> None:
    assert escape_inline("*a* [b](javascript:c) <script>") == (
        "\\*a\\* \\[b\\]\\(javascript:c\\) &lt;script&gt;"
    )
    assert html(str(escape_inline("<img src=x onerror=alert(1)>"))) == (
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
    )


def test_block_starters_are_neutralised() -> None:
    assert htmllib.unescape(html(str(escape_inline("- not a list")))) == "<p>- not a list</p>"
    assert html(str(escape_inline("1. not a list"))) == "<p>1. not a list</p>"
    assert html(str(escape_inline("# not a heading"))) == "<p># not a heading</p>"


def test_attribute_lists_cannot_be_injected() -> None:
    assert (
        html(f"Title {escape_inline('{: onclick=alert(1) }')}")
        == "<p>Title {: onclick=alert(1) }</p>"
    )


def test_prose_keeps_markdown_but_not_html() -> None:
    assert (
        html(str(prose("**Bold** <b>x</b><script>alert(1)</script>")))
        == "<p><strong>Bold</strong> x</p>"
    )


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_escaped_text_renders_to_itself(text: str) -> None:
    rendered = html(str(escape_inline(text)))
    if not text.strip():
        return
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, flags=re.DOTALL)
    assert inner is not None, rendered
    assert htmllib.unescape(inner.group(1)).strip() == " ".join(text.split())
    assert escape_inline("; ") == "; "
