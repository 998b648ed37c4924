"""The built seed site in a real browser (Debian's Chromium driven by Playwright), offline."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip

playwright = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    # .ci/run installs it, so in CI its absence is a failure; a bare laptop may skip.
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing: .ci/run should have installed it", pytrace=False)
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project_skeleton(tmp_path_factory.mktemp("browser") / "p", FIXTURE_CORPUS)
    assert main(["--root", str(root), "build"]) == 0
    handler = functools.partial(Quiet, directory=str((root / "site").resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def test_pages_load_nothing_from_other_hosts(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in [
        "",
        "topics/us-iran-nuclear-talks/",
        "actors/iran/",
        "articles/000_13b623c90cd3069e/",
    ]:
        page.goto(base_url + path, wait_until="networkidle")
    assert requested
    assert all(url.startswith(base_url) or url.startswith("data:") for url in requested), [
        url for url in requested if not url.startswith(base_url)
    ]
    page.close()


def test_search_finds_an_actor_by_alias(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")  # Material's search shortcut
    page.locator(".md-search__input").press_sequentially("Tehran", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(link.startswith(base_url + "actors/iran/") for link in links), links
    page.close()


def test_actor_graph_and_relations_are_visible(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(base_url + "actors/iran/", wait_until="networkidle")
    graph = page.locator("svg.brief-graph.brief-wide")  # the narrow drawing is for phones
    assert graph.is_visible()
    assert not page.locator("svg.brief-graph.brief-narrow").is_visible()
    assert graph.locator("title").text_content() == "Relations of Iran"
    graph.locator("a text").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(base_url + "actors/")
    page.close()


def test_claim_anchor_and_paragraph_links_land(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(base_url + "actors/oman/", wait_until="networkidle")
    page.get_by_role("link", name="¶ 9", exact=True).first.click()  # not "Newsrael ¶ 9"
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("articles/000_13b623c90cd3069e/#p9")
    assert "Omani" in page.locator("#p9").inner_text()
    page.close()


def test_print_hides_navigation(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(base_url + "topics/us-iran-nuclear-talks/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert (
        page.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).display") == "none"
    )
    assert page.locator("h1").is_visible()
    page.close()


# Every kind of page: home, topic, actor, article, the three sections, the indexes and their
# bucket pages, the glossary, the hand-written pages and the 404 page.
AXE_PAGES = [
    "", "topics/us-iran-nuclear-talks/", "actors/iran/", "articles/000_13b623c90cd3069e/",
    "topics/", "actors/", "articles/", "index/", "index/actors/state/", "index/articles/2025/04/",
    "index/claims/2025/04/", "index/timeline/2025/", "index/sources/", "index/disputed/",
    "glossary/", "data/", "methodology/", "diagnostics/", "404.html",
]  # fmt: skip
WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}
# Pages with our pictures: checked for overlapping text and text under 12 CSS px.
PICTURE_PAGES = [
    "actors/iran/",
    "actors/oman/",
    "topics/us-iran-nuclear-talks/",
    "topics/iran-arms-iraqi-militias/",
]

# Every text box of every picture the reader can see: overlaps and sizes under 12 CSS px.
LAYOUT_PROBE = """() => {
  const out = {pictures: 0, texts: 0, overlaps: [], small: []};
  for (const svg of document.querySelectorAll("svg.brief-graph, svg.brief-timeline")) {
    const frame = svg.getBoundingClientRect();
    if (frame.width === 0) continue;  // the drawing for the other width
    out.pictures += 1;
    const scale = frame.width / svg.viewBox.baseVal.width;
    const boxes = [...svg.querySelectorAll("text")].map(t => {
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < 12) out.small.push([t.textContent, size]);
      return [t.textContent, t.getBoundingClientRect()];
    });
    out.texts += boxes.length;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, r] = boxes[i], [b, q] = boxes[j];
      if (r.left < q.right - 0.5 && q.left < r.right - 0.5 && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5)
        out.overlaps.push([a, b]);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PICTURE_PAGES)
def test_pictures_have_no_overlapping_or_tiny_text(
    browser, base_url: str, path: str, width: int
) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base_url + path, wait_until="networkidle")
    found = page.evaluate(LAYOUT_PROBE)
    page.close()
    assert found["pictures"] == 1 and found["texts"] > 2, found
    assert found["overlaps"] == [], found["overlaps"]
    assert found["small"] == [], found["small"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_accessibility_violation(
    browser, base_url: str, path: str, width: str, scheme: str
) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    if scheme == "dark" and path not in [*AXE_PAGES[:4], "actors/", "glossary/"]:
        pytest.skip("the dark scheme is checked on the record pages, a section and the glossary")
    w, h = WIDTHS[width]
    page = browser.new_page(viewport={"width": w, "height": h}, color_scheme=scheme)
    page.goto(base_url + path, wait_until="networkidle")
    results = Axe().run(page)
    shots = os.environ.get("BRIEFS_SCREENSHOTS")
    if shots:  # for a person to look at: BRIEFS_SCREENSHOTS=DIR make test
        name = (path.strip("/").replace("/", "_") or "home") + f"-{width}-{scheme}.png"
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(shots) / name), full_page=True)
    page.close()
    found = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]
    assert found == [], found
