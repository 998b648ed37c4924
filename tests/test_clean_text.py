"""Every built page reads cleanly: no doubled punctuation, no empty ellipses, each name once in
"also names", dates once, plurals right (issue: a brief a reader trusts at a glance)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton

DEFECTS = {
    # ".." (not an ellipsis, not EDTF's open end), ".;" (not after an abbreviation like U.S.)
    "doubled punctuation": re.compile(
        r"(?<![.\d/])\.\.(?![.\d/])|(?<![A-Z])\.;|;\s*;|,\s*,|;\s*\."
    ),
    "empty ellipsis": re.compile(r"…\s*…"),
    "plural after 1": re.compile(
        r"\b1 (?:reports|articles|source articles|actor profiles|sourced claims|"
        r"independent origins|claims|events|times|mentions|outlets|days)\b"
    ),
    "date shown twice": re.compile(r"\(inferred\):"),
}
ALSO_NAMES = re.compile(r"\(also names ([^)]*)\)")
HIDDEN = re.compile(r"<(script|style|code|pre)\b.*?</\1>", re.S)


def visible_text(page: Path) -> str:
    # Code is not prose: it stands as a word, so "`a`, `b`" does not read as ", ,".
    return html.unescape(re.sub(r"<[^>]+>", "", HIDDEN.sub(" code ", page.read_text("utf-8"))))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project_skeleton(tmp_path_factory.mktemp("clean") / "p", FIXTURE_CORPUS)
    assert main(["--root", str(root), "--no-cache", "build"]) == 0
    return root / "site"


def test_no_built_page_has_a_text_defect(site: Path) -> None:
    found = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = visible_text(page)
        for name, pattern in DEFECTS.items():
            for match in pattern.finditer(text):
                context = text[max(0, match.start() - 40) : match.end() + 20]
                found.append((page.relative_to(site).as_posix(), name, context))
        for match in ALSO_NAMES.finditer(text):
            names = [n.strip() for n in match.group(1).split(",")]
            if len(names) != len(set(names)):
                found.append((page.relative_to(site).as_posix(), "name twice", match.group(0)))
    assert found == []


def test_the_scan_catches_each_defect() -> None:
    samples = {
        "doubled punctuation": "as Trump announced.. The article",
        "empty ellipsis": "reported … … were planning",
        "plural after 1": "built from 1 source articles",
        "date shown twice": "When: 2025-04-07 (inferred): 2025-04-07 (day)",
    }
    for name, sample in samples.items():
        assert DEFECTS[name].search(sample), name
    assert not DEFECTS["doubled punctuation"].search("the U.S. said... and EDTF 2025-04/..")


def test_with_a_site_url_the_sitemap_and_citations_are_absolute(tmp_path: Path) -> None:
    root = copy_project_skeleton(tmp_path / "p", FIXTURE_CORPUS)
    (root / "pyproject.toml").write_text(
        '[tool.briefs]\nsite_url = "https://briefs.example.org/"\n', encoding="utf-8"
    )
    assert main(["--root", str(root), "--no-cache", "build"]) == 0
    site = root / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    pages = len(list(site.rglob("index.html")))
    assert sitemap.count("<loc>https://briefs.example.org/") >= pages - 1  # all but the 404
    oman = visible_text(site / "actors" / "oman" / "index.html")
    assert "https://briefs.example.org/actors/oman/" in oman
    assert "once site_url is set" not in oman


def test_without_a_site_url_the_citation_says_how_to_make_it_absolute(site: Path) -> None:
    oman = " ".join(visible_text(site / "actors" / "oman" / "index.html").split())
    assert "This is the address within the site: once code is set under code in" in oman
