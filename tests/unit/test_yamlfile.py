"""The YAML composer: strings with positions, no type guessing, hostile constructs refused."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from builder.diagnostics import Location
from builder.load.yamlfile import MAX_STRING, Map, Scalar, compose, locate, to_plain


def rendered(text: str) -> list[str]:
    return [d.render() for d in compose("f.yml", text)[1]]


def test_every_scalar_stays_a_string() -> None:
    node, problems = compose("f.yml", "a: NO\nb: on\nc: 000_123\nd: 3.0\ne: 2025-04-08\nf: yes\n")
    assert problems == []
    assert to_plain(node) == {
        "a": "NO", "b": "on", "c": "000_123", "d": "3.0", "e": "2025-04-08", "f": "yes",
    }  # fmt: skip


def test_only_plain_null_spellings_are_null() -> None:
    node, _ = compose("f.yml", "a: null\nb: ~\nc:\nd: \"null\"\ne: '~'\n")
    assert to_plain(node) == {"a": None, "b": None, "c": None, "d": "null", "e": "~"}


def test_positions_are_one_based_code_points() -> None:
    node, _ = compose("f.yml", "é: x\nlist:\n  - éé: [a, b]\n")
    assert isinstance(node, Map)
    assert locate(node, ("list", 0, "éé", 1), Location("f.yml")) == Location("f.yml", 3, 13)
    assert locate(node, ("é",), Location("f.yml")) == Location("f.yml", 1, 4)


def test_missing_key_locates_its_mapping() -> None:
    node, _ = compose("f.yml", "a:\n  b: 1\n")
    assert locate(node, ("a", "zz"), Location("f.yml")) == Location("f.yml", 2, 3)


def test_anchors_and_aliases_are_refused() -> None:
    assert rendered("a: &x 1\nb: *x\n") == [
        "f.yml:1:4: error: YAML anchors (&name) are not allowed [yaml-anchor]",
        "f.yml:2:4: error: YAML aliases (*name) are not allowed [yaml-anchor]",
    ]


def test_billion_laughs_is_refused_without_expansion() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    node, problems = compose("f.yml", "\n".join(lines) + "\n")
    assert problems[0].code == "yaml-anchor"
    assert all(p.code == "yaml-anchor" for p in problems)
    assert len(str(to_plain(node))) < 1000


def test_duplicate_key_names_the_first_line() -> None:
    assert rendered("a: 1\nb: 2\na: 3\n") == [
        "f.yml:3:1: error: duplicate key 'a' (first given on line 1) [duplicate-key]"
    ]


def test_tab_indentation_is_located() -> None:
    assert rendered("a:\n\t- b\n") == [
        "f.yml:2:1: error: tab character in indentation; YAML indents with spaces [yaml-tab]"
    ]


@pytest.mark.parametrize(
    "text,value",
    [
        ("note: |\n  a\tb\n", "a\tb\n"),
        (
            "note: |\n  \topens the line after the indentation\n",
            "\topens the line after the indentation\n",
        ),
        ("note: >\n  folded\n  \tmore\n", "folded\n\tmore\n"),
    ],
)
def test_tabs_inside_block_scalars_are_text_as_yaml_allows(text: str, value: str) -> None:
    node, problems = compose("f.yml", text)
    assert problems == []
    assert to_plain(node) == {"note": value}


def test_nesting_is_bounded() -> None:
    deep = "[" * 11 + "1" + "]" * 11
    assert rendered(f"a: {deep}\n") == [
        "f.yml:1:13: error: nesting is deeper than 10 levels [too-deep]"
    ]
    assert rendered(f"a: {'[' * 9}1{']' * 9}\n") == []


def test_long_strings_are_refused() -> None:
    problems = rendered(f"a: {'x' * (MAX_STRING + 1)}\n")
    assert problems == [
        "f.yml:1:4: error: string is 10,001 characters; the limit is 10,000 [string-too-long]"
    ]


def test_python_tags_are_refused() -> None:
    assert rendered("a: !!python/object:os.system x\n") == [
        "f.yml:1:4: error: YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed [yaml-tag]"
    ]


def test_empty_and_comment_only_files() -> None:
    assert rendered("") == ["f.yml:1:1: error: file is empty [empty-file]"]
    assert rendered("# nothing\n") == ["f.yml:1:1: error: file is empty [empty-file]"]


def test_syntax_error_is_located() -> None:
    assert rendered("a: [1, 2\nb: 3\n") == [
        "f.yml:2:2: error: YAML syntax error: did not find expected ',' or ']' [yaml-syntax]"
    ]


def test_two_documents_are_refused() -> None:
    assert rendered("a: 1\n---\nb: 2\n") == [
        "f.yml:2:1: error: file holds more than one YAML document [yaml-multiple-documents]"
    ]


@given(st.dictionaries(st.text(min_size=1, max_size=20), st.text(max_size=40), max_size=8))
def test_any_string_mapping_round_trips(data: dict[str, str]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_style='"')
    node, problems = compose("f.yml", text)
    assert problems == []
    assert (to_plain(node) or {}) == data


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_scalar_position_points_at_its_value(value: str) -> None:
    text = "key: " + yaml.safe_dump(value, allow_unicode=True, default_style='"').strip() + "\n"
    node, problems = compose("f.yml", text)
    assert problems == []
    assert isinstance(node, Map)
    scalar = node.values["key"]
    assert isinstance(scalar, Scalar)
    assert (scalar.line, scalar.col) == (1, 6)
