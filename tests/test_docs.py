"""Every diagnostic code the builder can emit is documented in docs/diagnostics.md, and no other."""

from __future__ import annotations

import ast
import re

from tests.conftest import PROJECT

DOC = (PROJECT / "docs" / "diagnostics.md").read_text(encoding="utf-8")


def emitted_codes() -> set[str]:
    """Codes passed to error()/warning() or raised as pydantic custom errors, found in the source."""
    codes: set[str] = set()
    for path in (PROJECT / "builder").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple) and len(node.elts) == 2:
                # Problems returned as (code, message) and reported by the caller.
                first = node.elts[0]
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and re.fullmatch(r"[a-z]+(-[a-z]+)+", first.value)
                    and isinstance(node.elts[1], ast.JoinedStr | ast.Name)
                ):
                    codes.add(first.value)
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in {"error", "warning", "fail", "PydanticCustomError"} and len(node.args) >= 2:
                arg = node.args[1] if name != "PydanticCustomError" else node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    codes.add(arg.value)
    return codes


def documented_codes() -> set[str]:
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", DOC, flags=re.MULTILINE))


def test_every_emitted_code_is_documented() -> None:
    codes = emitted_codes()
    assert len(codes) > 30
    assert sorted(codes - documented_codes()) == []


def test_every_documented_code_is_emitted() -> None:
    assert sorted(documented_codes() - emitted_codes()) == []


def test_codes_are_kebab_case() -> None:
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", code) for code in emitted_codes())
