"""`briefs render --out DIR`: a self-contained Markdown tree that plain MkDocs can publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from builder.pipeline import PACKAGE_ROOT
from builder.render.page import Page


def _own_or_shipped(root: Path, name: str) -> Path:
    """A project file or folder of the root, else the one shipped beside the builder."""
    own = root / name
    return own if own.exists() else PACKAGE_ROOT / name


def standalone_config(root: Path) -> dict[str, object]:
    """The project's MkDocs config without the hook and watch list, pointing at the tree."""
    config = yaml.safe_load(_own_or_shipped(root, "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    config.setdefault("theme", {})["custom_dir"] = "overrides"
    return dict(config)


def write_tree(root: Path, pages: list[Page], out: Path) -> None:
    """Write DIR/docs (hand-written and generated pages), DIR/overrides and DIR/mkdocs.yml."""
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(_own_or_shipped(root, "docs"), docs)
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    overrides = out / "overrides"
    if overrides.exists():
        shutil.rmtree(overrides)
    shutil.copytree(_own_or_shipped(root, "templates") / "overrides", overrides)
    config = yaml.safe_dump(standalone_config(root), sort_keys=False, allow_unicode=True)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
