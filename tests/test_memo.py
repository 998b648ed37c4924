"""Reusing per-file work: warm runs give exactly what cold runs give, and edits are never missed."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from builder import memo
from builder.cli import main
from builder.diagnostics import Diagnostic
from builder.pipeline import CheckResult, build_pages, check
from tests.conftest import FIXTURE_CORPUS, SEED_ID, copy_project_skeleton


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    memo.clear()
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, root)
    return root


def rendered(root: Path, cache: Path | None = None) -> tuple[list[str], dict[str, str]]:
    result = build_pages(root, cache)
    return [d.render() for d in result.diagnostics], {p.path: p.markdown for p in result.pages}


def computed() -> dict[str, int]:
    return {name: m.computed for name, m in memo._REGISTRY.items()}


def test_a_second_run_reuses_every_file_and_renders_the_same_site(corpus: Path) -> None:
    cold = rendered(corpus)
    assert computed()["articles"] == 1
    warm = rendered(corpus)
    assert set(computed().values()) == {0}
    assert warm == cold


def test_a_cache_file_serves_a_new_process_the_same_results(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = rendered(corpus, cache)
    assert (cache / memo.CACHE_FILE).is_file()
    memo.clear()  # as if a new process
    warm = rendered(corpus, cache)
    assert set(computed().values()) == {0}
    assert warm == cold


def test_an_edit_is_seen_and_only_its_file_is_redone(corpus: Path) -> None:
    check(corpus)
    sidecar = corpus / "seeds" / f"{SEED_ID}.yml"
    text = sidecar.read_text(encoding="utf-8")
    quote = "quote: missiles to its proxy groups in Iraq\n"
    assert quote in text
    sidecar.write_text(
        text.replace(quote, "quote: missiles to its proxy groups in Iraqx\n"), "utf-8"
    )
    result = check(corpus)
    assert computed()["articles"] == 1
    assert computed()["records"] == 0  # actors and topics untouched
    assert any(d.code == "quote-not-found" for d in result.diagnostics)
    sidecar.write_text(text, encoding="utf-8")
    assert not any(d.code == "quote-not-found" for d in check(corpus).diagnostics)


def test_changing_an_actors_names_redoes_the_mentions(corpus: Path) -> None:
    def omani(result: CheckResult) -> list[str]:
        assert result.analysis is not None
        return [m.text for m in result.analysis.model.mentions_in(SEED_ID) if m.actor == "oman"]

    assert omani(check(corpus)) == ["Omani"]
    actor = corpus / "briefs" / "actors" / "oman.yml"
    text = actor.read_text(encoding="utf-8")
    actor.write_text(text.replace("demonyms: [Omani]\n", ""), encoding="utf-8")
    assert omani(check(corpus)) == []
    assert computed()["mentions"] == 1


def test_a_run_with_a_broken_actor_still_links_and_the_next_run_agrees(corpus: Path) -> None:
    first = [d.render() for d in check(corpus).diagnostics]
    actor = corpus / "briefs" / "actors" / "oman.yml"
    text = actor.read_text(encoding="utf-8")
    actor.write_text(text + "unknown_field: 1\n", encoding="utf-8")
    broken = check(corpus)
    assert broken.analysis is None
    # Later stages ran on what was valid: the seed's own warnings are still reported.
    assert set(first) <= {d.render() for d in broken.diagnostics}
    actor.write_text(text, encoding="utf-8")
    assert [d.render() for d in check(corpus).diagnostics] == first
    assert computed()["mentions"] == 1  # the actors' names changed back: the article is redone


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps(b"another builder version") + pickle.dumps({})],
    ids=["empty", "garbage", "other-version"],
)
def test_an_unusable_cache_file_is_ignored_and_replaced(
    corpus: Path, tmp_path: Path, content: bytes
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / memo.CACHE_FILE).write_bytes(content)
    cold = [d.render() for d in check(corpus, cache).diagnostics]
    assert computed()["articles"] == 0  # counted, then reset by the save
    memo.clear()
    assert [d.render() for d in check(corpus, cache).diagnostics] == cold
    assert set(computed().values()) == {0}


def test_the_cli_keeps_its_cache_outside_the_repository_unless_told_not_to(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(memo.NO_CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    assert main(["--root", str(corpus), "--no-cache", "check"]) == 0
    assert not (tmp_path / "user-cache").exists()
    assert main(["--root", str(corpus), "check"]) == 0
    folder = memo.cache_dir(corpus)
    assert folder is not None and folder.parent == (tmp_path / "user-cache" / "briefs").resolve()
    assert (folder / memo.CACHE_FILE).is_file()
    assert not (corpus / ".briefs-cache").exists()
    other = tmp_path / "other"
    other.mkdir()
    assert memo.cache_dir(other) not in (None, folder)  # one folder per repository
    monkeypatch.setenv(memo.NO_CACHE_VARIABLE, "1")
    assert memo.cache_dir(corpus) is None


def test_a_cache_folder_inside_the_repository_is_never_used(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(memo.NO_CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(corpus / "cache"))
    assert memo.cache_dir(corpus) is None


class Planted:
    """A pickle that, when loaded, creates a file: proof that loading ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def test_a_cache_file_planted_in_the_repository_never_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = copy_project_skeleton(tmp_path / "project", FIXTURE_CORPUS)
    monkeypatch.delenv(memo.NO_CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    marker = tmp_path / "ran.txt"
    payload = pickle.dumps(Planted(marker))
    pickle.loads(payload)  # the payload does run when unpickled: the test can fail
    assert marker.is_dir()
    marker.rmdir()
    for folder in (".briefs-cache", "cache", ".cache"):
        (corpus / folder).mkdir(exist_ok=True)
        (corpus / folder / memo.CACHE_FILE).write_bytes(payload)
    memo.clear()
    assert main(["--root", str(corpus), "check"]) == 0
    assert main(["--root", str(corpus), "build"]) == 0
    assert not marker.exists()


def test_a_warm_run_composes_only_files_it_must_point_into(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trees are not kept between runs: a file is parsed again only to locate a diagnostic."""
    import builder.load.yamlfile as yamlfile

    cache = tmp_path / "cache"
    check(corpus, cache)
    memo.clear()
    composed: list[str] = []
    real = yamlfile.compose

    def counting(path: str, text: str) -> tuple[yamlfile.Node | None, list[Diagnostic]]:
        composed.append(path)
        return real(path, text)

    monkeypatch.setattr(yamlfile, "compose", counting)
    result = check(corpus, cache)
    assert result.analysis is not None
    files = len(list(corpus.rglob("*.yml")))
    assert 0 < len(composed) < files
    assert set(composed) <= {d.path for d in result.diagnostics}


def test_the_cache_file_is_rewritten_only_when_enough_is_new(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    check(corpus, cache)
    written = (cache / memo.CACHE_FILE).stat().st_mtime_ns
    sidecar = corpus / "seeds" / f"{SEED_ID}.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    edited = [d.render() for d in check(corpus, cache).diagnostics]
    assert (cache / memo.CACHE_FILE).stat().st_mtime_ns == written  # one article: not worth it
    memo.clear()  # a new process redoes that article from the old file, with the same result
    assert [d.render() for d in check(corpus, cache).diagnostics] == edited
    assert computed()["articles"] == 1
    monkeypatch.setattr(memo, "SAVE_AFTER", 1)
    memo.clear()
    check(corpus, cache)
    assert (cache / memo.CACHE_FILE).stat().st_mtime_ns != written
    memo.clear()
    check(corpus, cache)
    assert set(computed().values()) == {0}
