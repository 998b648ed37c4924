"""A deterministic, clearly fictional corpus for benchmarks: `python tools/corpus.py N DIR`.

N articles of 300-1,500 words (about 5% in Arabic script) with sidecars, claims (some joined by
`same_as`, some articles citing earlier ones), events with relative and EDTF dates; N/5 actors
with aliases; N/50 topics with judgments and deadlines. Mentions are heavy-tailed: a few actors
appear in most articles. Every name is made of invented syllables. The folder is a buildable
project: the repository's mkdocs.yml, docs/, templates/ and hook are copied in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from pathlib import Path
from typing import get_args

from builder.validate.vocabulary import ActorType

PROJECT = Path(__file__).resolve().parent.parent
SYLLABLES = [
    "zem",
    "bla",
    "kor",
    "vat",
    "ril",
    "osh",
    "mun",
    "dra",
    "pel",
    "tix",
    "qua",
    "nor",
    "sev",
    "lum",
]
WORDS = [
    "the",
    "council",
    "said",
    "on",
    "report",
    "of",
    "talks",
    "in",
    "and",
    "to",
    "a",
    "new",
    "plan",
    "officials",
    "week",
    "border",
    "minister",
    "agreement",
    "forces",
    "city",
    "region",
    "statement",
    "after",
    "before",
    "sources",
    "press",
    "meeting",
    "harbour",
    "canal",
    "ministry",
    "spokesman",
    "visit",
    "delegation",
    "envoy",
    "talks",
    "deal",
    "sanctions",
    "convoy",
    "bridge",
    "province",
]
ARABIC_WORDS = [
    "قال",
    "المجلس",
    "في",
    "تقرير",
    "عن",
    "المحادثات",
    "مع",
    "الوزير",
    "الحدود",
    "المدينة",
    "اتفاق",
    "القوات",
    "المنطقة",
    "بيان",
]
TYPES = [t for t in get_args(ActorType) if t != "media-outlet"]
PHRASES = [
    "last week",
    "yesterday",
    "this week",
    "2 days ago",
    "last month",
    "recently",
    "in March",
]
AM = "# yaml-language-server: $schema=../../schemas/actor.schema.json\n"
TM = "# yaml-language-server: $schema=../../schemas/topic.schema.json\n"
SM = "# yaml-language-server: $schema=../schemas/article.schema.json\n"


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def invented(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_actors(rng: random.Random, count: int) -> list[dict[str, object]]:
    actors, seen = [], set()
    while len(actors) < count:
        name = f"{invented(rng, 2)} {invented(rng, 3)}"
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        kind = "media-outlet" if len(actors) % 20 == 0 else TYPES[len(actors) % len(TYPES)]
        aliases = [name.split()[1]] if rng.random() < 0.5 else []
        if len(actors) % 25 == 1:
            aliases.append("زمب" + "".join(rng.choice("لمنوي") for _ in range(4)))
        aliases = [a for a in aliases if a.lower() not in seen]
        seen.update(a.lower() for a in aliases)
        actors.append(
            {"id": f"actor-{len(actors):05d}", "name": name, "type": kind, "aliases": aliases}
        )
    return actors


def paragraph(
    rng: random.Random, words: int, names: list[str], weights: list[float], arabic: bool
) -> str:
    vocabulary = ARABIC_WORDS if arabic else WORDS
    out: list[str] = []
    while len(out) < words:
        if rng.random() < 0.06:
            out.append(rng.choices(names, weights)[0])
        else:
            out.append(rng.choice(vocabulary))
    return " ".join(out).capitalize() + "."


def write_article(root: Path, rng: random.Random, index: int, actors: list[dict[str, object]],
                  weights: list[float], outlets: list[str], clusters: list[str], start: dt.date) -> list[str]:  # fmt: skip
    arabic = index % 20 == 7
    article_id = f"art-{index:05d}"
    names = [str(a["name"]) for a in actors] + [str(al) for a in actors for al in a["aliases"]]  # type: ignore[attr-defined]
    name_weights = weights + [
        w / 4 for a, w in zip(actors, weights, strict=True) for _ in a["aliases"]
    ]  # type: ignore[arg-type]
    paragraphs = [
        paragraph(rng, rng.randint(40, 120), names, name_weights, arabic)
        for _ in range(rng.randint(4, 14))
    ]
    text = "Fictional benchmark article.\n" + "\n".join(paragraphs) + "\n"
    (root / "seeds" / f"{article_id}.txt").write_text(text, encoding="utf-8")
    published = start + dt.timedelta(days=index // 5)
    claims, keys = [], []
    for number in range(3):
        words = paragraphs[number].split()
        at = rng.randrange(0, max(1, len(words) - 5))
        quote = " ".join(words[at : at + 4]).rstrip(".")
        same_as = [rng.choice(clusters)] if clusters and rng.random() < 0.3 else []
        claim_id = f"c{number}"
        keys.append(f"{article_id}#{claim_id}")
        claims.append(
            f"  - id: {claim_id}\n    text: Fictional claim {number} of {article_id}.\n    quote: {q(quote)}\n"
            f"    credibility: {rng.randint(1, 6)}\n    anonymous: {str(rng.random() < 0.4).lower()}\n"
            f"    actors: [{rng.choices(actors, weights)[0]['id']}]\n    same_as: {json.dumps(same_as)}\n"
            + ("    translation: Fictional translation.\n" if arabic else "")
        )
    cites = [f"art-{rng.randrange(index):05d}"] if index and rng.random() < 0.1 else []
    when = (
        rng.choice(PHRASES)
        if rng.random() < 0.7
        else (published - dt.timedelta(days=rng.randint(1, 90))).isoformat()
    )
    sidecar = (
        SM + f"title: Fictional benchmark article {index}\npublished: {published.isoformat()}\n"
        f"outlet: {rng.choice(outlets)}\nlanguage: {'ar' if arabic else 'en'}\ncites: {json.dumps(cites)}\n"
        "claims:\n"
        + "".join(claims)
        + f"events:\n  - id: e1\n    when: {q(when)}\n    what: Fictional event of {article_id}\n"
        f"    actors: [{rng.choices(actors, weights)[0]['id']}]\n"
    )
    (root / "seeds" / f"{article_id}.yml").write_text(sidecar, encoding="utf-8")
    return keys


def generate(count: int, root: Path, seed: int) -> None:
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    for folder in ["seeds", "briefs/actors", "briefs/topics"]:
        (root / folder).mkdir(parents=True)
    actors = make_actors(rng, max(20, count // 5))
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(actors))]  # Zipf-like: a few dominate
    outlets = [str(a["id"]) for a in actors if a["type"] == "media-outlet"]
    for actor in actors:
        aliases = ", ".join(q(str(a)) for a in actor["aliases"])  # type: ignore[attr-defined]
        relations = ""
        if rng.random() < 0.5:
            target = rng.choice(actors)["id"]
            if target != actor["id"]:
                relations = f"relations:\n  - {{type: {rng.choice(['backs', 'rival-of', 'supplies'])}, target: {target}}}\n"
        (root / "briefs" / "actors" / f"{actor['id']}.yml").write_text(
            AM
            + f"name: {q(str(actor['name']))}\ntype: {actor['type']}\naliases: [{aliases}]\n{relations}",
            encoding="utf-8",
        )
    clusters: list[str] = []
    start = dt.date(2031, 1, 1)
    for index in range(count):
        clusters += write_article(
            root, rng, index, actors, weights, outlets, clusters[-200:], start
        )
    for index in range(max(1, count // 50)):
        claims = [rng.choice(clusters) for _ in range(6)]
        judgments = "".join(
            f"  - {{id: k{n}, text: Fictional judgment {n}., likelihood: likely, confidence: low, "
            f"claims: {json.dumps(claims[n * 2 : n * 2 + 2])}}}\n"
            for n in range(3)
        )
        updated = start + dt.timedelta(days=count // 5)
        (root / "briefs" / "topics" / f"topic-{index:04d}.yml").write_text(
            TM
            + f"title: Fictional topic {index}\nupdated: {updated.isoformat()}\nsummary: A fictional bottom line.\n"
            f"key_judgments:\n{judgments}actors: [{actors[index % len(actors)]['id']}]\n"
            f"deadlines:\n  - {{id: d1, what: Fictional deadline, due: {(updated + dt.timedelta(days=30)).isoformat()}}}\n"
            "watch: [Fictional indicator]\n",
            encoding="utf-8",
        )
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "docs", root / "docs")
    shutil.copytree(PROJECT / "templates", root / "templates")
    (root / "builder").mkdir()
    shutil.copy(PROJECT / "builder" / "mkdocs_hook.py", root / "builder" / "mkdocs_hook.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
