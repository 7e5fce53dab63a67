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
from lomba.model.help import CHOICE_HELP, FIELD_EXAMPLES, FIELD_HELP
from lomba.model.innovation import Inovasi
from lomba.model.region import ProfilInovasiDaerah
from lomba.model.workspace import Workspace
from lomba.validate.competitions import available_competitions
from lomba.validate.snapshot import load_config

SCHEMA_DIR = "schema"
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "inovasi.schema.json": (Inovasi, "Inovasi daerah (lomba)"),
    "lomba.schema.json": (Workspace, "Ruang kerja lomba (lomba.yaml)"),
    "profil-inovasi.schema.json": (ProfilInovasiDaerah,
                                   "Profil inovasi daerah (daerah/profil-inovasi.yaml)"),
}


def _with_help(node: Any, model_name: str) -> None:
    """Add the help catalogue's descriptions to fields that have none, and describe each
    choice of an enumeration (``enumDescriptions``, which VS Code shows while completing)."""
    if not isinstance(node, dict):
        return
    for name, prop in node.get("properties", {}).items():
        key = f"{model_name}.{name}"
        if "examples" not in prop and key in FIELD_EXAMPLES:
            prop["examples"] = FIELD_EXAMPLES[key]
        if "description" not in prop and key in FIELD_HELP:
            if "$ref" in prop:  # draft-07 ignores a $ref's siblings: wrap it
                ref = prop.pop("$ref")
                prop["allOf"] = [{"$ref": ref}]
            prop["description"] = FIELD_HELP[key]
        _describe_choices(prop)


def _describe_choices(node: Any) -> None:
    if isinstance(node, dict):
        if "enum" in node and all(isinstance(v, str) for v in node["enum"]):
            described = [CHOICE_HELP.get(v) for v in node["enum"]]
            if any(described):
                node["enumDescriptions"] = [d or "" for d in described]
        for value in node.values():
            _describe_choices(value)
    elif isinstance(node, list):
        for value in node:
            _describe_choices(value)


def build_schema(model: type[BaseModel], title: str,
                 choices: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The editor schema of ``model``; ``choices`` adds a workspace's own values (its OPD codes
    and competition keys) so the editor completes them."""
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", None)
    _with_help(schema, model.__name__)
    for name, definition in (definitions or {}).items():
        _with_help(definition, name)
    if choices:
        props = schema.get("properties", {})
        if choices.get("opd") and "opd" in props:
            props["opd"]["enum"] = choices["opd"]
        if choices.get("kompetisi") and "kompetisi" in props:
            props["kompetisi"]["propertyNames"] = {"enum": choices["kompetisi"]}
    out: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema#", "title": title}
    out.update({k: v for k, v in schema.items() if k != "title"})
    if definitions:
        out["definitions"] = definitions
    return out


def workspace_choices(root: Path | None) -> dict[str, list[str]]:
    """The OPD codes of ``root``'s lomba.yaml and the competition keys it can use (built in and
    its own), for completion; empty where there is no readable lomba.yaml."""
    if root is None:
        return {}
    config, _ = load_config(root)
    return {"opd": sorted(o.kode for o in config.opd) if config else [],
            "kompetisi": sorted(available_competitions(root))}


def render_schemas(root: Path | None = None) -> dict[str, str]:
    """File name -> JSON text, deterministic so committed copies can be compared; with a
    workspace ``root``, its OPD codes and competition keys are completed too."""
    choices = workspace_choices(root)
    return {
        name: json.dumps(build_schema(model, title, choices), ensure_ascii=False, indent=2)
        + "\n" for name, (model, title) in SCHEMAS.items()
    }


def write_schemas(root: Path) -> list[Path]:
    """Write the schema files under ``root/schema``; return the files that changed."""
    folder = root / SCHEMA_DIR
    changed = []
    for name, text in render_schemas(root).items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            atomic_write_text(target, text)
            changed.append(target)
    return changed
