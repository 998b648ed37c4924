"""/api/: the model as data (SPEC §6, issue "Data out").

- `api/index.json`: every record with its kind, title, page address, JSON address and last
  content date, and the addresses of the CSV files and the feed;
- `api/<kind>/<id>.json`: one file per record, in the export format "briefs/1" (articles without
  their text unless `rights: full`), each naming its schema;
- `api/csv/<kind>.csv`: one CSV file per record kind (builder/export/tables.py).

Addresses are relative to the site's root, so they hold under a sub-path too. The export is
built once and every file is cut from it.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from builder.analyze import Analysis
from builder.export.build import actor_out, article_out, relation_out, topic_out
from builder.export.tables import (
    COLUMNS,
    DESCRIPTIONS,
    Rows,
    actor_rows,
    address,
    article_rows,
    csv_header,
    csv_lines,
    relation_rows,
    topic_rows,
)
from builder.render import urls
from builder.render.feed import FEED_PATH
from builder.render.inputs import derived
from builder.render.page import Page

SCHEMA = "briefs/1"
Entry = dict[str, Any]


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":")) + "\n"


def _record(kind: str, data: dict[str, Any]) -> str:
    return _dump({"schema": f"{SCHEMA}/{kind}", **data})


def json_path(kind: str, record_id: str) -> str:
    return f"api/{kind}s/{record_id}.json"


Csv = dict[str, tuple[str, int]]  # kind → its rows as CSV text without the header, and how many


def _entry(kind: str, record_id: str, title: str, page: str, updated: str | None) -> Entry:
    return {
        "kind": kind, "id": record_id, "title": title, "page": address(page),
        "json": json_path(kind, record_id), "updated": updated,
    }  # fmt: skip


def _csv(rows: Rows) -> Csv:
    return {
        kind: (csv_lines(kind_rows, len(COLUMNS[kind])), len(kind_rows))
        for kind, kind_rows in rows.items()
    }


def _article(analysis: Analysis, article_id: str) -> tuple[Page, Entry, Csv, list[str]]:
    """An article's JSON file, index entry and CSV rows, and the actors it names (the outlet
    too), for their `updated` day."""
    article = article_out(analysis, analysis.model.articles[article_id])
    record = article.model_dump(mode="json", by_alias=True)
    day = article.published.isoformat()
    entry = _entry("article", article.id, article.title, urls.article(article.id), day)
    named = sorted({article.outlet, *(m.actor for m in article.mentions)})
    page = Page(json_path("article", article.id), _record("article", record))
    return page, entry, _csv(article_rows(article)), named


def _actor(analysis: Analysis, actor_id: str) -> tuple[Page, Entry, Csv]:
    model = analysis.model
    mentions = sum(len(found) for found in model.mentions_of(actor_id).values())
    actor = actor_out(model.actors[actor_id], Counter({actor_id: mentions}))
    record = actor.model_dump(mode="json", by_alias=True)
    record["relations"] = [
        relation_out(view.relation).model_dump(mode="json") for view in model.relations_of(actor.id)
    ]
    entry = _entry("actor", actor.id, actor.name, urls.actor(actor.id), None)
    page = Page(json_path("actor", actor.id), _record("actor", record))
    return page, entry, _csv(actor_rows(actor))


def _topic(analysis: Analysis, topic_id: str) -> tuple[Page, Entry, Csv]:
    topic = topic_out(analysis, analysis.model.topics[topic_id])
    record = topic.model_dump(mode="json", by_alias=True)
    entry = _entry("topic", topic.id, topic.title, urls.topic(topic.id), topic.updated.isoformat())
    page = Page(json_path("topic", topic.id), _record("topic", record))
    return page, entry, _csv(topic_rows(topic, analysis))


def _relations(analysis: Analysis) -> Csv:
    return _csv(relation_rows([relation_out(r) for r in analysis.model.relations]))


def api_pages(analysis: Analysis) -> list[Page]:
    """The index, one JSON file per record and the CSV files, each record's part computed
    (and, in a preview, kept) on its own: one edited article changes its own file, the index
    and the CSV files, which are joined from the parts."""
    model = analysis.model
    articles = [derived(_article, analysis, a) for a in model.articles]
    actors = [derived(_actor, analysis, a) for a in model.actors]
    topics = [derived(_topic, analysis, t) for t in model.topics]
    newest: dict[str, str] = {}  # actor → the newest day an article names it or it publishes
    for _, entry, _, named in articles:
        for actor in named:
            newest[actor] = max(newest.get(actor, entry["updated"]), entry["updated"])
    entries = [entry for _, entry, _, _ in articles]
    entries += [{**entry, "updated": newest.get(entry["id"])} for _, entry, _ in actors]
    entries += [entry for _, entry, _ in topics]
    index = {
        "schema": f"{SCHEMA}/index",
        "as_of": analysis.as_of.isoformat() if analysis.as_of else None,
        "records": entries,
        "csv": {kind: f"api/csv/{kind}.csv" for kind in COLUMNS},
        "feed": FEED_PATH,
    }
    pages = [page for page, *_ in articles] + [page for page, *_ in actors]
    pages += [page for page, *_ in topics]
    pages.append(Page("api/index.json", _dump(index)))
    parts = [p[2] for p in sorted(articles, key=lambda p: p[1]["id"])]
    parts += [p[2] for p in sorted(actors, key=lambda p: p[1]["id"])]
    parts.append(derived(_relations, analysis))
    parts += [p[2] for p in sorted(topics, key=lambda p: p[1]["id"])]
    texts = {kind: [csv_header(kind)] for kind in COLUMNS}
    counts = dict.fromkeys(COLUMNS, 0)
    for part in parts:
        for kind, (text, count) in part.items():
            texts[kind].append(text)
            counts[kind] += count
    pages += [Page(f"api/csv/{kind}.csv", "".join(text)) for kind, text in texts.items()]
    return [*pages, data_page(len(entries), counts, entries[0]["json"] if entries else None)]


def data_page(records: int, rows: dict[str, int], example: str | None) -> Page:
    """/data/: what the API, the CSV files and the feed hold, and under which terms."""
    plural = "record" if records == 1 else "records"
    table = "\n".join(
        f"| [{kind}.csv](api/csv/{kind}.csv) | {DESCRIPTIONS[kind]} | {rows[kind]} |"
        for kind in COLUMNS
    )
    sample = f" For example [{example}]({example})." if example else ""
    body = f"""# Data

