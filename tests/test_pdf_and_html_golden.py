"""Generated documents open in LibreOffice; the HTML preview is stable (golden)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, require_tool, run


def test_libreoffice_converts_the_documents_to_pdf(sample: Path, tmp_path: Path) -> None:
    soffice = require_tool("soffice", "libreoffice-writer-nogui",
                           "needed to check that generated DOCX files open and lay out")
    assert run("build", cwd=sample).exit_code == 0
    documents = sorted((sample / "build").glob("*-*/*/*.docx"))
    letters = sorted((sample / "build" / "surat").rglob("*.docx"))
    assert letters
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, documents), str(letters[0])],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    for document in documents:
        pdf = tmp_path / f"{document.stem}.pdf"
        assert pdf.is_file(), (document, result.stdout, result.stderr)
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
        assert pages >= 2, (document, pages)
    letter = (tmp_path / f"{letters[0].stem}.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", letter)) == 1, "a letter fits on one page"


def test_html_preview_is_golden(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1563926400")
    assert run("build", cwd=workspace).exit_code == 0
    got = (workspace / "build/rai-2019/dinkes/posyandu-remaja.html").read_text(encoding="utf-8")
    golden = GOLDEN / "html" / "rai-posyandu-remaja.html"
    if os.environ.get("LOMBA_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")
