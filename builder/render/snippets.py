"""Excerpts: which words of an article a page may show, and the Markdown that shows them.

Quoted passages are always shown; each mention gets a snippet of at most 12 words either side,
cut at word boundaries inside its paragraph, while the page stays within 30% of the article's
words. Past that budget a mention is listed by paragraph number only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

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
from builder.render.markdown import escape_inline

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

    `always` holds spans shown regardless of the budget (quotes); `budget` None shows everything.
    """
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_paragraph.setdefault(mention.paragraph, []).append(mention)
    paragraphs = {p.number: p for p in text.paragraphs}
    numbers = sorted(set(by_paragraph) | set(always))
    fixed = {n: _fixed_ranges(paragraphs[n], always.get(n, [])) for n in numbers}
    if budget is not None:
        budget.spend(sum(count_words(r) for r in fixed.values()))
    return [_plan(paragraphs[n], by_paragraph.get(n, []), fixed[n], budget) for n in numbers]


def _fixed_ranges(paragraph: Paragraph, spans: list[Span]) -> list[WordRange]:
    words = word_spans(paragraph)
    return merge_ranges(word_range(words, s, e) for s, e in spans)


def _plan(
    paragraph: Paragraph,
    mentions: list[Mention],
    fixed: list[WordRange],
    budget: WordBudget | None,
) -> ParagraphExcerpt:
    words = word_spans(paragraph)
    if budget is None:
        return ParagraphExcerpt(paragraph, tuple(words), ((0, len(words) - 1),), ())
    ranges = list(fixed)
    for mention in sorted(mentions, key=lambda m: m.start):
        first, last = word_range(words, mention.start, mention.end)
        window = (max(0, first - RADIUS), min(len(words) - 1, last + RADIUS))
        extra = count_words(merge_ranges([*ranges, window])) - count_words(ranges)
        if extra and budget.fits(extra):
            budget.spend(extra)
            ranges = merge_ranges([*ranges, window])
    shown = [(words[f][0], words[la][1]) for f, la in ranges]
    hidden = tuple(m for m in mentions if not any(s <= m.start and m.end <= e for s, e in shown))
    return ParagraphExcerpt(paragraph, tuple(words), tuple(ranges), hidden)


LinkMention = Callable[[Mention], Markup]


def render_excerpt(
    text: str, plan: ParagraphExcerpt, mentions: Sequence[Mention], link: LinkMention
) -> Markup:
    """The shown words of a paragraph as Markdown, mentions linked, cuts marked with …."""
    parts: list[str] = []
    last_word = len(plan.words) - 1
    for index, (first, last) in enumerate(plan.ranges):
        start, end = plan.shown_span(index)
        inside = sorted(
            (m for m in mentions if start <= m.start and m.end <= end), key=lambda m: m.start
        )
        body = _linked(text, start, end, inside, link)
        parts.append(("… " if first > 0 else "") + body + (" …" if last < last_word else ""))
    return Markup(" ".join(parts))


def _linked(text: str, start: int, end: int, mentions: list[Mention], link: LinkMention) -> str:
    out: list[str] = []
    position = start
    for mention in mentions:
        if mention.start < position:
            continue
        out.append(escape_inline(text[position : mention.start]))
        out.append(link(mention))
        position = mention.end
    out.append(escape_inline(text[position:end]))
    return "".join(out)
