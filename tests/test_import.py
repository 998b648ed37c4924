"""`briefs new article --from`: saved web pages and text files become articles, or nothing does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import ACTOR_MODELINE, FIXTURE_CORPUS, write_files

PAGES = Path(__file__).parent / "fixtures" / "pages"  # fictional pages, as a browser saves them


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CORPUS, root)
    return root


def new(repo: Path, *args: str) -> int:
    return main(["--root", str(repo), "--no-cache", "new", "article", *args])


def test_a_saved_english_page_becomes_text_and_a_filled_sidecar(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(repo, {"briefs/actors/velmar-ledger.yml": ACTOR_MODELINE
                       + "name: The Velmar Ledger\ntype: media-outlet\n"})  # fmt: skip
    assert new(repo, "canal", "--from", str(PAGES / "velmar-en.html")) == 0
    assert capsys.readouterr().out == "wrote seeds/canal.txt\nwrote seeds/canal.yml\n"
    text = (repo / "seeds" / "canal.txt").read_text(encoding="utf-8")
    assert text.splitlines() == [
        "The fictional council of Velmar voted on Tuesday to back the canal that the Republic of "
        "Zembla wants to dig along its northern border, ending months of argument between the "
        "two neighbours.",
        "Council members said the vote would let engineers from both sides begin surveying the "
        "route next week, and that a joint commission will meet again in early May.",
        "Officials in Zembla welcomed the decision and said the first stretch of the canal could "
        "open within three years.",
    ]  # no navigation, headline, byline, caption, "read more" list or footer
    sidecar = (repo / "seeds" / "canal.yml").read_text(encoding="utf-8")
    for line in [
        'title: "Velmar council backs the Zembla canal"',
        "published: 2025-04-09",
        "outlet: velmar-ledger",
        'url: "https://ledger.velmar.example/2025/04/09/canal"',
        'byline: "Ada Fictional"',
        "language: en",
        "inferred: [title, published, byline, url, language, outlet]",
    ]:
        assert f"\n{line}" in sidecar, line
    assert main(["--root", str(repo), "--no-cache", "check"]) == 0
    capsys.readouterr()
    assert main(["--root", str(repo), "--no-cache", "suggest", "canal"]) == 0
    assert "- Velmar:" in capsys.readouterr().out  # names to add, on a fresh import


def test_a_saved_arabic_page_and_a_folder_import_each_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert new(repo, "--from", str(PAGES)) == 0
    assert capsys.readouterr().out == (
        "wrote seeds/velmar-ar.txt\nwrote seeds/velmar-ar.yml\n"
        "wrote seeds/velmar-en.txt\nwrote seeds/velmar-en.yml\n"
    )
    text = (repo / "seeds" / "velmar-ar.txt").read_text(encoding="utf-8")
    assert text.startswith("صوّت مجلس فيلمار الخيالي يوم الثلاثاء")
    assert "اقرأ أيضا" not in text and "الرئيسية" not in text and "أرشيف" not in text
    sidecar = (repo / "seeds" / "velmar-ar.yml").read_text(encoding="utf-8")
    assert '\ntitle: "مجلس فيلمار يؤيد قناة زمبلا"' in sidecar
    assert "\npublished: 2025-04-10" in sidecar and "\nlanguage: ar" in sidecar
    assert '\n# site: "صحيفة فيلمار"' in sidecar  # no outlet actor has this name yet


def test_plain_text_is_kept_verbatim_and_its_language_guessed(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "yaddasht.txt"
    text = "شورای خیالی ولمار روز سه‌شنبه به ساخت کانال زمبلا رأی داد.\n"
    source.write_bytes(("\ufeff" + text).encode("utf-8"))
    assert new(repo, "--from", str(source)) == 0
    assert (repo / "seeds" / "yaddasht.txt").read_bytes() == ("\ufeff" + text).encode("utf-8")
    sidecar = (repo / "seeds" / "yaddasht.yml").read_text(encoding="utf-8")
    assert "\nlanguage: fa" in sidecar and "\ninferred: [language]" in sidecar


def test_a_bad_source_writes_nothing_and_says_why(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    missing = tmp_path / "missing.html"
    before = sorted(p.name for p in (repo / "seeds").iterdir())
    assert new(repo, "--from", str(PAGES / "velmar-en.html"), str(empty), str(missing)) == 1
    assert capsys.readouterr().err == (
        f"briefs new: {empty}: holds no article text; {missing}: no such file\n"
    )
    assert sorted(p.name for p in (repo / "seeds").iterdir()) == before  # nothing half-written
    assert new(repo, "one-id", "--from", str(PAGES)) == 1
    assert "give no ID when importing several files" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # --url alone: the text is required
        from builder.cli import make_parser

        make_parser().parse_args(["new", "article", "x", "--url", "https://example.org/a"])
