"""A mutation fuzzer for the whole builder: corrupt real content files, run every stage.

Not a test: `make fuzz` (default 10 minutes) mutates the files of a valid case and of the seed
corpus (byte flips, deletions, duplicated lines, YAML and Markdown tokens, odd Unicode) and runs
load -> validate -> link -> analyze -> render on each result. Any exception is a crash: the input
is saved under build/fuzz/crash-<n>/ and reported. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from builder.pipeline import build_pages

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = [
    PROJECT / "tests" / "cases" / "valid" / "minimal",
    PROJECT / "tests" / "fixtures" / "seed-corpus",
]
TOKENS = [
    "&a ", "*a", "!!python/object ", "\t", "\x00", "{", "}", "[", "]", "'", '"', "---\n", ": ",
    "- ",
    "\ufeff", "\u200c", "\u200d", "\u0640", "\u0651", "ـ", "é", "\U0001f600", "\r", "\r\n", "#",
    "null", "~", "yes", "3.0", "2025-02-30", "..", "/", "<script>", "{{ x }}", "[x](javascript:y)",
    "last week", "0000-00-00", "2025-04-07/..", "../", "index", "self", "#claim", "\udcff",
]  # fmt: skip


def mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        action = rng.randrange(5)
        position = rng.randrange(len(data) + 1)
        if action == 0 and data:
            data = data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :]
        elif action == 1:
            token = rng.choice(TOKENS).encode("utf-8", "surrogatepass")
            data = data[:position] + token + data[position:]
        elif action == 2 and data:
            end = min(len(data), position + rng.randint(1, 40))
            data = data[:position] + data[end:]
        elif action == 3:
            lines = data.split(b"\n")
            index = rng.randrange(len(lines))
            lines.insert(index, lines[rng.randrange(len(lines))])
            data = b"\n".join(lines)
        else:
            data = (
                data.replace(b"  ", b"    ", 1)
                if rng.random() < 0.5
                else data.replace(b"\n  ", b"\n", 1)
            )
    return data


def one_run(
    template: Path, rng: random.Random, scratch: Path
) -> tuple[Path, Exception | None, list[str]]:
    root = scratch / "root"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(template, root, symlinks=True)
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".yml", ".txt"})
    for path in rng.sample(files, k=min(len(files), rng.randint(1, 2))):
        path.write_bytes(mutate(path.read_bytes(), rng))
    try:
        result = build_pages(root)
        return root, None, [d.code for d in result.diagnostics]
    except Exception as exc:  # a crash is what we are looking for
        return root, exc, []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=PROJECT / "build" / "fuzz")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + args.minutes * 60
    runs, crashes, codes = 0, [], Counter[str]()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:
        while time.monotonic() < deadline:
            root, exc, found = one_run(rng.choice(TEMPLATES), rng, Path(scratch))
            runs += 1
            codes.update(found)
            if exc is not None:
                target = args.out / f"crash-{len(crashes) + 1}"
                shutil.copytree(root, target, dirs_exist_ok=True)
                (target / "traceback.txt").write_text("".join(traceback.format_exception(exc)))
                crashes.append(f"{type(exc).__name__}: {exc}")
    elapsed = time.monotonic() - started
    report = {
        "seconds": round(elapsed),
        "runs": runs,
        "crashes": crashes,
        "diagnostic_codes": dict(codes.most_common()),
    }
    (args.out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"fuzz: {runs:,} runs in {elapsed:.0f} s, {len(crashes)} crashes, "
        f"{len(codes)} distinct diagnostic codes"
    )
    for crash in crashes[:20]:
        print(f"  crash: {crash}")


if __name__ == "__main__":
    main()
