"""Every folder under tests/cases is a content root with the exact `briefs check` output expected.

valid/ and warn/ cases exit 0; invalid/ cases exit 1. `expected.txt` is the whole text report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.cli import main

CASES = Path(__file__).parent / "cases"
EXIT = {"valid": 0, "warn": 0, "invalid": 1}
ALL = sorted(p for group in EXIT for p in (CASES / group).iterdir() if p.is_dir())


@pytest.mark.parametrize("case", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--root", str(case), "check"])
    out = capsys.readouterr().out
    assert out == (case / "expected.txt").read_text(encoding="utf-8")
    assert code == EXIT[case.parent.name]


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

    for case in ALL:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["--root", str(case), "check"])
        (case / "expected.txt").write_text(out.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    refresh()
