"""Strict conversion of YAML strings into typed fields, with the exact messages contributors see."""

from __future__ import annotations

from builder.load.corpus import Kind, RawRecord
from builder.load.yamlfile import Document, compose
from builder.validate.models import ActorRecord, ArticleRecord, TopicRecord
from builder.validate.schema import check_record

ARTICLE = "title: T\npublished: 2025-04-08\noutlet: o\n"


def problems(model: type, text: str) -> list[str]:
    node, parse = compose("f.yml", text)
    assert parse == []
    record = RawRecord(Kind.ACTOR, "f", "f.yml", Document.of("f.yml", node))
    return [d.render() for d in check_record(record, model)[1]]


def claim(extra: str) -> str:
    return ARTICLE + f"claims:\n  - {{id: c, text: t, quote: q, {extra}}}\n"


def test_booleans_are_true_or_false_only() -> None:
    assert problems(ArticleRecord, claim("credibility: 3, anonymous: true")) == []
    assert problems(ArticleRecord, claim("credibility: 3, anonymous: yes")) == [
        "f.yml:5:59: error: claims.anonymous: expected true or false, got 'yes' [wrong-type]"
    ]


def test_integers_are_digits_only() -> None:
    assert problems(ArticleRecord, claim("credibility: '3'")) == []
    assert problems(ArticleRecord, claim("credibility: 3.0")) == [
        "f.yml:5:45: error: claims.credibility: expected a whole number, got '3.0' [wrong-type]"
    ]
    assert problems(ArticleRecord, claim("credibility: 7")) == [
        "f.yml:5:45: error: claims.credibility: 7 is outside the scale; use 1 (confirmed) to 6 (cannot be judged) [invalid-value]"
    ]


def test_days_must_be_real() -> None:
    assert problems(ArticleRecord, "title: T\npublished: 2025-02-30\noutlet: o\n") == [
        "f.yml:2:12: error: published: '2025-02-30' is not a real day [wrong-type]"
    ]
    assert problems(ArticleRecord, "title: T\npublished: April 8\noutlet: o\n") == [
        "f.yml:2:12: error: published: expected a day as YYYY-MM-DD, got 'April 8' [wrong-type]"
    ]


def test_string_fields_keep_yaml_11_words() -> None:
    node, _ = compose("f.yml", "title: on\npublished: 2025-04-08\noutlet: o\nlanguage: no\n")
    record, found = check_record(
        RawRecord(Kind.ARTICLE, "f", "f.yml", Document.of("f.yml", node)), ArticleRecord
    )
    assert found == [] and record is not None
    assert (record.title, record.language) == ("on", "no")


def test_unknown_key_suggests_the_field() -> None:
    assert problems(ActorRecord, "name: N\ntype: state\naliasses: [a]\n") == [
        "f.yml:3:1: error: unknown key 'aliasses' (did you mean 'aliases'?) [unknown-key]"
    ]


def test_missing_key_at_the_mapping() -> None:
    assert problems(ActorRecord, "name: N\n") == [
        "f.yml:1:1: error: missing required key 'type' [missing-key]"
    ]


def test_closed_vocabulary_suggests() -> None:
    assert problems(ActorRecord, "name: N\ntype: stat\n") == [
        "f.yml:2:7: error: type: 'stat' is not one of: state, person, armed-group, military-unit, "
        "government-body, organization, media-outlet, coalition (did you mean 'state'?) [invalid-value]"
    ]


def test_likelihood_is_icd_203_and_confidence_is_separate() -> None:
    topic = "title: T\nupdated: 2025-04-10\nsummary: S\nkey_judgments:\n  - {id: k, text: t, confidence: low, likelihood: %s}\n"
    assert problems(TopicRecord, topic % "likely") == []
    assert problems(TopicRecord, topic % "probably") == [
        "f.yml:5:51: error: key_judgments.likelihood: 'probably' is not an ICD 203 likelihood term: "
        "almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain [invalid-value]"
    ]
    assert problems(TopicRecord, topic % "'likely, high confidence'") == [
        "f.yml:5:51: error: key_judgments.likelihood: 'likely, high confidence' mixes in confidence; "
        "put that in 'confidence:' [invalid-value]"
    ]


def test_ids_and_urls() -> None:
    assert problems(ActorRecord, "name: N\ntype: state\ncountry: Iran\n") == [
        "f.yml:3:10: error: country: 'Iran' is not a valid id (e.g. 'irgc-aerospace-force') [wrong-type]"
    ]
    assert problems(ArticleRecord, ARTICLE + "url: javascript:alert(1)\n") == [
        "f.yml:4:6: error: url: 'javascript:alert(1)' is not an http or https address "
        "(e.g. 'https://example.org/story') [wrong-type]"
    ]


def test_inferred_must_name_a_field() -> None:
    assert problems(ActorRecord, "name: N\ntype: state\ninferred: [type, kind]\n") == [
        "f.yml:3:18: error: 'inferred' names 'kind', which is not a field here [unknown-field]"
    ]


def test_too_many_aliases() -> None:
    aliases = ", ".join(f"a{i}" for i in range(101))
    assert problems(ActorRecord, f"name: N\ntype: state\naliases: [{aliases}]\n") == [
        "f.yml:3:10: error: aliases: more than 100 entries [too-many]"
    ]
