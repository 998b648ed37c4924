"""The theme's navigation is rendered once per distinct result (builder/navigation.py), and the
site is byte for byte the one a build that renders it for every page writes."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import pytest

from builder import navigation
from builder.cli import main
from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton
from tests.test_prerender import differences


def test_the_navigation_is_shared_and_the_site_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFS_JOBS", "1")  # every page rendered here, where the spy sees it
    every_page = copy_project_skeleton(tmp_path / "every-page", FIXTURE_CORPUS)
    shared = copy_project_skeleton(tmp_path / "shared", FIXTURE_CORPUS)
    with monkeypatch.context() as patched:
        patched.setattr(navigation, "share_primary_navigation", lambda env: None)
        assert main(["--root", str(every_page), "--no-cache", "build"]) == 0

    keys: list[Hashable | None] = []
    real_key = navigation._key

    def spied(context: Any) -> Hashable | None:
        keys.append(key := real_key(context))
        return key

    monkeypatch.setattr(navigation, "_key", spied)
    assert main(["--root", str(shared), "--no-cache", "build"]) == 0
    assert differences(every_page / "site", shared / "site") == []
    records = [k for k in keys if k is not None]
    assert len(keys) > 40 and len(records) > 25  # pages in the navigation are rendered as usual
    # Actor and article pages of one section share their navigation.
    assert len(set(records)) < len(records) / 2
