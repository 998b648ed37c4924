"""Excerpts: which words of an article the site may show, and the Markdown that shows them.

Under `rights: excerpts` the 30% cap is one budget per article over the whole site, not per page.
Each article has one plan (`article_plan`): quoted passages and the dek first, then a snippet of
at most 12 words either side of each mention, cut at word boundaries inside its paragraph, while
the plan stays within 30% of the article's words; past that budget a mention is listed by
paragraph number only. Every page that shows words of the article (its own page, the profiles of
the actors it names, their complete mention lists) shows parts of that plan and nothing else, so
the search index and the pages together never hold more than the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup, escape

from builder.load.text import (
    ArticleText,
    Paragraph,
    Span,
    WordRange,
    count_words,
    merge_ranges,
    word_range,
    word_spans,
)
from builder.model import Mention
from builder.validate.corpus import ValidArticle

RADIUS = 12


@dataclass(frozen=True)
class ParagraphExcerpt:
    """What a page shows of one paragraph: word ranges, and the mentions left unshown."""

    paragraph: Paragraph
    words: tuple[Span, ...]
    ranges: tuple[WordRange, ...]
    hidden: tuple[Mention, ...]

    def shown_span(self, index: int) -> Span:
        first, last = self.ranges[index]
        return self.words[first][0], self.words[last][1]


class WordBudget:
    """Counts the distinct words a page shows of one article against 30% of its words."""

    def __init__(self, text: ArticleText) -> None:
        self.limit = text.excerpt_limit()
        self.used = 0

    def fits(self, extra: int) -> bool:
        return self.used + extra <= self.limit

    def spend(self, extra: int) -> None:
        self.used += extra


def excerpt(
    text: ArticleText,
    mentions: Sequence[Mention],
    always: dict[int, list[Span]],
    budget: WordBudget | None,
) -> list[ParagraphExcerpt]:
    """Plan the excerpts of every paragraph with a mention or a fixed passage, in text order.

    `always` holds spans shown first (quotes); `budget` None shows everything. Snippets are
    granted in two rounds, so that each actor's first mention gets one before any actor gets a
    second: every profile that lists the article then has something of it to show.
    """
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_paragraph.setdefault(mention.paragraph, []).append(mention)
    paragraphs = {p.number: p for p in text.paragraphs}
    numbers = sorted(set(by_paragraph) | set(always))
    ranges = {n: _fixed_ranges(paragraphs[n], always.get(n, [])) for n in numbers}
    words = {n: word_spans(paragraphs[n]) for n in numbers}
    if budget is None:
        ranges = {n: [(0, len(words[n]) - 1)] for n in numbers}
    else:
        budget.spend(sum(count_words(r) for r in ranges.values()))
        for mention in _by_priority(mentions):
            n = mention.paragraph
            first, last = word_range(words[n], mention.start, mention.end)
            window = (max(0, first - RADIUS), min(len(words[n]) - 1, last + RADIUS))
            extra = count_words(merge_ranges([*ranges[n], window])) - count_words(ranges[n])
            if extra and budget.fits(extra):
                budget.spend(extra)
                ranges[n] = merge_ranges([*ranges[n], window])
    return [_planned(paragraphs[n], words[n], ranges[n], by_paragraph.get(n, [])) for n in numbers]


def _by_priority(mentions: Sequence[Mention]) -> list[Mention]:
    """Each actor's first mention, in text order, then every other mention in text order."""
    ordered = sorted(mentions, key=lambda m: m.start)
    seen: set[str] = set()
    first = []
    for mention in ordered:
        if mention.actor not in seen:
            seen.add(mention.actor)
            first.append(mention)
    granted = set(first)
    return first + [m for m in ordered if m not in granted]


def _fixed_ranges(paragraph: Paragraph, spans: list[Span]) -> list[WordRange]:
    words = word_spans(paragraph)
    return merge_ranges(word_range(words, s, e) for s, e in spans)


def _planned(
    paragraph: Paragraph, words: Sequence[Span], ranges: list[WordRange], mentions: list[Mention]
) -> ParagraphExcerpt:
    shown = [(words[f][0], words[la][1]) for f, la in ranges]
    hidden = tuple(m for m in mentions if not any(s <= m.start and m.end <= e for s, e in shown))
    return ParagraphExcerpt(paragraph, tuple(words), tuple(ranges), hidden)


def always_shown(article: ValidArticle) -> dict[int, list[Span]]:
    """Quoted passages and the dek (every paragraph with `rights: full`): shown first."""
    spans: dict[int, list[Span]] = {}
    if article.record.rights == "full":
        spans = {p.number: [(p.start, p.end)] for p in article.text.shown}
    for span in [*article.claim_quotes.values(), *article.event_quotes.values()]:
        spans.setdefault(span.paragraph, []).append((span.start, span.end))
    for paragraph in article.text.paragraphs:
        if paragraph.is_dek:
            spans.setdefault(paragraph.number, []).append((paragraph.start, paragraph.end))
    return spans


_PLANS: dict[tuple[str, bytes | str], tuple[tuple[Mention, ...], list[ParagraphExcerpt]]] = {}
_PLANS_KEPT = 4096


def article_plan(article: ValidArticle, mentions: tuple[Mention, ...]) -> list[ParagraphExcerpt]:
    """The words of an article the whole site may show, paragraph by paragraph (computed once
    per article and process: every page naming the article draws from it)."""
    key = (article.id, article.digest or article.text.sha256)
    cached = _PLANS.get(key)
    if cached is not None and cached[0] == mentions:
        return cached[1]
    budget = None if article.record.rights == "full" else WordBudget(article.text)
    plans = excerpt(article.text, mentions, always_shown(article), budget)
    if len(_PLANS) >= _PLANS_KEPT:
        _PLANS.clear()
    _PLANS[key] = (mentions, plans)
    return plans


def narrowed(plan: ParagraphExcerpt, mentions: Sequence[Mention]) -> ParagraphExcerpt:
    """Only the shown runs of a paragraph's plan that hold one of these mentions."""
    keep, shown = [], []
    for index, word_range_ in enumerate(plan.ranges):
        start, end = plan.shown_span(index)
        if any(start <= m.start and m.end <= end for m in mentions):
            keep.append(word_range_)
            shown.append((start, end))
    hidden = tuple(m for m in mentions if not any(s <= m.start and m.end <= e for s, e in shown))
    return replace(plan, ranges=tuple(keep), hidden=hidden)


LinkMention = Callable[[Mention], Markup]


def render_excerpt(
    text: str, plan: ParagraphExcerpt, mentions: Sequence[Mention], link: LinkMention
) -> Markup:
    """The shown words of a paragraph as HTML, mentions linked, cuts marked with …."""
    parts: list[str] = []
    last_word = len(plan.words) - 1
    for index, (first, _) in enumerate(plan.ranges):
        start, end = plan.shown_span(index)
        inside = sorted(
            (m for m in mentions if start <= m.start and m.end <= end), key=lambda m: m.start
        )
        body = _linked(text, start, end, inside, link)
        # One ellipsis marks each cut: before the first run, between runs, after the last.
        parts.append(("… " if first > 0 and index == 0 else "") + body)
    tail = " …" if plan.ranges and plan.ranges[-1][1] < last_word else ""
    return Markup(" … ".join(parts) + tail)


def _linked(text: str, start: int, end: int, mentions: list[Mention], link: LinkMention) -> str:
    out: list[str] = []
    position = start
    for mention in mentions:
        if mention.start < position:
            continue
        out.append(escape(text[position : mention.start]))
        out.append(link(mention))
        position = mention.end
    out.append(escape(text[position:end]))
    return "".join(out)
