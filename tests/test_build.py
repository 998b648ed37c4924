"""The real strict MkDocs build: pages for every record, offline, deterministic, and atomic."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import PROJECT, copy_project_skeleton

MINIMAL = Path(__file__).parent / "cases" / "valid" / "minimal"


def build(root: Path) -> int:
    return main(["--root", str(root), "build"])


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own content, built once with the strict build."""
    root = copy_project_skeleton(tmp_path_factory.mktemp("project") / "p", PROJECT)
    assert build(root) == 0
    return root


def test_every_record_has_a_page(built_project: Path) -> None:
    site = built_project / "site"
    for kind, folder in [
        ("articles", "seeds"),
        ("actors", "briefs/actors"),
        ("topics", "briefs/topics"),
    ]:
        ids = [p.stem for p in (PROJECT / folder).glob("*.yml")]
        assert ids, folder
        for record_id in ids:
            assert (site / kind / record_id / "index.html").is_file(), f"{kind}/{record_id}"
    for section in ["", "topics/", "actors/", "articles/"]:
        assert (site / section / "index.html").is_file()


EXTERNAL_LOAD = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//"""
    r"""|url\(["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_nothing_is_loaded_from_another_host(built_project: Path) -> None:
    site = built_project / "site"
    checked = 0
    for path in site.rglob("*"):
        if path.suffix in {".html", ".css", ".js"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".js":
                # Scripts may mention URLs in strings; what matters is that no page loads them.
                continue
            assert not EXTERNAL_LOAD.search(text), path.relative_to(site)
            checked += 1
    assert checked > 10


def test_search_index_is_built_locally(built_project: Path) -> None:
    assert (built_project / "site" / "search" / "search_index.json").is_file()


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = copy_project_skeleton(tmp_path / "a", MINIMAL)
    second = copy_project_skeleton(tmp_path / "b", MINIMAL)
    assert build(first) == 0 and build(second) == 0
    digests = tree_digest(first / "site")
    assert digests == tree_digest(second / "site")
    assert "sitemap.xml.gz" in digests
    # SOURCE_DATE_EPOCH comes from the newest content date (the topic's `updated`), not the clock.
    stamp = int.from_bytes((first / "site" / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert stamp == calendar.timegm(dt.date(2030, 1, 16).timetuple())
    assert build(first) == 0
    assert tree_digest(first / "site") == digests


def test_failing_build_keeps_the_previous_site(tmp_path: Path) -> None:
    root = copy_project_skeleton(tmp_path / "p", MINIMAL)
    assert build(root) == 0
    before = tree_digest(root / "site")
    target = (root / "site").resolve()
    topic = root / "briefs" / "topics" / "canal.yml"
    topic.write_text(topic.read_text().replace("actors: [zembla]", "actors: [zemlba]"))
    assert build(root) == 1
    assert (root / "site").resolve() == target
    assert tree_digest(root / "site") == before


def test_mkdocs_failure_keeps_the_previous_site(tmp_path: Path) -> None:
    root = copy_project_skeleton(tmp_path / "p", MINIMAL)
    assert build(root) == 0
    before = tree_digest(root / "site")
    # A hand-written page with a broken link fails the strict build after the content passed.
    (root / "docs" / "diagnostics.md").write_text("# D\n\n[broken](nowhere.md)\n")
    assert build(root) == 1
    assert tree_digest(root / "site") == before
    assert [p.name for p in (root / ".site-builds").iterdir()] == [(root / "site").resolve().name]


def test_plain_mkdocs_build_fails_before_touching_the_site(tmp_path: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    root = copy_project_skeleton(tmp_path / "p", MINIMAL)
    shutil.rmtree(root / "briefs" / "actors")
    (root / "site").mkdir()
    (root / "site" / "keep.html").write_text("previous")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    with pytest.raises(Abort):
        mkdocs_build(config)
    assert (root / "site" / "keep.html").read_text() == "previous"


def test_build_runs_the_pipeline_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs loads the hook file as a module apart from `builder.mkdocs_hook`; the result
    computed before MkDocs starts must still reach it, or every build does the work twice."""
    import builder.pipeline

    calls: list[Path] = []
    real = builder.pipeline._check

    def counted(root: Path) -> builder.pipeline.CheckResult:
        calls.append(root)
        return real(root)

    monkeypatch.setattr(builder.pipeline, "_check", counted)
    root = copy_project_skeleton(tmp_path / "p", MINIMAL)
    assert build(root) == 0
    assert calls == [root]
    assert not builder.pipeline.PREPARED


def test_a_generated_corpus_builds_strictly(tmp_path: Path) -> None:
    """The benchmark's fictional corpus (many articles, topics citing several sources, Arabic
    texts, same_as clusters) passes the strict build: every anchor a page links to exists."""
    import subprocess
    import sys

    root = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(PROJECT / "tools" / "corpus.py"), "120", str(root)],
        check=True,
        capture_output=True,
    )
    assert build(root) == 0
    topic = (root / "site" / "topics" / "topic-0000" / "index.html").read_text(encoding="utf-8")
    cited = set(re.findall(r'href="#(source-\d+)"', topic))
    assert len(cited) > 1
    assert cited <= set(re.findall(r'id="(source-\d+)"', topic))


def test_search_indexes_record_pages_not_list_pages(built_project: Path) -> None:
    import json

    index = json.loads((built_project / "site" / "search" / "search_index.json").read_text())
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"articles/000_13b623c90cd3069e/", "actors/iran/", "index/"} <= pages
    listed = built_project / "site" / "index" / "claims" / "2025" / "04" / "index.html"
    assert listed.is_file()  # built and linked, only not searched
    assert not [page for page in pages if page.startswith("index/") and page != "index/"]
