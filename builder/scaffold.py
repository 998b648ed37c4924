"""`briefs new`: starting files for an article, an actor or a topic, never overwriting one."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from builder.diagnostics import Location
from builder.importer import HTML_SUFFIXES, Imported, read_article
from builder.link.matcher import NameIndex, leftmost_longest
from builder.link.mentions import actor_names
from builder.link.normalise import fold, fold_name, lower
from builder.load.corpus import FOLDERS, Kind, check_id, load_corpus, schema_reference
from builder.load.text import normalise_line_ends
from builder.validate import validate
from builder.validate.corpus import ValidActor
from builder.validate.vocabulary import RELATION_INVERSES, ActorType


@dataclass(frozen=True)
class Written:
    paths: list[Path]
    problem: str | None = None


_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb`\u00b4]")


def slug(name: str) -> str:
    """An id from a name: ASCII letters and digits, words joined by '-'; apostrophes join the
    letters around them (Kata'ib -> kataib) and diacritics go (Boussaïdi -> boussaidi)."""
    ascii_name = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", name))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64].strip("-")


def _modeline(kind: Kind) -> str:
    return f"# yaml-language-server: $schema={schema_reference(kind)}\n"


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _refuse(paths: list[Path], root: Path) -> str | None:
    taken = [p for p in paths if p.exists() or p.is_symlink()]
    if taken:
        return f"{taken[0].relative_to(root).as_posix()} already exists; not overwriting it"
    return None


def mention_counts(index: NameIndex, text: str) -> Counter[str]:
    """How often the text names each known actor (resolve tables do not apply here)."""
    folded = fold(normalise_line_ends(text))
    chosen = leftmost_longest(index.candidates(folded, lower(folded.text)))
    counts: Counter[str] = Counter()
    for candidate in chosen:
        (actor,) = candidate.actors if len(candidate.actors) == 1 else (None,)
        if actor is not None:
            counts[actor] += 1
    return counts


@dataclass(frozen=True)
class Given:
    """Sidecar values given on the command line: they win over what a page says."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None


def _sources(paths: list[Path]) -> list[Path]:
    """The files to import: each file given, and the pages and texts in each folder given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            suffixes = {*HTML_SUFFIXES, ".txt"}
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes)
        else:
            found.append(path)
    return found


def import_articles(root: Path, paths: list[Path], article_id: str | None, given: Given) -> Written:
    """Import every source, or none: all are read and checked before anything is written."""
    sources = _sources(paths)
    if article_id is not None and len(sources) != 1:
        return Written([], "give no ID when importing several files: each takes its file's name")
    if not sources:
        return Written([], "no page or text file to import (.html, .htm or .txt)")
    plans, problems = [], []
    for source in sources:
        identifier = article_id or slug(source.stem)
        imported, problem = read_article(source)
        problem = problem or _id_problem(root, identifier)
        if problem:
            problems.append(problem)
        elif imported is not None:
            plans.append((identifier, imported))
    taken = [i for i, _ in plans]
    problems += [
        f"two files would both become article '{i}'"
        for i in sorted(set(taken))
        if taken.count(i) > 1
    ]
    if problems:
        return Written([], "; ".join(problems))
    actors = list(validate(load_corpus(root)).actors.values())
    index = NameIndex(actor_names(actors))
    paths_written: list[Path] = []
    for identifier, imported in plans:
        counts = mention_counts(index, imported.text.decode("utf-8", errors="replace"))
        outlet = None if given.outlet else _outlet_for(actors, imported.site)
        paths_written += _write_article(root, identifier, imported, given, counts, outlet)
    return Written(paths_written)


def _id_problem(root: Path, article_id: str) -> str | None:
    problems = check_id(article_id, Location(article_id), "article")
    if problems:
        return problems[0].message
    seeds = root / FOLDERS[Kind.ARTICLE]
    return _refuse([seeds / f"{article_id}.txt", seeds / f"{article_id}.yml"], root)


def _outlet_for(actors: list[ValidActor], site: str | None) -> str | None:
    """The media-outlet actor whose name or alias is the page's site name, if one is."""
    if not site:
        return None
    key = lower(fold_name(site))
    for actor in actors:
        record = actor.record
        names = [record.name, *record.aliases]
        if record.type == "media-outlet" and key in {lower(fold_name(n)) for n in names}:
            return actor.id
    return None


