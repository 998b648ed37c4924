"""Writing the JSON Schemas of the content files, generated from the models, into schemas/."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from builder.validate.models import MODELS, json_schema


def schema_texts() -> dict[str, str]:
    """File name -> JSON text of every schema, exactly as committed."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in MODELS
    }


def write_schemas(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas"))