Everything this site shows is also data, for spreadsheets, scripts and threat-intelligence
tools. The files follow the site's rights rules: no article text unless the article is marked
`rights: full`, and only the short quotes the pages show. Addresses inside the files are
relative to the site's root.

## API

- [api/index.json](api/index.json): all {records} {plural}, each with its kind, title, page
  address, JSON address and last content date (an article's publication day, a topic's update,
  the newest article naming an actor), and the addresses of the CSV files and the feed. Schema
  `briefs/1/index`.
- `api/articles/<id>.json`, `api/actors/<id>.json`, `api/topics/<id>.json`: one file per
  record in the export format `briefs/1`; the `schema` field names it (`briefs/1/article`,
  `briefs/1/actor`, `briefs/1/topic`).{sample}

## CSV

One UTF-8 file per record kind, with a header row; columns keep their order (new ones are only
added at the end), dates are ISO days, and several values in one cell are separated by "; ".
Ids join the files: `claims.article` and `events.article` are `articles.id`; `claims.source`,
`claims.actors`, `mentions.actor` and `relations.subject`/`object` are `actors.id`;
`key_judgments.claims` are `claims.key`. A cell that a spreadsheet would run as a formula
(starting with =, +, -, @) starts with an apostrophe instead. In Excel, open the files through
Data › From Text/CSV and choose UTF-8.

| File | What it holds | Rows |
|---|---|---|
{table}

## Feed

- [feed.xml](feed.xml): an Atom feed of new articles and topic updates, the newest 50.

## From the command line

`briefs export --format json --out FILE` writes the whole model as one file, `--format csv
--out FOLDER` the CSV files above, and `--format stix --out FILE` a STIX 2.1 bundle for
threat-intelligence platforms (OpenCTI, MISP): actors as identities and threat actors,
relations as relationships, articles as reports, claims as notes with their Admiralty grades,
and a marking for each article's rights.

## Licence

The curated records (summaries, claims, judgments, relations) are the project's own words and
are published under the [content licence](licence.md); quotes and article metadata belong to
their publishers and may be used as the licence page describes.
"""
    return Page.titled("data.md", "Data", body, markup=False)
