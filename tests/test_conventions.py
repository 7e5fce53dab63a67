"""Conventions a script or a colleague relies on: one JSON shape with English keys and a
schema version on every command that prints data, colour as NO_COLOR and FORCE_COLOR say,
strict builds for CI, and a licence stated once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import REPO, run

JSON_COMMANDS = [("check",), ("status",), ("rekap",), ("jadwal",), ("kompetisi",), ("skor",),
                 ("build",), ("surat", "pengingat", "dishub")]
INDONESIAN_KEYS = {"tanggal", "kompetisi", "inovasi", "berkas", "nama", "jumlah", "tenggat",
                   "sisa_hari", "kode", "patuh", "ide", "kekurangan", "edisi", "diklaim",
                   "saran", "teks", "jenis", "nomor", "alasan", "status", "peringatan"}


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        found = set(value)
        for key, inner in value.items():
            if key not in ("competitions", "change"):  # edition refs and YAML patches as keys
                found |= _keys(inner)
        return found
    if isinstance(value, list):
        return set().union(*(_keys(v) for v in value)) if value else set()
    return set()


@pytest.mark.parametrize("command", JSON_COMMANDS, ids=[c[0] for c in JSON_COMMANDS])
def test_every_json_output_has_one_shape(sample: Path, command: tuple[str, ...]) -> None:
    result = run(*command, "--json", cwd=sample)
    data = json.loads(result.output)
    assert data["schema_version"] == 1 and data["command"] == command[0]
    assert not _keys(data) & INDONESIAN_KEYS, _keys(data) & INDONESIAN_KEYS


def test_build_json_says_what_happened_to_every_document(sample: Path) -> None:
    data = json.loads(run("build", "--json", cwd=sample).output)
    states = {(d["entry"], d["competition"]): d["state"] for d in data["documents"]}
    assert states[("entries/dinkes/si-bunda.yaml", "sinovik/2019")] == "written"
    assert states[("entries/dinsos/verdes.yaml", "sinovik/2019")] == "not-ready"
    verdes = next(d for d in data["documents"] if d["entry"] == "entries/dinsos/verdes.yaml")
    assert verdes["code"] == "section-empty" and verdes["reason"]
    again = json.loads(run("build", "--json", cwd=sample).output)
    assert {d["state"] for d in again["documents"]} <= {"unchanged", "not-ready"}


def test_strict_build_fails_on_any_document_not_made(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    strict = run("build", "--strict", cwd=sample)
    assert strict.exit_code == 1 and "--strict:" in strict.output
    only_ready = run("build", "--strict", "entries/dinkes/si-bunda.yaml", cwd=sample)
    assert only_ready.exit_code == 0, only_ready.output


def _check_output(sample: Path, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    result = subprocess.run([sys.executable, "-m", "lomba", "-C", str(sample), "check"],
                            capture_output=True, text=True, env={**clean, **env}, check=False)
    return result.stdout


def test_force_color_and_no_color(sample: Path) -> None:
    assert "\x1b[" not in _check_output(sample), "not a terminal: plain"
    assert "\x1b[" in _check_output(sample, FORCE_COLOR="1")
    assert "\x1b[" not in _check_output(sample, FORCE_COLOR="1", NO_COLOR="1")


def test_licence_is_stated_once_as_spdx() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert metadata.metadata("lomba")["License-Expression"] == "MIT"


def test_english_messages_print_english_dates_and_plurals(sample: Path) -> None:
    out = run("--lang", "en", "check", "entries/dinsos/verdes.yaml", cwd=sample).output
    assert "by the 1-year age rule borrowed from sinovik/2018" in out
    assert "but this one started 1 August 2018" in out and "Agustus" not in out
    indonesian = run("check", "entries/dinsos/verdes.yaml", cwd=sample).output
    assert "mulai 1 Agustus 2018" in indonesian
    assert "errors and 2 warnings; 2 files checked." in out


def test_plurals_follow_the_count() -> None:
    from lomba.messages import render_message
    assert render_message("view-days-left", {"days": 1}, "en") == "in 1 day"
    assert render_message("view-days-left", {"days": 2}, "en") == "in 2 days"
    assert render_message("view-days-ago", {"days": 1}, "id") == "lewat 1 hari"
    assert render_message("summary-written", {"count": 1, "folder": "build"}, "en") \
        == "1 file written to build/."


def test_the_status_legend_breaks_between_items_only() -> None:
    from lomba.desk.views import legend_lines
    items = ["✔ siap", "! siap, ada peringatan", "✘ belum siap", "· tidak ikut",
             "? berkas tidak terbaca"]
    for width in (40, 60, 80, 120):
        lines = legend_lines(items, width)
        assert all(len(line) <= width for line in lines)
        assert " ".join(" ".join(lines).split()) == " ".join(" ".join(items).split())
        assert all(any(item in line for line in lines) for item in items)


def test_remembered_findings_keep_their_dates_in_both_languages(sample: Path) -> None:
    first = run("--lang", "en", "check", cwd=sample).output
    again = run("--lang", "en", "check", cwd=sample).output  # from the remembered checks
    assert first == again and "1 August 2018" in again
