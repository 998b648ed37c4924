"""`briefs new` -> edit -> `briefs check`, end to end in a temporary repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import FIXTURE_CORPUS

TEXT = "Fictional wire copy: Zembla’s council met the Daily Courier in Iran on Monday.\nThe council said Iran and Iraq were not invited.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CORPUS, root)
    return root


def test_new_article_edit_check(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "wire.txt"
    source.write_bytes(TEXT.encode("utf-8"))
    args = [
        "--root",
        str(repo),
        "new",
        "article",
        "001_fictional",
        "--from",
        str(source),
        "--outlet",
        "reuters",
        "--published",
        "2030-01-02",
    ]
    assert main(args) == 0
    assert (
        capsys.readouterr().out == "wrote seeds/001_fictional.txt\nwrote seeds/001_fictional.yml\n"
    )
    assert (repo / "seeds" / "001_fictional.txt").read_bytes() == TEXT.encode("utf-8")
    sidecar = repo / "seeds" / "001_fictional.yml"
    text = sidecar.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/article.schema.json\n")
    assert "# mentions: iran (2), iraq (1)\n" in text
    assert main(["--root", str(repo), "check"]) == 1
    assert (
        "seeds/001_fictional.yml:2:8: error: title: expected text, got an empty string [wrong-type]"
        in capsys.readouterr().out
    )
    sidecar.write_text(
        text.replace('title: ""', "title: Zembla council meets (fictional)"), encoding="utf-8"
    )
    assert main(["--root", str(repo), "check"]) == 0


def test_new_actor_and_topic_edit_check(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "new", "actor", "Zembla Front", "--type", "armed-group"]) == 0
    assert main(["--root", str(repo), "new", "topic", "The Zembla question"]) == 0
    assert (
        capsys.readouterr().out
        == "wrote briefs/actors/zembla-front.yml\nwrote briefs/topics/the-zembla-question.yml\n"
    )
    assert main(["--root", str(repo), "check"]) == 1
    topic = repo / "briefs" / "topics" / "the-zembla-question.yml"
    topic.write_text(
        topic.read_text(encoding="utf-8").replace(
            'summary: ""', "summary: A fictional bottom line."
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--root", str(repo), "check"]) == 0


def test_new_never_overwrites(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (repo / "briefs" / "actors" / "iran.yml").read_bytes()
    assert main(["--root", str(repo), "new", "actor", "Iran"]) == 1
    assert (
        capsys.readouterr().err
        == "briefs new: briefs/actors/iran.yml already exists; not overwriting it\n"
    )
    assert (repo / "briefs" / "actors" / "iran.yml").read_bytes() == before
    text = repo.parent / "text.txt"
    text.write_text(TEXT, encoding="utf-8")
    seed = "000_13b623c90cd3069e"
    assert main(["--root", str(repo), "new", "article", seed, "--from", str(text)]) == 1
    assert capsys.readouterr().err == (
        f"briefs new: seeds/{seed}.txt already exists; not overwriting it\n"
    )


def test_new_rejects_bad_ids(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = repo.parent / "text.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert main(["--root", str(repo), "new", "article", "../escape", "--from", str(text)]) == 1
    assert "article id '../escape' is not valid" in capsys.readouterr().err
    assert not (repo / "escape.txt").exists()


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Kata'ib Zembla", "kataib-zembla"),  # fictional; a curly apostrophe too:
        ("Kata’ib Zembla", "kataib-zembla"),
        ("Émile Örnberg", "emile-ornberg"),
        ("Badr al-Velmaraïdi", "badr-al-velmaraidi"),
        ("  Velmar / Zembla Council  ", "velmar-zembla-council"),
    ],
)
def test_ids_from_names_drop_apostrophes_and_diacritics(name: str, expected: str) -> None:
    from builder.scaffold import slug

    assert slug(name) == expected


def test_new_actor_id_from_a_name_with_an_apostrophe(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--root", str(repo), "new", "actor", "Kata'ib Zembla", "--type", "armed-group"]) == 0
    )
    assert capsys.readouterr().out == "wrote briefs/actors/kataib-zembla.yml\n"
