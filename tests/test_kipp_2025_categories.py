"""KIPP 2025's categories in the official wording the sources give."""

from __future__ import annotations

from lomba.diagnostics import Report
from lomba.validate.competitions import Registry


def test_kipp_2025_category_names_follow_the_sources() -> None:
    report = Report()
    spec = Registry(None, report).get("sinovik", 2025).spec
    names = {k.kode: k.nama for k in spec.kategori}
    assert names["pemberantasan-kemiskinan"] == "Pemberantasan kemiskinan"
    assert "pengentasan-kemiskinan" not in names
    assert names["pelestarian-lingkungan"] == "Pelestarian lingkungan hidup"
    assert names["makan-bergizi"] == "Pelaksanaan program makan bergizi"
    assert names["kesetaraan-gender"].startswith("Penguatan kesetaraan gender")
    assert not any("terpotong" in n for n in names.values())
    assert not [d for d in report.diagnostics if d.severity.value == "error"]


def test_the_document_prints_the_group_and_category_in_official_wording(sample) -> None:  # type: ignore[no-untyped-def]
    import docx

    from tests.conftest import run
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    text = entry.read_text(encoding="utf-8")
    assert "  sinovik:\n    ikut: true\n    kelompok: umum\n" in text
    entry.write_text(text.replace(
        "  sinovik:\n    ikut: true\n    kelompok: umum\n",
        "  sinovik:\n    edisi: 2025\n    kelompok: umum\n    kategori: pemberantasan-kemiskinan\n",
        1), encoding="utf-8")
    run("build", "--force", "-k", "sinovik", "entries/dinkes/si-bunda.yaml", cwd=sample)
    (path,) = sample.glob("build/sinovik-2025/dinkes/si-bunda*.docx")
    rows = [[c.text for c in r.cells] for t in docx.Document(str(path)).tables for r in t.rows]
    assert ["Kelompok", "Umum"] in rows
    assert ["Kategori", "Pemberantasan kemiskinan"] in rows
    assert any(r[0] == "Penghargaan" and "Anugerah Inovasi Sumatera Selatan" in r[1]
               for r in rows)


def test_the_replikasi_group_names_the_replicated_innovation_and_its_instansi(sample) -> None:  # type: ignore[no-untyped-def]
    import json

    import docx

    from tests.conftest import run
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    text = entry.read_text(encoding="utf-8")
    replication = ("  sinovik:\n    edisi: 2025\n    kelompok: replikasi\n"
                   "    kategori: kesehatan\n")
    text = text.replace("  sinovik:\n    ikut: true\n    kelompok: umum\n", replication, 1)
    entry.write_text(text, encoding="utf-8")
    found = json.loads(run("check", "--json", "entries/dinkes/si-bunda.yaml",
                           cwd=sample).output)["diagnostics"]
    missing = sorted(d["message"] for d in found if d["code"] == "option-needs-field")
    assert len(missing) == 2 and all(d.startswith("sinovik/2025") for d in missing)
    assert "`kompetisi.sinovik.instansi_asal`" in missing[0]
    assert "`kompetisi.sinovik.replikasi_dari`" in missing[1]
    assert all(d["severity"] == "error" for d in found if d["code"] == "option-needs-field")
    entry.write_text(text.replace(replication, replication
                                  + "    replikasi_dari: SI BUNDA Kota Contoh\n"
                                  "    instansi_asal: Dinas Kesehatan Kota Contoh\n", 1),
                     encoding="utf-8")
    found = json.loads(run("check", "--json", "entries/dinkes/si-bunda.yaml",
                           cwd=sample).output)["diagnostics"]
    assert not [d for d in found if d["code"] == "option-needs-field"]
    run("build", "--force", "-k", "sinovik", "entries/dinkes/si-bunda.yaml", cwd=sample)
    (path,) = sample.glob("build/sinovik-2025/dinkes/si-bunda*.docx")
    rows = [[c.text for c in r.cells] for t in docx.Document(str(path)).tables for r in t.rows]
    assert ["Kelompok", "Replikasi"] in rows
    assert ["Inovasi yang direplikasi", "SI BUNDA Kota Contoh"] in rows
    assert ["Instansi asal inovasi", "Dinas Kesehatan Kota Contoh"] in rows
