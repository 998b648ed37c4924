"""`export --format csv` and /api/csv/: the model as one CSV file per record kind.

Every file is UTF-8 (no byte-order mark), comma-separated with a header row, quoted where needed
(RFC 4180, CRLF line ends as the csv module writes them), rows sorted by their ids. Dates are ISO
days; lists inside a cell are joined with "; " and their ids join other files:

    claims.article → articles.id            claims.source, claims.actors → actors.id
    mentions.article → articles.id           mentions.actor → actors.id
    relations.subject, relations.object → actors.id
    events.article → articles.id             key_judgments.topic, deadlines.topic → topics.id
    key_judgments.claims, deadlines.claims → claims.key ('<article>#<claim>')

The rights rules are the site's: no article text at all (only the short quotes the site shows),
and a cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
carriage return) is prefixed with an apostrophe, so it shows as the text it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from builder.analyze import Analysis
from builder.export.models import ActorOut, ArticleOut, Export, RelationOut, TopicOut

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The files, in the order the Data page lists them, with their columns (stable: new columns
# are only ever added at the end).
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "title", "published", "outlet", "language", "rights", "url", "archive_url",
                 "byline", "accessed", "dek", "paragraphs", "words", "claims", "events",
                 "text_sha256", "page"),
    "actors": ("id", "name", "type", "country", "reliability", "mentions", "summary", "page"),
    "aliases": ("actor", "name", "kind"),
    "relations": ("subject", "type", "object", "since", "until", "words", "inferred", "claims",
                  "note"),
    "claims": ("key", "article", "claim", "text", "quote", "paragraph", "source", "via",
               "attributed_to", "anonymous", "credibility", "actors", "status", "superseded_by",
               "contradicts", "origins", "cluster", "cluster_reports", "cluster_origins",
               "inferred"),
    "events": ("key", "article", "event", "what", "when", "start", "end", "precision", "actors",
               "quote", "same_as", "inferred"),
    "topics": ("id", "title", "status", "updated", "summary", "actors", "related", "page"),
    "key_judgments": ("topic", "judgment", "text", "likelihood", "confidence", "claims",
                      "articles", "independent_origins", "inferred"),
    "deadlines": ("topic", "deadline", "what", "from", "due", "state", "claims"),
    "mentions": ("article", "actor", "paragraph", "start", "end", "text", "kind"),
}  # fmt: skip

DESCRIPTIONS = {
    "articles": "one row per source article: metadata, counts and its page (never its text)",
    "actors": "one row per actor: type, country, source reliability, how often it is named",
    "aliases": "every name an actor is found by: its name, its aliases and its demonyms",
    "relations": "each relation once, in its forward direction, with time bounds and evidence",
    "claims": "each claim with its quote, origin chain, attribution, credibility and support",
    "events": "each dated event with the phrase as written and the days it resolves to",
    "topics": "one row per topic: status, date of the last update, summary",
    "key_judgments": "each key judgment with likelihood, confidence and support",
    "deadlines": "each deadline a topic watches, with its state on the newest content date",
    "mentions": "every place an actor is named: article, paragraph and code-point offsets",
}


def _cell(value: object) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_lines(rows: Iterable[Sequence[object]], width: int) -> str:
    """Rows as CSV text without the header; the rows of several records join by plain
    concatenation (the writer keeps no state from row to row)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        assert len(row) == width
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def csv_header(kind: str) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(COLUMNS[kind])
    return out.getvalue()


def address(page: str) -> str:
    """A page's address from the site's root, as served: 'actors/iran/'."""
    from builder.render import urls  # here: builder.render imports this module for /api/

    return urls.final(urls.HOME, page)


Rows = dict[str, list[tuple[object, ...]]]


def csv_files(export: Export, analysis: Analysis) -> dict[str, str]:
    """`<kind>.csv` → its text."""
    return csv_texts(csv_rows(export, analysis))


def csv_texts(rows: Rows) -> dict[str, str]:
    return {
        f"{kind}.csv": csv_header(kind) + csv_lines(rows[kind], len(COLUMNS[kind]))
        for kind in COLUMNS
    }


