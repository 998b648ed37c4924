"""Stage 2: schema and cross-reference checks, producing the validated corpus."""

from __future__ import annotations

import functools
from typing import Any

from builder.diagnostics import Diagnostic, error
from builder.load.corpus import RawArticle, RawCorpus, RawRecord
from builder.memo import Memo, digest
from builder.validate.articles import ArticleCheck, check_article, duplicate_item_ids
from builder.validate.corpus import Source, ValidActor, ValidArticle, ValidatedCorpus, ValidTopic
from builder.validate.models import ActorRecord, ArticleRecord, TopicRecord
from builder.validate.prose import check_prose
from builder.validate.references import check_references
from builder.validate.schema import check_record

__all__ = ["ValidatedCorpus", "validate"]


_RECORDS: Memo[tuple[Any, list[Diagnostic]]] = Memo("records")
_ARTICLES: Memo[tuple[ArticleCheck | None, list[Diagnostic]]] = Memo("articles")


def _checked(record: RawRecord, model: type[ActorRecord] | type[TopicRecord]) -> Any:
    key = digest(record.digest, model.__name__)
    return _RECORDS.get(key, lambda: check_record(record, model))


def _article_outcome(
    raw: RawArticle, fresh: list[ValidArticle] | None = None
) -> tuple[ArticleCheck | None, list[Diagnostic]]:
    """Schema, quotes and excerpt budget of one article: a function of its two files alone.
    The checked article itself goes to `fresh`; only the outcome is kept between runs."""
    sidecar, problems = check_record(raw.record, ArticleRecord)
    if sidecar is None:
        return None, problems
    article, article_problems = check_article(raw, sidecar)
    if fresh is not None:
        fresh.append(article)
    return ArticleCheck.of(article), problems + article_problems


def _checked_article(raw: RawArticle) -> tuple[ValidArticle | None, list[Diagnostic]]:
    """The checked article and its problems. Only the outcome is kept between runs (the
    record, quote spans and problems); the text's paragraphs are split again, which costs far
    less than storing them."""
    fresh: list[ValidArticle] = []
    outcome, problems = _ARTICLES.get(raw.digest, lambda: _article_outcome(raw, fresh))
    if fresh:
        return fresh[0], problems
    return (None if outcome is None else outcome.article(raw)), problems


def _formerly_clashes(corpus: ValidatedCorpus) -> list[Diagnostic]:
    owners: dict[str, str] = {}
    problems = []
    for actor in corpus.actors.values():
        for old in actor.record.formerly:
            if old in owners:
                message = f"former id '{old}' is also claimed by actor '{owners[old]}'"
                problems.append(error(actor.source.at("formerly"), "formerly-taken", message))
            owners.setdefault(old, actor.id)
    return problems


def validate(raw: RawCorpus) -> ValidatedCorpus:
    """Check every raw record against its schema, then every reference between records."""
    corpus = ValidatedCorpus(diagnostics=list(raw.diagnostics), broken=set(raw.broken))
    for record in raw.actors:
        actor, problems = _checked(record, ActorRecord)
        corpus.diagnostics += problems
        if actor is None:
            corpus.broken.add(("actor", record.id))
        else:
            corpus.actors[record.id] = ValidActor(record.id, Source(record.document), actor)
    for record in raw.topics:
        topic, problems = _checked(record, TopicRecord)
        corpus.diagnostics += problems
        if topic is None:
            corpus.broken.add(("topic", record.id))
        else:
            source = Source(record.document)
            corpus.diagnostics += duplicate_item_ids(source, "key_judgments", topic.key_judgments)
            corpus.diagnostics += duplicate_item_ids(source, "deadlines", topic.deadlines)
            corpus.topics[record.id] = ValidTopic(record.id, source, topic)
    _ARTICLES.fill([(r.digest, functools.partial(_article_outcome, r)) for r in raw.articles])
    for raw_article in raw.articles:
        article, problems = _checked_article(raw_article)
        corpus.diagnostics += problems
        if article is None:
            corpus.broken.add(("article", raw_article.record.id))
        else:
            corpus.articles[article.id] = article
    corpus.diagnostics += _formerly_clashes(corpus) + check_references(corpus)
    corpus.diagnostics += check_prose(corpus)
    return corpus
