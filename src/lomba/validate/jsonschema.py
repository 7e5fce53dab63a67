"""JSON Schema (draft-07) files for editors, so VS Code completes and checks fields as users type.

yaml-language-server supports JSON Schema draft 7 and below, while pydantic emits the 2020-12
dialect (``$defs``); the generated schema is moved to draft-07's ``definitions``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lomba.fileio import atomic_write_text
from lomba.model.innovation import Inovasi
from lomba.model.workspace import Workspace

SCHEMA_DIR = "schema"
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "inovasi.schema.json": (Inovasi, "Inovasi daerah (lomba)"),
    "lomba.schema.json": (Workspace, "Ruang kerja lomba (lomba.yaml)"),
}


def build_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", None)
    out: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema#", "title": title}
    out.update({k: v for k, v in schema.items() if k != "title"})
    if definitions:
        out["definitions"] = definitions
    return out


def render_schemas() -> dict[str, str]:
    """File name -> JSON text, deterministic so committed copies can be compared."""
    return {
        name: json.dumps(build_schema(model, title), ensure_ascii=False, indent=2) + "\n"
        for name, (model, title) in SCHEMAS.items()
    }


def write_schemas(root: Path) -> list[Path]:
    """Write the schema files under ``root/schema``; return the files that changed."""
    folder = root / SCHEMA_DIR
    changed = []
    for name, text in render_schemas().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            atomic_write_text(target, text)
            changed.append(target)
    return changed
