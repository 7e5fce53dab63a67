"""A workspace starts in the present: `lomba init` uses this year, its example builds, and every
competition's newest edition builds from it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import yaml

from lomba.diagnostics import Report
from lomba.locale import build_date
from lomba.validate.competitions import Registry
from tests.conftest import edit, run


def _init(tmp_path: Path) -> Path:
    root = tmp_path / "kabupaten-baru"
    assert run("init", str(root)).exit_code == 0
    return root


def test_init_starts_this_year_and_its_example_builds(tmp_path: Path) -> None:
    root = _init(tmp_path)
    year = build_date().year
    config = yaml.safe_load((root / "lomba.yaml").read_text(encoding="utf-8"))
    assert config["tahun_kerja"] == year
    assert str(config["tenggat_internal"][0]["tanggal"]) == f"{year}-07-31"
    checked = run("check", cwd=root)
    assert "edition-missing" not in checked.output
    assert run("build", cwd=root).exit_code == 0
    document = root / "build" / f"rai-{year}" / "dinkes" / "posyandu-remaja.docx"
    text = "\n".join(p.text for p in docx.Document(str(document)).paragraphs)
    assert f"Rencana Aksi Inovasi {year}" in text and "2019" not in text.split("\n")[0]


def test_every_current_competition_builds_from_a_new_workspace(tmp_path: Path) -> None:
    root = _init(tmp_path)
    registry = Registry(root, Report())
    newest = {key: max(registry.editions(key)) for key in registry.competition_keys()}
    entry = root / "entries" / "dinkes" / "posyandu-remaja.yaml"
    text = entry.read_text(encoding="utf-8")
    block = "".join(f"  {key}:\n    edisi: {year}\n" for key, year in sorted(newest.items())
                    if key != "rai")
    entry.write_text(text.replace("kompetisi:\n", "kompetisi:\n" + block, 1), encoding="utf-8")
    result = run("build", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    for key, year in newest.items():
        shown = build_date().year if key == "rai" else year
        made = list((root / "build" / f"{key}-{shown}").rglob("*.docx"))
        assert made, f"{key}/{shown}: no document"


def test_a_year_without_a_guideline_is_said_plainly(tmp_path: Path) -> None:
    root = _init(tmp_path)
    entry = root / "entries" / "dinkes" / "posyandu-remaja.yaml"
    edit(entry, "kompetisi:\n", "kompetisi:\n  sinovik: {edisi: 2031}\n")
    out = run("check", cwd=root).output
    assert "[edition-missing]" in out
    assert re.search(r"2031.*2025", out), "names the editions there are"
    # ... and the two ways on: the latest edition, or a provisional one made from it.
    flat = " ".join(out.split())
    assert "`kompetisi.sinovik.edisi: 2025`" in flat
    assert "`lomba kompetisi salin sinovik/2025 --sebagai sinovik/2031`" in flat


def test_a_provisional_edition_for_a_year_without_a_guideline(tmp_path: Path) -> None:
    root = _init(tmp_path)
    result = run("kompetisi", "salin", "sinovik/2025", "--sebagai", "sinovik/2031", cwd=root)
    assert result.exit_code == 0, result.output
    entry = root / "entries" / "dinkes" / "posyandu-remaja.yaml"
    edit(entry, "kompetisi:\n", "kompetisi:\n  sinovik: {edisi: 2031, kelompok: umum}\n")
    out = run("check", cwd=root).output
    assert "[edition-missing]" not in out and "[edition-provisional]" in out
    assert "[spec-" not in out, "the provisional spec itself is valid"
    run("build", "--force", "-k", "sinovik", cwd=root)
    (path,) = root.glob("build/sinovik-2031/dinkes/posyandu-remaja*.docx")
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "EDISI SEMENTARA" in text and "EDISI SEMENTARA" in header
    assert "Kompetisi Inovasi Pelayanan Publik 2031" in text
