"""Relations: either label may be written; each relation is stored once and shown on both sides."""

from __future__ import annotations

from pathlib import Path

from builder.link import link
from builder.load.corpus import load_corpus
from builder.validate import validate
from tests.conftest import ACTOR_MODELINE, write_files


def actor(name: str, kind: str, relations: str = "") -> str:
    return (
        ACTOR_MODELINE
        + f"name: {name}\ntype: {kind}\n"
        + (f"relations:\n{relations}" if relations else "")
    )


def linked(tmp_root: Path, files: dict[str, str | bytes]):  # type: ignore[no-untyped-def]
    write_files(tmp_root, files)
    corpus = validate(load_corpus(tmp_root))
    assert [d.render() for d in corpus.diagnostics] == []
    return link(corpus)


def test_inverse_label_is_stored_forward_and_shown_both_ways(tmp_root: Path) -> None:
    result = linked(tmp_root, {
        "briefs/actors/patron.yml": actor("Patron", "state"),
        "briefs/actors/client.yml": actor("Client", "armed-group", "  - {type: backed-by, target: patron, since: '2020'}\n"),
    })  # fmt: skip
    (relation,) = result.model.relations
    assert (relation.type, relation.subject, relation.object, relation.since) == (
        "backs",
        "patron",
        "client",
        "2020",
    )
    assert [(v.label, v.other) for v in result.model.relations_of("patron")] == [
        ("backs", "client")
    ]
    assert [(v.label, v.other) for v in result.model.relations_of("client")] == [
        ("backed-by", "patron")
    ]


def test_symmetric_relations_are_ordered_by_id(tmp_root: Path) -> None:
    result = linked(tmp_root, {
        "briefs/actors/zed.yml": actor("Zed", "state", "  - {type: rival-of, target: abe}\n"),
        "briefs/actors/abe.yml": actor("Abe", "state"),
    })  # fmt: skip
    (relation,) = result.model.relations
    assert (relation.subject, relation.object) == ("abe", "zed")
    assert [(v.label, v.other) for v in result.model.relations_of("zed")] == [("rival-of", "abe")]
    assert [(v.label, v.other) for v in result.model.relations_of("abe")] == [("rival-of", "zed")]


def test_same_relation_on_both_profiles_is_one_relation_and_a_warning(tmp_root: Path) -> None:
    result = linked(tmp_root, {
        "briefs/actors/unit.yml": actor("Unit", "military-unit", "  - {type: part-of, target: army}\n"),
        "briefs/actors/army.yml": actor("Army", "military-unit", "  - {type: has-part, target: unit}\n"),
    })  # fmt: skip
    assert len(result.model.relations) == 1
    assert [d.render() for d in result.diagnostics] == [
        "briefs/actors/unit.yml:5:5: warning: relation already given at briefs/actors/army.yml:5; keep one [duplicate-relation]"
    ]


def test_different_time_bounds_are_different_relations(tmp_root: Path) -> None:
    result = linked(tmp_root, {
        "briefs/actors/a.yml": actor("A", "state", "  - {type: attacks, target: b, since: 2024-04}\n  - {type: attacks, target: b, since: 2024-10}\n"),
        "briefs/actors/b.yml": actor("B", "state"),
    })  # fmt: skip
    assert [r.since for r in result.model.relations] == ["2024-04", "2024-10"]
    assert result.diagnostics == []
