"""IGA 2026 as the portal asks it: evidence kinds a province and a village have, indicator 33's
bases, PKPN, one Asta Cita, recommended (not invented mandatory) fields, the portal's wording."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from lomba.diagnostics import Report
from lomba.scoring.iga import supported_level
from lomba.validate.competitions import Registry
from tests.conftest import edit, run

ENTRY = "entries/dinkes/si-bunda.yaml"


@pytest.fixture(scope="module")
def spec():  # type: ignore[no-untyped-def]
    return Registry(None, Report()).get("iga", 2026).spec


def test_a_governors_regulation_supports_the_regional_head_level(spec) -> None:  # type: ignore[no-untyped-def]
    (regulation,) = [i for i in spec.indikator if i.nomor == 16]
    assert supported_level(regulation, 2, ["Pergub"]) == 2, "a province's Perkada is a Pergub"
    assert supported_level(regulation, 2, ["Perbup"]) == 2
    assert supported_level(regulation, 2, ["SK"]) == 1
    assert supported_level(regulation, 3, ["Pergub"]) == 2, "level 3 needs a Perda"


def test_labels_follow_the_portals_wording(spec) -> None:  # type: ignore[no-untyped-def]
    names = {i.nomor: i.nama for i in spec.indikator}
    assert names[17] == "Ketersediaan dan peran SDM terhadap inovasi daerah"
    assert names[34] == "Monitoring dan Evaluasi Inovasi Daerah"
    spd = {r.kode: r for r in spec.spd}
    assert spd["1"].nama == "Visi dan Misi"
    assert [lv.uraian for lv in spd["8"].level] == [
        "TMP/Disclaimer atau TW/Adverse", "WDP/Qualified", "WTP/Unqualified"]
    (benefit,) = [i for i in spec.indikator if i.nomor == 33]
    assert [d.kode for d in benefit.dasar] == list("abcdef")


def _enter_iga_2026(sample: Path, extra: str = "", claim: str = "") -> Path:
    """SI BUNDA entered in IGA 2026 itself, developed in 2024 (inside the window)."""
    entry = sample / ENTRY
    text = entry.read_text(encoding="utf-8")
    text = text.replace("  iga:\n    ikut: true\n", "  iga:\n    edisi: 2026\n    ikut: true\n", 1)
    text = text.replace("  pengembangan: 2019-03-18", "  pengembangan: 2024-05", 1)
    text = text.replace("  - nomor: 33\n    level: 3\n", "  - nomor: 33\n    level: 2\n" + claim, 1)
    entry.write_text(text + "koordinat: -3.7156,103.7722\n" + extra, encoding="utf-8")
    return entry


def _findings(sample: Path) -> list[dict]:  # type: ignore[type-arg]
    out = run("check", "--json", ENTRY, cwd=sample).output
    return [d for d in json.loads(out)["diagnostics"] if d.get("competition") == "iga/2026"]


def test_indicator_33_prints_its_chosen_basis_and_refuses_an_unknown_one(sample: Path) -> None:
    _enter_iga_2026(sample, claim="    dasar: b\n")
    assert not [d for d in _findings(sample) if d["code"] == "iga-basis-unknown"]
    run("build", "--force", "-k", "iga", ENTRY, cwd=sample)
    (path,) = sample.glob("build/iga-2026/dinkes/si-bunda*.docx")
    rows = [[c.text for c in r.cells] for t in docx.Document(str(path)).tables for r in t.rows]
    (row,) = [r for r in rows if r[0] == "33"]
    assert "dasar b, Cakupan unit penerima manfaat (persentase dari unit sasaran): 20,01-50%" \
        in row[1]
    entry = sample / ENTRY
    edit(entry, "    dasar: b\n", "    dasar: g\n", -1)
    (unknown,) = [d for d in _findings(sample) if d["code"] == "iga-basis-unknown"]
    assert unknown["severity"] == "error" and "a, b, c, d, e, f" in unknown["message"]
    assert unknown["path"] == "indikator_iga[4].dasar"


def test_pkpn_and_one_asta_cita_are_printed(sample: Path) -> None:
    _enter_iga_2026(sample, "asta_cita: 4\npkpn: kesehatan\npkpn_program: Cek kesehatan gratis\n")
    assert not [d for d in _findings(sample) if d["code"] in ("form-takes-one",
                                                             "field-recommended")
                and d["path"] in ("asta_cita", "pkpn")]
    run("build", "--force", "-k", "iga", ENTRY, cwd=sample)
    (path,) = sample.glob("build/iga-2026/dinkes/si-bunda*.docx")
    rows = [[c.text for c in r.cells] for t in docx.Document(str(path)).tables for r in t.rows]
    assert ["Asta Cita", "4"] in rows
    assert ["Klaster PKPN", "Kesehatan (program: Cek kesehatan gratis)"] in rows


def test_the_form_takes_one_asta_cita(sample: Path) -> None:
    _enter_iga_2026(sample, "asta_cita: [2, 4]\n")
    (several,) = [d for d in _findings(sample) if d["code"] == "form-takes-one"]
    assert several["severity"] == "error" and several["path"] == "asta_cita"
    assert "2, 4" in several["message"]


def test_fields_no_source_makes_mandatory_are_warnings(sample: Path) -> None:
    _enter_iga_2026(sample)
    found = {(d["path"], d["code"], d["severity"]) for d in _findings(sample)}
    for name in ("klasifikasi", "asta_cita", "pkpn"):
        assert (name, "field-recommended", "warning") in found
        assert (name, "needs-field", "error") not in found
    assert not [f for f in found if f[1] == "needs-field"], "coordinates and video are given"


def test_an_unknown_pkpn_cluster_is_named_with_the_choices(sample: Path) -> None:
    _enter_iga_2026(sample, "pkpn: kesehatn\n")
    out = run("check", ENTRY, cwd=sample).output
    assert "pkpn" in out and "kesehatan" in out
