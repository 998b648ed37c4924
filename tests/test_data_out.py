"""Data out: CSV files that join, a STIX 2.1 bundle the OASIS validator accepts, and an API
index that lists every record with a working page address (issue "Data out")."""

from __future__ import annotations

import csv
import json
import uuid
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.cli import main
from builder.export.stix import NAMESPACE, stix_id
from builder.export.tables import COLUMNS, FORMULA_START, _cell
from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton

ARTICLE = "000_13b623c90cd3069e"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project_skeleton(tmp_path_factory.mktemp("data") / "p", FIXTURE_CORPUS)
    assert main(["--root", str(root), "build"]) == 0
    assert (
        main(["--root", str(root), "export", "--format", "csv", "--out", str(root / "out/csv")])
        == 0
    )
    assert (
        main(
            [
                "--root",
                str(root),
                "export",
                "--format",
                "stix",
                "--out",
                str(root / "out/stix.json"),
            ]
        )
        == 0
    )
    return root


def read(folder: Path, kind: str) -> list[dict[str, str]]:
    with (folder / f"{kind}.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == COLUMNS[kind]
        return list(reader)


def listed(cell: str) -> list[str]:
    return [part for part in cell.split("; ") if part]


def test_every_csv_file_loads_and_claims_join_articles_and_actors(project: Path) -> None:
    folder = project / "out/csv"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{k}.csv" for k in COLUMNS)
    tables = {kind: read(folder, kind) for kind in COLUMNS}
    articles = {row["id"]: row for row in tables["articles"]}
    actors = {row["id"]: row for row in tables["actors"]}
    claims = {row["key"]: row for row in tables["claims"]}
    assert len(articles) == 1 and len(actors) == 15 and len(claims) == 14
    for claim in tables["claims"]:
        assert claim["article"] in articles
        assert claim["source"] in actors
        assert all(actor in actors for actor in listed(claim["actors"]))
        assert all(origin in actors for origin in listed(claim["origins"]))
    # The join a spreadsheet user makes: each claim with its article's outlet and its actors' names.
    shipped = claims[f"{ARTICLE}#missiles-shipped"]
    assert actors[articles[shipped["article"]]["outlet"]]["name"] == "Newsrael"
    assert [actors[a]["name"] for a in listed(shipped["actors"])] == [
        "Iran",
        "Iranian-backed militias in Iraq",
    ]
    assert (
        shipped["credibility"] == "3"
        and shipped["anonymous"] == "true"
        and shipped["paragraph"] == "2"
    )
    for row in tables["mentions"]:
        assert row["article"] in articles and row["actor"] in actors
    for row in tables["relations"]:
        assert row["subject"] in actors and row["object"] in actors
    for row in tables["aliases"]:
        assert row["actor"] in actors
    topics = {row["id"] for row in tables["topics"]}
    for row in tables["key_judgments"] + tables["deadlines"]:
        assert row["topic"] in topics
        assert all(key in claims for key in listed(row["claims"]))
    attack = next(
        r for r in tables["relations"] if r["type"] == "attacks" and r["since"] == "2024-04"
    )
    assert (attack["subject"], attack["object"], attack["until"], attack["words"]) == (
        "iran",
        "israel",
        "2024-04",
        "attacks",
    )
    assert {"name": "Tehran", "kind": "alias", "actor": "iran"} in tables["aliases"]
    assert {row["kind"] for row in tables["aliases"]} == {"name", "alias", "demonym"}
    assert (
        articles[ARTICLE]["page"] == f"articles/{ARTICLE}/"
        and articles[ARTICLE]["published"] == "2025-04-08"
    )


def test_csv_files_hold_no_article_text(project: Path) -> None:
    """Under `rights: excerpts` no paragraph of the article is in any file (quotes are short);
    the dek is the article's metadata and shown as such on its page, as here."""
    text = (project / "seeds" / f"{ARTICLE}.txt").read_text("utf-8")
    paragraphs = [p.strip() for p in text.splitlines()[1:] if len(p.split()) >= 12]
    assert len(paragraphs) > 5
    everything = "".join(p.read_text("utf-8") for p in (project / "out/csv").iterdir())
    assert not [p for p in paragraphs if p in everything]
    assert "text" not in COLUMNS["articles"]


def test_the_site_serves_the_same_csv_files(project: Path) -> None:
    for kind in COLUMNS:
        served = (project / "site/api/csv" / f"{kind}.csv").read_bytes()
        assert served == (project / "out/csv" / f"{kind}.csv").read_bytes(), kind


def test_a_cell_never_starts_a_formula() -> None:
    assert _cell('=HYPERLINK("http://x.example")') == '\'=HYPERLINK("http://x.example")'
    assert _cell("-2+3") == "'-2+3" and _cell("@SUM(A1)") == "'@SUM(A1)" and _cell("+1") == "'+1"
    assert (
        _cell("Zembla") == "Zembla"
        and _cell(3) == 3
        and _cell(None) == ""
        and _cell(True) == "true"
    )
    assert _cell(["=a", "b"]) == "'=a; b"


@given(st.text())
def test_no_text_cell_starts_with_a_formula_character(text: str) -> None:
    cell = _cell(text)
    assert isinstance(cell, str) and not cell.startswith(FORMULA_START)
    assert cell.removeprefix("'") == text or cell == text


def test_the_stix_bundle_passes_the_oasis_validator(project: Path) -> None:
    from stix2validator import ValidationOptions, validate_string

    text = (project / "out/stix.json").read_text("utf-8")
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert [str(e) for e in result.errors] == [] and result.is_valid
    # Warnings stay: ids are UUIDv5 (the validator prefers v4) and our relation types are not
    # among STIX's suggested ones; neither is an error.


def test_stix_objects_carry_our_ids_grades_times_and_rights(project: Path) -> None:
    bundle = json.loads((project / "out/stix.json").read_text("utf-8"))
    objects = {o["id"]: o for o in bundle["objects"]}
    # Deterministic ids: UUIDv5 of our own id in the project's namespace.
    iran = objects[stix_id("identity", "actor", "iran")]
    assert (
        iran["id"]
        == f"identity--{uuid.uuid5(NAMESPACE, json.dumps(['identity', 'actor', 'iran']))}"
    )
    assert iran["name"] == "Iran" and iran["sectors"] == ["government-national"]
    assert "Also called: Tehran; Islamic Republic of Iran." in iran["description"]
    militias = objects[stix_id("threat-actor", "actor", "iraqi-militias")]
    assert militias["type"] == "threat-actor"
    report = objects[stix_id("report", ARTICLE)]
    assert report["published"] == "2025-04-08T00:00:00Z" and report["lang"] == "en"
    assert stix_id("identity", "actor", "oman") in report["object_refs"]
    excerpts = objects[report["object_marking_refs"][0]]
    assert excerpts["name"] == "rights: excerpts" and "30%" in excerpts["definition"]["statement"]
    note = objects[stix_id("note", f"{ARTICLE}#missiles-shipped")]
    assert report["id"] in note["object_refs"] and militias["id"] in note["object_refs"]
    assert note["labels"][:3] == ["admiralty:B3", "credibility:3", "reliability:B"]  # The Times
    assert note["confidence"] == 50 and "Admiralty grade B3" in note["content"]
    attack = next(
        o for o in bundle["objects"]
        if o["type"] == "relationship" and o["relationship_type"] == "attacks" and o["start_time"].startswith("2024-04")
    )  # fmt: skip
    assert (attack["start_time"], attack["stop_time"]) == (
        "2024-04-01T00:00:00Z",
        "2024-05-01T00:00:00Z",
    )
    # `created` never moves; `modified` is the newest content date, so a new export supersedes.
    assert (iran["created"], iran["modified"]) == (
        "2024-01-01T00:00:00.000Z",
        "2025-04-10T00:00:00.000Z",
    )
    assert (note["created"], note["modified"]) == (
        "2025-04-08T00:00:00.000Z",
        "2025-04-10T00:00:00.000Z",
    )
    assert "modified" not in excerpts and excerpts["created"] == "2024-01-01T00:00:00.000Z"
    # The same content gives the same bundle, byte for byte.
    again = project / "out/again.json"
    assert main(["--root", str(project), "export", "--format", "stix", "--out", str(again)]) == 0
    assert again.read_bytes() == (project / "out/stix.json").read_bytes()


def test_the_api_index_lists_every_record_with_a_working_page(project: Path) -> None:
    site = project / "site"
    index = json.loads((site / "api/index.json").read_text("utf-8"))
    assert index["schema"] == "briefs/1/index" and index["feed"] == "feed.xml"
    kinds = [r["kind"] for r in index["records"]]
    assert (kinds.count("article"), kinds.count("actor"), kinds.count("topic")) == (1, 15, 2)
    for record in index["records"]:
        assert (site / record["page"] / "index.html").is_file(), record
        data = json.loads((site / record["json"]).read_text("utf-8"))
        assert data["schema"] == f"briefs/1/{record['kind']}" and data["id"] == record["id"]
        assert record["title"], record
        # The last content date; an actor that no article names has none.
        assert record["updated"] or record["kind"] == "actor", record
    iran = next(r for r in index["records"] if r["id"] == "iran")
    assert iran == {
        "kind": "actor", "id": "iran", "title": "Iran", "page": "actors/iran/",
        "json": "api/actors/iran.json", "updated": "2025-04-08",
    }  # fmt: skip
    for kind, path in index["csv"].items():
        assert (site / path).is_file() and kind in COLUMNS
    data_page = (site / "data/index.html").read_text("utf-8")
    for target in ["../api/index.json", "../api/csv/claims.csv", "../feed.xml", "../licence/"]:
        assert f'href="{target}"' in data_page, target


def test_export_csv_keeps_the_old_folder_until_the_new_one_is_complete(project: Path) -> None:
    out = project / "out/csv"
    (out / "stale.csv").write_text("left over\n", "utf-8")
    assert main(["--root", str(project), "export", "--format", "csv", "--out", str(out)]) == 0
    assert not (out / "stale.csv").exists()  # replaced whole, in one rename
    assert not list(out.parent.glob(".csv.*"))
    file = project / "out/a-file"
    file.write_text("x", "utf-8")
    assert main(["--root", str(project), "export", "--format", "csv", "--out", str(file)]) == 2
    assert file.read_text("utf-8") == "x"
    # A file format into a folder is refused too, and the folder is left as it was.
    assert main(["--root", str(project), "export", "--format", "stix", "--out", str(out)]) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.csv" for k in COLUMNS)
    # What a stopped export left beside the folder does not block the next one.
    (out.parent / ".csv.old").mkdir()
    (out.parent / ".csv.old" / "x.csv").write_text("x\n", "utf-8")
    assert main(["--root", str(project), "export", "--format", "csv", "--out", str(out)]) == 0
    assert not (out.parent / ".csv.old").exists()


def test_stix_ids_of_different_things_never_meet() -> None:
    # An actor called "project" is not the bundle's publisher; EDTF '/' cannot join two parts.
    assert stix_id("identity", "actor", "project") != stix_id("identity", "project")
    assert stix_id("relationship", "backs", "a", "b", "2024/2025", "") != stix_id(
        "relationship", "backs", "a", "b", "2024", "2025/"
    )


def test_a_relation_until_the_last_representable_year_has_no_stop_time() -> None:
    from builder.export.stix import _bounds

    assert _bounds("2024", "9999") == {"start_time": _bounds("2024", None)["start_time"]}
