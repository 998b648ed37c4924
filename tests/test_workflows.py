"""GitHub workflows: valid against the workflow schema and clean under zizmor, both offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))


def test_workflows_match_the_github_schema() -> None:
    assert len(WORKFLOWS) == 2
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", PROJECT / ".github" / "workflows"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_pull_requests_never_run_with_write_access() -> None:
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert "pull_request_target:" not in text
        assert "persist-credentials: false" in text
    assert (
        "permissions:\n  contents: read\n"
        in (PROJECT / ".github" / "workflows" / "pull-request.yml").read_text()
    )
