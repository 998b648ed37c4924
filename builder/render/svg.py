"""Pictures drawn at build time as inline SVG: no script, readable offline and in print.

Each picture is drawn twice, wide (for a desktop column and paper) and narrow (for a phone);
the stylesheet shows one. Both are laid out in rows, so no two texts overlap by construction:
text widths are estimated generously and long texts wrap. Text is 13 units high and the
drawing is never wider than its column, so it stays at 12 CSS px or more at 390 px and up.

Each has a <title> and <desc> for screen readers, and the page carries the same facts as a list
or table. Text is escaped here; links are final relative URLs (raw HTML is not rewritten by
MkDocs), made by `urls.final`.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Literal

from markupsafe import Markup

from builder.analyze.dates.interval import month_of
from builder.analyze.timeline import TimelineEntry
from builder.model import RelationView
from builder.render.words import MONTHS, interval_words, relation_sentence, relation_words
from builder.validate.vocabulary import SYMMETRIC_RELATIONS

WIDE, NARROW = 680, 340  # viewBox widths: a desktop content column, a 360 px phone column
FONT, LINE, PAD = 13, 17, 8
EM = 0.62  # estimated advance of one character, in ems: generous for DejaVu Sans and Roboto
Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Text:
    """One line of text at a baseline; its box is estimated for layout and tests."""

    x: float
    y: float
    text: str
    anchor: Anchor = "start"
    style: str = ""  # extra SVG attributes
    href: str | None = None
    bold: bool = False

    @property
    def width(self) -> float:
        return len(self.text) * FONT * EM * (1.08 if self.bold else 1.0)

    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) as estimated."""
        shift = {"start": 0.0, "middle": self.width / 2, "end": self.width}[self.anchor]
        left = self.x - shift
        return left, self.y - FONT * 0.8, left + self.width, self.y + FONT * 0.25

    def svg(self) -> str:
        weight = ' font-weight="bold"' if self.bold else ""
        anchor = f' text-anchor="{self.anchor}"' if self.anchor != "start" else ""
        element = (
            f'<text x="{self.x:.1f}" y="{self.y:.1f}"{anchor}{weight}{self.style} '
            f'fill="currentColor">{escape(self.text)}</text>'
        )
        return f'<a href="{escape(self.href)}">{element}</a>' if self.href else element


def wrap(text: str, width: float) -> list[str]:
    """`text` in lines that fit `width` units as estimated (a very long word is broken)."""
    return textwrap.wrap(text, max(1, int(width / (FONT * EM)))) or [""]


@dataclass(frozen=True)
class Drawing:
    """A laid-out picture: its texts (checked for overlap by the tests), shapes and height."""

    width: int
    height: float
    texts: tuple[Text, ...]
    shapes: tuple[str, ...]

    def svg(self, kind: str, variant: str, title: str, description: str, role: str) -> str:
        """The <svg> element with its accessible name and description. A figure holding links
        is a `group`, not an `img`: an image's children are hidden from assistive technology,
        and its links with them. Ids carry the variant: both variants are in the page."""
        ident = f"{kind}-{variant}"
        height = round(self.height)
        return "".join(
            [
                f'<svg class="brief-{kind} brief-{variant}" role="{role}" '
                f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {self.width} {height}" '
                f'width="{self.width}" height="{height}" font-size="{FONT}" '
                f'xmlns="http://www.w3.org/2000/svg">',
                f'<title id="{ident}-title">{escape(title)}</title>',
                f'<desc id="{ident}-desc">{escape(description)}</desc>',
                _arrow_marker(ident) if kind == "graph" else "",
                *self.shapes,
                *(t.svg() for t in self.texts),
                "</svg>",
            ]
        )


def _arrow_marker(ident: str) -> str:
    return (
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>'
    )


