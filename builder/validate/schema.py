"""Checking one raw record against its model, turning pydantic's errors into located diagnostics."""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from builder.diagnostics import Diagnostic, Location, error, with_suggestion
from builder.load.corpus import RawRecord
from builder.load.yamlfile import Map, locate, locate_key, to_plain

M = TypeVar("M", bound=BaseModel)
Loc = tuple[str | int, ...]
_WRONG_SHAPE = {
    "list_type": "expected a list",
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "model_attributes_type": "expected a mapping of keys to values",
    "string_type": "expected text",
}


def closest(word: str, candidates: typing.Iterable[str]) -> str | None:
    """The most similar candidate, if any is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The model class describing the mapping at `loc` (list indexes are skipped)."""
    for step in loc:
        if isinstance(step, int):
            continue
        field = next((f for n, f in model.model_fields.items() if (f.alias or n) == step), None)
        inner = _inner_model(field.annotation) if field else None
        if inner is None:
            return model
        model = inner
    return model


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _label(loc: Loc) -> str:
    return ".".join(str(step) for step in loc if isinstance(step, str)) or "file"


def _diagnostic(record: RawRecord, model: type[BaseModel], err: ErrorDetails) -> Diagnostic:
    loc: Loc = tuple(err["loc"])
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "unknown-field":
        loc = (*loc, "inferred", int(ctx["index"]))
    where = locate(record.root, loc, Location(record.path))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        where = locate_key(record.root, loc, where)
        hint = closest(key, _field_names(_model_at(model, loc[:-1])))
        return error(where, "unknown-key", with_suggestion(f"unknown key '{key}'", hint), hint)
    if kind == "missing":
        return error(where, "missing-key", f"missing required key '{loc[-1]}'")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        given = str(err["input"])
        hint = closest(given, allowed)
        message = f"{_label(loc)}: '{given}' is not one of: {', '.join(allowed)}"
        return error(where, "invalid-value", with_suggestion(message, hint), hint)
    if kind == "too_long":
        message = f"{_label(loc)}: more than {ctx.get('max_length')} entries"
        return error(where, "too-many", message)
    if kind in _WRONG_SHAPE:
        return error(where, "wrong-type", f"{_label(loc)}: {_WRONG_SHAPE[kind]}")
    if kind == "unknown-field":
        return error(where, kind, err["msg"])
    code = kind if kind in {"wrong-type", "invalid-value"} else "invalid-value"
    return error(where, code, f"{_label(loc)}: {err['msg']}")


def check_record(record: RawRecord, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """Validate one record; the model instance, or None with the reasons why not."""
    if record.root is None:
        return None, []
    if not isinstance(record.root, Map):
        where = Location(record.path, record.root.line, record.root.col)
        return None, [error(where, "wrong-type", "file: expected a mapping of keys to values")]
    try:
        return model.model_validate(to_plain(record.root)), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, [_diagnostic(record, model, err) for err in errors]
