"""KIPP 2020-21 (three groups) and 2022-23 (two groups) as the sources document them: the
questions each group answers, age rules per group, exclusions, attachments, and what is unknown
left unchecked or flagged as borrowed."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from lomba.diagnostics import Report
from lomba.validate.competitions import Registry
from tests.conftest import edit, run

ENTRY = "entries/dinkes/si-bunda.yaml"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry(None, Report())


def test_each_group_answers_its_own_questions(registry: Registry) -> None:
    spec = registry.get("sinovik", 2021).spec
    umum = [b.id for b in spec.sections_for("umum")]
    assert umum == ["ringkasan", "ide_inovatif", "signifikansi", "kontribusi_tpb",
                    "adaptabilitas", "keberlanjutan", "kolaborasi"]
    assert [b.id for b in spec.sections_for("replikasi")] == [
        *umum, "inspirasi", "proses_replikasi", "faktor_pembeda"]
    assert [b.id for b in spec.sections_for("khusus")] == [
        "pembaruan", "adaptabilitas_khusus", "penguatan_keberlanjutan", "evaluasi_khusus"]
    assert spec.sections_for(None) == spec.sections_for("umum"), "no group chosen: the first"
    assert sum(b.bobot or 0 for b in spec.sections_for("umum")) == 100


def test_the_2022_format_keeps_contradicted_limits_as_guidance(registry: Registry) -> None:
    spec = registry.get("sinovik", 2022).spec
    by_id = {b.id: b for b in spec.bagian}
    assert len(spec.bagian) == 8
    for contradicted in ("kebaruan", "adaptabilitas"):
        assert by_id[contradicted].kata_maks is None and by_id[contradicted].kata_acuan
    assert by_id["signifikansi"].kata_maks == 600
    assert all(b.bobot is None for b in spec.bagian), "the sources' weights disagree"
    video = next(item for item in spec.lampiran if item.kode == "video")
    assert video.durasi_maks_menit == 3 and video.wajib
    later = registry.get("sinovik", 2023).spec
    assert later.kategori == [] and later.kelayakan.usia_dipinjam == "sinovik/2022"
    assert not any(item.wajib for item in later.lampiran), "2022's attachments, not 2023's"
    earlier = registry.get("sinovik", 2020).spec
    assert "penegakan-hukum" not in {k.kode for k in earlier.kategori}
    assert len(earlier.kategori) == 9 and earlier.tenggat == []
    assert earlier.kelayakan.usia_minimal_tahun is None and earlier.kelayakan.usia_kelompok == {}


def _enter(sample: Path, year: int, group: str, extra: str = "") -> None:
    entry = sample / ENTRY
    text = entry.read_text(encoding="utf-8")
    old = "  sinovik:\n    ikut: true\n    kelompok: umum\n"
    assert old in text
    entry.write_text(text.replace(old, f"  sinovik:\n    edisi: {year}\n    ikut: true\n"
                                       f"    kelompok: {group}\n{extra}", 1), encoding="utf-8")


def _findings(sample: Path, ref: str) -> list[dict]:  # type: ignore[type-arg]
    out = run("check", "--json", ENTRY, cwd=sample).output
    return [d for d in json.loads(out)["diagnostics"] if d.get("competition") == ref]


def test_a_replication_answers_the_replication_questions_and_needs_its_statement(
        sample: Path) -> None:
    _enter(sample, 2021, "replikasi",
           "    replikasi_dari: SI BUNDA Kota Contoh\n    instansi_asal: Dinkes Kota Contoh\n")
    found = _findings(sample, "sinovik/2021")
    empty = {d["path"] for d in found if d["code"] == "section-empty"}
    assert {"kompetisi.sinovik.bagian.inspirasi", "kompetisi.sinovik.bagian.proses_replikasi",
            "kompetisi.sinovik.bagian.faktor_pembeda"} <= empty
    assert not any("pembaruan" in p for p in empty), "Khusus questions are not asked"
    (statement,) = [d for d in found if d["code"] == "attachment-missing"]
    assert "replikasi" in statement["message"]
    # SI BUNDA started in July 2017: two years before May 2021 is fine either way; the
    # replication group's own minimum is one year.
    assert not [d for d in found if d["code"] == "too-young"]
    run("build", "--force", "-k", "sinovik", ENTRY, cwd=sample)
    (path,) = sample.glob("build/sinovik-2021/dinkes/si-bunda*.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Inspirasi (Replikasi)" in text and "Pembaruan dan Peningkatan" not in text


def test_the_age_rule_differs_per_group(sample: Path) -> None:
    entry = sample / ENTRY
    edit(entry, "  penerapan: 2017-07-03", "  penerapan: 2019-12-01")
    _enter(sample, 2021, "umum")
    assert [d["code"] for d in _findings(sample, "sinovik/2021")
            if d["code"].startswith("too-young")] == ["too-young"]
    edit(entry, "    kelompok: umum\n", "    kelompok: replikasi\n")
    assert not [d for d in _findings(sample, "sinovik/2021") if d["code"] == "too-young"]


def test_2023_borrows_its_age_rule_as_a_warning(sample: Path) -> None:
    entry = sample / ENTRY
    edit(entry, "  penerapan: 2017-07-03", "  penerapan: 2022-01-10")
    _enter(sample, 2023, "umum")
    (young,) = [d for d in _findings(sample, "sinovik/2023") if d["code"].startswith("too-young")]
    assert (young["code"], young["severity"]) == ("too-young-borrowed", "warning")
    assert "sinovik/2022" in young["message"]


def test_a_former_top_45_cannot_enter_umum_in_2021(sample: Path) -> None:
    entry = sample / ENTRY
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("\npenghargaan:\n", "\npenghargaan:\n  - kompetisi: KIPP\n"
                                  "    tahun: 2019\n    peringkat: Top 45\n"
                                  "    tingkat: nasional\n", 1), encoding="utf-8")
    _enter(sample, 2021, "umum")
    assert [d["code"] for d in _findings(sample, "sinovik/2021")
            if d["code"] == "excluded-by-award"] == ["excluded-by-award"]
    edit(entry, "    kelompok: umum\n", "    kelompok: khusus\n")
    assert not [d for d in _findings(sample, "sinovik/2021") if d["code"] == "excluded-by-award"]
