"""What a Windows user's files and commands look like works on every platform: CRLF line ends,
backslashes in paths, a path typed with backslashes, and UTF-8 whatever the code page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx

from tests.conftest import run

ENTRY = Path("entries/dinkes/si-bunda.yaml")


def _diagnostics(sample: Path, *args: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(run("check", "--json", *args, cwd=sample).output)["diagnostics"]


def test_crlf_files_check_and_build_exactly_like_lf(sample: Path, tmp_path: Path) -> None:
    before = _diagnostics(sample)
    for path in [sample / "lomba.yaml", *(sample / "entries").rglob("*.yaml")]:
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert _diagnostics(sample) == before, "same findings at the same lines and columns"
    assert run("build", cwd=sample).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(
        str(sample / "build/sinovik-2019/dinkes/si-bunda.docx")).paragraphs)
    assert "\r" not in text and "Pada 2016 Kabupaten Tanjung Lematang" in text


def test_backslashes_in_evidence_and_photo_paths(sample: Path) -> None:
    entry = sample / ENTRY
    text = entry.read_text(encoding="utf-8")
    assert "berkas: bukti/" in text and "berkas: foto/" in text
    entry.write_text(text.replace("berkas: bukti/", "berkas: bukti\\\\")
                     .replace("berkas: foto/", "berkas: foto\\\\"), encoding="utf-8")
    found = [d for d in _diagnostics(sample) if d["file"] == ENTRY.as_posix()
             and d["code"].startswith(("evidence-", "image-"))]
    assert found == []
    assert run("build", cwd=sample).exit_code == 0
    document = docx.Document(str(sample / "build/sinovik-2019/dinkes/si-bunda.docx"))
    assert document.inline_shapes, "the photos are embedded"


def test_a_path_typed_with_backslashes(sample: Path) -> None:
    typed = str(ENTRY).replace("/", "\\")
    found = _diagnostics(sample, typed)
    assert all(d["file"] == ENTRY.as_posix() for d in found)
    assert run("check", typed, cwd=sample).exit_code == 0
    built = run("build", "--json", typed, cwd=sample)
    assert {d["entry"] for d in json.loads(built.output)["documents"]} == {ENTRY.as_posix()}


def test_output_is_utf8_under_a_windows_code_page(sample: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    result = subprocess.run([sys.executable, "-m", "lomba", "-C", str(sample), "status"],
                            capture_output=True, env=env, check=False)
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    shown = result.stdout.decode("cp1252")
    assert "Kesiapan lomba" in shown and "dinkes" in shown
