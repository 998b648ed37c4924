"""Writing the JSON Schemas generated from the models (content files, export) into schemas/."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from builder.export.models import export_schema
from builder.suggest import IgnoreList
from builder.validate.models import MODELS, json_schema


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_texts() -> dict[str, str]:
    """File name -> JSON text of every schema (content files and the export), as committed."""
    texts = {f"{kind}.schema.json": _dump(json_schema(kind)) for kind in MODELS}
    texts["export.schema.json"] = _dump(export_schema())
    texts["ignore.schema.json"] = _dump(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "ignore.schema.json",
            **IgnoreList.model_json_schema(),
        }
    )
    return texts


def write_schemas(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas"))
