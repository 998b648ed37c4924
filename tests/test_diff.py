"""`briefs diff` between two commits of a fixture repository, against a golden Markdown file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import ACTOR_MODELINE, FIXTURE_CORPUS, SEED_ID

GOLDEN = Path(__file__).parent / "golden" / "diff.md"


def git(root: Path, *args: str) -> None:
    env = [
        "-c",
        "user.name=Fictional Tester",
        "-c",
        "user.email=tester@example.invalid",
        "-c",
        "commit.gpgsign=false",
    ]
    subprocess.run(["git", *env, "-C", str(root), *args], check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CORPUS, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "seed corpus")
    topic = root / "briefs" / "topics" / "us-iran-nuclear-talks.yml"
    edit(
        topic,
        "    likelihood: unlikely\n    confidence: low\n",
        "    likelihood: roughly even chance\n    confidence: moderate\n",
    )
    # The judgment gains a claim and loses one: a reviewer sees both, not a cut-off list.
    edit(
        topic,
        '"000_13b623c90cd3069e#israel-braces", "000_13b623c90cd3069e#direct-talks"]',
        '"000_13b623c90cd3069e#direct-talks", "000_13b623c90cd3069e#reuters-reported"]',
    )
    sidecar = root / "seeds" / f"{SEED_ID}.yml"
    edit(
        sidecar,
        "events:\n",
        "  - id: reuters-reported\n    text: Reuters carried the disarmament report.\n    quote: Reuters reported\n    credibility: 2\n\nevents:\n",
    )
    edit(
        sidecar,
        "    credibility: 6\n    note: An assessment rather",
        "    credibility: 5\n    note: An assessment rather",
    )
    edit(
        root / "briefs" / "actors" / "israel.yml",
        "relations:\n  - type: rival-of\n",
        "relations:\n  - type: attacks\n",
    )
    (root / "briefs" / "actors" / "zembla.yml").write_text(
        ACTOR_MODELINE + "name: Zembla (fictional)\ntype: state\n", encoding="utf-8"
    )
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "edits")
    return root


def test_diff_between_two_commits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert out == GOLDEN.read_text(encoding="utf-8")
    assert (
        "claims: + `000_13b623c90cd3069e#reuters-reported`, − `000_13b623c90cd3069e#israel-braces`"
        in out
    )


def test_diff_against_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "diff", "HEAD"]) == 0
    assert capsys.readouterr().out == (
        "# Content changes: HEAD → working tree\n\nNo changes to articles, claims, judgments, relations, actors or topics.\n"
    )


def test_unknown_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "diff", "no-such-branch"]) == 2
    assert capsys.readouterr().err.startswith("briefs diff: fatal: not a valid object name")


if __name__ == "__main__":  # refresh the golden file: python -m tests.test_diff
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        root = repo.__wrapped__(Path(scratch))  # type: ignore[attr-defined]
        result = subprocess.run(
            ["briefs", "--root", str(root), "diff", "HEAD~1", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        GOLDEN.write_text(result.stdout, encoding="utf-8")
