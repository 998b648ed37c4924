"""The article text model (SPEC §3) on the seed article and on edge cases."""

from __future__ import annotations

import hashlib
from pathlib import Path

from builder.load.text import normalise_line_ends, split_paragraphs
from tests.conftest import PROJECT, SEED_ID

SEED = (PROJECT / "seeds" / f"{SEED_ID}.txt").read_bytes().decode("utf-8")
DEK = "According to the report, the transfer marked the first time that Iran provided advanced missiles to its Iraqi proxies"
STRIP = frozenset({"PHOTO: Use according to Section 27 A"})


def test_seed_paragraph_numbers() -> None:
    text = split_paragraphs(normalise_line_ends(SEED), DEK, STRIP)
    numbers = {p.number: p for p in text.paragraphs}
    assert len(text.paragraphs) == 14
    assert numbers[1].is_dek and numbers[1].text == DEK
    assert numbers[2].text.startswith("Iran recently shipped")
    assert (
        numbers[9].text.startswith("Iran has downplayed")
        and "Omani interlocuter" in numbers[9].text
    )
    assert numbers[14].stripped and not any(p.stripped for p in text.paragraphs[:13])
    assert [p.number for p in text.shown] == list(range(2, 14))


def test_offsets_slice_the_text() -> None:
    text = split_paragraphs(normalise_line_ends(SEED), DEK, STRIP)
    for p in text.paragraphs:
        assert text.text[p.start : p.end] == p.text


def test_crlf_cr_and_blank_lines() -> None:
    text = split_paragraphs(
        normalise_line_ends("One.\r\n\r\nTwo.\rThree.\n  \nFour."), None, frozenset()
    )
    assert text.text == "One.\n\nTwo.\nThree.\n  \nFour."
    assert [(p.number, p.line, p.text) for p in text.paragraphs] == [
        (1, 1, "One."), (2, 3, "Two."), (3, 4, "Three."), (4, 6, "Four."),
    ]  # fmt: skip


def test_dek_matches_only_the_first_line_ignoring_a_final_full_stop() -> None:
    text = split_paragraphs("A dek line.\nBody.\nA dek line", "A dek line", frozenset())
    assert [p.is_dek for p in text.paragraphs] == [True, False, False]
    assert not split_paragraphs("Body.\nA dek", "A dek", frozenset()).paragraphs[1].is_dek


def test_sha256_is_of_the_text_as_read() -> None:
    text = split_paragraphs("é\n", None, frozenset())
    assert text.sha256 == hashlib.sha256("é\n".encode()).hexdigest()


def test_bom_is_removed_when_read(tmp_path: Path) -> None:
    from builder.load.source import read_text

    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfHello")
    assert read_text(tmp_path, path, 100) == ("Hello", [])
