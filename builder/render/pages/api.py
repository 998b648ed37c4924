"""/api/: the model as data, one JSON file per record (SPEC §6), so no file grows with the corpus
except the list of ids. Records use the export format "briefs/1"."""

from __future__ import annotations

import json
from collections import Counter

from builder.analyze import Analysis
from builder.export.build import actor_out, article_out, relation_out, topic_out
from builder.render.page import Page


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":")) + "\n"


def api_pages(analysis: Analysis) -> list[Page]:
    """api/index.json and api/<kind>/<id>.json (article text only where rights are full)."""
    model = analysis.model
    counts = {
        actor: sum(map(len, naming.values())) for actor, naming in model.mentions_by_actor.items()
    }
    index = {
        "schema": "briefs/1",
        "articles": list(model.articles),
        "actors": list(model.actors),
        "topics": list(model.topics),
    }
    pages = [Page("api/index.json", _dump(index))]
    for article in model.articles.values():
        record = article_out(analysis, article).model_dump(mode="json", by_alias=True)
        pages.append(Page(f"api/articles/{article.id}.json", _dump(record)))
    mention_counts = Counter(counts)
    for actor in model.actors.values():
        record = actor_out(actor, mention_counts).model_dump(mode="json", by_alias=True)
        record["relations"] = [
            relation_out(view.relation).model_dump(mode="json")
            for view in model.relations_of(actor.id)
        ]
        pages.append(Page(f"api/actors/{actor.id}.json", _dump(record)))
    for topic in model.topics.values():
        record = topic_out(analysis, topic).model_dump(mode="json", by_alias=True)
        pages.append(Page(f"api/topics/{topic.id}.json", _dump(record)))
    return pages
