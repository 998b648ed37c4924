"""The Atom 1.0 feed (RFC 4287): new articles and topic updates, newest 50, stable ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from builder.analyze import Analysis

FEED_PATH = "feed.xml"
LIMIT = 50


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    href: str  # relative to the feed
    updated: dt.date
    summary: str


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def entries(analysis: Analysis) -> list[Entry]:
    """Articles by publication day and topics by last update, newest first."""
    model = analysis.model
    found = [
        Entry(
            f"urn:briefs:article:{a.id}",
            a.record.title,
            f"articles/{a.id}/",
            a.record.published,
            f"New article from {model.actor_name(a.record.outlet)}",
        )
        for a in model.articles.values()
    ]
    # A topic's entry id includes its revision day: each update is a new entry, never a rewrite.
    found += [
        Entry(
            f"urn:briefs:topic:{t.id}:{t.record.updated.isoformat()}",
            f"Brief updated: {t.record.title}", f"topics/{t.id}/", t.record.updated,
            " ".join(t.record.summary.split()),
        )
        for t in model.topics.values()
    ]  # fmt: skip
    found.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return found[:LIMIT]


def atom_feed(analysis: Analysis, site_name: str) -> str:
    """The feed document; ids never change for the same article or topic revision."""
    items = entries(analysis)
    newest = max((e.updated for e in items), default=analysis.as_of or dt.date(1970, 1, 1))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(site_name)}</title>",
        "  <id>urn:briefs:feed</id>",
        f"  <updated>{_stamp(newest)}</updated>",
        f'  <link rel="self" href={quoteattr(FEED_PATH)}/>',
        '  <link rel="alternate" href="./"/>',
        f"  <author><name>{escape(site_name)} contributors</name></author>",
    ]
    for e in items:
        lines += [
            "  <entry>",
            f"    <title>{escape(e.title)}</title>",
            f"    <id>{escape(e.id)}</id>",
            f"    <updated>{_stamp(e.updated)}</updated>",
            f'    <link rel="alternate" href={quoteattr(e.href)}/>',
            f"    <summary>{escape(e.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
