"""The seed site's Markdown, page for page, against the committed golden copy."""

from __future__ import annotations

from builder.pipeline import build_pages
from tests.conftest import FIXTURE_CORPUS, PROJECT
from tests.golden import golden_pages, rendered_pages


def test_pages_match_golden() -> None:
    rendered, golden = rendered_pages(), golden_pages()
    assert sorted(rendered) == sorted(golden), "page set changed: run `make golden` and review"
    for path, markdown in rendered.items():
        assert markdown == golden[path], f"{path} differs: run `make golden` and review the diff"


def test_fixture_corpus_has_only_the_expected_warnings() -> None:
    # Two judgments honestly rest on one anonymous source; the warning says so.
    assert [d.code for d in build_pages(FIXTURE_CORPUS).diagnostics] == [
        "judgment-anonymous-only"
    ] * 2


def test_fixture_holds_the_seed_verbatim() -> None:
    name = "seeds/000_13b623c90cd3069e.txt"
    assert (FIXTURE_CORPUS / name).read_bytes() == (PROJECT / name).read_bytes()
