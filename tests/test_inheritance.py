"""How a derived edition (`turunan_dari`) changes its parent's lists, and every shipped edition's
effective dates belong to its own year."""

from __future__ import annotations

from pathlib import Path

import pytest

from lomba.diagnostics import Report
from lomba.validate.competitions import Registry
from tests.conftest import edit, run


def test_every_effective_deadline_falls_near_its_editions_year() -> None:
    report = Report()
    registry = Registry(None, report)
    for edition in registry.all():
        for t in edition.spec.tenggat:
            assert abs(t.tanggal.year - edition.spec.edisi) <= 1, (edition.ref, t.nama)
    assert not [d for d in report.diagnostics if d.code == "spec-date-other-year"]


def test_iga_2026_knows_no_deadline_and_iga_2023_its_own() -> None:
    registry = Registry(None, Report())
    assert registry.get("iga", 2026).spec.tenggat == []
    iga2023 = registry.get("iga", 2023).spec
    assert {t.tanggal.year for t in iga2023.tenggat} == {2023}
    assert "2019" not in (iga2023.catatan or "")


def _child(sample: Path, body: str) -> Path:
    folder = sample / "templates" / "sinovik" / "2020"
    folder.mkdir(parents=True)
    spec = folder / "spec.yaml"
    spec.write_text("kunci: sinovik\nedisi: 2020\nturunan_dari: sinovik/2019\n"
                    "nama: KIPP 2020\n" + body, encoding="utf-8")
    return spec


# The age rule counts from the registration deadline, so a child without one names another.
AGE_FROM_END = "kelayakan: {usia_dari_tenggat: akhir}\n"


@pytest.mark.parametrize(("body", "expected"), [
    ("tenggat: []\nkelayakan: {usia_minimal_tahun: null}\n", []),
    ("tenggat:\n  ganti:\n    - {kode: akhir, nama: Penutupan, tanggal: 2020-05-01}\n"
     + AGE_FROM_END, ["akhir"]),
    ("tenggat:\n  - {kode: evaluasi, hapus: true}\n", "all but evaluasi"),
])
def test_a_child_clears_replaces_or_removes_from_its_parents_list(
        sample: Path, body: str, expected: object) -> None:
    _child(sample, body)
    registry = Registry(sample, Report())
    parent = [t.kode for t in registry.get("sinovik", 2019).spec.tenggat]
    child = [t.kode for t in registry.get("sinovik", 2020).spec.tenggat]
    if expected == "all but evaluasi":
        assert "evaluasi" in parent and child == [k for k in parent if k != "evaluasi"]
    else:
        assert child == expected


def test_an_inherited_date_from_another_year_is_a_located_warning(sample: Path) -> None:
    spec = _child(sample, "")  # inherits 2019's deadlines into 2020: one year off, tolerated
    spec.write_text(spec.read_text(encoding="utf-8").replace("edisi: 2020", "edisi: 2022")
                    .replace("KIPP 2020", "KIPP 2022"), encoding="utf-8")
    (sample / "templates" / "sinovik" / "2020").rename(sample / "templates" / "sinovik" / "2022")
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    edit(entry, "  sinovik:\n    ikut: true\n", "  sinovik:\n    edisi: 2022\n    ikut: true\n")
    out = run("check", cwd=sample).output
    assert "templates/sinovik/2022/spec.yaml" in out and "[spec-date-other-year]" in out


def test_a_borrowed_limit_is_a_warning_that_says_so(sample: Path) -> None:
    import json
    found = json.loads(run("check", "--json", "entries/bpkad/sipadu-aset.yaml",
                           cwd=sample).output)["diagnostics"]
    (under,) = [d for d in found if d["path"] == "narasi.rancang_bangun"
                and d.get("competition") == "iga/2019"]
    assert under["code"] == "words-under-borrowed" and under["severity"] == "warning"
    assert "dipinjam dari iga/2021" in under["message"]
    strict = run("check", "--strict", "entries/bpkad/sipadu-aset.yaml", cwd=sample)
    assert strict.exit_code == 1, "--strict still fails on it"


def test_a_borrowed_age_rule_is_a_warning_that_says_so(sample: Path) -> None:
    import json
    assert run("kompetisi", "salin", "sinovik/2019", cwd=sample).exit_code == 0
    spec = sample / "templates" / "sinovik" / "2019" / "spec.yaml"
    edit(spec, "  usia_dari_tenggat: pendaftaran\n",
         "  usia_dari_tenggat: pendaftaran\n  usia_dipinjam: sinovik/2018\n")
    found = json.loads(run("check", "--json", "entries/dinsos/verdes.yaml",
                           cwd=sample).output)["diagnostics"]
    codes = {d["code"]: d for d in found if d.get("competition") == "sinovik/2019"}
    assert "too-young" not in codes
    assert codes["too-young-borrowed"]["severity"] == "warning"
    assert "dipinjam dari sinovik/2018" in codes["too-young-borrowed"]["message"]
