"""Editor schemas stay current; every diagnostic code is worded in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lomba.messages import CATALOGUE
from lomba.validate.jsonschema import render_schemas
from tests.conftest import REPO, run

SRC = REPO / "src" / "lomba"


def test_committed_schemas_are_current() -> None:
    for name, text in render_schemas(REPO).items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `lomba schema`"


def test_schemas_are_draft_07_with_definitions() -> None:
    schema = json.loads(render_schemas()["inovasi.schema.json"])
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    assert "#/definitions/Narasi" in json.dumps(schema)
    assert schema["additionalProperties"] is False
    jenis = schema["properties"]["jenis"]
    assert jenis["enum"] == ["digital", "non digital", "digital dan non digital"]


def test_schema_command_updates_stale_copies(workspace: Path) -> None:
    target = workspace / "schema" / "lomba.schema.json"
    target.write_text("{}", encoding="utf-8")
    result = run("schema", cwd=workspace)
    assert result.exit_code == 0
    assert "lomba.schema.json" in result.output
    assert json.loads(target.read_text(encoding="utf-8"))["title"].startswith("Ruang kerja")
    assert "mutakhir" in run("schema", cwd=workspace).output


def test_every_emitted_code_has_both_languages() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    emitted = set(re.findall(r'"([a-z]+(?:-[a-z0-9]+)+)"', source)) & set(CATALOGUE) | set(
        re.findall(r'code = "([a-z-]+)"', source))
    for code in emitted:
        assert code in CATALOGUE, code
    for code, (id_text, en_text) in CATALOGUE.items():
        assert id_text and en_text and id_text != en_text, code
        assert set(re.findall(r"{(\w+)}", id_text)) == set(re.findall(r"{(\w+)}", en_text)), code


def test_vscode_settings_wire_the_schemas(workspace: Path) -> None:
    settings = json.loads((workspace / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schema/inovasi.schema.json"] == "entries/**/*.yaml"
    assert (workspace / "schema" / "inovasi.schema.json").is_file()


def test_committed_reference_docx_is_what_lomba_builds() -> None:
    """The shipped referensi.docx is reproducible from code (regenerate with
    write_builtin_reference when changing it)."""
    from lomba.load.reference import builtin_reference
    from lomba.write.reference_builder import build_reference

    assert builtin_reference().read_bytes() == build_reference()


def _undescribed(node: dict, where: str) -> list[str]:  # type: ignore[type-arg]
    out = [f"{where}.{k}" for k, v in node.get("properties", {}).items() if "description" not in v]
    for name, definition in node.get("definitions", {}).items():
        out += _undescribed(definition, name)
    return out


def test_every_field_and_choice_has_help_for_the_editor() -> None:
    from lomba.model.help import CHOICE_HELP
    from lomba.model.vocab import Bentuk, Inisiator, Jenis, Tahapan
    for name, text in render_schemas().items():
        assert _undescribed(json.loads(text), name) == []
    for choices in (Bentuk, Jenis, Inisiator, Tahapan):
        assert all(c in CHOICE_HELP for c in choices.__args__), choices
    schema = json.loads(render_schemas()["inovasi.schema.json"])
    assert schema["properties"]["tahapan"].get("enumDescriptions") or any(
        "enumDescriptions" in d for d in schema["definitions"].values())


def test_the_workspace_schema_completes_its_opd_codes_and_competitions(sample: Path) -> None:
    assert run("schema", cwd=sample).exit_code == 0
    schema = json.loads((sample / "schema" / "inovasi.schema.json").read_text(encoding="utf-8"))
    assert "dinkes" in schema["properties"]["opd"]["enum"]
    assert {"sinovik", "iga", "rai"} <= set(
        schema["properties"]["kompetisi"]["propertyNames"]["enum"])


def test_schema_examples_are_valid_values() -> None:
    from lomba.model.help import FIELD_EXAMPLES
    schema = json.loads(render_schemas()["inovasi.schema.json"])
    assert schema["properties"]["akronim"]["examples"] == ["SI BUNDA"]
    assert all(isinstance(v, list) and v for v in FIELD_EXAMPLES.values())
