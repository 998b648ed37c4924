"""The builder's own settings: `[tool.briefs]` in the project's pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    repository: str | None = None  # e.g. https://github.com/owner/name: enables "edit" links
    branch: str = "main"

    def edit_url(self, path: str) -> str | None:
        """Where a contributor edits a record's file on the forge, if a repository is set."""
        if not self.repository:
            return None
        return f"{self.repository.rstrip('/')}/edit/{self.branch}/{path}"


def load_settings(root: Path) -> Settings:
    """Settings of the root's pyproject.toml; none set means no edit links."""
    path = root / "pyproject.toml"
    if not path.is_file():
        return Settings()
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("briefs", {})
    repository = table.get("repository") or None
    if repository is not None and not str(repository).startswith(("https://", "http://")):
        repository = None
    return Settings(repository, str(table.get("branch", "main")))
