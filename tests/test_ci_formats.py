"""`lomba check --format github|gitlab|sarif`: each finding lands on its line in the CI's web
interface. The formats are validated against their published schemas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import edit, run

SCHEMAS = Path(__file__).parent / "schemas"

# GitLab Code Quality report, as its documentation states the format ("Code Quality report
# format": an array of issues with these required keys and severities).
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object", "required": ["path", "lines"],
                "properties": {"path": {"type": "string"},
                               "lines": {"type": "object", "required": ["begin"],
                                         "properties": {"begin": {"type": "integer",
                                                                  "minimum": 1}}}}},
        },
    },
}


def _hostile(sample: Path) -> None:
    """A finding whose message holds characters each format must escape."""
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    edit(entry, "opd: dinkes", 'opd: dinkes\nbentuk_lain: "50%, a: b\\nbaris"')


def test_sarif_validates_against_the_published_schema(sample: Path) -> None:
    _hostile(sample)
    result = run("check", "--format", "sarif", cwd=sample)
    assert result.exit_code == 1
    log = json.loads(result.output)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    json_found = json.loads(run("check", "--json", cwd=sample).output)["diagnostics"]
    assert len(results) == len(json_found) > 0
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == json_found[0]["file"]
    assert first["region"]["startLine"] == json_found[0]["line"]
    rules = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)


def test_gitlab_code_quality_report(sample: Path) -> None:
    _hostile(sample)
    report = json.loads(run("check", "--format", "gitlab", cwd=sample).output)
    jsonschema.Draft7Validator(GITLAB_CODE_QUALITY).validate(report)
    assert len({i["fingerprint"] for i in report}) == len(report), "fingerprints are unique"
    unknown = next(i for i in report if i["check_name"] == "unknown-field")
    assert unknown["severity"] == "major"
    assert unknown["location"]["path"] == "entries/dinkes/si-bunda.yaml"


_COMMAND = re.compile(r"^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.*)$")


def _unescape(text: str) -> str:
    return (text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_github_workflow_commands(sample: Path, lang: str) -> None:
    _hostile(sample)
    text = run("--lang", lang, "check", "--format", "github", cwd=sample).output
    json_found = json.loads(run("--lang", lang, "check", "--json", cwd=sample).output)
    lines = text.strip().splitlines()
    assert len(lines) == len(json_found["diagnostics"])
    for line, d in zip(lines, json_found["diagnostics"], strict=True):
        match = _COMMAND.match(line)
        assert match, line
        kind, file, row, col, title, message = match.groups()
        assert (kind, _unescape(file), int(row), int(col), title) == (
            d["severity"], d["file"], d["line"], d["column"], d["code"])
        assert _unescape(message) == d["message"]


def test_init_writes_ci_files_that_run_lomba_check(tmp_path: Path) -> None:
    import yaml

    root = tmp_path / "ws"
    assert run("init", str(root)).exit_code == 0
    workflow = yaml.safe_load((root / ".github/workflows/lomba.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for s in workflow["jobs"]["periksa"]["steps"]]
    assert "python -m lomba check --format github" in steps
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert any("--format gitlab > gl-code-quality-report.json" in line
               for line in gitlab["lomba"]["script"])
    assert gitlab["lomba"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    extensions = json.loads((root / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    # The very commands the CI files run pass on the new workspace's own files.
    assert run("check", "--format", "github", cwd=root).exit_code in (0, 1)


def test_pre_commit_hook_checks_only_the_changed_files(sample: Path) -> None:
    import yaml

    from tests.conftest import REPO

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "lomba-check" and hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    changed = ["lomba.yaml", "entries/dinkes/si-bunda.yaml", "README.md", "build/index.html",
               "entries/dinkes/foto/bidan-mendaftar.png", "daerah/profil-inovasi.yaml"]
    selected = [p for p in changed if pattern.search(p)]
    assert selected == ["lomba.yaml", "entries/dinkes/si-bunda.yaml",
                        "daerah/profil-inovasi.yaml"]
    command = hook["entry"].split()[1:]
    result = run(*command, *selected, cwd=sample)
    assert result.exit_code == 0, result.output
    files = {line.split(":")[0] for line in result.output.splitlines()[:-1]}
    assert files <= {"lomba.yaml", "entries/dinkes/si-bunda.yaml", "daerah/profil-inovasi.yaml"}


_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), _PLAIN, max_size=5))
def test_json_outputs_keep_their_text_form(payload: dict) -> None:  # type: ignore[type-arg]
    """Every JSON output has the form it always had (two-space indent, letters as written,
    control characters escaped), whichever encoder writes it."""
    from lomba.jsonout import JSON_SCHEMA_VERSION, json_document

    expected = json.dumps({"schema_version": JSON_SCHEMA_VERSION, "command": "x", **payload},
                          ensure_ascii=False, indent=2)
    assert json_document("x", payload) == expected
