"""Every folder under tests/cases is a content root with the exact `briefs check` output expected.

valid/ and warn/ cases exit 0; invalid/ cases exit 1. `expected.txt` is the whole text report.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from builder.cli import main

CASES = Path(__file__).parent / "cases"
EXIT = {"valid": 0, "warn": 0, "invalid": 1}
ALL = sorted(p for group in EXIT for p in (CASES / group).iterdir() if p.is_dir())


def materialise(case: Path, scratch: Path) -> Path:
    """The case as a root; a case with inflate.json gets its oversized file written here, so
    the repository does not carry megabytes of filler."""
    spec_path = case / "inflate.json"
    if not spec_path.exists():
        return case
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    root = scratch / case.name
    shutil.copytree(case, root, symlinks=True)
    prefix = spec["prefix"].encode("utf-8")
    (root / spec["path"]).write_bytes(
        prefix + spec["fill"].encode() * (spec["bytes"] - len(prefix))
    )
    return root


@pytest.mark.parametrize("case", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--root", str(materialise(case, tmp_path)), "check"])
    out = capsys.readouterr().out
    assert out == (case / "expected.txt").read_text(encoding="utf-8")
    assert code == EXIT[case.parent.name]
    assert "Traceback" not in out


def test_enough_cases() -> None:
    counts = {group: sum(1 for p in ALL if p.parent.name == group) for group in EXIT}
    assert counts["invalid"] >= 60 and counts["valid"] >= 5 and counts["warn"] >= 5, counts


def test_valid_cases_are_clean() -> None:
    for case in (CASES / "valid").iterdir():
        assert (case / "expected.txt").read_text() == "0 errors, 0 warnings\n"


def test_warn_cases_only_warn() -> None:
    for case in (CASES / "warn").iterdir():
        last = (case / "expected.txt").read_text().splitlines()[-1]
        assert last.startswith("0 errors, ") and not last.endswith(" 0 warnings")


def refresh() -> None:
    """Rewrite every expected.txt from the current output (review the diff before committing)."""
    import contextlib
    import io
    import tempfile

    for case in ALL:
        out = io.StringIO()
        with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stdout(out):
            main(["--root", str(materialise(case, Path(scratch))), "check"])
        (case / "expected.txt").write_text(out.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    refresh()
