"""Preview latency: how long after saving an edit `briefs serve` shows it.

Not a test. Starts `briefs serve` on a corpus (the default: a fresh 1,000-article fictional
corpus from tools/corpus.py), waits for the first build, then edits one article's title several
times. For each edit it times from the file's save to the moment the served article page carries
the new title, polling every 20 ms. Prints each latency and the median, and writes JSON.

    python tools/bench_serve.py [--corpus DIR | --size N] [--edits 5] [--full] [--poll]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TITLE = re.compile(r"^title: .*$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, marker: str, limit: float) -> float:
    """Seconds until the page at `url` contains `marker`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if marker in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {marker!r} within {limit:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a corpus root (generated if missing)")
    parser.add_argument("--size", type=int, default=1000, help="articles to generate")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--full", action="store_true", help="serve with --full (every page)")
    parser.add_argument("--poll", action="store_true", help="serve with --poll (list the files)")
    parser.add_argument("--out", type=Path, default=PROJECT / "build" / "bench" / "serve.json")
    args = parser.parse_args()
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="briefs-serve-bench-")) / "corpus"
    if not (corpus / "seeds").is_dir():
        subprocess.run(
            [sys.executable, PROJECT / "tools" / "corpus.py", str(args.size), str(corpus)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    sidecar = sorted((corpus / "seeds").glob("*.yml"))[0]
    article = sidecar.stem
    original = sidecar.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/articles/{article}/"
    command = [
        str(BIN / "briefs"),
        "--root",
        str(corpus),
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    if args.full:
        command.append("--full")
    if args.poll:
        command.append("--poll")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = open(corpus.parent / "serve.log", "w")  # noqa: SIM115 - kept open for the server's life
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    latencies: list[float] = []
    try:
        first = wait_for(url, "<html", 1800)
        print(f"first build served after {first:.1f} s")
        for number in range(1, args.edits + 1):
            time.sleep(1.0)  # let the watcher settle after the previous build
            marker = f"Fictional edit {number} {time.time_ns()}"
            edited = TITLE.sub(f"title: {marker}", original, count=1)
            sidecar.write_text(edited, encoding="utf-8")
            latency = wait_for(url, marker, 300)
            latencies.append(latency)
            print(f"edit {number}: shown after {latency:.2f} s")
    finally:
        sidecar.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
        log.close()
    result = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "articles": len(list((corpus / "seeds").glob("*.yml"))),
        "mode": "full" if args.full else "dirty",
        "watching": "polling" if args.poll else "notified",
        "latencies": latencies,
        "median": statistics.median(latencies),
    }
    print(
        f"{result['articles']} articles, {result['mode']} rebuilds, {result['watching']} of edits, "
        f"{result['cores']} cores: "
        f"median {result['median']:.2f} s from save to page"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