def _write_article(
    root: Path, article_id: str, imported: Imported, given: Given,
    counts: Counter[str], found_outlet: str | None,
) -> list[Path]:  # fmt: skip
    """The text and a sidecar filled from the page, the command line and the corpus's actors
    (`counts` of their mentions, the outlet the page's site name is, when not given)."""
    seeds = root / FOLDERS[Kind.ARTICLE]
    paths = [seeds / f"{article_id}.txt", seeds / f"{article_id}.yml"]
    mentions = ", ".join(
        f"{actor} ({n})" for actor, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    )
    inferred = [f for f in imported.filled if getattr(given, f, None) is None]
    if found_outlet:
        inferred.append("outlet")
    title = given.title or imported.title or ""
    published = given.published or imported.published
    outlet = given.outlet or found_outlet
    url = given.url or imported.url
    lines = [
        _modeline(Kind.ARTICLE).rstrip("\n"),
        f"title: {_quoted(title)}  # required: a short factual headline, your own words",
        f"published: {published or _quoted('')}  # required: YYYY-MM-DD (implied? see inferred)",
        f"outlet: {outlet or _quoted('')}  # required: id of the media outlet that published it",
    ]
    if imported.site and not found_outlet:
        lines.append(f"# site: {_quoted(imported.site)}  (no media-outlet actor has this name)")
    if url:
        lines.append(f"url: {_quoted(url)}  # the original's address (http or https)")
    if imported.byline:
        lines.append(f"byline: {_quoted(imported.byline)}")
    lines += [
        f"language: {imported.language or 'en'}  # BCP 47; ar, fa, he, ur are shown right-to-left",
        "rights: excerpts  # excerpts (default) or full: may the whole text be shown?",
        '# strip: ["PHOTO: ..."]  # whole lines that are not article text (captions, credits)',
    ]
    if inferred:
        lines.append(
            f"inferred: [{', '.join(inferred)}]  # filled by the import: check, then remove here"
        )
    lines += [
        "claims: []  # what the article asserts; each with a verbatim quote, see CONTRIBUTING.md",
        'events: []  # dated happenings; `when:` takes EDTF or phrases like "last week"',
        f"# mentions: {mentions or 'no known actor'}",
    ]
    seeds.mkdir(parents=True, exist_ok=True)
    paths[0].write_bytes(imported.text)
    paths[1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def _record_file(root: Path, kind: Kind, identifier: str) -> tuple[Path | None, str | None]:
    """Where a new record goes, or why it cannot (a bad id, or the file exists)."""
    problems = check_id(identifier, Location(identifier), kind.value)
    if problems:
        return None, problems[0].message + " (choose one with --id)"
    path = root / FOLDERS[kind] / f"{identifier}.yml"
    refused = _refuse([path], root)
    return (None, refused) if refused else (path, None)


def _write(path: Path, lines: list[str]) -> Written:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Written([path])


def new_actor(root: Path, name: str, actor_id: str | None, actor_type: str | None) -> Written:
    path, problem = _record_file(root, Kind.ACTOR, actor_id or slug(name))
    if path is None:
        return Written([], problem)
    types = " | ".join(get_args(ActorType))
    relation_types = ", ".join(sorted(RELATION_INVERSES))
    lines = [
        _modeline(Kind.ACTOR).rstrip("\n"),
        f"name: {_quoted(name)}",
        f"type: {actor_type or _quoted('')}  # required: {types}",
        "aliases: []  # other names exactly as articles write them",
        "demonyms: []  # states only: adjectives that also name it (Omani for Oman)",
        "# country: iran  # id of the state it belongs to, where that applies",
        "# summary: One or two sentences in your own words; Markdown, no raw HTML.",
        "# reliability: C  # media outlets only: Admiralty A (reliable) .. F (cannot be judged)",
        f"relations: []  # {{type, target, since?, until?, claims?}}; types: {relation_types}",
    ]
    return _write(path, lines)


def new_topic(root: Path, title: str, topic_id: str | None, today: dt.date) -> Written:
    path, problem = _record_file(root, Kind.TOPIC, topic_id or slug(title))
    if path is None:
        return Written([], problem)
    lines = [
        _modeline(Kind.TOPIC).rstrip("\n"),
        f"title: {_quoted(title)}",
        "status: active  # active | dormant | closed",
        f"updated: {today.isoformat()}  # the day this brief was last revised: the 'as of' date",
        f"summary: {_quoted('')}  # required: the bottom line up front, 2-4 sentences",
        "key_judgments: []  # {id, text, likelihood (ICD 203), confidence, claims}",
        "actors: []  # ids of the actors this topic is about",
        "related: []  # ids of related topics",
        "deadlines: []  # {id, what, from?, due, claims?}",
        "watch: []  # indicators that would change the judgments",
    ]
    return _write(path, lines)
