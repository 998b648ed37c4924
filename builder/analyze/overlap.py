"""Republished copy: articles sharing most of their word 8-grams (the same wire story twice)."""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections import Counter, defaultdict

from builder.diagnostics import Diagnostic, warning
from builder.memo import Memo, digest
from builder.model import Model

SHINGLE = 8
THRESHOLD = 0.8
SAMPLE = 4  # keep the shingles whose hash is 0 mod SAMPLE: same ratio estimate, a quarter the work
COMMON = 50  # a shingle in more articles than this is boilerplate, not evidence of copying
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    """A sample of the text's 8-word runs, as CRC-32 hashes (the same in every run, unlike
    Python's salted `hash`, so the diagnostics are deterministic)."""
    words = _WORD.findall(text.lower())
    runs = [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]
    every = SAMPLE if len(runs) >= 64 else 1  # short texts keep every run
    return {h for h in map(zlib.crc32, runs) if h % every == 0}


_SAMPLED: Memo[frozenset[int]] = Memo("shingles")


def _linked(model: Model, a: str, b: str) -> bool:
    """Already declared: one cites the other, or they share a claim cluster via same_as."""
    ra, rb = model.articles[a].record, model.articles[b].record
    if b in ra.cites or a in rb.cites:
        return True
    return any(ref.startswith(f"{b}#") for c in ra.claims for ref in c.same_as) or any(
        ref.startswith(f"{a}#") for c in rb.claims for ref in c.same_as
    )


def _sample(text: str) -> frozenset[int]:
    return frozenset(shingles(text))


def overlapping_articles(model: Model) -> list[Diagnostic]:
    """A warning for each pair of articles whose texts share ≥ 80% of the smaller's 8-grams."""
    digests = {aid: digest(a.text.text) for aid, a in model.articles.items()}
    sample = {aid: functools.partial(_sample, a.text.text) for aid, a in model.articles.items()}
    _SAMPLED.fill([(digests[aid], sample[aid]) for aid in model.articles])
    grams = {aid: _SAMPLED.get(digests[aid], sample[aid]) for aid in model.articles}
    # Most runs occur in one article only: find the others with set operations first, which
    # iterate each article's small sample, never the corpus-wide set.
    seen: set[int] = set()
    repeated: set[int] = set()
    for keys in grams.values():
        repeated |= keys & seen
        seen |= keys
    postings: dict[int, list[str]] = defaultdict(list)
    for aid, keys in grams.items():
        for key in keys & repeated:
            postings[key].append(aid)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in postings.values():
        if len(holders) <= COMMON:  # a run in more articles is boilerplate
            shared.update(itertools.combinations(sorted(holders), 2))
    problems = []
    for (aid, other), count in sorted(shared.items()):
        smaller = min(len(grams[aid]), len(grams[other]))
        if smaller and count / smaller >= THRESHOLD and not _linked(model, aid, other):
            share = round(100 * count / smaller)
            message = (
                f"text shares {share}% of its 8-word runs with {other}: if one republishes "
                "the other, add it to 'cites' (or link the claims with 'same_as')"
            )
            problems.append(warning(model.articles[aid].source.at(), "text-overlap", message))
    return problems
