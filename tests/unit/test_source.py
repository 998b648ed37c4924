"""Reading files: encodings, NUL bytes, size limits and links out of the repository."""

from __future__ import annotations

from pathlib import Path

from builder.load.source import read_text


def rendered(root: Path, name: str, data: bytes, limit: int = 1000) -> list[str]:
    path = root / name
    path.write_bytes(data)
    return [d.render() for d in read_text(root, path, limit)[1]]


def test_invalid_utf8_is_located_at_the_first_bad_byte(tmp_path: Path) -> None:
    assert rendered(
        tmp_path, "a.yml", "a: 1\nbé: \xff\n".encode("latin-1").replace(b"b\xe9", "bé".encode())
    ) == ["a.yml:2:5: error: invalid UTF-8 byte 0xff; save the file as UTF-8 [not-utf8]"]


def test_utf16_is_named(tmp_path: Path) -> None:
    assert rendered(tmp_path, "a.yml", "a: 1\n".encode("utf-16")) == [
        "a.yml:1:1: error: file is encoded as UTF-16; save it as UTF-8 [not-utf8]"
    ]


def test_nul_byte(tmp_path: Path) -> None:
    assert rendered(tmp_path, "a.yml", b"a: 1\nb: \x00\n") == [
        "a.yml:2:4: error: file contains a NUL byte [nul-byte]"
    ]


def test_size_limit(tmp_path: Path) -> None:
    assert rendered(tmp_path, "a.yml", b"a" * 1001) == [
        "a.yml:1:1: error: file is 1,001 bytes; the limit is 1,000 bytes [file-too-large]"
    ]


def test_symlink_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.yml").symlink_to(outside)
    assert [d.render() for d in read_text(root, root / "a.yml", 1000)[1]] == [
        "a.yml:1:1: error: file is a link to a place outside the repository [outside-root]"
    ]
