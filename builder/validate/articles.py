"""Article-level checks: the text model, strip lines, quotes, and item ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from builder.diagnostics import Diagnostic, error, warning
from builder.load.corpus import RawArticle
from builder.load.text import ArticleText, split_paragraphs
from builder.validate.corpus import Source, ValidArticle
from builder.validate.models import ArticleRecord, Claim, Event, Item
from builder.validate.quotes import QuoteFinder, QuoteSpan, closest_passage


def duplicate_item_ids(source: Source, section: str, items: Sequence[Item]) -> list[Diagnostic]:
    """Item ids are unique within their file."""
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item.id in seen:
            first = source.at(section, seen[item.id], "id").line
            message = f"duplicate id '{item.id}' in {section} (first used on line {first})"
            problems.append(error(source.at(section, index, "id"), "duplicate-id", message))
        seen.setdefault(item.id, index)
    return problems


def _check_quotes(
    source: Source, article: ValidArticle, section: str, items: Sequence[Claim | Event]
) -> tuple[dict[str, QuoteSpan], list[Diagnostic]]:
    spans: dict[str, QuoteSpan] = {}
    problems: list[Diagnostic] = []
    finder = QuoteFinder(article.text)
    for index, item in enumerate(items):
        if item.quote is None:
            continue
        at = source.at(section, index, "quote")
        result = finder.locate(item.quote)
        if result.span is not None:
            spans[item.id] = result.span
        if result.spans_paragraphs:
            numbers = ", ".join(f"#p{n}" for n in result.spans_paragraphs)
            message = f"quote runs across paragraphs {numbers}; quote within one paragraph"
            problems.append(error(at, "quote-spans-paragraphs", message))
        elif result.span is None:
            message = f"quote not found in {article.text_path}; copy it verbatim from the text"
            near = closest_passage(item.quote, article.text)
            if near is not None:
                message += f" (closest, in #p{near[0]}: '{near[1]}')"
            problems.append(error(at, "quote-not-found", message, near[1] if near else None))
        elif result.other_paragraphs:
            others = ", ".join(f"#p{n}" for n in result.other_paragraphs)
            first = result.span.paragraph
            message = f"quote occurs more than once (also {others}); anchored at #p{first}"
            problems.append(warning(at, "quote-ambiguous", message))
    return spans, problems


def _unused_strip(source: Source, record: ArticleRecord, article: ValidArticle) -> list[Diagnostic]:
    lines = {p.text.strip() for p in article.text.paragraphs}
    return [
        warning(source.at("strip", i), "strip-unmatched", f"strip entry matches no line: '{entry}'")
        for i, entry in enumerate(record.strip)
        if entry.strip() not in lines
    ]


def _excerpt_budget(source: Source, article: ValidArticle) -> list[Diagnostic]:
    """Quotes and the dek are shown wherever their claims are, so they must fit the article's
    site-wide excerpt budget themselves: an error, since the site would break the licence."""
    if article.record.rights == "full":
        return []
    text = article.text
    spans = [(q.paragraph, (q.start, q.end)) for q in article.claim_quotes.values()]
    spans += [(q.paragraph, (q.start, q.end)) for q in article.event_quotes.values()]
    spans += [(p.number, (p.start, p.end)) for p in text.paragraphs if p.is_dek]
    shown, total, limit = text.words_shown(spans), text.word_count(), text.excerpt_limit()
    if shown <= limit:
        return []
    message = (
        f"quotes and dek show {shown} of the article's {total} words; with 'rights: excerpts' "
        f"the whole site may show at most {limit}: quote fewer words"
    )
    return [error(source.at("claims"), "excerpt-budget", message)]


def _paragraphs(raw: RawArticle, record: ArticleRecord) -> ArticleText:
    return split_paragraphs(raw.text, record.dek, frozenset(s.strip() for s in record.strip))


@dataclass(frozen=True)
class ArticleCheck:
    """What checking an article found, without its text: kept between runs."""

    record: ArticleRecord
    claim_quotes: dict[str, QuoteSpan]
    event_quotes: dict[str, QuoteSpan]

    @classmethod
    def of(cls, article: ValidArticle) -> ArticleCheck:
        return cls(article.record, article.claim_quotes, article.event_quotes)

    def article(self, raw: RawArticle) -> ValidArticle:
        """The checked article again, its text split as `check_article` splits it."""
        source = Source(raw.record.document)
        return ValidArticle(
            raw.record.id, source, raw.text_path, self.record, _paragraphs(raw, self.record),
            dict(self.claim_quotes), dict(self.event_quotes), raw.digest,
        )  # fmt: skip


def check_article(raw: RawArticle, record: ArticleRecord) -> tuple[ValidArticle, list[Diagnostic]]:
    """Split the text into paragraphs and verify every quote and item id of one article."""
    source = Source(raw.record.document)
    text = _paragraphs(raw, record)
    article = ValidArticle(raw.record.id, source, raw.text_path, record, text, {}, {}, raw.digest)
    problems = duplicate_item_ids(source, "claims", record.claims)
    problems += duplicate_item_ids(source, "events", record.events)
    problems += _unused_strip(source, record, article)
    claim_quotes, claim_problems = _check_quotes(source, article, "claims", record.claims)
    event_quotes, event_problems = _check_quotes(source, article, "events", record.events)
    article.claim_quotes.update(claim_quotes)
    article.event_quotes.update(event_quotes)
    problems += claim_problems + event_problems + _excerpt_budget(source, article)
    return article, problems