def _both(
    kind: str, draw: Callable[[int], Drawing], title: str, description: str, role: str
) -> Markup:
    return Markup(
        "".join(
            draw(width).svg(kind, variant, title, description, role)
            for variant, width in (("wide", WIDE), ("narrow", NARROW))
        )
    )


# --- The relation graph ------------------------------------------------------------------------

Direction = Literal["out", "in", "both"]


@dataclass(frozen=True)
class Row:
    """One related actor and the relations in one direction: a branch of the graph."""

    other: str
    direction: Direction
    labels: tuple[str, ...]
    inferred: bool


def _direction(view: RelationView) -> Direction:
    if view.relation.type in SYMMETRIC_RELATIONS:
        return "both"
    return "in" if view.relation.subject == view.other else "out"


def graph_rows(views: Iterable[RelationView], name_of: Callable[[str], str]) -> list[Row]:
    """One row per related actor and direction, by name; outgoing before mutual before incoming."""
    grouped: dict[tuple[str, Direction], list[RelationView]] = {}
    for view in views:
        grouped.setdefault((view.other, _direction(view)), []).append(view)
    order = {"out": 0, "both": 1, "in": 2}
    return [
        Row(
            other,
            direction,
            tuple(dict.fromkeys(relation_words(v) for v in group)),
            all(v.relation.inferred for v in group),
        )
        for (other, direction), group in sorted(
            grouped.items(), key=lambda item: (name_of(item[0][0]), order[item[0][1]], item[0][0])
        )
    ]


def graph_layout(
    name: str,
    rows: Sequence[Row],
    name_of: Callable[[str], str],
    href_of: Callable[[str], str],
    width: int,
) -> Drawing:
    """A tree: the actor, a trunk, and one branch per row whose arrow runs from the actor that
    acts to the one acted on. Wide: the actor on the left, the words above each branch and the
    other actor at its end. Narrow: the actor on top, words and then the other actor under
    each branch."""
    wide = width >= 600
    variant = "wide" if wide else "narrow"
    ego_width = 130 if wide else width - 2 * PAD
    ego_lines = wrap(name, ego_width / 1.08)
    trunk = PAD + ego_width + 12 if wide else 14
    label_x = trunk + 16 if wide else 40
    name_x = 420 if wide else label_x
    branch_end = name_x - 8 if wide else label_x - 6
    label_width = (branch_end - 4 - label_x) if wide else width - PAD - label_x
    name_width = width - PAD - name_x
    italic = ' font-style="italic"'
    texts: list[Text] = []
    branches: list[tuple[float, Row]] = []
    top: float = PAD if wide else PAD + len(ego_lines) * LINE + 8
    for row in rows:
        labels = [line for label in row.labels for line in wrap(label, label_width)]
        names = wrap(name_of(row.other), name_width)
        href = href_of(row.other)
        if wide:  # the words above the branch, the other actor at its end
            texts += [
                Text(label_x, top + FONT + n * LINE, w, style=italic) for n, w in enumerate(labels)
            ]
            y = top + len(labels) * LINE + 6
            first_name = y + 4.5
        else:  # the words beside the branch, the other actor under them
            y = top + FONT / 2
            texts += [
                Text(label_x, y + 4.5 + n * LINE, w, style=italic) for n, w in enumerate(labels)
            ]
            first_name = y + 4.5 + len(labels) * LINE
        texts += [Text(name_x, first_name + n * LINE, w, href=href) for n, w in enumerate(names)]
        branches.append((y, row))
        top = first_name + (len(names) - 1) * LINE + FONT * 0.25 + (12 if wide else 10)
    ys = [y for y, _ in branches] or [PAD + LINE]
    if wide:  # the actor's name beside the middle of the trunk; all moved down if it would not fit
        middle = (ys[0] + ys[-1]) / 2
        first_line = middle + 4.5 - (len(ego_lines) - 1) * LINE / 2
        shift = max(0.0, PAD + FONT * 0.8 - first_line)
        texts = [replace(t, y=t.y + shift) for t in texts]
        branches = [(y + shift, row) for y, row in branches]
        ys = [y + shift for y in ys]
        middle += shift
        ego = [
            Text(PAD, first_line + shift + n * LINE, w, bold=True) for n, w in enumerate(ego_lines)
        ]
        height = max(top + shift, ego[-1].y + FONT * 0.25 + PAD)
        stub = min(PAD + max(t.width for t in ego) + 6, trunk)
        shapes = [_stroke(stub, middle, trunk, middle)]
        span = (min(ys[0], middle), max(ys[-1], middle))
    else:
        ego = [Text(PAD, PAD + FONT + n * LINE, w, bold=True) for n, w in enumerate(ego_lines)]
        height = top
        shapes = []
        span = (ego[-1].y + 6, ys[-1])
    shapes.append(_stroke(trunk, span[0], trunk, span[1]))
    for y, row in branches:
        ends = {"out": ["end"], "in": ["start"], "both": ["start", "end"]}[row.direction]
        extra = "".join(f' marker-{end}="url(#graph-{variant}-arrow)"' for end in ends)
        if row.inferred:  # inferred relations: dashed
            extra += ' stroke-dasharray="4 3"'
        shapes.append(_stroke(trunk, y, branch_end, y, extra))
    return Drawing(width, height, tuple(ego + texts), tuple(shapes))


