"""The user guide builds strictly with MkDocs, and its reference pages come from lomba itself:
every field, every competition edition, every message code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from lomba.author.guide import explain, message_codes
from lomba.model.innovation import Inovasi
from tests.conftest import REPO, run


def test_the_guide_builds_strictly_with_every_reference_page(tmp_path: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "docs", tmp_path / "docs",
                    ignore=shutil.ignore_patterns("kode", "kompetisi", "kolom.md"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--site-dir", str(tmp_path / "site")], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    for code in message_codes():
        page = site / "kode" / code / "index.html"
        assert page.is_file(), code
    assert "register-gap" in (site / "kode" / "register-gap" / "index.html").read_text("utf-8")
    fields = (site / "kolom" / "index.html").read_text(encoding="utf-8")
    assert all(f"<code>{name}</code>" in fields for name in Inovasi.model_fields)
    for edition in ("sinovik-2019", "iga-2026", "rai-2019"):
        assert (site / "kompetisi" / edition / "index.html").is_file()
    assert not (site / "hooks.py").exists()


def test_jelaskan_prints_the_page_of_a_code(sample: Path) -> None:
    result = run("jelaskan", "[unknown-field]", cwd=sample)
    assert result.exit_code == 0
    assert result.output.strip() == (explain("unknown-field") or "").strip()
    assert "unknown field" in run("--lang", "en", "jelaskan", "unknown-field").output
    wrong = run("jelaskan", "unknwn-field", cwd=sample)
    assert wrong.exit_code == 2 and "Maksud Anda `unknown-field`?" in wrong.output


def test_every_diagnostic_names_a_code_that_has_a_page(sample: Path) -> None:
    import json

    found = json.loads(run("check", "--json", cwd=sample).output)["diagnostics"]
    assert {d["code"] for d in found} <= set(message_codes())
    text = run("check", cwd=sample).output
    assert all(f"[{d['code']}]" in text for d in found), "each message names its code"