def csv_rows(export: Export, analysis: Analysis) -> Rows:
    """Each kind's rows, in file order; `page` columns hold addresses from the site's root."""
    rows: Rows = {kind: [] for kind in COLUMNS}
    parts = [article_rows(a) for a in sorted(export.articles, key=lambda a: a.id)]
    parts += [actor_rows(actor) for actor in sorted(export.actors, key=lambda a: a.id)]
    parts.append(relation_rows(export.relations))
    parts += [topic_rows(t, analysis) for t in sorted(export.topics, key=lambda t: t.id)]
    for part in parts:
        for kind, kind_rows in part.items():
            rows[kind] += kind_rows
    return rows


def article_rows(a: ArticleOut) -> Rows:
    """An article's rows: itself, its claims, events and mentions."""
    from builder.render import urls

    rows: Rows = {"articles": [], "claims": [], "events": [], "mentions": []}
    rows["articles"].append((
        a.id, a.title, a.published, a.outlet, a.language, a.rights, a.url, a.archive_url,
        a.byline, a.accessed, a.dek, a.paragraphs, a.words, len(a.claims), len(a.events),
        a.text_sha256, address(urls.article(a.id)),
    ))  # fmt: skip
    for c in a.claims:
        rows["claims"].append((
            f"{a.id}#{c.id}", a.id, c.id, c.text, c.quote.text, c.quote.paragraph,
            c.source or a.outlet, c.via, c.attributed_to, c.anonymous, c.credibility,
            c.actors, c.status, c.superseded_by, c.contradicts, c.origins, c.cluster,
            c.cluster_reports, c.cluster_origins, c.inferred,
        ))  # fmt: skip
    for e in a.events:
        rows["events"].append((
            f"{a.id}#{e.id}", a.id, e.id, e.what, e.when, e.start, e.end, e.precision,
            e.actors, e.quote.text if e.quote else None, e.same_as, e.inferred,
        ))  # fmt: skip
    for m in a.mentions:
        rows["mentions"].append((a.id, m.actor, m.paragraph, m.start, m.end, m.text, m.kind))
    return rows


def actor_rows(actor: ActorOut) -> Rows:
    """An actor's row and the names it is found by."""
    from builder.render import urls

    rows: Rows = {"actors": [], "aliases": []}
    rows["actors"].append((
        actor.id, actor.name, actor.type, actor.country, actor.reliability, actor.mentions,
        actor.summary, address(urls.actor(actor.id)),
    ))  # fmt: skip
    # Only names the actor is found by: `excludes` are other things' names, and
    # `common_words` and `attached` only qualify names already listed here.
    names = [(actor.name, "name")] + [(n, "alias") for n in actor.aliases]
    names += [(n, "demonym") for n in actor.demonyms]
    rows["aliases"] += [(actor.id, name, kind) for name, kind in names]
    return rows


def relation_rows(relations: Iterable[RelationOut]) -> Rows:
    from builder.render.words import verb

    rows: Rows = {"relations": []}
    for r in sorted(relations, key=lambda r: (r.subject, r.type, r.object, r.since or "")):
        rows["relations"].append((
            r.subject, r.type, r.object, r.since, r.until, verb(r.type), r.inferred, r.claims,
            r.note,
        ))  # fmt: skip
    return rows


def topic_rows(t: TopicOut, analysis: Analysis) -> Rows:
    """A topic's row, its key judgments and its deadlines."""
    from builder.render import urls

    rows: Rows = {"topics": [], "key_judgments": [], "deadlines": []}
    rows["topics"].append(
        (t.id, t.title, t.status, t.updated, t.summary, t.actors, t.related,
         address(urls.topic(t.id)))
    )  # fmt: skip
    for j in t.key_judgments:
        articles, origins = analysis.support(j.claims)
        rows["key_judgments"].append(
            (t.id, j.id, j.text, j.likelihood, j.confidence, j.claims, articles, origins,
             j.inferred)
        )  # fmt: skip
    for d in t.deadlines:
        rows["deadlines"].append((t.id, d.id, d.what, d.start, d.due, d.state, d.claims))
    return rows
