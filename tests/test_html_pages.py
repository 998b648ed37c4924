"""Generated pages are written as HTML (builder/render/html.py) and handed to MkDocs without a
Markdown conversion (builder/html_pages.py): same ids and table of contents as Python-Markdown
would give, and every link and anchor still checked by a strict build."""

from __future__ import annotations

import html as htmllib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markupsafe import Markup, escape

from builder.cli import main
from builder.render.html import give_heading_ids, heading, outline
from builder.render.markdown import escape_inline
from tests.conftest import SEED_ID


def _markdown_heading(text: str, used: str = "") -> tuple[str, str]:
    """The id and table-of-contents name Python-Markdown's `toc` extension gives a heading."""
    md = markdown.Markdown(extensions=["tables", "attr_list", "toc"])
    md.convert(used + f"# {escape_inline(text)}\n")
    token = md.toc_tokens[-1]  # type: ignore[attr-defined]
    while token["children"]:
        token = token["children"][-1]
    return token["id"], token["name"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_a_heading_gets_the_id_and_name_python_markdown_would_give_it(text: str) -> None:
    if not text.strip():
        return  # Markdown has no heading without text
    ident, name = _markdown_heading(text)
    ours = give_heading_ids(heading(2, text))
    assert ours.startswith(f'<h2 id="{ident}">')
    # The same text (the old escaping wrote some characters as references, such as &#61;).
    assert htmllib.unescape(outline(ours).toc[0]["name"]) == htmllib.unescape(name)


def test_a_heading_id_is_unique_against_every_id_of_the_page_as_toc_makes_it() -> None:
    body = give_heading_ids(
        "".join(str(heading(2, "Threatens")) for _ in range(3))
        + str(heading(1, "Claim 1"))
        + str(heading(3, "A claim", "claim-1"))
    )
    assert [t["id"] for t in outline(body).toc] == [
        "threatens", "threatens_1", "threatens_2", "claim-1_1",
    ]  # fmt: skip
    assert outline(body).duplicates == ()
    # What Python-Markdown gives the same headings, the explicit id written after the title:
    md = markdown.Markdown(extensions=["attr_list", "toc"])
    md.convert(
        "## Threatens\n\n## Threatens\n\n## Threatens\n\n# Claim 1\n\n### A claim { #claim-1 }\n"
    )
    ids = [md.toc_tokens[i]["id"] for i in range(4)]  # type: ignore[attr-defined]
    assert ids == [
        "threatens", "threatens_1", "threatens_2", "claim-1_1",
    ]  # fmt: skip


def test_a_heading_in_a_summary_gets_an_id_a_permalink_and_a_place_in_the_contents() -> None:
    from builder.render.html import prose

    body = give_heading_ids(
        str(heading(2, "Background")) + str(prose("## Background\n\nSome *text*."))
    )
    assert heading(2, "Background", "background_1") in body, (
        body
    )  # unique against the page's own heading
    assert [t["id"] for t in outline(body).toc] == ["background", "background_1"]
    assert "<p>Some <em>text</em>.</p>" in body


@dataclass(frozen=True)
class _File:
    url: str
    src_uri: str = ""


def test_links_are_resolved_as_a_server_would_and_only_files_of_the_site_pass(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from builder.html_pages import check_links

    site = ["", "actors/iran/", "feed.xml", "api/index.json", "notes/reindex.html", "%C3%BCber/"]
    files = [_File(url) for url in site]
    page = SimpleNamespace(file=_File("actors/iran/", "actors/iran.md"))
    config = SimpleNamespace(
        validation=SimpleNamespace(links=SimpleNamespace(not_found=logging.WARNING))
    )
    hrefs = [
        "../../", "../../index.html", "./#relations", "../../feed.xml", "../../api/index.json?x=1",
        "../../über/", "../../notes/reindex.html",  # all there
        "../../feed.xml/", "../../notes/re/", "../../../outside/", "../../actors/iraq/",  # not
    ]  # fmt: skip
    found = outline("".join(f'<a href="{h}">x</a>' for h in hrefs))
    with caplog.at_level(logging.WARNING):
        anchors = check_links(page, found, files, config)  # type: ignore[arg-type]
    missing = [m.split("'")[3] for m in caplog.messages]
    assert missing == [
        "../../feed.xml/",
        "../../notes/re/",
        "../../../outside/",
        "../../actors/iraq/",
    ]
    assert anchors == {files[1]: {"relations": "./#relations"}}


def test_the_outline_lists_headings_ids_and_links_within_the_site() -> None:
    body = (
        str(heading(1, "Zembla", "zembla"))
        + '\n<p id="p1"><a href="../x/">X</a> <a href="https://example.org/">out</a>'
        + ' <a href="#p1">here</a></p>\n'
        + str(heading(2, Markup('<a href="../y/">Fictional &amp; Co</a>'), "fictional-co"))
        + '\n<p id="p1">twice</p>\n'
    )
    found = outline(body)
    assert found.title == "Zembla"
    assert [(t["level"], t["id"], t["name"]) for t in found.toc] == [(1, "zembla", "Zembla")]
    assert found.toc[0]["children"][0]["name"] == "Fictional &amp; Co"
    assert found.anchors == {"zembla", "fictional-co", "p1"}
    assert found.duplicates == ("p1",)
    assert found.links == ("#zembla", "../x/", "#p1", "../y/", "#fictional-co")


def _toc(page: Path) -> list[tuple[str, str]]:
    tree = lxml_html.fromstring(page.read_bytes())
    nav = tree.xpath('//nav[contains(@class, "md-nav--secondary")]')[0]
    return [(" ".join(a.text_content().split()), a.get("href")) for a in nav.iter("a")]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton

    root = copy_project_skeleton(tmp_path_factory.mktemp("html") / "p", FIXTURE_CORPUS)
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_the_built_page_has_the_table_of_contents_and_search_entries_of_its_headings(
    built_site: Path,
) -> None:
    toc = _toc(built_site / "actors" / "iran" / "index.html")
    assert toc[:4] == [
        ("Relations", "#relations"),
        ("Attacks", "#attacks"),
        ("Backs", "#backs"),
        ("Has as part", "#has-as-part"),
    ]
    assert ("Claims about this actor", "#claims-about-this-actor") in toc
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    sections = {d["location"]: d for d in index["docs"]}
    claim = sections[f"articles/{SEED_ID}/#claim-missiles-shipped"]
    assert claim["title"].startswith("Iran has recently sent a large number")
    assert "missiles to its proxy groups in Iraq" in claim["text"]
    # One permalink per heading, as the toc extension writes it.
    page = (built_site / "actors" / "iran" / "index.html").read_text("utf-8")
    assert page.count('class="headerlink"') == len(re.findall(r"<h[1-6] id=", page))


def test_a_broken_link_or_anchor_in_a_template_fails_the_strict_build(
    site_root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    template = site_root / "templates" / "pages" / "article.html.j2"
    template.write_text(
        template.read_text("utf-8")
        + '<p><a href="../../actors/nobody/">a</a> <a href="#no-such-anchor">b</a> '
        + '<a href="../../glossary/#nothing">c</a> <a href="../../api/index.json">d</a></p>\n',
        "utf-8",
    )
    with caplog.at_level(logging.INFO):
        assert main(["--root", str(site_root), "build"]) == 1
    page = f"articles/{SEED_ID}.md"
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert (
        f"Doc file '{page}' contains a link '../../actors/nobody/', but the target is not found "
        "among documentation files."
    ) in messages
    assert (
        f"Doc file '{page}' contains a link '#no-such-anchor', but there is no such anchor on "
        "this page."
    ) in messages
    assert (
        f"Doc file '{page}' contains a link '../../glossary/#nothing', but the doc "
        "'glossary.md' does not contain an anchor '#nothing'."
    ) in messages
    assert not any("api/index.json" in m for m in messages)  # a file of the site: fine


def test_an_id_given_twice_is_reported(site_root: Path, caplog: pytest.LogCaptureFixture) -> None:
    template = site_root / "templates" / "pages" / "actor.html.j2"
    planted = '<p id="twice">once</p>\n<p id="twice">again</p>\n'
    template.write_text(template.read_text("utf-8") + planted, "utf-8")
    with caplog.at_level(logging.INFO):
        assert main(["--root", str(site_root), "build"]) == 1
    assert "Doc file 'actors/iran.md' gives the id 'twice' to more than one element." in [
        r.getMessage() for r in caplog.records
    ]


# --- Search entries made without Material's parser -----------------------------------------------


def _material_entries(body: str, url: str, title: str) -> list[dict[str, str]]:
    """What Material's search plugin makes of a page (its own parser and entry code)."""
    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import get_toc

    page = SimpleNamespace(
        meta={"title": title}, content=body, url=url, title=title,
        toc=get_toc(outline(body).toc),
    )  # fmt: skip
    index = SearchIndex()
    index.add_entry_from_context(page)
    return index.entries


def _served(path: str) -> str:
    stem = path.removesuffix(".md")
    return (
        ""
        if stem == "index"
        else stem.removesuffix("index")
        if stem.endswith("/index")
        else f"{stem}/"
    )


def _compare_every_page(root: Path) -> int:
    from builder.html_pages import search_entries
    from builder.pipeline import build_pages

    result = build_pages(root)
    compared = 0
    for page in result.pages:
        if not page.markup:
            continue
        body = page.markdown.split("\n---\n\n", 1)[1]
        title = outline(body).title or ""
        ours = search_entries(body, _served(page.path), title)
        assert ours == _material_entries(body, _served(page.path), title), page.path
        compared += 1
    return compared


def test_search_entries_are_materials_on_every_page_of_the_seed_site() -> None:
    from tests.conftest import FIXTURE_CORPUS

    assert _compare_every_page(FIXTURE_CORPUS) >= 35


def test_search_entries_are_materials_on_every_page_of_a_generated_corpus(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from tests.conftest import PROJECT

    root = tmp_path / "corpus"
    command = [sys.executable, str(PROJECT / "tools" / "corpus.py"), "60", str(root)]
    subprocess.run(command, check=True, capture_output=True)
    assert _compare_every_page(root) >= 100


_TEXT = st.text(st.sampled_from(list("ab &<>\"'\n\t ¶…é")), max_size=8).map(
    lambda t: str(escape(t))
)


def _fragments() -> st.SearchStrategy[str]:
    """Well-formed HTML of the kinds the pages hold: blocks, inline markup, headings with
    and without ids (some nested in a block), tables, SVG text, void and self-closed tags."""
    leaf = st.one_of(
        _TEXT,
        st.sampled_from(["<br>", "<hr>", '<path d="M0,0"/>', "\n", "  "]),
        st.builds(
            lambda level, ident, text: (
                f'<h{level} id="{ident}">{text}<a class="headerlink" href="#{ident}" '
                f'title="Permanent link">&para;</a></h{level}>'
            ),
            st.integers(1, 6), st.sampled_from(["a", "b-c", "x_1"]), _TEXT,
        ),
        st.builds(lambda level, text: f"<h{level}>{text}</h{level}>", st.integers(1, 6), _TEXT),
    )  # fmt: skip
    tags = ["p", "ul", "li", "div", "strong", "em", "code", "pre", "sub", "span", "td", "text"]
    return st.recursive(
        leaf,
        lambda inner: st.builds(
            lambda tag, parts: f"<{tag}>{''.join(parts)}</{tag}>",
            st.sampled_from(tags),
            st.lists(inner, max_size=4),
        ),
        max_leaves=25,
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(_fragments(), max_size=6))
def test_search_entries_are_materials_on_any_page_of_that_shape(parts: list[str]) -> None:
    from builder.html_pages import search_entries

    body = "\n".join(parts)
    ours = search_entries(body, "actors/zembla/", "Zembla")
    if ours is not None:
        assert ours == _material_entries(body, "actors/zembla/", "Zembla")


_SEGMENT = st.sampled_from(["index", "actors", "a", "b-1", "2025", "04"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SEGMENT, min_size=1, max_size=4), st.lists(_SEGMENT, min_size=1, max_size=4))
def test_a_link_between_pages_is_the_relative_path_between_their_folders(
    source: list[str], target: list[str]
) -> None:
    import posixpath

    from builder.render import urls

    def folder(parts: list[str]) -> str:  # where MkDocs serves the page (directory URLs)
        return "/".join(parts[:-1] if parts[-1] == "index" else parts)

    expected = posixpath.relpath(folder(target) or ".", folder(source) or ".")
    link = urls.final("/".join(source) + ".md", "/".join(target) + ".md")
    assert link == ("./" if expected == "." else f"{expected}/")
