"""Indexes of the analysis under /index/: the timeline, every claim, and the disputed claims."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import cast

import jinja2
from markupsafe import Markup, escape

from builder.analyze import Analysis
from builder.analyze.dates import Interval
from builder.render import urls
from builder.render.env import Links
from builder.render.inputs import derived
from builder.render.page import Page
from builder.render.pages.sections import Bucket, bucket_pages
from builder.validate.vocabulary import CREDIBILITY_WORDS

INDEXES = urls.index_page("index")


def interval_text(interval: Interval) -> str:
    start, end = interval.start, interval.end
    if start and end:
        return str(start) if start == end else f"{start} to {end}"
    return f"until {end}" if end else f"from {start}" if start else "date unknown"


def _timeline_entry(analysis: Analysis):  # type: ignore[no-untyped-def]
    def entry(links: Links, key: str) -> Markup:
        item = analysis.rows.get(key) or analysis.deadlines[key]
        when = escape(f"{interval_text(item.interval)} ({item.interval.precision})")
        if item.kind == "event":
            return Markup(f"{when}: {links.event(key)}")
        topic, deadline = key.split("#", 1)
        target = links.to(item.what, urls.topic(topic), urls.deadline_anchor(deadline))
        return Markup(f"{when}: deadline, {target}")

    return entry


def timeline_buckets(analysis: Analysis) -> list[Bucket]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item in analysis.timeline():
        year = item.interval.start.year if item.interval.start else None
        groups[f"{year:04d}" if year else "open"].append(item.key)
    return [
        Bucket(f"Timeline: {'open start' if y == 'open' else y}", ("timeline", y), tuple(groups[y]))
        for y in sorted(groups)
    ]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _claim_entry(analysis: Analysis):  # type: ignore[no-untyped-def]
    def entry(links: Links, key: str) -> Markup:
        claim = analysis.model.claims[key]
        articles, origins = analysis.support([key])
        words = CREDIBILITY_WORDS[claim.claim.credibility]
        status = (
            ""
            if claim.claim.status == "active"
            else Markup("; <strong>{}</strong>").format(claim.claim.status)
        )
        disputed = "; disputed" if analysis.contradicted_by(key) else ""
        # The method's terms link to the glossary where the page first uses them.
        grade = escape(f" {claim.claim.credibility} ({words}); {_plural(articles, 'article')}, ")
        origin = links.term(
            "independent-origin", "independent origin" if origins == 1 else "independent origins"
        )
        facts = Markup(f"{links.term('credibility')}{grade}{origins} {origin}")
        return Markup(
            f"{links.claim(key)} ({links.article(claim.article.id)}; {facts}{status}{disputed})"
        )

    return entry


def claim_buckets(analysis: Analysis) -> list[Bucket]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, entry in analysis.model.claims.items():
        day = entry.article.record.published
        groups[(f"{day.year:04d}", f"{day.month:02d}")].append(key)
    return [
        Bucket(f"Claims from articles of {y}-{m}", ("claims", y, m), tuple(sorted(groups[(y, m)])))
        for y, m in sorted(groups, reverse=True)
    ]


def _dispute_entry(analysis: Analysis):  # type: ignore[no-untyped-def]
    def entry(links: Links, pair: str) -> Markup:
        a, b = pair.split(" ", 1)
        return Markup(f"{links.claim(a)} <strong>contradicts</strong> {links.claim(b)}")

    return entry


def render_indexes(env: jinja2.Environment, analysis: Analysis) -> list[Page]:
    """The index landing page and every bucket page of the three analysis indexes."""
    timeline = timeline_buckets(analysis)
    claims = claim_buckets(analysis)
    disputed = Bucket(
        "Disputed claims", ("disputed",), tuple(f"{a} {b}" for a, b in analysis.disputes())
    )
    pages = [derived(_landing, env, analysis, tuple(timeline), tuple(claims), disputed)]
    for bucket in timeline:
        pages += bucket_pages(env, analysis, bucket, _timeline_entry)
    for bucket in claims:
        pages += bucket_pages(env, analysis, bucket, _claim_entry)
    pages += bucket_pages(env, analysis, disputed, _dispute_entry)
    return pages


def _landing(
    env: jinja2.Environment,
    analysis: Analysis,
    timeline: tuple[Bucket, ...],
    claims: tuple[Bucket, ...],
    disputed: Bucket,
) -> Page:
    links = Links(INDEXES, analysis)
    markdown = env.get_template("indexes.html.j2").render(
        links=links,
        timeline=[(b, links.to(b.title, urls.index_page(*b.parts))) for b in timeline],
        claims=[(b, links.to(b.title, urls.index_page(*b.parts))) for b in claims],
        disputed=(disputed, links.to(disputed.title, urls.index_page(*disputed.parts))),
        sources=links.to("Sources by outlet", urls.index_page("sources")),
    )
    return Page.titled(INDEXES, "Indexes", markdown)


def _paragraph_link(links: Links, article_id: str, number: int) -> Markup:
    return links.to(f"¶ {number}", urls.article(article_id), f"p{number}")


def _mention_entry(analysis: Analysis, actor_id: str):  # type: ignore[no-untyped-def]
    from builder.render.pages.actor import mention_group

    def entry(links: Links, article_id: str) -> Markup:
        group = mention_group(analysis, actor_id, article_id)
        record = analysis.model.articles[article_id].record
        parts = [f"{links.article(article_id)} ({escape(str(record.published))})"]
        for number, snippet in group.excerpts:
            parts.append(f"{_paragraph_link(links, article_id, number)}: {snippet}")
        if group.elsewhere:
            parts.append(
                "also " + ", ".join(_paragraph_link(links, article_id, n) for n in group.elsewhere)
            )
        return Markup("; ".join(parts))

    return entry


def render_mention_lists(env: jinja2.Environment, analysis: Analysis) -> list[Page]:
    """The complete, paginated "mentioned in" list of each actor named in many articles."""
    from builder.render.pages.actor import BACKLINKS_SHOWN

    pages = []
    for actor_id, naming in analysis.model.mentions_by_actor.items():
        if len(naming) <= BACKLINKS_SHOWN:
            continue
        model = analysis.model
        ordered = sorted(
            naming, key=lambda a: (model.articles[a].record.published, a), reverse=True
        )
        title = f"Articles naming {model.actor_name(actor_id)}"
        bucket = Bucket(title, ("mentions", actor_id), tuple(ordered))
        pages += bucket_pages(env, analysis, bucket, _mention_entry, actor_id)
    return pages


def _published_entry(analysis: Analysis):  # type: ignore[no-untyped-def]
    def entry(links: Links, article_id: str) -> Markup:
        published = analysis.model.articles[article_id].record.published
        return Markup(f"{links.article(article_id)} ({escape(str(published))})")

    return entry


def render_actor_lists(env: jinja2.Environment, analysis: Analysis) -> list[Page]:
    """The complete, paginated lists behind each profile list cut to its newest entries."""
    from builder.render.pages.actor import LIST_SHOWN, LIST_TITLES, actor_lists

    entries = {
        "claims": _claim_entry,
        "events": _timeline_entry,
        "published": _published_entry,
        "originated": _claim_entry,
        "repeated": _claim_entry,
    }
    pages = []
    for actor_id in analysis.model.actors:
        name = analysis.model.actor_name(actor_id)
        for kind, ids in actor_lists(analysis, actor_id).items():
            if len(ids) > LIST_SHOWN:
                title = LIST_TITLES[kind].format(name)
                bucket = Bucket(title, ("actor", actor_id, kind), tuple(ids))
                pages += bucket_pages(env, analysis, bucket, entries[kind])
    return pages


def render_sources(env: jinja2.Environment, analysis: Analysis) -> list[Page]:
    """Media outlets with their reliability and what they originated or repeated, 100 a page."""
    from builder.render.page import page_count

    outlets = sorted(
        (a for a in analysis.model.actors.values() if a.record.type == "media-outlet"),
        key=lambda a: a.record.name.lower(),
    )
    ids = tuple(outlet.id for outlet in outlets)
    pages = range(1, page_count(len(ids)) + 1)
    return [derived(_sources_page, env, analysis, ids, number) for number in pages]


def _sources_page(
    env: jinja2.Environment, analysis: Analysis, outlets: tuple[str, ...], number: int
) -> Page:
    from builder.render.page import paginate

    model, facts = analysis.model, analysis.facts
    chunk = paginate(outlets, lambda n: urls.index_page("sources", page=n))[number - 1]
    links = Links(chunk.path, analysis)
    shown = [model.actors[outlet] for outlet in cast(Sequence[str], chunk.items)]
    rows = [
        (
            links.actor(outlet.id),
            outlet.record.reliability,
            len(facts.articles.get(outlet.id, [])),
            len(facts.originated.get(outlet.id, [])),
            len(facts.repeated.get(outlet.id, [])),
        )
        for outlet in shown
    ]
    markdown = env.get_template("sources.html.j2").render(chunk=chunk, rows=rows, links=links)
    title = "Sources by outlet" + (f" ({chunk.number} of {chunk.total})" if chunk.total > 1 else "")
    return Page.titled(chunk.path, title, markdown, searched=False)
