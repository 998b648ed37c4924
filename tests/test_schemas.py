"""The committed JSON Schemas are fresh, and accept exactly what the builder accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.load.corpus import Kind, schema_reference
from builder.validate.jsonschema import schema_texts
from tests.conftest import PROJECT

SCHEMAS = PROJECT / "schemas"


def test_schemas_are_not_stale() -> None:
    expected = schema_texts()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert committed == expected, "schemas/ is stale: run `make schemas`"


def content_files() -> list[tuple[Kind, Path]]:
    files = [(Kind.ARTICLE, p) for p in (PROJECT / "seeds").glob("*.yml")]
    files += [(Kind.ACTOR, p) for p in (PROJECT / "briefs" / "actors").glob("*.yml")]
    files += [(Kind.TOPIC, p) for p in (PROJECT / "briefs" / "topics").glob("*.yml")]
    return sorted(files)


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_ignore_list_validates() -> None:
    text = (PROJECT / "briefs" / "ignore.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/ignore.schema.json\n")
    assert list(validator("ignore").iter_errors(yaml.safe_load(text))) == []


@pytest.mark.parametrize("kind,path", content_files(), ids=lambda v: getattr(v, "name", str(v)))
def test_content_validates_against_its_schema_as_an_editor_reads_it(kind: Kind, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={schema_reference(kind)}"
    # Editors read YAML 1.2 with types; the schema must accept those spellings too.
    data = yaml.load(text, Loader=yaml.BaseLoader)
    assert list(validator(kind).iter_errors(data)) == []
    typed = json.loads(json.dumps(yaml.safe_load(text), default=str))
    assert list(validator(kind).iter_errors(typed)) == []


def test_schema_agrees_with_builder_on_strict_spellings() -> None:
    check = validator(Kind.ACTOR)
    base = {"name": "N", "type": "state"}
    assert check.is_valid({**base, "country": "no"})
    assert not check.is_valid({**base, "kind": "x"})
    article = validator(Kind.ARTICLE)
    claim = {"id": "c", "text": "t", "quote": "q", "credibility": 3}
    good = {"title": "T", "published": "2025-04-08", "outlet": "o", "claims": [claim]}
    assert article.is_valid(good)
    assert article.is_valid(
        {**good, "claims": [{**claim, "credibility": "3", "anonymous": "true"}]}
    )
    assert not article.is_valid({**good, "claims": [{**claim, "credibility": "3.0"}]})
    assert not article.is_valid({**good, "claims": [{**claim, "anonymous": "yes"}]})
    assert not article.is_valid({**good, "url": "javascript:alert(1)"})


def builder_accepts(field: str, value: str) -> bool:
    """Whether the builder's model takes this text (as it reads every scalar) for a claim field."""
    from pydantic import ValidationError

    from builder.validate.models import ArticleRecord

    claim = {"id": "c", "text": "t", "quote": "q", "credibility": "3", field: value}
    try:
        ArticleRecord.model_validate(
            {"title": "T", "published": "2025-04-08", "outlet": "o", "claims": [claim]}
        )
    except ValidationError:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["credibility", "source", "anonymous"]),
    st.from_regex(r"\A(?:[+-]?0{0,2}[0-9]{1,2}(?:\.[0-9])?|[a-zA-Z]{1,6}|[0-9a-z-]{1,8})\Z"),
)
def test_schema_accepts_exactly_the_spellings_the_builder_accepts(field: str, value: str) -> None:
    article = validator(Kind.ARTICLE)
    claim = {"id": "c", "text": "t", "quote": "q", "credibility": "3", field: value}
    data = {"title": "T", "published": "2025-04-08", "outlet": "o", "claims": [claim]}
    assert article.is_valid(data) == builder_accepts(field, value), (field, value)


@pytest.mark.parametrize("kind", ["article", "actor", "topic"])
def test_every_property_has_help_and_a_valid_example(kind: str) -> None:
    """Editors show a description and an example for every property while one types."""
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    records = [schema, *schema.get("$defs", {}).values()]
    checked = 0
    for record in records:
        for field, prop in record["properties"].items():
            assert prop.get("description"), (kind, record["title"], field)
            (example,) = prop["examples"]
            rooted = {"$defs": schema.get("$defs", {}), **prop}
            errors = list(jsonschema.Draft202012Validator(rooted).iter_errors(example))
            assert errors == [], (kind, record["title"], field, example)
            checked += 1
    assert checked >= 20
