"""The repository is the trust boundary: no input the site is built from may lie outside it.

Content files are checked as they are read (`source.read_text`). This module checks everything
else the build reads: the folders and files `mkdocs.yml` names (`docs_dir`, the theme's
`custom_dir`, `hooks`, `extra_css`, `extra_javascript`, `INHERIT`) and the page templates. A
configured path that leaves the repository, or a symbolic link anywhere inside those folders
that points out of it, is a located error, so nothing from outside can reach `site/`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from builder.diagnostics import Diagnostic, Location, error

CONFIG = "mkdocs.yml"
TEMPLATES = "templates"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring its Python tags (`!!python/name:...`, `!ENV`)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _inside(base: str, real: str) -> bool:
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _config_line(text: str, value: str) -> Location:
    """Where mkdocs.yml writes a value (first line that holds it), else its first line."""
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find(value)
        if column >= 0 and not line.lstrip().startswith("#"):
            return Location(CONFIG, number, column + 1)
    return Location(CONFIG, 1, 1)


def _configured_paths(config: dict[str, object]) -> Iterator[tuple[str, str]]:
    """Every path mkdocs.yml names that the build reads: (as written, relative to the root)."""
    for key in ("docs_dir", "INHERIT"):
        if isinstance(config.get(key), str):
            yield str(config[key]), str(config[key])
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        yield theme["custom_dir"], theme["custom_dir"]
    for key in ("hooks", "extra_css", "extra_javascript"):
        values = config.get(key)
        for value in values if isinstance(values, list) else []:
            path = value.get("path") if isinstance(value, dict) else value
            if isinstance(path, str) and not re.match(r"^[a-z][a-z0-9+.-]*://", path):
                yield path, path if key == "hooks" else os.path.join(_docs(config), path)


def _docs(config: dict[str, object]) -> str:
    docs = config.get("docs_dir")
    return docs if isinstance(docs, str) else "docs"


def _links_out(base: str, folder: Path) -> Iterator[tuple[Path, str]]:
    """Each symbolic link under `folder` (links to folders not followed) that leaves `base`."""
    for current, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            path = Path(current) / name
            if path.is_symlink():
                real = os.path.realpath(path)
                if not _inside(base, real):
                    yield path, real


def check_boundary(root: Path) -> list[Diagnostic]:
    """A located error for each build input that resolves outside the repository."""
    base = os.path.realpath(root)
    problems: list[Diagnostic] = []
    config_path = root / CONFIG
    if config_path.is_symlink() and not _inside(base, os.path.realpath(config_path)):
        return [_outside(Location(CONFIG), os.path.realpath(config_path))]
    text = (
        config_path.read_text(encoding="utf-8", errors="replace") if config_path.is_file() else ""
    )
    try:
        config = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError:
        config = {}  # MkDocs reports a broken mkdocs.yml itself
    config = config if isinstance(config, dict) else {}
    folders = [Path(base, TEMPLATES), Path(base, _docs(config))]
    for written, path in _configured_paths(config):
        target = (root / path).resolve()
        if not _inside(base, os.fspath(target)):
            message = f"'{written}' in {CONFIG} resolves outside the repository ({target})"
            problems.append(error(_config_line(text, written), "outside-root", message))
        elif target.is_dir():
            folders.append(target)  # resolved, like the two above: each link is seen once
    for name in (TEMPLATES, _docs(config)):
        real = os.path.realpath(Path(base, name))
        if Path(base, name).is_symlink() and not _inside(base, real):
            problems.append(_outside(Location(name), real))
            folders.remove(Path(base, name))
    reported: set[Path] = set()
    for folder in folders:
        for link, real in _links_out(base, folder) if folder.is_dir() else ():
            if link not in reported:
                reported.add(link)
                problems.append(_outside(Location(link.relative_to(base).as_posix()), real))
    return problems


def _outside(where: Location, real: str) -> Diagnostic:
    message = f"link to a place outside the repository ({real}); copy the file in instead"
    return error(where, "outside-root", message)