def _stroke(x1: float, y1: float, x2: float, y2: float, extra: str = "", width: float = 1.5) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="currentColor" '
        f'stroke-width="{width}"{extra}/>'
    )


def ego_graph(
    name: str,
    views: Sequence[RelationView],
    name_of: Callable[[str], str],
    href_of: Callable[[str], str],
) -> Markup:
    """The actor and each related actor, one branch per direction, arrows from who acts."""
    if not views:
        return Markup("")
    rows = graph_rows(views, name_of)
    sentences = dict.fromkeys(relation_sentence(v.relation, name_of) for v in views)
    return _both(
        "graph",
        lambda width: graph_layout(name, rows, name_of, href_of, width),
        f"Relations of {name}",
        "; ".join(sentences),
        "group",
    )


# --- The timeline ------------------------------------------------------------------------------

BREAK = 24  # the width of a compressed gap on the time axis


@dataclass(frozen=True)
class Stretch:
    """A run of months with something in them; gaps between stretches are drawn compressed."""

    first: dt.date
    last: dt.date
    x: float = 0.0

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def stretches(days: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Whole months covering every (first, last) pair, merged where at most one empty month
    separates them."""
    merged: list[tuple[dt.date, dt.date]] = []
    months = ((month_of(a.year, a.month)[0], month_of(b.year, b.month)[1]) for a, b in days)
    for first, last in sorted(months):
        if merged and first <= merged[-1][1] + dt.timedelta(days=32):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


class Axis:
    """Days to x: each stretch gets width in proportion to its days; gaps get `BREAK`."""

    def __init__(self, spans: Sequence[tuple[dt.date, dt.date]], left: float, right: float) -> None:
        parts = [Stretch(first, last) for first, last in spans]
        self.scale = (right - left - BREAK * (len(parts) - 1)) / sum(p.days for p in parts)
        self.parts: list[Stretch] = []
        x = left
        for part in parts:
            self.parts.append(replace(part, x=x))
            x += part.days * self.scale + BREAK

    def stretch(self, day: dt.date) -> Stretch:
        return next(s for s in self.parts if s.first <= day <= s.last)

    def x(self, day: dt.date) -> float:
        part = self.stretch(day)
        return part.x + (day - part.first).days * self.scale

    def ticks(self) -> list[tuple[float, dt.date]]:
        out = []
        for part in self.parts:
            month = part.first
            while month <= part.last:
                out.append((self.x(month), month))
                month = month_of(month.year, month.month)[1] + dt.timedelta(days=1)
        return out


def timeline_layout(entries: Sequence[TimelineEntry], width: int) -> Drawing:
    """Month ticks on top; one row per entry, its bar on a compressed axis and its words beside
    it (right of the bar, else left of it, else above it, wrapped)."""
    left, right = PAD, width - PAD
    known = [
        (e.interval.start or e.interval.end, e.interval.end or e.interval.start) for e in entries
    ]
    axis = Axis(stretches((a, b) for a, b in known if a and b), left, right)
    texts: list[Text] = []
    shapes: list[str] = []
    last_label: Text | None = None
    last_year = 0
    for x, month in axis.ticks():  # a month's name at its tick where it fits; the year when new
        words = MONTHS[month.month - 1][:3] + ("" if month.year == last_year else f" {month.year}")
        label = Text(x + 2, PAD + FONT, words)
        if label.box()[2] <= right and (
            last_label is None or label.box()[0] > last_label.box()[2] + 6
        ):
            texts.append(label)
            last_label, last_year = label, month.year
    axis_y = PAD + FONT + 6
    shapes.append(_stroke(left, axis_y, right, axis_y, ' stroke-opacity="0.5"', width=1))
    for part in axis.parts[1:]:  # a compressed gap: two slashes across the axis
        gap = part.x - BREAK / 2
        shapes.append(
            f'<path d="M{gap - 5:.1f},{axis_y + 5} l4,-10 M{gap + 1:.1f},{axis_y + 5} l4,-10" '
            'stroke="currentColor" fill="none"><title>time left out</title></path>'
        )
    top = axis_y + 10
    for entry in entries:
        start, end = entry.interval.start, entry.interval.end
        x1 = axis.x(start) if start else axis.stretch(end).x if end else left
        if end:
            x2 = axis.x(end) + axis.scale
        else:
            part = axis.stretch(start)  # type: ignore[arg-type]
            x2 = part.x + part.days * axis.scale
        x2 = max(x2, x1 + 3)
        words = entry.what + (" (inferred)" if entry.inferred else "")
        line = Text(x2 + 6, 0, words)
        if line.box()[2] <= right:
            bar_y, lines = top + 3, [Text(x2 + 6, top + FONT - 1, words)]
        elif x1 - 6 - line.width >= left:
            bar_y, lines = top + 3, [Text(x1 - 6, top + FONT - 1, words, anchor="end")]
        else:
            wrapped = wrap(words, right - left)
            widest = max(Text(0, 0, w).width for w in wrapped)
            start_x = max(left, min(x1, right - widest))
            lines = [Text(start_x, top + FONT + n * LINE, w) for n, w in enumerate(wrapped)]
            bar_y = top + len(wrapped) * LINE + 2
        texts += lines
        dash = ' stroke-dasharray="4 3"' if entry.interval.precision == "open" else ""
        shapes.append(
            f'<rect x="{x1:.1f}" y="{bar_y:.1f}" width="{x2 - x1:.1f}" height="10" '
            f'fill="currentColor" fill-opacity="{0.35 if entry.kind == "event" else 0.7}" '
            f'stroke="currentColor"{dash}/>'
        )
        top = bar_y + 10 + 10
    height = top + PAD
    faint = ' stroke-opacity="0.2"'  # month ticks, under the bars
    shapes[:0] = [_stroke(x, PAD + 2, x, top, faint, width=1) for x, _ in axis.ticks()]
    return Drawing(width, height, tuple(texts), tuple(shapes))


def timeline_chart(title: str, entries: Sequence[TimelineEntry]) -> Markup:
    """One row per entry: a bar over its resolved dates, dashed where an end is open."""
    dated = [e for e in entries if e.interval.start or e.interval.end]
    if not dated:
        return Markup("")
    summary = "; ".join(
        f"{e.what}: {interval_words(e.interval)}" + (" (inferred)" if e.inferred else "")
        for e in dated
    )
    return _both("timeline", lambda width: timeline_layout(dated, width), title, summary, "img")
