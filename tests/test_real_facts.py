"""Facts as people write them: ranges, estimates, decimal commas, indicators without a year or
without an "after" value, a budget over a span of years, SDG targets, other names, partner OPD,
replication without a year, development partners, both digital and non-digital. Each is valid,
and each document prints it as written."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from tests.conftest import edit, run

ENTRY = Path("entries/dinkes/si-bunda.yaml")

FACTS = """
nama_lain: [Sistem Informasi Bunda, SIBUNDA]
opd_mitra: [rsud]
sdgs_target: ["3.1", "17.16"]
indikator_kinerja:
  - nama: Produksi kompos
    satuan: ton
    baseline: {nilai: "450–500"}
    terkini: {tahun: 2018, nilai: "sekitar 620"}
  - nama: Cakupan K4
    satuan: persen
    baseline: {tahun: 2016, nilai: "17,98"}
  - nama: Harga gabah
    satuan: Rp/kg
    baseline: {tahun: 2016, nilai: "3.000-3.500"}
    terkini: {tahun: 2018, nilai: "> 4.200"}
anggaran:
  - tahun: "2009–2017"
    sumber_dana: APBD
    uraian: Subsidi bibit (jumlah sembilan tahun)
    jumlah: 1250000000
replikasi:
  - daerah: Kabupaten Lahat
pemangku_kepentingan:
  - nama: UNICEF Indonesia
    unsur: mitra pembangunan
    peran: Pendampingan teknis dan pelatihan bidan
"""


def _with_facts(sample: Path) -> None:
    path = sample / ENTRY
    text = path.read_text(encoding="utf-8")
    for key in ("indikator_kinerja:", "anggaran:", "replikasi:", "pemangku_kepentingan:"):
        assert f"\n{key}" in text
        start = text.index(f"\n{key}") + 1
        end = start + 1
        lines = text[start:].splitlines(keepends=True)
        length = len(lines[0]) + sum(len(x) for x in
                                     __import__("itertools").takewhile(
                                         lambda x: x.startswith((" ", "\n")) , lines[1:]))
        end = start + length
        text = text[:start] + text[end:]
    text = text.replace("jenis: digital\n", "jenis: digital dan non digital\n", 1)
    path.write_text(text.rstrip("\n") + "\n" + FACTS, encoding="utf-8")


def test_real_facts_are_valid_and_printed_as_written(sample: Path) -> None:
    _with_facts(sample)
    found = json.loads(run("check", "--json", str(ENTRY), cwd=sample).output)["diagnostics"]
    schema_errors = [d for d in found if d["severity"] == "error" and "competition" not in d]
    assert schema_errors == [], schema_errors
    run("build", "--force", cwd=sample)
    document = docx.Document(str(sample / "build/sinovik-2019/dinkes/si-bunda.docx"))
    cells = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    flat = "\n".join(" | ".join(r) for r in cells)
    assert ["Produksi kompos", "ton", "450–500", "sekitar 620 (2018)", "—", ""] in cells
    assert ["Cakupan K4", "persen", "17,98 (2016)", "—", "—", ""] in cells
    assert "3.000–3.500 (2016)" in flat and ">4.200 (2018)" in flat
    assert "2009–2017" in flat and "Rp1.250.000.000" in flat
    assert "Sistem Informasi Bunda; SIBUNDA" in flat
    assert "Rumah Sakit" in flat or "RSUD" in flat, "the partner OPD by name"
    assert "target 3.1" in flat and "17. Kemitraan untuk Mencapai Tujuan (target 17.16)" in flat
    assert "Digital dan non digital" in flat
    plan = docx.Document(str(sample / "build/rai-2019/dinkes/si-bunda.docx"))
    plan_text = "\n".join(p.text for p in plan.paragraphs)
    assert "Produksi kompos: dari 450–500 ton menjadi sekitar 620 ton (2018)" in plan_text
    assert "Cakupan K4: dari 17,98 persen (2016) (nilai sesudah belum diukur)" in plan_text


def test_an_unknown_partner_opd_is_named(sample: Path) -> None:
    path = sample / ENTRY
    edit(path, "opd: dinkes\n", "opd: dinkes\nopd_mitra: [rsudd]\n")
    out = run("check", str(ENTRY), cwd=sample).output
    assert "opd_mitra[0]" in out and "Maksud Anda `rsud`?" in out


def test_numbers_as_indonesians_write_them() -> None:
    from decimal import Decimal

    from lomba.model.common import parse_kuantitas
    cases = {"17,98": (Decimal("17.98"), None, None), "17.98": (Decimal("17.98"), None, None),
             "3.500": (Decimal("3500"), None, None), "1.250.000": (Decimal("1250000"), None, None),
             "1.250.000,5": (Decimal("1250000.5"), None, None),
             "450–500": (Decimal("450"), Decimal("500"), None),
             "450 s.d. 500": (Decimal("450"), Decimal("500"), None),
             "sekitar 450": (Decimal("450"), None, "sekitar"), "± 2": (Decimal("2"), None, "±"),
             "0.125": (Decimal("0.125"), None, None)}
    for text, (low, high, qualifier) in cases.items():
        value = parse_kuantitas(text)
        assert (value.low, value.high, value.qualifier) == (low, high, qualifier), text


def test_both_digital_and_not_is_a_fact_and_iga_2026_asks_for_one(sample: Path) -> None:
    path = sample / "entries" / "rsud" / "andalan.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\njenis: " in text
    import re
    text = re.sub(r"\njenis: [^\n]+", "\njenis: digital dan non digital", text, count=1)
    path.write_text(text.replace("  iga:\n    ikut: true\n", "  iga:\n    edisi: 2026\n", 1),
                    encoding="utf-8")
    found = json.loads(run("check", "--json", "entries/rsud/andalan.yaml",
                           cwd=sample).output)["diagnostics"]
    schema = [d for d in found if d["path"] == "jenis" and "competition" not in d]
    assert schema == [], "a fact, not a schema error"
    pair = [d for d in found if d["path"] == "jenis" and d.get("competition") == "iga/2026"]
    assert pair and pair[0]["severity"] == "error"
    assert not [d for d in found if d["path"] == "jenis" and d.get("competition") != "iga/2026"]
