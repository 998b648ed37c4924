"""The export format "briefs/1" as typed models; its JSON Schema is generated from them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "briefs/1"


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Annotated(Out):
    inferred: list[str] = Field(description="Fields the curator inferred rather than read")
    note: str | None


class MentionOut(Out):
    actor: str
    start: int = Field(
        description="Code-point offset into the article text as read (BOM removed, LF line ends)"
    )
    end: int = Field(description="End-exclusive code-point offset")
    text: str
    paragraph: int
    kind: Literal["name", "alias", "demonym"]


class QuoteOut(Out):
    text: str
    paragraph: int | None
    start: int | None
    end: int | None


class ClaimOut(Annotated):
    id: str
    text: str
    quote: QuoteOut
    source: str | None
    via: list[str]
    attributed_to: str | None
    anonymous: bool
    actors: list[str]
    credibility: int = Field(ge=1, le=6)
    same_as: list[str]
    contradicts: list[str] = Field(description="Both directions, as '<article>#<claim>'")
    status: Literal["active", "retracted", "superseded"]
    superseded_by: str | None
    translation: str | None
    origins: list[str] = Field(description="Independent origins of this report (actor ids)")
    cluster: str = Field(description="The cluster of reports joined by same_as, by its first claim")
    cluster_reports: int
    cluster_origins: int


class EventOut(Annotated):
    id: str
    when: str
    start: dt.date | None = Field(description="First day, inclusive; null on an open side")
    end: dt.date | None = Field(description="Last day, inclusive; null on an open side")
    precision: Literal["day", "week", "month", "year", "range", "open"]
    what: str
    actors: list[str]
    quote: QuoteOut | None
    same_as: list[str] = Field(description="The same event in other articles")


class ArticleOut(Annotated):
    id: str
    title: str
    dek: str | None
    published: dt.date
    outlet: str
    url: str | None
    byline: str | None
    accessed: dt.date | None
    archive_url: str | None
    language: str
    rights: Literal["excerpts", "full"]
    cites: list[str]
    text_sha256: str
    paragraphs: int
    words: int
    text: str | None = Field(description="The whole text, only where rights is 'full'")
    mentions: list[MentionOut]
    claims: list[ClaimOut]
    events: list[EventOut]


class ActorOut(Annotated):
    id: str
    name: str
    type: str
    aliases: list[str]
    demonyms: list[str]
    common_words: list[str] = Field(description="Names that are also ordinary words")
    attached: list[str] = Field(description="Names that may carry an attached pronoun suffix")
    excludes: list[str] = Field(description="Longer names that are not this actor")
    country: str | None
    summary: str | None
    formerly: list[str]
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None
    mentions: int = Field(description="How many times the corpus texts name the actor")


class RelationOut(Annotated):
    type: str = Field(description="The forward label: subject <type> object")
    inverse: str = Field(description="The label read from the object's side")
    subject: str
    object: str
    since: str | None
    until: str | None
    claims: list[str]


class JudgmentOut(Annotated):
    id: str
    text: str
    likelihood: str
    confidence: Literal["low", "moderate", "high"]
    claims: list[str]


class DeadlineOut(Annotated):
    id: str
    what: str
    start: dt.date | None = Field(alias="from")
    due: dt.date
    state: str | None
    claims: list[str]


class TopicOut(Annotated):
    id: str
    title: str
    status: Literal["active", "dormant", "closed"]
    updated: dt.date
    summary: str
    key_judgments: list[JudgmentOut]
    actors: list[str]
    related: list[str]
    deadlines: list[DeadlineOut]
    events: list[str]
    watch: list[str]


class DiagnosticOut(Out):
    path: str
    line: int
    col: int
    severity: Literal["error", "warning"]
    code: str
    message: str
    suggestion: str | None


class Export(Out):
    schema_: Literal["briefs/1"] = Field(alias="schema")
    articles: list[ArticleOut]
    actors: list[ActorOut]
    relations: list[RelationOut]
    topics: list[TopicOut]
    diagnostics: list[DiagnosticOut]


def export_schema() -> dict[str, Any]:
    schema = Export.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "export.schema.json",
        **schema,
    }
