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


def _opening(kind: str, height: int, title: str, description: str, role: str = "img") -> list[str]:
    """The <svg> element with its accessible name and description (ids `<kind>-title`, ...).
    A figure holding links is a `group`, not an `img`: an image's children are hidden from
    assistive technology, and its links with them."""
    return [
        f'<svg class="brief-{kind}" role="{role}" aria-labelledby="{kind}-title {kind}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" font-size="12" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{kind}-title">{escape(title)}</title>',
        f'<desc id="{kind}-desc">{escape(description)}</desc>',
    ]


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
    # One node per related actor; several relations with it share one edge and one label.
    by_other: dict[str, list[RelationView]] = {}
    for view in views:
        by_other.setdefault(view.other, []).append(view)
    others = sorted(by_other, key=name_of)
    height = 400
    cx, cy, rx, ry = WIDTH / 2, height / 2, WIDTH / 2 - 110, height / 2 - 45
    summary = "; ".join(f"{name} {v.label} {name_of(v.other)}{_bounds(v)}" for v in views)
    parts = _opening("graph", height, f"Relations of {name}", summary, role="group")
    edges: list[str] = []  # drawn first, so nodes and their links stay on top
    for index, other in enumerate(others):
        angle = 2 * math.pi * index / len(others) - math.pi / 2
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        lx, ly = cx + (x - cx) * 0.62, cy + (y - cy) * 0.62
        inferred = all(v.relation.inferred for v in by_other[other])
        dash = ' stroke-dasharray="4 3"' if inferred else ""  # inferred relations: dashed
        labels = list(dict.fromkeys(v.label + _bounds(v) for v in by_other[other]))
        lines = "".join(
            f'<tspan x="{lx:.1f}" dy="{0 if n == 0 else 13}">{escape(label)}</tspan>'
            for n, label in enumerate(labels)
        )
        edges.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="currentColor" '
            f'stroke-opacity="0.5"{dash}/>'
        )
        parts += [
            f'<text x="{lx:.1f}" y="{ly - 6 * len(labels):.1f}" text-anchor="middle" '
            f'fill="currentColor" font-style="italic" font-size="11">{lines}</text>',
            f'<a href="{escape(href_of(other))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="6" '
            f'fill="currentColor"/><text x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle" '
            f'fill="currentColor">{escape(name_of(other))}</text></a>',
        ]
    parts[3:3] = edges
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
        *_opening("timeline", height, title, summary),
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
