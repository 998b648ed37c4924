"""Turning the analysed model into the export format, lists sorted by id."""

from __future__ import annotations

from collections import Counter

from builder.analyze import Analysis, deadline_state
from builder.diagnostics import Diagnostic
from builder.export.models import (
    ActorOut,
    ArticleOut,
    ClaimOut,
    DeadlineOut,
    DiagnosticOut,
    EventOut,
    Export,
    JudgmentOut,
    MentionOut,
    QuoteOut,
    RelationOut,
    TopicOut,
)
from builder.model import Relation
from builder.validate.corpus import ValidActor, ValidArticle, ValidTopic
from builder.validate.models import Claim, Event
from builder.validate.quotes import QuoteSpan
from builder.validate.vocabulary import RELATION_INVERSES


def _quote(text: str, span: QuoteSpan | None) -> QuoteOut:
    if span is None:
        return QuoteOut(text=text, paragraph=None, start=None, end=None)
    return QuoteOut(text=text, paragraph=span.paragraph, start=span.start, end=span.end)


def _claim(analysis: Analysis, article: ValidArticle, claim: Claim) -> ClaimOut:
    key = f"{article.id}#{claim.id}"
    data = claim.model_dump(exclude={"quote", "contradicts"})
    cluster = analysis.origins.cluster(key)
    return ClaimOut(
        **data,
        quote=_quote(claim.quote, article.claim_quotes.get(claim.id)),
        contradicts=list(analysis.contradicted_by(key)),
        origins=list(analysis.origins.report_origins[key]),
        cluster=cluster.id,
        cluster_reports=len(cluster.reports),
        cluster_origins=len(cluster.origins),
    )


def _event(analysis: Analysis, article: ValidArticle, event: Event) -> EventOut:
    quote = None if event.quote is None else _quote(event.quote, article.event_quotes.get(event.id))
    data = event.model_dump(exclude={"quote", "relative_to"})
    interval = analysis.events[f"{article.id}#{event.id}"].interval
    return EventOut(
        **data, quote=quote, start=interval.start, end=interval.end, precision=interval.precision
    )


def article_out(analysis: Analysis, article: ValidArticle) -> ArticleOut:
    record = article.record
    data = record.model_dump(exclude={"claims", "events", "strip", "resolve"})
    mentions = analysis.model.mentions_in(article.id)
    return ArticleOut(
        **data,
        id=article.id,
        text_sha256=article.text.sha256,
        paragraphs=len(article.text.paragraphs),
        words=article.text.word_count(),
        text=article.text.text if record.rights == "full" else None,
        mentions=[MentionOut(**m.__dict__) for m in mentions],
        claims=[_claim(analysis, article, c) for c in record.claims],
        events=[_event(analysis, article, e) for e in record.events],
    )


def actor_out(actor: ValidActor, counts: Counter[str]) -> ActorOut:
    data = actor.record.model_dump(exclude={"relations"})
    return ActorOut(**data, id=actor.id, mentions=counts.get(actor.id, 0))


def relation_out(relation: Relation) -> RelationOut:
    return RelationOut(
        type=relation.type,
        inverse=RELATION_INVERSES[relation.type],
        subject=relation.subject,
        object=relation.object,
        since=relation.since,
        until=relation.until,
        claims=list(relation.claims),
        inferred=list(relation.inferred),
        note=relation.note,
    )


def topic_out(analysis: Analysis, topic: ValidTopic) -> TopicOut:
    record = topic.record
    data = record.model_dump(exclude={"key_judgments", "deadlines"})
    as_of = analysis.as_of
    deadlines = [
        DeadlineOut(
            **d.model_dump(exclude={"start"}),
            start=d.start,
            state=deadline_state(d, as_of) if as_of else None,
        )
        for d in record.deadlines
    ]
    judgments = [JudgmentOut(**j.model_dump()) for j in record.key_judgments]
    return TopicOut(**data, id=topic.id, key_judgments=judgments, deadlines=deadlines)


def build_export(analysis: Analysis, diagnostics: list[Diagnostic]) -> Export:
    """The whole model as one typed export value."""
    model = analysis.model
    counts = Counter(m.actor for mentions in model.mentions.values() for m in mentions)
    return Export(
        schema_="briefs/1",
        articles=[article_out(analysis, a) for a in model.articles.values()],
        actors=[actor_out(a, counts) for a in model.actors.values()],
        relations=[relation_out(r) for r in model.relations],
        topics=[topic_out(analysis, t) for t in model.topics.values()],
        diagnostics=[DiagnosticOut(**d.__dict__) for d in diagnostics],
    )


def export_json(analysis: Analysis, diagnostics: list[Diagnostic]) -> str:
    export = build_export(analysis, diagnostics)
    return export.model_dump_json(by_alias=True, indent=2) + "\n"
