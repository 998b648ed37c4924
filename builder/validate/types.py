"""Field types that convert YAML strings strictly, with JSON Schemas that accept the same spellings.

Every scalar arrives as a string, so `country: NO` stays "NO" and `anonymous: yes` is rejected
instead of being guessed. Editors read YAML 1.2, where an unquoted `true` or `3` is typed, so each
schema also admits the typed spelling the builder accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from builder.load.corpus import ID_PATTERN

DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_EDTF_SIDE = r"(\.\.|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?)"
EDTF_PATTERN = rf"^{_EDTF_SIDE}(/{_EDTF_SIDE}?)?$"
CLAIM_REF_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}#[a-z0-9][a-z0-9_-]{0,63}$"
ITEM_REF_PATTERN = r"^([a-z0-9][a-z0-9_-]{0,63}#)?[a-z0-9][a-z0-9_-]{0,63}$"
URL_PATTERN = r"^https?://[^\s]+$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"


def _wrong(message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError("wrong-type", message, context)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _wrong("expected text")
    if not value.strip():
        raise _wrong("expected text, got an empty string")
    return value


def _matching(pattern: str, what: str, example: str) -> BeforeValidator:
    compiled = re.compile(pattern)

    def check(value: object) -> str:
        text = _text(value)
        if not compiled.match(text):
            raise _wrong(f"'{text}' is not {what} (e.g. {example})")
        return text

    return BeforeValidator(check)


def _boolean(value: object) -> bool:
    if value in ("true", "false"):
        return value == "true"
    raise _wrong("expected true or false, got '{value}'", value=value)


def _integer(value: object) -> int:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    raise _wrong("expected a whole number, got '{value}'", value=value)


def _day(value: object) -> dt.date:
    text = _text(value)
    try:
        if re.match(DAY_PATTERN, text):
            return dt.date.fromisoformat(text)
    except ValueError:
        raise _wrong("'{value}' is not a real day", value=text) from None
    raise _wrong("expected a day as YYYY-MM-DD, got '{value}'", value=text)


_STRINGISH = {"type": ["string", "number", "boolean"]}

Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({**_STRINGISH, "minLength": 1})]
Id = Annotated[
    str,
    _matching(ID_PATTERN.pattern, "a valid id", "'irgc-aerospace-force'"),
    WithJsonSchema({"type": ["string", "number"], "pattern": ID_PATTERN.pattern}),
]
ClaimRef = Annotated[
    str,
    _matching(CLAIM_REF_PATTERN, "a reference '<article>#<item>'", "'000_abc#missiles-shipped'"),
    WithJsonSchema({"type": "string", "pattern": CLAIM_REF_PATTERN}),
]
ItemRef = Annotated[
    str,
    _matching(ITEM_REF_PATTERN, "a reference '<item>' or '<article>#<item>'", "'talks-direct'"),
    WithJsonSchema({"type": "string", "pattern": ITEM_REF_PATTERN}),
]
Url = Annotated[
    str,
    _matching(URL_PATTERN, "an http or https address", "'https://example.org/story'"),
    WithJsonSchema({"type": "string", "pattern": URL_PATTERN}),
]
EdtfText = Annotated[
    str,
    _matching(EDTF_PATTERN, "a date", "'2025-04', '2024-10~' or '2025-04-01/2025-04-07'"),
    WithJsonSchema({"type": "string", "pattern": EDTF_PATTERN}),
]
Day = Annotated[
    dt.date,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "pattern": DAY_PATTERN, "format": "date"}),
]
Bool = Annotated[
    bool,
    BeforeValidator(_boolean),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}]}),
]
Int = Annotated[
    int,
    BeforeValidator(_integer),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^[0-9]+$"}]}),
]
Language = Annotated[
    str,
    _matching(LANGUAGE_PATTERN, "a BCP 47 language tag", "'en', 'ar' or 'fa-IR'"),
    WithJsonSchema({"type": "string", "pattern": LANGUAGE_PATTERN}),
]
