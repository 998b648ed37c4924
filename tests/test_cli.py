"""The command line: exit codes 0, 1 and 2, output formats, and --root before or after the command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, SEED_ID

CASES = Path(__file__).parent / "cases"
VALID = CASES / "valid" / "minimal"
INVALID = CASES / "invalid" / "misspelt-actor"
WARN = CASES / "warn" / "strip-matches-nothing"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "builder.cli", *args], capture_output=True, text=True, check=False
    )


def test_clean_content_exits_0() -> None:
    result = run("--root", str(VALID), "check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 errors, 0 warnings\n", "")


def test_content_error_exits_1_with_located_message_and_no_traceback() -> None:
    result = run("check", "--root", str(INVALID))
    assert result.returncode == 1
    assert result.stdout == (
        "briefs/topics/canal.yml:12:10: error: unknown actor 'zemlba' (did you mean 'zembla'?) "
        "[unknown-reference]\n1 error, 0 warnings\n"
    )
    assert "Traceback" not in result.stderr


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(WARN), "check"]) == 0
    assert main(["--root", str(WARN), "check", "--strict"]) == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("frobnicate").returncode == 2
    assert run("check", "--format", "xml").returncode == 2
    empty = run("--root", str(tmp_path), "check")
    assert empty.returncode == 2
    assert empty.stderr == f"briefs: {tmp_path} holds neither seeds/ nor briefs/; use --root DIR\n"


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(INVALID), "check", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "version": 1,
        "diagnostics": [
            {
                "path": "briefs/topics/canal.yml",
                "line": 12,
                "col": 10,
                "severity": "error",
                "code": "unknown-reference",
                "message": "unknown actor 'zemlba' (did you mean 'zembla'?)",
                "suggestion": "zembla",
            }
        ],
        "errors": 1,
        "warnings": 0,
    }


def test_build_with_errors_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    root = tmp_path / "case"
    shutil.copytree(INVALID, root)
    assert main(["--root", str(root), "build"]) == 1
    assert not (root / "site").exists()
    assert "no site written; the previous site/ is unchanged" in capsys.readouterr().err


ODD = CASES / "warn" / "message-with-odd-characters"


def test_same_diagnostic_in_three_formats(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {}
    for fmt in ["text", "json", "github"]:
        assert main(["--root", str(ODD), "check", "--format", fmt]) == 0
        outputs[fmt] = capsys.readouterr().out
    assert outputs["text"] == (
        "seeds/a1.yml:6:11: warning: resolve key '50%: off,\\nnow' does not occur in seeds/a1.txt "
        "[resolve-unmatched]\n0 errors, 1 warning\n"
    )
    assert json.loads(outputs["json"])["diagnostics"] == [
        {
            "path": "seeds/a1.yml", "line": 6, "col": 11, "severity": "warning",
            "code": "resolve-unmatched",
            "message": "resolve key '50%: off,\nnow' does not occur in seeds/a1.txt",
            "suggestion": None,
        }
    ]  # fmt: skip
    assert outputs["github"] == (
        "::warning file=seeds/a1.yml,line=6,col=11,title=resolve-unmatched::"
        "resolve key '50%25: off,%0Anow' does not occur in seeds/a1.txt\n0 errors, 1 warning\n"
    )


def test_github_properties_escape_separators() -> None:
    from builder.diagnostics import Diagnostic, Severity, format_github

    odd = Diagnostic("a,b:c%.yml", 1, 2, Severity.ERROR, "x", "m")
    assert (
        format_github([odd]).splitlines()[0]
        == "::error file=a%2Cb%3Ac%25.yml,line=1,col=2,title=x::m"
    )


def test_quote_finds_passages_for_words_being_written(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--root", str(FIXTURE_CORPUS), "--no-cache", "quote", SEED_ID]
    assert main([*args, "long", "range", "surface", "to", "surface", "missiles"]) == 0
    assert capsys.readouterr().out == "#p2 (91%): long-range, surface-to-surface missiles\n"
    assert main([*args, "a", "tariff", "on", "copper", "ledgers"]) == 1
    assert capsys.readouterr().err == (f"no passage of seeds/{SEED_ID}.txt reads like that\n")
    assert main(["--root", str(FIXTURE_CORPUS), "--no-cache", "quote", SEED_ID[:-1], "x"]) == 1
    assert capsys.readouterr().err == (
        f"briefs quote: no article '{SEED_ID[:-1]}' (did you mean '{SEED_ID}'?)\n"
    )
