"""Reading a file's bytes into text safely: size limits, encodings, NUL bytes, symlinks."""

from __future__ import annotations

import codecs
import functools
import os
from pathlib import Path

from builder.diagnostics import Diagnostic, Location, error

MIB = 1024 * 1024
YAML_LIMIT = 1 * MIB
ARTICLE_LIMIT = 5 * MIB

_WIDE_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def relative_path(root: Path, path: Path) -> str:
    """The path as shown in diagnostics: relative to the root, with '/'."""
    full, base = os.fspath(path), os.fspath(root).rstrip(os.sep) + os.sep
    if full.startswith(base):  # the usual case, without pathlib's parsing
        return full[len(base) :].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


def _position_of_byte(data: bytes, index: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, index) + 1
    line = data.count(b"\n", 0, index) + 1
    col = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, col


@functools.lru_cache(maxsize=256)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _inside_root(root: Path, path: Path, link: bool | None) -> bool:
    """Whether the file, links followed, lies under the root (also followed). Content folders
    are resolved once per process, not once per file; `link` says whether the file is a
    symbolic link, when the caller already knows."""
    if os.path.islink(path) if link is None else link:
        real = os.path.realpath(path)
    else:
        real = os.path.join(_real_folder(os.fspath(path.parent)), path.name)
    base = _real_folder(os.fspath(root))
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def read_text(
    root: Path, path: Path, limit: int, rel: str | None = None, link: bool | None = None
) -> tuple[str | None, list[Diagnostic]]:
    """Decode a file as UTF-8 (BOM removed), or explain at the first bad byte why not.

    `rel` (the path as diagnostics show it) and `link` (whether it is a symbolic link) save
    work when the caller knows them from listing the folder."""
    where = Location(relative_path(root, path) if rel is None else rel)
    if not _inside_root(root, path, link):
        return None, [
            error(where, "outside-root", "file is a link to a place outside the repository")
        ]
    with open(path, "rb") as stream:
        # Refused by its size before a byte is read; never more than the limit is read.
        size = os.fstat(stream.fileno()).st_size
        data = stream.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:
        message = f"file is {max(size, len(data)):,} bytes; the limit is {limit:,} bytes"
        return None, [error(where, "file-too-large", message)]
    for bom, name in _WIDE_BOMS.items():
        if data.startswith(bom):
            return None, [error(where, "not-utf8", f"file is encoded as {name}; save it as UTF-8")]
    nul = data.find(b"\0")
    if nul >= 0:
        at = Location(where.path, *_position_of_byte(data, nul))
        return None, [error(at, "nul-byte", "file contains a NUL byte")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = Location(where.path, *_position_of_byte(data, exc.start))
        message = f"invalid UTF-8 byte 0x{data[exc.start]:02x}; save the file as UTF-8"
        return None, [error(at, "not-utf8", message)]
    return text.removeprefix("\ufeff"), []
