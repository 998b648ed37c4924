"""The Atom feed against RFC 4287's rules, checked with lxml on the built seed site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project_skeleton(tmp_path_factory.mktemp("feed") / "p", FIXTURE_CORPUS)
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_feed_follows_rfc_4287(site: Path) -> None:
    feed = etree.parse(str(site / "feed.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ["id", "title", "updated"]:
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert (
        feed.find(f"{ATOM}author/{ATOM}name") is not None
    )  # so entries need no author of their own
    assert RFC3339.match(feed.findtext(f"{ATOM}updated") or "")
    entries = feed.findall(f"{ATOM}entry")
    assert 1 <= len(entries) <= 50
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for name in ["id", "title", "updated"]:
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert RFC3339.match(entry.findtext(f"{ATOM}updated") or "")
        links = entry.findall(f"{ATOM}link[@rel='alternate']")
        assert len(links) == 1
        target = site / (links[0].get("href") or "") / "index.html"
        assert target.is_file(), target
    assert [e.findtext(f"{ATOM}updated") for e in entries] == sorted(
        (e.findtext(f"{ATOM}updated") for e in entries), reverse=True
    )


def test_feed_ids_are_stable_and_dates_come_from_content(site: Path) -> None:
    feed = etree.parse(str(site / "feed.xml")).getroot()
    ids = {
        e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated") for e in feed.findall(f"{ATOM}entry")
    }
    assert ids["urn:briefs:article:000_13b623c90cd3069e"] == "2025-04-08T00:00:00Z"
    assert ids["urn:briefs:topic:us-iran-nuclear-talks:2025-04-10"] == "2025-04-10T00:00:00Z"
    assert feed.findtext(f"{ATOM}updated") == "2025-04-10T00:00:00Z"


def test_every_page_links_the_feed(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'type="application/atom+xml"' in html, page
