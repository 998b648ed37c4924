"""`briefs suggest`: unknown names, near misses of known aliases, and shared aliases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import ACTOR_MODELINE, ARTICLE_MODELINE, FIXTURE_CORPUS, write_files


def suggest(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--root", str(root), "suggest"]) == 0
    return capsys.readouterr().out


def test_seed_corpus_has_nothing_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    out = suggest(FIXTURE_CORPUS, capsys)
    assert (
        "## Names that match no actor\n\nNone: every name-like phrase is an actor or in briefs/ignore.yml.\n"
        in out
    )
    assert "## Near misses of known names\n\nNone.\n" in out
    assert "## Names shared by two actors\n\nNone.\n" in out


def test_planted_misspelling_unknown_name_and_collision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CORPUS, root)
    write_files(root, {
        "briefs/actors/krasnov.yml": ACTOR_MODELINE + "name: Ambassador Krasnov\ntype: person\naliases: [Krasnov]\n",
        "briefs/actors/krasnov-bank.yml": ACTOR_MODELINE + "name: Krasnov Bank\ntype: organization\naliases: [Krasnov]\n",
        "seeds/002_fictional.txt": "Fictional: Ambassador Krasnow met the Zembla Trade Council in Muscat.\n",
        "seeds/002_fictional.yml": ARTICLE_MODELINE + "title: Fictional meeting\npublished: 2030-01-01\noutlet: reuters\n",
    })  # fmt: skip
    out = suggest(root, capsys)
    assert (
        "- Zembla Trade Council: 1 in 1 article(s); first at seeds/002_fictional.txt:1:39: “Fictional: Ambassador Krasnow met the Zembla Trade Council in Muscat.”"
        in out
    )
    assert (
        "- 'Ambassador Krasnow' at seeds/002_fictional.txt:1:12 looks like 'Ambassador Krasnov' of krasnov (briefs/actors/krasnov.yml:2:7)"
        in out
    )
    assert (
        "- 'Krasnov': krasnov-bank (briefs/actors/krasnov-bank.yml:4:11); krasnov (briefs/actors/krasnov.yml:4:11); pick one per article with resolve:"
        in out
    )


def test_arabic_script_is_tokenised_by_word_and_latin_capitals_include_accents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CORPUS, root)
    write_files(root, {
        # Fictional: a Persian sentence with a zero-width non-joiner inside a name, an Arabic
        # one with harakat, and Latin names with accented capitals and an al- particle.
        "seeds/003_fictional.txt": (
            "دیروز زمبل‌زاده در وین بود\n"
            "قال الزُّمْبُلي في بيان\n"
            "Fictional: Émile Örnberg met al-Zembani in Velmar.\n"
        ),
        "seeds/003_fictional.yml": ARTICLE_MODELINE + "title: Fictional meeting\npublished: 2030-01-01\noutlet: reuters\nlanguage: fa\n",
    })  # fmt: skip
    out = suggest(root, capsys)
    names = [line[2 : line.index(":")] for line in out.splitlines() if line.startswith("- ")]
    assert "دیروز زمبل‌زاده" in names  # one run, the ZWNJ word whole; در (two letters) ends it
    assert "قال الزُّمْبُلي" in names  # harakat do not split a word; في (two letters) ends the run
    assert "بيان" in names
    assert "Émile Örnberg" in names
    assert "al-Zembani" in names
    assert all(len(n.replace(" ", "")) > 2 for n in names)  # no two-letter fragments


def test_suggest_reads_a_fresh_scaffold_and_names_unknown_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CORPUS, root)
    text = tmp_path / "saved.txt"
    text.write_text("Fictional: the Velmar Harbour Board met the Zembla Trade Council.\n")
    assert main(["--root", str(root), "new", "article", "velmar-note", "--from", str(text)]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "suggest", "velmar-note"]) == 0
    out = capsys.readouterr().out
    assert "- Velmar Harbour Board: 1 in 1 article(s); first at seeds/velmar-note.txt:1:16:" in out
    assert "- Zembla Trade Council: 1 in 1 article(s)" in out
    assert main(["--root", str(root), "suggest", "velmar-nte"]) == 1
    assert capsys.readouterr().err == (
        "briefs suggest: no article 'velmar-nte' (did you mean 'velmar-note'?)\n"
    )


def test_suggest_add_writes_an_alias_or_a_new_actor_never_overwriting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CORPUS, root)
    write_files(root, {
        "briefs/actors/zembla.yml": ACTOR_MODELINE + "name: Zembla\ntype: state  # fictional\nsummary: A fictional state.\n",
        "briefs/actors/velmar.yml": ACTOR_MODELINE + "name: Velmar\ntype: state\naliases:\n  - Velmaria  # old spelling\nsummary: Fictional.\n",
    })  # fmt: skip
    base = ["--root", str(root), "suggest"]
    assert main([*base, "--add", "Zemblan Republic", "--to", "zembla"]) == 0
    assert main([*base, "--add", "Velmara", "--to", "velmar"]) == 0
    assert main([*base, "--add", "Cesky Wire", "--to", "oman"]) == 0  # a flow list: [..]
    assert capsys.readouterr().out == (
        "added 'Zemblan Republic' to the aliases of zembla\n"
        "added 'Velmara' to the aliases of velmar\n"
        "added 'Cesky Wire' to the aliases of oman\n"
    )
    actors = root / "briefs" / "actors"
    assert (actors / "zembla.yml").read_text().splitlines()[2:4] == [
        "type: state  # fictional",
        'aliases: ["Zemblan Republic"]',
    ]
    assert '  - Velmaria  # old spelling\n  - "Velmara"\n' in (actors / "velmar.yml").read_text()
    assert 'aliases: [Sultanate of Oman, Muscat, "Cesky Wire"]' in (actors / "oman.yml").read_text()
    assert main([*base, "--add", "Muscat", "--to", "zembla"]) == 1
    assert capsys.readouterr().err == "briefs suggest: 'Muscat' is already a name of actor 'oman'\n"
    assert main([*base, "--add", "Velmar Harbour Board", "--new"]) == 0
    assert capsys.readouterr().out == "wrote briefs/actors/velmar-harbour-board.yml\n"
    assert main(["--root", str(root), "check"]) == 1  # the edited files are valid YAML:
    errors = [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]
    assert errors == [  # the only error is the new actor's type, for the contributor to choose
        "briefs/actors/velmar-harbour-board.yml:3:7: error: type: '' is not one of: state, "
        "person, armed-group, military-unit, government-body, organization, media-outlet, "
        "coalition [invalid-value]"
    ]
