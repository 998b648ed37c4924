"""The scale benchmark (`make bench`): builder stages, the MkDocs build, and references, per size.

Not a test. For each size it generates a fictional corpus (tools/corpus.py), then measures, each
in a fresh process so peak memory is its own: the builder's stages (load, validate, link,
analyze, render), `briefs build` (stages + strict MkDocs build + atomic switch), `briefs check`
alone, and the reference: plain `mkdocs build` of the `briefs render --out` tree. Prints a table
and writes build/bench/scale.json.

"Cold" runs use `--no-cache`: nothing is reused from earlier runs. "Warm" runs come after one
that filled the reuse cache and an edit to one article (a paragraph added), as on a
contributor's machine or in CI with the cache restored: the edited article's own work and all
the cross-record work are redone, the other files' work is reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tools"))
from reference import write_reference  # noqa: E402

BIN = Path(sys.executable).parent
STAGES = """
import json, resource, sys, time
from pathlib import Path
from builder.load.corpus import load_corpus
from builder.validate import validate
from builder.link import link
from builder.analyze import analyze
from builder.render import render
from builder.pipeline import _fewer_collections, templates_dir
root = Path(sys.argv[1])
times = {}
collections = _fewer_collections()  # the collector policy `briefs` runs the stages with
collections.__enter__()
start = time.perf_counter()
raw = load_corpus(root); times["load"] = time.perf_counter() - start; start = time.perf_counter()
valid = validate(raw); times["validate"] = time.perf_counter() - start; start = time.perf_counter()
linked = link(valid); times["link"] = time.perf_counter() - start; start = time.perf_counter()
analysed = analyze(linked.model); times["analyze"] = time.perf_counter() - start; start = time.perf_counter()
pages = render(analysed.analysis, templates_dir(root)); times["render"] = time.perf_counter() - start
print(json.dumps({"stages": times, "pages": len(pages)}))
"""


def run(
    command: list[str], env: dict[str, str] | None = None, codes: tuple[int, ...] = (0, 1)
) -> tuple[float, float, str]:
    """Seconds, peak RSS in MiB, and stdout of one command in its own process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = process.stdout.read().decode() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in codes:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024, out


def measure(size: int, work: Path) -> dict[str, object]:
    corpus = work / f"corpus-{size}"
    subprocess.run(
        [sys.executable, PROJECT / "tools" / "corpus.py", str(size), str(corpus)], check=True
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    _, stages_rss, out = run([sys.executable, "-c", STAGES, str(corpus)], env)
    result = json.loads(out)
    briefs = [str(BIN / "briefs"), "--root", str(corpus)]
    build_s, build_rss, _ = run([*briefs, "--no-cache", "build"], env, codes=(0,))
    check_s, check_rss, _ = run([*briefs, "--no-cache", "check"], env)
    run([*briefs, "check"], env)  # fills the reuse cache
    edited = sorted((corpus / "seeds").glob("*.txt"))[0]
    original = edited.read_bytes()
    edited.write_bytes(original + b"\n\nA fictional paragraph added for the benchmark.\n")
    warm_s, warm_rss, _ = run([*briefs, "check"], env)
    warm_build_s, _, _ = run([*briefs, "build"], env, codes=(0,))
    edited.write_bytes(original)
    tree = work / f"render-{size}"
    run([str(BIN / "briefs"), "--root", str(corpus), "render", "--out", str(tree)], env)
    plain_s, _, _ = run(
        [
            str(BIN / "mkdocs"),
            "build",
            "-q",
            "-f",
            str(tree / "mkdocs.yml"),
            "-d",
            str(work / f"plain-{size}"),
        ],
        env,
    )
    # The reference of the issue "Publishing faster than plain MkDocs": plain MkDocs building one
    # ordinary page of plain paragraphs for every HTML page our build wrote (tools/reference.py).
    reference = work / f"reference-{size}"
    write_reference(corpus / "site", reference)
    reference_s, reference_rss, _ = run(
        [str(BIN / "mkdocs"), "build", "-q", "-f", str(reference / "mkdocs.yml"),
         "-d", str(work / f"reference-site-{size}")],
        env,
    )  # fmt: skip
    stage_total = sum(result["stages"].values())
    return {
        "articles": size, "pages": result["pages"], "stages": result["stages"],
        "stages_total": stage_total, "stages_peak_rss_mib": round(stages_rss),
        "build": build_s, "build_peak_rss_mib": round(build_rss), "pages_per_second": result["pages"] / build_s,
        "check": check_s, "check_peak_rss_mib": round(check_rss),
        "check_warm": warm_s, "check_warm_peak_rss_mib": round(warm_rss),
        "build_warm": warm_build_s, "build_warm_vs_plain": warm_build_s / plain_s,
        "plain_mkdocs": plain_s, "build_vs_plain": build_s / plain_s,
        "reference": reference_s, "reference_peak_rss_mib": round(reference_rss),
        "build_vs_reference": build_s / reference_s,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,3000,10000")
    parser.add_argument("--work", type=Path, default=PROJECT / "build" / "bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = [measure(int(size), args.work) for size in args.sizes.split(",")]
    print(f"scale benchmark: {os.cpu_count()} cores, Python {platform.python_version()}")
    header = "articles  pages  load  valid  link  analyze  render  stages  build  pages/s  build/plain  warm build/plain  check  warm check  peak MiB  reference  build/ref"
    print(header)
    for r in rows:
        s = r["stages"]
        print(
            f"{r['articles']:>8} {r['pages']:>6} {s['load']:5.1f} {s['validate']:6.1f} {s['link']:5.1f} "  # type: ignore[index]
            f"{s['analyze']:8.1f} {s['render']:7.1f} {r['stages_total']:7.1f} {r['build']:6.1f} "  # type: ignore[index]
            f"{r['pages_per_second']:8.0f} {r['build_vs_plain']:12.2f} {r['build_warm_vs_plain']:17.2f} {r['check']:6.1f} {r['check_warm']:11.1f} {r['build_peak_rss_mib']:9} {r['reference']:10.1f} {r['build_vs_reference']:10.2f}"
        )
    if len(rows) > 1:
        print(
            f"largest/smallest build time: {rows[-1]['build'] / rows[0]['build']:.1f}x for {rows[-1]['articles'] / rows[0]['articles']:.0f}x the articles"
        )  # type: ignore[operator]
    report = {"cores": os.cpu_count(), "python": platform.python_version(), "sizes": rows}
    (args.work / "scale.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
