"""What an editor shows while a contributor types: a description and an example for every
property of every content schema, keyed by (record, field) with the field alone as fallback.

The examples are taken from the seed corpus; `json_schema` (models.py) adds both to the
generated schemas, and a test checks that every property has them and that each example is
valid for its property.
"""

from __future__ import annotations

from typing import Any

SEED = "000_13b623c90cd3069e"

Help = tuple[str, object]  # (description, example)

HELP: dict[str, Help] = {
    "inferred": (
        "Fields whose value the curator inferred rather than read; shown with an 'inferred' badge",
        ["published"],
    ),
    "note": (
        "A plain-text remark for readers: why a value was chosen, what is uncertain",
        "The Times report it relays came one day after the 7 April announcement.",
    ),
    "id": (
        "Unique in this file, 1-64 lower-case letters, digits, '-' or '_'; referenced "
        "from elsewhere as '<file-id>#<id>'",
        "missiles-shipped",
    ),
    "ArticleRecord.title": (
        "A short, factual headline in your own words",
        "Iran ships long-range missiles to its Iraqi proxies",
    ),
    "dek": (
        "The standfirst as the page shows it; a text line equal to it becomes the dek",
        "According to the report, the transfer marked the first time ...",
    ),
    "published": (
        "The day this copy was published (YYYY-MM-DD); list it in 'inferred' when "
        "the text only implies it",
        "2025-04-08",
    ),
    "outlet": ("Id of the media-outlet actor that published this copy", "newsrael"),
    "url": ("The original's address (http or https)", "https://example.org/story"),
    "byline": ("Who wrote it, as the page says", "Staff writer"),
    "accessed": ("The day the text was taken (YYYY-MM-DD)", "2025-04-10"),
    "archive_url": (
        "An archived copy's address (http or https)",
        "https://web.archive.org/web/2025/https://example.org/story",
    ),
    "language": ("BCP 47 language of the text; ar, fa, he and ur are shown right-to-left", "en"),
    "rights": (
        "excerpts (default): at most 30% of the words on the whole site; full: the "
        "text is openly licensed and may be shown whole",
        "excerpts",
    ),
    "cites": (
        "Corpus articles this one repeats (article ids): their origins become its own",
        ["000_earlier-report"],
    ),
    "strip": (
        "Whole lines that are not article text (captions, credits): kept, numbered, "
        "never shown or searched",
        ["PHOTO: Use according to Section 27 A"],
    ),
    "resolve": (
        "Per-article choices for a name: an actor id, or null for 'not an actor here'",
        {"the group": "iraqi-militias"},
    ),
    "claims": ("What the article asserts, each with a verbatim quote", []),
    "events": ("Dated happenings the article reports", []),
    "Claim.text": (
        "The claim in your own words",
        "Iran shipped long-range missiles to militias in Iraq.",
    ),
    "quote": (
        "The article's words, copied verbatim from one paragraph",
        "long-range, surface-to-surface missiles",
    ),
    "source": ("The outlet that first reported it, if not this article's outlet", "the-times"),
    "via": ("Outlets it passed through between the source and this outlet", ["reuters"]),
    "attributed_to": ("Who the article says it comes from", "a regional intelligence source"),
    "anonymous": ("true when the attribution names no one", True),
    "actors": ("Ids of the actors it concerns", ["iran", "iraqi-militias"]),
    "credibility": (
        "Admiralty credibility: 1 confirmed, 2 probably true, 3 possibly true, "
        "4 doubtful, 5 improbable, 6 cannot be judged",
        3,
    ),
    "Claim.same_as": (
        "The same claim in other articles, as '<article>#<claim>'",
        [f"{SEED}#missiles-shipped"],
    ),
    "contradicts": (
        "Claims it contradicts: an id in this file or '<article>#<claim>'",
        ["militias-disarm"],
    ),
    "status": ("active, retracted or superseded (then give superseded_by)", "active"),
    "superseded_by": ("The claim that replaces it", "missiles-shipped"),
    "translation": (
        "An English rendering of a quote in another language",
        "Iran recently sent missiles to the militias.",
    ),
    "when": (
        "EDTF (2025-04, 2025-04-01/2025-04-07) or a date phrase in the article's "
        "language ('last week', 'next Saturday', 'السبت المقبل')",
        "last week",
    ),
    "relative_to": ("A day to count the phrase from instead of 'published'", "2025-04-08"),
    "what": ("What happens, in your own words", "Missiles handed over to the militias"),
    "Event.same_as": (
        "The same event in other articles, as '<article>#<event>': one timeline row",
        [f"{SEED}#transfer"],
    ),
    "name": ("The actor's name as a reader knows it", "Islamic Revolutionary Guard Corps"),
    "type": (
        "state, person, armed-group, military-unit, government-body, organization, "
        "media-outlet or coalition",
        "state",
    ),
    "aliases": ("Other names exactly as articles write them, in any script", ["IRGC"]),
    "demonyms": ("Adjectives of a state that also name it", ["Omani"]),
    "common_words": (
        "Names that are also ordinary words: linked only in quotes, with a "
        "capital mid-sentence or through resolve:",
        ["العالم"],
    ),
    "attached": ("Arabic or Persian names that may carry an attached suffix", ["آمریکا"]),
    "excludes": (
        "Longer names that contain one of this actor's names but are another",
        ["Times of Israel"],
    ),
    "country": ("Id of the state the actor belongs to", "iran"),
    "ActorRecord.summary": (
        "One or two sentences in your own words; Markdown, no raw HTML, "
        "links only to full addresses",
        "Iran's elite military force, which answers to the Supreme Leader.",
    ),
    "formerly": ("Former ids of this actor, kept as redirects", ["irgc-af"]),
    "reliability": (
        "Admiralty source reliability, for media outlets: A completely reliable "
        "to E unreliable, F cannot be judged",
        "C",
    ),
    "relations": ("Relations to other actors; each shows on both profiles", []),
    "Relation.type": (
        "part-of, leads, member-of, backs, supplies, mediates, attacks, "
        "threatens, splinter-of, controlled-by (or their inverses), allied-with, "
        "rival-of or negotiates-with",
        "supplies",
    ),
    "target": ("Id of the other actor", "iraqi-militias"),
    "since": ("When the relation began (EDTF)", "2024-04"),
    "until": ("When it ended (EDTF)", "2024-04"),
    "Relation.claims": ("Claims that support the relation", [f"{SEED}#missiles-shipped"]),
    "TopicRecord.title": ("The brief's title", "Iran arms Iraqi militias during US–Iran talks"),
    "updated": ("The day the brief was last revised (YYYY-MM-DD): drives 'as of'", "2025-04-10"),
    "TopicRecord.summary": (
        "The bottom line up front, 2-4 sentences; Markdown",
        "Iran is reported to have sent longer-range missiles.",
    ),
    "key_judgments": ("Judgments with ICD 203 likelihood and a separate confidence", []),
    "related": ("Ids of related topics", ["us-iran-nuclear-talks"]),
    "deadlines": ("Dated deadlines the brief tracks", []),
    "TopicRecord.events": (
        "Extra events for the timeline, as '<article>#<event>'",
        [f"{SEED}#transfer"],
    ),
    "watch": ("Indicators that would change the judgments", ["Militia statements on disarmament"]),
    "KeyJudgment.text": (
        "The judgment in your own words",
        "Iran is using the militias as leverage in the talks.",
    ),
    "likelihood": (
        "ICD 203: almost no chance, very unlikely, unlikely, roughly even chance, "
        "likely, very likely, almost certain",
        "likely",
    ),
    "confidence": ("low, moderate or high: how good the sourcing is", "low"),
    "KeyJudgment.claims": ("The claims it rests on", [f"{SEED}#missiles-shipped"]),
    "Deadline.what": ("What is due", "One-month deadline for a nuclear deal"),
    "from": ("When the period starts (YYYY-MM-DD)", "2025-04-07"),
    "due": ("When it is due (YYYY-MM-DD)", "2025-05-07"),
    "Deadline.claims": ("Claims that report the deadline", [f"{SEED}#one-month-deadline"]),
}


def help_for(record: str, field: str) -> Help | None:
    """The help of a field of a record (its schema title: ArticleRecord, Claim, ...)."""
    return HELP.get(f"{record}.{field}") or HELP.get(field)


def add_help(schema: dict[str, Any]) -> dict[str, Any]:
    """Every property of the schema and of its $defs with a description and an example."""
    for record in [schema, *schema.get("$defs", {}).values()]:
        for field, prop in record.get("properties", {}).items():
            found = help_for(str(record.get("title", "")), field)
            if found is not None:
                prop.setdefault("description", found[0])
                prop["examples"] = [found[1]]
    return schema
