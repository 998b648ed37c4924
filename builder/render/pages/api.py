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
from typing import Any

from builder.analyze import Analysis
from builder.export.build import build_export, relation_out
from builder.export.tables import COLUMNS, DESCRIPTIONS, address, csv_rows, csv_texts
from builder.render import urls
from builder.render.feed import FEED_PATH
from builder.render.page import Page

SCHEMA = "briefs/1"


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":")) + "\n"


def _record(kind: str, data: dict[str, Any]) -> str:
    return _dump({"schema": f"{SCHEMA}/{kind}", **data})


def json_path(kind: str, record_id: str) -> str:
    return f"api/{kind}s/{record_id}.json"


def api_pages(analysis: Analysis) -> list[Page]:
    """The index, one JSON file per record and the CSV files."""
    model = analysis.model
    export = build_export(analysis, [])
    newest: dict[str, str] = {}  # actor → the newest day an article names it or it publishes
    for article in export.articles:
        day = article.published.isoformat()
        for named in {article.outlet, *(m.actor for m in article.mentions)}:
            newest[named] = max(newest.get(named, day), day)
    entries: list[dict[str, Any]] = []
    pages: list[Page] = []

    def add(
        kind: str, record_id: str, title: str, page: str, updated: str | None, data: str
    ) -> None:
        entries.append({
            "kind": kind, "id": record_id, "title": title, "page": address(page),
            "json": json_path(kind, record_id), "updated": updated,
        })  # fmt: skip
        pages.append(Page(json_path(kind, record_id), data))

    for article in export.articles:
        record = article.model_dump(mode="json", by_alias=True)
        add("article", article.id, article.title, urls.article(article.id),
            article.published.isoformat(), _record("article", record))  # fmt: skip
    for actor in export.actors:
        record = actor.model_dump(mode="json", by_alias=True)
        record["relations"] = [
            relation_out(view.relation).model_dump(mode="json")
            for view in model.relations_of(actor.id)
        ]
        add("actor", actor.id, actor.name, urls.actor(actor.id), newest.get(actor.id),
            _record("actor", record))  # fmt: skip
    for topic in export.topics:
        record = topic.model_dump(mode="json", by_alias=True)
        add("topic", topic.id, topic.title, urls.topic(topic.id), topic.updated.isoformat(),
            _record("topic", record))  # fmt: skip
    index = {
        "schema": f"{SCHEMA}/index",
        "as_of": analysis.as_of.isoformat() if analysis.as_of else None,
        "records": entries,
        "csv": {kind: f"api/csv/{kind}.csv" for kind in COLUMNS},
        "feed": FEED_PATH,
    }
    pages.append(Page("api/index.json", _dump(index)))
    rows = csv_rows(export, analysis)
    pages += [Page(f"api/csv/{name}", text) for name, text in csv_texts(rows).items()]
    counts = {kind: len(kind_rows) for kind, kind_rows in rows.items()}
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
