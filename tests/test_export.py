"""`briefs export --format json`: schema "briefs/1", valid against schemas/export.schema.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, PROJECT, SEED_ID


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("export") / "briefs.json"
    assert (
        main(["--root", str(FIXTURE_CORPUS), "export", "--format", "json", "--out", str(out)]) == 0
    )
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_export_validates_against_its_schema(exported: dict) -> None:  # type: ignore[type-arg]
    schema = json.loads((PROJECT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(exported)
    assert exported["schema"] == "briefs/1"


def test_lists_are_sorted_by_id(exported: dict) -> None:  # type: ignore[type-arg]
    for key in ["articles", "actors", "topics"]:
        ids = [item["id"] for item in exported[key]]
        assert ids == sorted(ids) and ids


def test_mentions_are_offsets_into_the_text_as_read(exported: dict) -> None:  # type: ignore[type-arg]
    raw = (FIXTURE_CORPUS / "seeds" / f"{SEED_ID}.txt").read_bytes()
    text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    (article,) = exported["articles"]
    assert article["text_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert article["text"] is None  # rights: excerpts
    assert len(article["mentions"]) >= 40
    for mention in article["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for claim in article["claims"]:
        quote = claim["quote"]
        assert quote["paragraph"] is not None and quote["start"] < quote["end"]


def test_contradictions_are_exported_both_ways(exported: dict) -> None:  # type: ignore[type-arg]
    claims = {c["id"]: c for c in exported["articles"][0]["claims"]}
    assert claims["talks-indirect"]["contradicts"] == [f"{SEED_ID}#direct-talks"]
    assert claims["direct-talks"]["contradicts"] == [f"{SEED_ID}#talks-indirect"]


def test_actors_carry_mention_counts_and_relations_both_labels(exported: dict) -> None:  # type: ignore[type-arg]
    actors = {a["id"]: a for a in exported["actors"]}
    assert actors["oman"]["mentions"] == 1
    assert actors["united-kingdom"]["mentions"] == 0
    part_of = [
        r
        for r in exported["relations"]
        if r["type"] == "part-of" and r["subject"] == "irgc-aerospace-force"
    ]
    assert part_of == [
        {
            "inferred": [], "note": None, "type": "part-of", "inverse": "has-part",
            "subject": "irgc-aerospace-force", "object": "irgc", "since": None, "until": None, "claims": [],
        }
    ]  # fmt: skip


def test_export_with_errors_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    case = PROJECT / "tests" / "cases" / "invalid" / "misspelt-actor"
    assert main(["--root", str(case), "export", "--format", "json", "--out", str(out)]) == 1
    assert not out.exists()


def test_events_carry_resolved_intervals(exported: dict) -> None:  # type: ignore[type-arg]
    events = {e["id"]: e for e in exported["articles"][0]["events"]}
    assert (
        events["transfer"]["start"],
        events["transfer"]["end"],
        events["transfer"]["precision"],
    ) == ("2025-03-31", "2025-04-06", "week")
    assert (events["deadline-window"]["start"], events["deadline-window"]["end"]) == (
        "2025-04-07",
        "2025-05-07",
    )


def test_claims_carry_origins(exported: dict) -> None:  # type: ignore[type-arg]
    claims = {c["id"]: c for c in exported["articles"][0]["claims"]}
    assert claims["militias-disarm"]["origins"] == ["reuters"]
    assert claims["talks-indirect"]["origins"] == ["newsrael"]
    assert (
        claims["missiles-shipped"]["cluster_reports"],
        claims["missiles-shipped"]["cluster_origins"],
    ) == (1, 1)


def test_api_has_one_file_per_record_and_no_text_under_excerpt_rights() -> None:
    from builder.pipeline import build_pages

    result = build_pages(FIXTURE_CORPUS)
    files = {page.path: page.markdown for page in result.pages if page.path.startswith("api/")}
    index = json.loads(files["api/index.json"])
    ids = {
        kind: [r["id"] for r in index["records"] if r["kind"] == kind]
        for kind in ("article", "actor", "topic")
    }
    assert ids["article"] == [SEED_ID] and len(ids["actor"]) == 15
    for kind, records in ids.items():
        for record_id in records:
            assert f"api/{kind}s/{record_id}.json" in files
    article = json.loads(files[f"api/articles/{SEED_ID}.json"])
    assert article["text"] is None and len(article["mentions"]) >= 40
    oman = json.loads(files["api/actors/oman.json"])
    assert {r["type"] for r in oman["relations"]} == {"mediates"}
