"""The builder's own settings: `[tool.briefs]` in the project's pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    repository: str | None = None  # e.g. https://github.com/owner/name: enables "edit" links
    branch: str = "main"
    site_url: str | None = None  # where the site is published: makes citations absolute

    def permanent_url(self, path: str) -> str:
        """The address to cite for a page path such as 'topics/x/'."""
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else f"/{path}"

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
    return Settings(
        _http(table.get("repository")),
        str(table.get("branch", "main")),
        _http(table.get("site_url")),
    )


def _http(value: object) -> str | None:
    """Only http(s) addresses are used; anything else counts as unset."""
    text = str(value or "")
    return text if text.startswith(("https://", "http://")) else None
