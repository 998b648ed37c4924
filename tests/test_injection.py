"""Hostile content builds into a site where every payload is literal text (SPEC §7).

A fictional corpus carries the payloads in every field a contributor writes; the strict build
must succeed, and a scan of every built page must find no injected element, attribute, link or
file content, while the payloads' words are still there to read.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import (
    ACTOR_MODELINE,
    ARTICLE_MODELINE,
    PROJECT,
    TOPIC_MODELINE,
    copy_project_skeleton,
    write_files,
)

PAYLOADS = {
    "script": '<script>alert("inj-script")</script>',
    "img": '<img src=x onerror=alert("inj-img")>',
    "js": 'javascript:alert("inj-js")',
    "data": "data:text/html,inj-data",
    "mdlink": "[inj-mdlink](javascript:alert(1))",
    "mdimg": "![inj-mdimg](http://evil.invalid/x.png)",
    "comment": "<!-- inj-comment -->",
    "jinja": "{{ 7*191 }} {% if true %}inj-jinja{% endif %}",
    "attr": '{: onclick="alert(1)" #inj-attr }',
    "snippet": '--8<-- "/etc/passwd"',
    "pymdown": "==inj-mark== ~~inj-tilde~~ :smile: !!! danger inj-admonition",
}
ALL = " ".join(PAYLOADS.values())


def q(text: str) -> str:
    """A YAML double-quoted string."""
    return json.dumps(text, ensure_ascii=False)


def hostile_corpus(root: Path) -> None:
    lines = [f"Fictional hostile line {name}: {payload}" for name, payload in PAYLOADS.items()]
    text = "\n".join(["Fictional hostile article about Zembla " + ALL, *lines, ALL]) + "\n"
    claims = "".join(
        f"  - id: c-{name}\n    text: {q('Claim ' + payload)}\n    quote: {q(f'Fictional hostile line {name}: {payload}')}\n"
        f"    attributed_to: {q(payload)}\n    credibility: 3\n    actors: [zembla]\n    note: {q(payload)}\n"
        for name, payload in PAYLOADS.items()
    )
    sidecar = (
        ARTICLE_MODELINE
        + f"title: {q('Title ' + ALL)}\npublished: 2030-01-01\noutlet: courier\nbyline: {q(ALL)}\n"
        + "rights: full\n"
        + f"note: {q(ALL)}\nresolve: {{{q(PAYLOADS['script'])}: zembla}}\nclaims:\n{claims}"
        + f"events:\n  - {{id: e1, when: {q(PAYLOADS['jinja'])}, what: {q(ALL)}, actors: [zembla]}}\n"
    )
    actor = (
        ACTOR_MODELINE
        + f"name: {q('Zembla ' + PAYLOADS['attr'])}\ntype: state\naliases: [Zembla, {q(PAYLOADS['img'])}]\n"
        + f"summary: {q('**Bold** [fine](https://example.org/ok) ' + ALL)}\n"
        + f"relations:\n  - {{type: rival-of, target: courier, note: {q(ALL)}}}\n"
    )
    courier = (
        ACTOR_MODELINE
        + f"name: {q('Courier ' + PAYLOADS['comment'])}\ntype: media-outlet\nsummary: {q(ALL)}\n"
    )
    topic = (
        TOPIC_MODELINE
        + f"title: {q('Topic ' + ALL)}\nupdated: 2030-01-02\nsummary: {q(ALL)}\n"
        + "key_judgments:\n"
        + f'  - {{id: k1, text: {q(ALL)}, likelihood: likely, confidence: low, claims: ["h1#c-script"], note: {q(ALL)}}}\n'
        + f"deadlines:\n  - {{id: d1, what: {q(ALL)}, due: 2030-02-01}}\n"
        + f"actors: [zembla]\nwatch: [{q(ALL)}]\n"
    )
    write_files(root, {
        "seeds/h1.txt": text, "seeds/h1.yml": sidecar,
        "briefs/actors/zembla.yml": actor, "briefs/actors/courier.yml": courier,
        "briefs/topics/t1.yml": topic,
    })  # fmt: skip


class Scan(HTMLParser):
    """Collects every element and attribute, and the visible text, of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.script_text if self._in_script else self.text).append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    content = base / "content"
    hostile_corpus(content)
    root = copy_project_skeleton(base / "site-root", content)
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def pages(site: Path) -> list[tuple[str, Scan]]:
    scans = []
    for path in sorted(site.rglob("*.html")):
        scan = Scan()
        scan.feed(path.read_text(encoding="utf-8"))
        scans.append((path.relative_to(site).as_posix(), scan))
    return scans


def test_no_element_or_attribute_is_injected(built: Path) -> None:
    for page, scan in pages(built):
        for tag, attrs in scan.tags:
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            assert attrs.get("id") != "inj-attr", page
            for name in ("href", "src"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "file:")), (page, tag, attrs)
            if tag == "img":
                assert "evil.invalid" not in (attrs.get("src") or ""), page
            assert not (tag == "div" and "admonition" in (attrs.get("class") or "")
                        and "danger" in (attrs.get("class") or "")), page  # fmt: skip
        assert not any("inj-" in text for text in scan.script_text), page
        assert not any("inj-comment" in comment for comment in scan.comments), page


def test_payloads_are_shown_as_literal_text(built: Path) -> None:
    article = dict(pages(built))["articles/h1/index.html"]
    visible = " ".join(" ".join(article.text).split())
    for payload in PAYLOADS.values():
        assert " ".join(payload.split()) in visible, payload
    assert "1337" not in visible  # {{ 7*191 }} was not evaluated


def test_no_file_is_read_and_no_template_runs(built: Path) -> None:
    for page, scan in pages(built):
        text = " ".join(scan.text)
        assert "root:x:0:0" not in text, page
        assert not re.search(r"(?<!\*)\b1337\b", text), page


def test_summary_markdown_is_kept_but_only_http_links_survive(built: Path) -> None:
    zembla = dict(pages(built))["actors/zembla/index.html"]
    links = [attrs.get("href") for tag, attrs in zembla.tags if tag == "a"]
    assert "https://example.org/ok" in links
    assert ("strong", {}) in zembla.tags
    assert "inj-mdlink" in " ".join(zembla.text)


def test_builder_never_writes_into_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    hostile_corpus(content)
    root = copy_project_skeleton(tmp_path / "root", content)
    before = {p: p.read_bytes() for p in (root / "seeds").rglob("*")} | {
        p: p.read_bytes() for p in (root / "briefs").rglob("*") if p.is_file()
    }
    assert main(["--root", str(root), "build"]) == 0
    after = {p: p.read_bytes() for p in (root / "seeds").rglob("*")} | {
        p: p.read_bytes() for p in (root / "briefs").rglob("*") if p.is_file()
    }
    assert before == after
    assert PROJECT.exists()
