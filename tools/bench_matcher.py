"""Benchmark of the mention matcher: 5,000 fictional aliases over 10 MB of fictional text.

Not a test: it prints a table and writes JSON (default build/bench/matcher.json). Deterministic
for a given --seed. Stages: building the automaton; folding the text; the automaton pass alone
(`Automaton.iter()` over the lower-cased folded text); the whole matcher (candidates with the
case and boundary rules, then leftmost-longest selection).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import time
from pathlib import Path

from builder.link.matcher import NameIndex, leftmost_longest, make_name
from builder.link.normalise import fold, lower

SYLLABLES = ["zem", "bla", "kor", "vat", "ril", "osh", "mun", "dra", "pel", "tix", "qua", "nor"]
WORDS = [
    "the",
    "council",
    "said",
    "on",
    "a",
    "report",
    "of",
    "missiles",
    "talks",
    "in",
    "and",
    "to",
]


def fictional_name(rng: random.Random) -> str:
    words = rng.randint(1, 3)
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(words)
    )


def corpus(rng: random.Random, aliases: list[str], size: int, article: int) -> list[str]:
    """Articles of plain words with an alias every ~12 words; some Arabic-script filler."""
    texts, total = [], 0
    while total < size:
        parts: list[str] = []
        length = 0
        while length < article:
            word = rng.choice(aliases) if rng.random() < 0.08 else rng.choice(WORDS)
            if rng.random() < 0.01:
                word = "زمبلا"
            parts.append(word)
            length += len(word) + 1
            if rng.random() < 0.05:
                parts.append(".\n")
        text = " ".join(parts)
        texts.append(text)
        total += len(text)
    return texts


def timed(function, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aliases", type=int, default=5000)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("build/bench/matcher.json"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    aliases = sorted({fictional_name(rng) for _ in range(args.aliases * 2)})[: args.aliases]
    names = [n for i, a in enumerate(aliases) if (n := make_name(f"actor-{i // 3}", "alias", a))]
    texts = corpus(rng, aliases, int(args.megabytes * 1_000_000), 5_000)
    chars = sum(len(t) for t in texts)

    index, build_s = timed(NameIndex, names)
    folded, fold_s = timed(lambda: [(f, lower(f.text)) for f in map(fold, texts)])
    _, iter_s = timed(lambda: sum(1 for _, low in folded for _ in index.automaton.iter(low)))
    found, match_s = timed(
        lambda: [leftmost_longest(index.candidates(f, low)) for f, low in folded]
    )
    mentions = sum(len(f) for f in found)

    rows = [
        ("build automaton", build_s),
        ("fold + lower-case text", fold_s),
        ("Automaton.iter() pass alone", iter_s),
        ("candidates + rules + selection", match_s),
    ]
    print(f"matcher benchmark: {len(names):,} aliases, {chars / 1e6:.1f} M characters in "
          f"{len(texts):,} articles, {mentions:,} mentions; {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    for label, seconds in rows:
        print(f"  {label:<34} {seconds:8.3f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS {peak:.0f} MiB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "aliases": len(names), "characters": chars, "articles": len(texts), "mentions": mentions,
        "cores": os.cpu_count(), "python": platform.python_version(), "peak_rss_mib": round(peak),
        "seconds": {label: round(seconds, 4) for label, seconds in rows},
    }  # fmt: skip
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
