"""`briefs render --out DIR`: a self-contained Markdown tree that plain MkDocs can publish.

The tree holds `mkdocs.yml`, `docs/` (hand-written and generated pages, the feed and `/api/`),
`overrides/` (the theme's custom_dir) and `hooks/markdown_safety.py`, a copy of the builder's
link and image sanitiser that MkDocs loads as a hook: `mkdocs build --strict` in an environment
holding only MkDocs and Material publishes it. The tree is written beside the target and moved
into place in one step; a folder this command did not create (unless empty), or one inside the
project, is refused, so it can never overwrite anyone's files.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml

from builder import markdown_safety
from builder.pipeline import PACKAGE_ROOT
from builder.render.page import Page

MARKER = ".briefs-render"
SAFETY_HOOK = "hooks/markdown_safety.py"
OWN_ENTRIES = frozenset({MARKER, "mkdocs.yml", "docs", "overrides", "hooks"})


def _own_or_shipped(root: Path, name: str) -> Path:
    """A project file or folder of the root, else the one shipped beside the builder."""
    own = root / name
    return own if own.exists() else PACKAGE_ROOT / name


def standalone_config(root: Path) -> dict[str, object]:
    """The project's MkDocs config pointing at the tree: no builder hook or watch list, and the
    sanitiser loaded from the tree's own hook file instead of the builder's package."""
    config = yaml.safe_load(_own_or_shipped(root, "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("watch", None)
    config["hooks"] = [SAFETY_HOOK]
    config["docs_dir"] = "docs"
    config.setdefault("theme", {})["custom_dir"] = "overrides"
    extensions = config.get("markdown_extensions") or []
    config["markdown_extensions"] = [e for e in extensions if e != "builder.markdown_safety"]
    return dict(config)


def refusal(root: Path, out: Path) -> str | None:
    """Why the tree may not be written to `out`, or None."""
    project, target = root.resolve(), out.resolve()
    if target == project or project in target.parents:
        return f"{out} is inside the project; choose a folder outside {root}"
    if any(project == target / name or target / name in project.parents for name in OWN_ENTRIES):
        return f"writing {out} would replace part of the project; choose another folder"
    if target.exists() and not target.is_dir():
        return f"{out} is a file, not a folder"
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        return (
            f"{out} is not empty and was not written by 'briefs render'; "
            "choose a new or empty folder"
        )
    return None


def _fill(tree: Path, root: Path, pages: list[Page], extra: dict[str, str]) -> None:
    docs = tree / "docs"
    shutil.copytree(_own_or_shipped(root, "docs"), docs, symlinks=False)
    for path, content in [*((p.path, p.markdown) for p in pages), *extra.items()]:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    shutil.copytree(_own_or_shipped(root, "templates") / "overrides", tree / "overrides")
    (tree / "hooks").mkdir()
    shutil.copyfile(markdown_safety.__file__, tree / SAFETY_HOOK)
    config = yaml.safe_dump(standalone_config(root), sort_keys=False, allow_unicode=True)
    (tree / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tree / MARKER).write_text("written by briefs render; safe to delete\n", encoding="utf-8")


def write_tree(root: Path, pages: list[Page], out: Path, extra: dict[str, str]) -> None:
    """Write the tree (pages plus `extra` files such as the feed) and swap it into `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}-"))
    try:
        _fill(fresh, root, pages, extra)
        if out.exists():
            old = out.with_name(f".{out.name}-old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            fresh.rename(out)
            shutil.rmtree(old)
        else:
            fresh.rename(out)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
