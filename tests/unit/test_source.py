"""Reading files: encodings, NUL bytes, size limits and links out of the repository."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from builder.cli import main
from builder.load.boundary import check_boundary
from builder.load.source import read_text
from tests.conftest import FIXTURE_CORPUS, copy_project_skeleton


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


def test_links_out_of_every_input_folder_are_located_errors(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text("not ours")
    root = copy_project_skeleton(tmp_path / "root", FIXTURE_CORPUS)
    planted = {
        "docs/leak.md": outside / "secret.md",
        "docs/leaked-folder": outside / "folder",
        "templates/overrides/partials/leak.html": outside / "secret.md",
        "templates/pages/leak.md.j2": outside / "secret.md",
        "seeds/leak.txt": outside / "secret.md",
    }
    for name, target in planted.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(target)
    (root / "docs" / "inside.md").symlink_to(root / "docs" / "licence.md")  # inside: fine
    real = outside.resolve()
    found = [d.render() for d in check_boundary(root)]
    assert sorted(found) == sorted(
        f"{name}:1:1: error: link to a place outside the repository ({target.resolve()}); "
        "copy the file in instead [outside-root]"
        for name, target in planted.items()
        if not name.startswith("seeds/")  # content files are refused as they are read
    )
    assert str(real) in found[0]
    assert main(["--root", str(root), "--no-cache", "build"]) == 1
    assert not (root / "site").exists()


def test_paths_in_mkdocs_yml_that_leave_the_repository_are_located_errors(tmp_path: Path) -> None:
    root = copy_project_skeleton(tmp_path / "root", FIXTURE_CORPUS)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: templates/overrides", "custom_dir: ../elsewhere")
    config += "extra_css:\n  - ../../styles.css\n  - https://example.org/remote.css\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    lines = config.splitlines()
    custom = next(i for i, line in enumerate(lines, 1) if "custom_dir:" in line)
    css = next(i for i, line in enumerate(lines, 1) if "../../styles.css" in line)
    assert [d.render() for d in check_boundary(root)] == [
        f"mkdocs.yml:{custom}:15: error: '../elsewhere' in mkdocs.yml resolves outside the "
        f"repository ({(tmp_path / 'elsewhere').resolve()}) [outside-root]",
        f"mkdocs.yml:{css}:5: error: '../../styles.css' in mkdocs.yml resolves outside the "
        f"repository ({(tmp_path / 'styles.css').resolve()}) [outside-root]",
    ]


def test_an_input_folder_that_is_itself_a_link_out_is_a_located_error(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = copy_project_skeleton(tmp_path / "root", FIXTURE_CORPUS)
    shutil.rmtree(root / "templates")
    (root / "templates").symlink_to(outside)
    assert [d.render() for d in check_boundary(root)] == [
        "mkdocs.yml:10:15: error: 'templates/overrides' in mkdocs.yml resolves outside the "
        f"repository ({outside.resolve() / 'overrides'}) [outside-root]",
        f"templates:1:1: error: link to a place outside the repository ({outside.resolve()}); "
        "copy the file in instead [outside-root]",
    ]


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(10 * 1024 * 1024)  # sparse: large on paper, nothing to read
    reads: list[int] = []
    real_open = open

    def counting_open(*args: Any, **kwargs: Any) -> Any:
        handle = real_open(*args, **kwargs)
        original = handle.read
        handle.read = lambda size=-1: reads.append(size) or original(size)  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr("builtins.open", counting_open)
    text, problems = read_text(tmp_path, path, 1000)
    assert text is None
    assert [d.render() for d in problems] == [
        "big.txt:1:1: error: file is 10,485,760 bytes; the limit is 1,000 bytes [file-too-large]"
    ]
    assert reads == []
