"""Contributor text is shown as literal text in the generated Markdown."""

from __future__ import annotations

import html as htmllib
import re

import markdown
from hypothesis import assume, given
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


def test_prose_keeps_markdown_and_shows_html_as_the_text_it_is() -> None:
    assert (
        html(str(prose("**Bold** <b>x</b><script>alert(1)</script>")))
        == "<p><strong>Bold</strong> &lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    # An unclosed comment no longer swallows the rest of the field.
    assert html(str(prose("Before <!-- never closed, after"))) == (
        "<p>Before &lt;!-- never closed, after</p>"
    )
    # A character reference stays the text it is: it cannot spell a scheme.
    assert html(str(prose("[x](&#106;avascript:alert(1)) &amp;"))) == (
        '<p><a href="&amp;#106;avascript:alert(1)">x</a> &amp;amp;</p>'
    )
    assert html(str(prose("<https://example.org/a>"))) == (
        '<p><a href="https://example.org/a">https://example.org/a</a></p>'
    )


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_prose_never_drops_what_was_written(text: str) -> None:
    """Every letter and digit of a summary reaches the page (markup characters may not)."""
    assume("](" not in text)  # a link's target is not shown as text, by design
    rendered = htmllib.unescape(re.sub(r"<[^>]+>", "", html(str(prose(text)))))

    def kept(s: str) -> list[str]:
        return [c for c in s if c.isalnum()]

    assert kept(rendered) == kept(text) or text.strip() == ""


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_escaped_text_renders_to_itself(text: str) -> None:
    rendered = html(str(escape_inline(text)))
    if not text.strip():
        return
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, flags=re.DOTALL)
    assert inner is not None, rendered
    assert htmllib.unescape(inner.group(1)).strip() == " ".join(text.split())
    assert escape_inline("; ") == "; "
