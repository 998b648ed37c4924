"""Golden pages: what the builder hands MkDocs for the frozen seed corpus in
tests/fixtures/seed-corpus (front matter and HTML; JSON and CSV files of /api/).

`make golden` (python -m tests.golden) rewrites tests/golden/seed/ from the current templates;
review the diff like any code change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.pipeline import build_pages
from tests.conftest import FIXTURE_CORPUS

GOLDEN = Path(__file__).parent / "golden" / "seed"


def rendered_pages() -> dict[str, str]:
    result = build_pages(FIXTURE_CORPUS)
    assert result.analysis is not None, [d.render() for d in result.diagnostics]
    return {page.path: page.markdown for page in result.pages}


def golden_pages() -> dict[str, str]:
    return {
        # Bytes, not text: CSV files end their lines with CRLF, which text mode would hide.
        p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8")
        for p in sorted(GOLDEN.rglob("*"))
        if p.is_file()
    }


def refresh() -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for path, markdown in rendered_pages().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(markdown.encode("utf-8"))


if __name__ == "__main__":
    refresh()
