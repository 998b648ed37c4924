"""The Jinja environment: every value printed into a page is escaped unless marked as Markup."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from builder.analyze import Analysis
from builder.render import urls, words
from builder.render.glossary import TERMS
from builder.render.html import heading, prose
from builder.settings import Settings
from builder.validate.vocabulary import CREDIBILITY_WORDS, RELIABILITY_WORDS


def _finalize(value: object) -> object:
    """Dates print as ISO days and None as nothing; everything else is escaped by autoescape."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@functools.lru_cache(maxsize=8)
def make_environment(templates: Path, settings: Settings) -> jinja2.Environment:
    """Templates are trusted; content only ever arrives as variables, never as template source.

    One environment per folder, settings and process, so `serve` compiles each template once;
    Jinja recompiles a template whose file changed (`auto_reload`). The settings are fixed per
    environment because imported macro modules keep the globals of their first import."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,
    )
    env.filters["prose"] = prose
    env.globals["heading"] = heading
    env.globals["credibility_words"] = CREDIBILITY_WORDS
    env.globals["reliability_words"] = RELIABILITY_WORDS
    env.globals["settings"] = settings
    env.globals["verb"] = words.verb
    env.globals["bounds_words"] = words.bounds_words
    env.globals["day_words"] = words.day_words
    return env


@dataclass(frozen=True)
class Links:
    """Link builders bound to the page being rendered."""

    page: str
    analysis: Analysis
    # Glossary terms already linked on this page: a term links only where it first appears.
    seen: set[str] = field(default_factory=set, compare=False, hash=False)

    def href(self, to_page: str, anchor: str | None = None) -> Markup:
        """The address of a page (or of an anchor on it) as served, relative to this page."""
        if to_page == self.page:
            return Markup(f"#{escape(anchor)}" if anchor else "./")
        target = urls.final(self.page, to_page)
        return Markup(f"{target}#{escape(anchor)}" if anchor else target)

    def to(self, text: object, to_page: str, anchor: str | None = None) -> Markup:
        return Markup(f'<a href="{self.href(to_page, anchor)}">{escape(text)}</a>')

    def term(self, ident: str, text: object | None = None) -> Markup:
        """A term of the method (`glossary.TERMS`): linked to the glossary, with its short
        explanation as the tooltip, where the page first uses it; plain text after that."""
        term = TERMS[ident]
        label = escape(term.name.lower() if text is None else text)
        if ident in self.seen:
            return label
        self.seen.add(ident)
        href = self.href(urls.GLOSSARY, ident)
        return Markup(f'<a href="{href}" title="{escape(term.short)}">{label}</a>')

    def crumbs(self, trail: list[tuple[str, str]], current: str) -> Markup:
        """Breadcrumbs above a record's title: section › bucket › the record itself."""
        steps = [self.to(text, to_page) for text, to_page in trail]
        here = Markup('<span aria-current="page">{}</span>').format(current)
        return Markup(
            '<nav aria-label="Breadcrumbs" class="brief-crumbs">\n<p>'
            + " › ".join([*steps, here])
            + "</p>\n</nav>"
        )

    def actor(self, actor_id: str) -> Markup:
        return self.to(self.analysis.model.actor_name(actor_id), urls.actor(actor_id))

    def article(self, article_id: str) -> Markup:
        record = self.analysis.model.articles[article_id].record
        return self.to(record.title, urls.article(article_id))

    def topic(self, topic_id: str) -> Markup:
        return self.to(self.analysis.model.topics[topic_id].record.title, urls.topic(topic_id))

    def claim(self, ref: str, text: object | None = None) -> Markup:
        """A claim: its statement as text, without the closing full stop (the sentence around
        it has its own), and a short link to it by outlet and paragraph, "(Reuters ¶ 4)"; a
        whole sentence as a link reads badly and is hard to tell from the text around it. With
        `text`, a link with that text."""
        entry = self.analysis.model.claims[ref]
        page, anchor = urls.claim_ref(ref)
        if text is not None:
            return self.to(text, page, anchor)
        article = entry.article
        where = self.analysis.model.actor_name(article.record.outlet)
        span = article.claim_quotes.get(entry.claim.id)
        if span is not None:
            where += f" ¶ {span.paragraph}"
        statement = escape(entry.claim.text.rstrip().removesuffix("."))
        return Markup(f"{statement} ({self.to(where, page, anchor)})")

    def event(self, ref: str) -> Markup:
        """An event; a timeline row that several articles report lists the others too."""
        entry = self.analysis.model.events[ref]
        page, anchor = urls.event_ref(ref)
        link = self.to(entry.event.what, page, anchor)
        row = self.analysis.rows.get(ref)
        if row is None or len(row.reports) < 2:
            return link
        others = [self._report(r) for r in row.reports if r != ref]
        return Markup(f"{link} (also reported in {'; '.join(others)})")

    def _report(self, ref: str) -> Markup:
        article = self.analysis.model.events[ref].article
        page, anchor = urls.event_ref(ref)
        return self.to(article.record.title, page, anchor)

    def external(self, text: object, url: str) -> Markup:
        """A link out; only http(s) addresses ever get here (the schema enforces it)."""
        if not url.startswith(("https://", "http://")):
            return escape(text)
        return Markup(f'<a href="{escape(url)}">{escape(text)}</a>')
