"""Topic pages: the brief, bottom line first."""

from __future__ import annotations

import jinja2

from builder.analyze import Analysis, deadline_state
from builder.render import urls
from builder.render.env import Links
from builder.render.page import Page
from builder.render.pages.sections import topic_status_title
from builder.render.svg import timeline_chart
from builder.validate.corpus import ValidTopic


def cited_claims(topic: ValidTopic) -> list[str]:
    """Every claim the topic rests on, in first-cited order."""
    refs = [ref for j in topic.record.key_judgments for ref in j.claims]
    refs += [ref for d in topic.record.deadlines for ref in d.claims]
    return list(dict.fromkeys(refs))


def endnotes(analysis: Analysis, claims: list[str]) -> list[str]:
    """Source articles numbered in the order the brief first cites them."""
    return list(dict.fromkeys(analysis.model.claims[ref].article.id for ref in claims))


def judgment_flags(analysis: Analysis, topic: ValidTopic) -> dict[str, list[str]]:
    """What a reader must know before trusting each judgment."""
    flags: dict[str, list[str]] = {}
    model = analysis.model
    for judgment in topic.record.key_judgments:
        notes = []
        claims = [model.claims[c] for c in judgment.claims if c in model.claims]
        if not claims:
            notes.append("rests on no recorded claim")
        elif all(e.claim.anonymous for e in claims):
            notes.append("rests only on anonymous claims")
        for ref in analysis.retracted_support(judgment.claims):
            notes.append(f"rests on a {model.claims[ref].claim.status} claim ({ref})")
        clusters = {analysis.origins.cluster_of[e.key] for e in claims}
        if any(analysis.origins.clusters[c].circular for c in clusters):
            notes.append("circular reporting: several outlets repeat one origin")
        if any(analysis.contradicted_by(e.key) for e in claims):
            notes.append("a supporting claim is contradicted by another report")
        flags[judgment.id] = notes
    return flags


def render_topic(env: jinja2.Environment, analysis: Analysis, topic_id: str) -> Page:
    topic = analysis.model.topics[topic_id]
    path = urls.topic(topic.id)
    claims = cited_claims(topic)
    sources = endnotes(analysis, claims)
    as_of = analysis.as_of
    states = {d.id: deadline_state(d, as_of) for d in topic.record.deadlines} if as_of else {}
    timeline = analysis.topic_timeline(topic.id)
    links = Links(path, analysis)
    status = topic.record.status
    crumbs = links.crumbs(
        [("Topics", urls.TOPICS), (topic_status_title(status), urls.index_page("topics", status))],
        topic.record.title,
    )
    markdown = env.get_template("topic.html.j2").render(
        topic=topic,
        record=topic.record,
        links=links,
        crumbs=crumbs,
        analysis=analysis,
        claims=[analysis.model.claims[ref] for ref in claims],
        sources=sources,
        note_number={article: n for n, article in enumerate(sources, start=1)},
        deadline_states=states,
        judgment_flags=judgment_flags(analysis, topic),
        timeline=timeline,
        chart=timeline_chart(f"Timeline of {topic.record.title}", timeline),
        disputes=[(a, b) for a, b in analysis.disputes() if a in claims or b in claims],
        urls=urls,
    )
    return Page.titled(path, topic.record.title, markdown)
