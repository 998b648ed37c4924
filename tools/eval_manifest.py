"""The evaluation set's manifest: how to gather the excerpts again and check them.

    python tools/eval_manifest.py --check           every text present matches its entry
    python tools/eval_manifest.py --write [ENTRIES] (re)write eval/manifest.yml from the texts

The texts in eval/texts/ are third-party and never committed. Each manifest entry names the
page (address), the search query that found it, the publication day and outlet, and the text as
saved: SHA-256 of its UTF-8 bytes, length in characters, first and last six words. `--check`
lists every missing text with its address and query, so a later session can gather it again,
and fails on a text that differs from its entry. `--check` also verifies that every gold
mention, negative and date phrase occurs where eval/gold/ says, and that each gold date's
`published` is the entry's publication day. `--write` without ENTRIES updates the manifest in
place: it recomputes the description of every text present and keeps every other field.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

EVAL = Path(__file__).resolve().parent.parent / "eval"
HEADER = """\
# The real-news evaluation set (see eval/README.md), one entry per excerpt. The texts are not
# committed: gather each from its address (the search query found it), save it to
# eval/texts/<id>.txt, and run `python tools/eval_manifest.py --check`.
# sha256, chars, first_words and last_words describe the text as saved; written by
# `python tools/eval_manifest.py --write`. Entries with `heldout: true` were gathered and
# annotated after the matcher and resolver rules were fixed on the others, and were not run
# through the builder while annotating: score them apart before tuning anything on them.
"""


def describe(text: str) -> dict[str, Any]:
    words = text.split()
    return {
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "chars": len(text),
        "first_words": " ".join(words[:6]),
        "last_words": " ".join(words[-6:]),
    }


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def write(entries_file: Path | None, folder: Path) -> None:
    source = entries_file or folder / "manifest.yml"
    entries = yaml.safe_load(source.read_text(encoding="utf-8")) or []
    out = []
    for entry in entries:
        text_path = folder / "texts" / f"{entry['id']}.txt"
        out.append({**entry, **describe(read(text_path))} if text_path.is_file() else entry)
    body = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=100)
    (folder / "manifest.yml").write_text(HEADER + body, encoding="utf-8")


def _nth(text: str, needle: str, n: int) -> bool:
    start = -1
    for _ in range(n):
        start = text.find(needle, start + 1)
        if start < 0:
            return False
    return True


def check_gold(folder: Path, excerpt: str, text: str, published: object = None) -> list[str]:
    path = folder / "gold" / f"{excerpt}.yml"
    if not path.is_file():
        return [f"{excerpt}: no gold file"]
    gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems = []
    for kind in ("mentions", "negatives"):
        for item in gold.get(kind) or []:
            if not _nth(text, str(item["text"]), int(item.get("n", 1))):
                problems.append(f"{excerpt}: {kind} {item['text']!r} #{item.get('n', 1)} absent")
    lines = text.split("\n")
    for item in gold.get("dates") or []:
        number = int(item["paragraph"])
        if not 0 < number <= len(lines) or str(item["phrase"]) not in lines[number - 1]:
            problems.append(f"{excerpt}: date {item['phrase']!r} not in line {number}")
        if published is not None and str(item.get("published")) != str(published):
            problems.append(
                f"{excerpt}: date {item['phrase']!r} published {item.get('published')}, "
                f"manifest says {published}"
            )
    return problems


def check(folder: Path) -> int:
    entries = yaml.safe_load((folder / "manifest.yml").read_text(encoding="utf-8")) or []
    problems, missing = [], []
    for entry in entries:
        path = folder / "texts" / f"{entry['id']}.txt"
        if not path.is_file():
            missing.append(f"{entry['id']}: gather from {entry['url']} (query: {entry['query']})")
            continue
        text = read(path)
        found = describe(text)
        for key, value in found.items():
            if entry.get(key) != value:
                problems.append(
                    f"{entry['id']}: {key} is {value!r}, manifest says {entry.get(key)!r}"
                )
        problems += check_gold(folder, entry["id"], text, entry.get("published"))
    for line in missing:
        print("missing:", line)
    for line in problems:
        print("mismatch:", line)
    print(
        f"{len(entries) - len(missing)} of {len(entries)} texts present, {len(problems)} problems"
    )
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true")
    group.add_argument(
        "--write",
        nargs="?",
        type=Path,
        const=True,
        metavar="ENTRIES",
        help="update the manifest from the texts (or rewrite it from an ENTRIES file)",
    )
    args = parser.parse_args(argv)
    if args.write:
        write(None if args.write is True else args.write, args.eval)
        return 0
    return check(args.eval)


if __name__ == "__main__":
    sys.exit(main())
