"""Pictures drawn at build time as inline SVG: no script, readable offline and in print.

Each has a <title> and <desc> for screen readers, and the page carries the same facts as a list
or table. Text is escaped here; links are final relative URLs (raw HTML is not rewritten by
MkDocs), made by `urls.final`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from html import escape

from markupsafe import Markup

from builder.analyze.timeline import TimelineEntry
from builder.model import RelationView

WIDTH = 720


def _bounds(view: RelationView) -> str:
    r = view.relation
    return f" ({r.since or '…'}–{r.until or '…'})" if r.since or r.until else ""


def ego_graph(
    name: str,
    views: Sequence[RelationView],
    name_of: Callable[[str], str],
    href_of: Callable[[str], str],
) -> Markup:
    """The actor in the middle, each related actor around it, edges labelled from its side."""
    if not views:
        return Markup("")
    height = 420 if len(views) > 6 else 320
    cx, cy, radius = WIDTH / 2, height / 2, min(WIDTH, height) / 2 - 50
    summary = "; ".join(f"{name} {v.label} {name_of(v.other)}{_bounds(v)}" for v in views)
    parts = [
        f'<svg class="brief-graph" role="img" aria-labelledby="graph-title graph-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" font-size="12" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="graph-title">Relations of {escape(name)}</title>',
        f'<desc id="graph-desc">{escape(summary)}</desc>',
    ]
    for index, view in enumerate(views):
        angle = 2 * math.pi * index / len(views) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        mx, my = (cx + x) / 2, (cy + y) / 2
        dash = ' stroke-dasharray="4 3"' if view.relation.inferred else ""  # inferred: dashed
        parts += [
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="currentColor" '
            f'stroke-opacity="0.5"{dash}/>',
            f'<text x="{mx:.1f}" y="{my - 4:.1f}" text-anchor="middle" fill="currentColor" '
            f'font-style="italic">{escape(view.label + _bounds(view))}</text>',
            f'<a href="{escape(href_of(view.other))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="6" '
            f'fill="currentColor"/><text x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle" '
            f'fill="currentColor">{escape(name_of(view.other))}</text></a>',
        ]
    parts += [
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="9" fill="currentColor"/>',
        f'<text x="{cx:.1f}" y="{cy + 24:.1f}" text-anchor="middle" font-weight="bold" '
        f'fill="currentColor">{escape(name)}</text>',
        "</svg>",
    ]
    return Markup("".join(parts))


def _span(entries: Sequence[TimelineEntry]) -> tuple[dt.date, dt.date]:
    days = [d for e in entries for d in (e.interval.start, e.interval.end) if d is not None]
    first, last = min(days), max(days)
    return first, last if last > first else first + dt.timedelta(days=1)


def timeline_chart(title: str, entries: Sequence[TimelineEntry]) -> Markup:
    """One row per entry: a bar over its interval, dashed where an end is open."""
    dated = [e for e in entries if e.interval.start or e.interval.end]
    if not dated:
        return Markup("")
    first, last = _span(dated)
    left, right, row = 10, WIDTH - 10, 34
    scale = (right - left) / ((last - first).days + 1)
    height = row * len(dated) + 30

    def x(day: dt.date) -> float:
        return left + (day - first).days * scale

    summary = "; ".join(f"{e.what}: {e.when} ({e.interval.precision})" for e in dated)
    parts = [
        f'<svg class="brief-timeline" role="img" aria-labelledby="timeline-title timeline-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" font-size="12" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{escape(title)}</title>',
        f'<desc id="timeline-desc">{escape(summary)}</desc>',
        f'<text x="{left}" y="14" fill="currentColor">{first.isoformat()}</text>',
        f'<text x="{right}" y="14" text-anchor="end" fill="currentColor">{last.isoformat()}</text>',
    ]
    for index, entry in enumerate(dated):
        top = 30 + index * row
        start, end = entry.interval.start or first, entry.interval.end or last
        x1, x2 = x(start), max(x(end) + scale, x(start) + 3)
        dash = ' stroke-dasharray="4 3"' if entry.interval.precision == "open" else ""
        label = f"{entry.what} ({entry.interval.precision})"
        parts += [
            f'<text x="{left}" y="{top + 10}" fill="currentColor">{escape(label)}</text>',
            f'<rect x="{x1:.1f}" y="{top + 15}" width="{x2 - x1:.1f}" height="10" '
            f'fill="currentColor" fill-opacity="{0.35 if entry.kind == "event" else 0.7}" '
            f'stroke="currentColor"{dash}/>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
