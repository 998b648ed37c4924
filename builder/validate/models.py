"""The schema as code: pydantic models of every content file (unknown keys are errors)."""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from builder.validate.types import (
    Bool,
    ClaimRef,
    Day,
    EdtfText,
    Id,
    ItemRef,
    Language,
    Text,
    Url,
    _integer,
)
from builder.validate.vocabulary import (
    LIKELIHOODS,
    ActorType,
    ClaimStatus,
    Confidence,
    RelationType,
    Reliability,
    Rights,
    TopicStatus,
)


def _credibility(value: object) -> int:
    number = _integer(value)
    if not 1 <= number <= 6:
        message = "{value} is outside the scale; use 1 (confirmed) to 6 (cannot be judged)"
        raise PydanticCustomError("invalid-value", message, {"value": number})
    return number


def _likelihood(value: object) -> str:
    if value in LIKELIHOODS:
        return str(value)
    if isinstance(value, str) and "confidence" in value:
        message = "'{value}' mixes in confidence; put that in 'confidence:'"
        raise PydanticCustomError("invalid-value", message, {"value": value})
    message = "'{value}' is not an ICD 203 likelihood term: {terms}"
    raise PydanticCustomError(
        "invalid-value", message, {"value": value, "terms": ", ".join(LIKELIHOODS)}
    )


Credibility = Annotated[
    int,
    BeforeValidator(_credibility),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 6},
                {"type": "string", "pattern": "^0*[1-6]$"},  # "03" is 3, as the builder reads it
            ]
        }
    ),
]
Likelihood = Annotated[
    str, BeforeValidator(_likelihood), WithJsonSchema({"enum": list(LIKELIHOODS)})
]
Aliases = Annotated[list[Text], Field(max_length=100)]


class Record(BaseModel):
    """Fields every record and list item may carry."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    inferred: list[Text] = Field(default_factory=list, description="Fields the curator inferred")
    note: Text | None = Field(default=None, description="Plain-text remark")

    @model_validator(mode="after")
    def _inferred_names_fields(self) -> Self:
        fields = {info.alias or name for name, info in type(self).model_fields.items()}
        for position, name in enumerate(self.inferred):
            if name not in fields:
                message = "'inferred' names '{name}', which is not a field here"
                raise PydanticCustomError(
                    "unknown-field", message, {"name": name, "index": position}
                )
        return self


class Item(Record):
    id: Id


class Claim(Item):
    text: Text
    quote: Text
    source: Id | None = None
    via: list[Id] = Field(default_factory=list)
    attributed_to: Text | None = None
    anonymous: Bool = False
    actors: list[Id] = Field(default_factory=list)
    credibility: Credibility
    same_as: list[ClaimRef] = Field(default_factory=list)
    contradicts: list[ItemRef] = Field(default_factory=list)
    status: ClaimStatus = "active"
    superseded_by: ItemRef | None = None
    translation: Text | None = None


class Event(Item):
    when: Text
    relative_to: Day | None = None
    what: Text
    quote: Text | None = None
    actors: list[Id] = Field(default_factory=list)
    same_as: list[ClaimRef] = Field(
        default_factory=list,
        description="The same event in other articles, as '<article>#<event>': one timeline row",
    )


class ArticleRecord(Record):
    title: Text
    dek: Text | None = None
    published: Day
    outlet: Id
    url: Url | None = None
    byline: Text | None = None
    accessed: Day | None = None
    archive_url: Url | None = None
    language: Language = "en"
    rights: Rights = "excerpts"
    cites: list[Id] = Field(default_factory=list)
    strip: list[Text] = Field(default_factory=list)
    resolve: dict[str, Id | None] = Field(default_factory=dict)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


class Relation(Record):
    type: RelationType
    target: Id
    since: EdtfText | None = None
    until: EdtfText | None = None
    claims: list[ClaimRef] = Field(default_factory=list)


class ActorRecord(Record):
    name: Text
    type: ActorType
    aliases: Aliases = Field(default_factory=list)
    demonyms: list[Text] = Field(default_factory=list)
    common_words: list[Text] = Field(
        default_factory=list,
        description="Names of this actor (from name, aliases, demonyms) that are also ordinary "
        "words: linked only in quotes, with a mid-sentence capital, or through `resolve:`",
    )
    attached: list[Text] = Field(
        default_factory=list,
        description="Arabic or Persian names of this actor that may carry an attached pronoun "
        "suffix (ـه ـها ـهم ...)",
    )
    excludes: list[Text] = Field(
        default_factory=list,
        description="Longer names that contain one of this actor's names but are not this actor "
        "(e.g. Times of Israel for The Times): never linked to it",
    )
    country: Id | None = None
    summary: Text | None = None
    formerly: list[Id] = Field(default_factory=list)
    reliability: Reliability | None = None
    relations: list[Relation] = Field(default_factory=list)


class KeyJudgment(Item):
    text: Text
    likelihood: Likelihood
    confidence: Confidence
    claims: list[ClaimRef] = Field(default_factory=list)


class Deadline(Item):
    what: Text
    start: Day | None = Field(default=None, alias="from")
    due: Day
    claims: list[ClaimRef] = Field(default_factory=list)


class TopicRecord(Record):
    title: Text
    status: TopicStatus = "active"
    updated: Day
    summary: Text
    key_judgments: list[KeyJudgment] = Field(default_factory=list)
    actors: list[Id] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    events: list[ClaimRef] = Field(default_factory=list)
    watch: list[Text] = Field(default_factory=list)


MODELS: dict[str, type[BaseModel]] = {
    "article": ArticleRecord,
    "actor": ActorRecord,
    "topic": TopicRecord,
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind, as committed under schemas/."""
    from builder.validate.help import add_help

    schema = add_help(MODELS[kind].model_json_schema(by_alias=True))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        **schema,
    }
