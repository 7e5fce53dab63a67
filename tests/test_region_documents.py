"""Budhipraja as the award it is: one document per kabupaten or kota, from the region's own
profile, lomba.yaml and the innovations that opt in; never one OPD product's narrative."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import yaml

from lomba.model.region import REGION_PROFILE
from tests.conftest import edit, run

DOC = "build/budhipraja-2019/kabupaten-tanjung-lematang.docx"
MEMBERS = ["entries/dinkes/si-bunda.yaml", "entries/dpmptsp/izin-sehari.yaml",
           "entries/rsud/andalan.yaml"]


def _texts(path: Path) -> tuple[list[str], list[list[str]]]:
    document = docx.Document(str(path))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    return [p.text for p in document.paragraphs], rows


def _build(root: Path, *args: str) -> dict:  # type: ignore[type-arg]
    return json.loads(run("build", "--json", *args, cwd=root).output)


def test_the_sample_builds_one_region_document_with_its_four_parts(sample: Path) -> None:
    data = _build(sample)
    (region,) = data["region_documents"]
    assert region["competition"] == "budhipraja/2019" and region["state"] == "written"
    assert region["files"] == [DOC] and region["members"] == MEMBERS
    assert not list(sample.glob("build/budhipraja-2019/*/")), "no per-OPD Budhipraja documents"
    paragraphs, rows = _texts(sample / DOC)
    text = "\n".join(paragraphs)
    # 1. the cover letter proposing the candidate, in its category, with no number issued
    assert "Perihal: Usulan calon penerima Anugerah Iptek Budhipraja 2019 kategori Budhipraja " \
        "Kabupaten" in text
    assert "Nomor: ........................ (diisi saat ditandatangani)" in text
    assert "Menteri Riset, Teknologi, dan Pendidikan Tinggi" in text
    assert "pengukuran 3 produk/jasa inovatif daerah" in text
    # 2. the region's profile from daerah/profil-inovasi.yaml, section by section
    profile = yaml.safe_load((sample / REGION_PROFILE).read_text(encoding="utf-8"))
    for heading in ("Strategi Inovasi Daerah", "Program Inovasi Daerah", "Hasil Inovasi Daerah",
                    "Sistem Inovasi Daerah (kelembagaan, regulasi, jaringan, anggaran)",
                    "Daya Saing Daerah menurut Empat Aspek IDSD"):
        assert heading in paragraphs
    assert profile["hasil"].split()[0:6] == text.split("Hasil Inovasi Daerah\n")[1].split()[0:6]
    assert "Ekosistem inovasi. Bank ide OPD" in text
    # 3. the regional head's CV form, at the precision written
    assert ["Tempat, tanggal lahir", "Muara Lematang, Maret 1966"] in rows
    # 4. the measurement of the innovations that opted in, and nothing else
    measured = [r for r in rows if r[0] in ("1", "2", "3", "4")]
    assert [r[1] for r in measured] == [
        "Sistem Informasi Ibu Hamil dan Bersalin (SI BUNDA)",
        "Izin Usaha Mikro Kecil Sehari Jadi (IUMK SEHARI)",
        "Antrean Daring Poliklinik RSUD (ANDALAN)"]
    assert measured[1][5] == "Waktu penerbitan IUMK (hari kerja): 14 (2016) → 1 (2018)"
    # The dashboard links it, with its category and how many innovations it measures.
    page = (sample / "build/index.html").read_text(encoding="utf-8")
    assert '<a href="budhipraja-2019/kabupaten-tanjung-lematang.docx">Anugerah Iptek ' \
        "Budhipraja 2019 (Budhipraja Kabupaten)</a> · 3 produk/jasa inovatif" in page
    # The first page names what is inferred.
    assert any("Budhipura 2015" in p for p in paragraphs[:paragraphs.index("Surat Pengantar")])


def test_a_kota_enters_the_kota_category_and_a_province_is_refused(sample: Path) -> None:
    config = sample / "lomba.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  jenis: kabupaten\n", "  jenis: kota\n", 1),
                      encoding="utf-8")
    _build(sample)
    (path,) = sample.glob("build/budhipraja-2019/kota-*.docx")
    paragraphs, _ = _texts(path)
    assert any(p.endswith("kategori Budhipraja Kota") for p in paragraphs)
    config.write_text(text.replace("  jenis: kabupaten\n", "  jenis: provinsi\n", 1),
                      encoding="utf-8")
    found = json.loads(run("check", "--json", cwd=sample).output)["diagnostics"]
    (wrong,) = [d for d in found if d["code"] == "region-not-eligible"]
    assert wrong["file"] == "lomba.yaml" and wrong["path"] == "pemda.jenis"
    assert "Budhipura" in wrong["message"]
    (region,) = _build(sample)["region_documents"]
    assert region["state"] == "not-ready" and region["code"] == "region-not-eligible"
    assert not list(sample.glob("build/budhipraja-2019/provinsi-*.docx"))


def test_without_the_profile_nothing_is_made_but_a_forced_draft(sample: Path) -> None:
    _build(sample)
    (sample / REGION_PROFILE).unlink()
    found = json.loads(run("check", "--json", cwd=sample).output)["diagnostics"]
    assert [d["file"] for d in found if d["code"] == "region-profile-missing"] == [REGION_PROFILE]
    data = _build(sample)
    (region,) = data["region_documents"]
    assert region["state"] == "not-ready" and region["code"] == "region-profile-missing"
    # The good earlier document is moved aside, not left beside the final ones.
    assert not (sample / DOC).exists()
    assert (sample / "build/usang/budhipraja-2019/kabupaten-tanjung-lematang.docx").is_file()
    (forced,) = _build(sample, "--force")["region_documents"]
    assert forced["state"] == "draft"
    assert forced["files"] == ["build/budhipraja-2019/kabupaten-tanjung-lematang-DRAF.docx"]
    paragraphs, rows = _texts(sample / forced["files"][0])
    assert "(belum diisi)" in paragraphs and ["Tempat, tanggal lahir", "(belum diisi)"] in rows


def test_an_empty_section_points_at_its_field_and_an_idea_is_not_measured(
        sample: Path) -> None:
    profile = sample / REGION_PROFILE
    text = profile.read_text(encoding="utf-8")
    start = text.index("sida: |")
    end = text.index("idsd:")
    profile.write_text(text[:start] + "sida:\n" + text[end:], encoding="utf-8")
    idea = sample / "entries/distan/klinik-tani.yaml"
    data = yaml.safe_load(idea.read_text(encoding="utf-8"))
    assert data["tahapan"] == "ide" and "kompetisi" not in data
    idea.write_text(idea.read_text(encoding="utf-8")
                    + "kompetisi:\n  budhipraja:\n    ikut: true\n", encoding="utf-8")
    found = json.loads(run("check", "--json", cwd=sample).output)["diagnostics"]
    (empty,) = [d for d in found if d["code"] == "region-section-empty"]
    line = text[:start].count("\n") + 1
    assert (empty["file"], empty["line"], empty["path"]) == (REGION_PROFILE, line, "sida")
    (excluded,) = [d for d in found if d["code"] == "region-idea-excluded"]
    assert excluded["file"] == "entries/distan/klinik-tani.yaml"
    assert excluded["severity"] == "warning" and excluded["path"] == "kompetisi.budhipraja"
    lines = idea.read_text(encoding="utf-8").splitlines()
    assert excluded["line"] == lines.index("  budhipraja:") + 1
    (region,) = _build(sample, "--force")["region_documents"]
    assert "entries/distan/klinik-tani.yaml" not in region["members"]


def test_the_profile_can_be_checked_alone_and_a_new_workspace_has_one(
        sample: Path, workspace: Path) -> None:
    profile = sample / REGION_PROFILE
    edit(profile, "  tanggal_lahir: 1966-03", "  tanggal_lahir: Maret 1966", -1)
    result = run("check", REGION_PROFILE, cwd=sample)
    assert result.exit_code == 1
    assert f"{REGION_PROFILE}:" in result.output and "tanggal_lahir" in result.output
    assert "entries/" not in result.output
    assert (workspace / REGION_PROFILE).is_file(), "lomba init writes an example profile"
    assert yaml.safe_load((workspace / REGION_PROFILE).read_text(encoding="utf-8"))["program"] \
        == []


def test_leaving_the_award_removes_its_document(sample: Path) -> None:
    _build(sample)
    assert (sample / DOC).is_file()
    for name in MEMBERS:
        entry = sample / name
        edit(entry, "  budhipraja:   # produk/jasa inovatif dalam usulan Budhipraja kabupaten\n"
            "    ikut: true\n",
             "", -1)
    data = _build(sample)
    assert data["region_documents"] == []
    assert DOC in data["removed"]
    assert not (sample / DOC).exists()


def test_status_lists_the_region_document_beside_the_matrix(sample: Path) -> None:
    data = json.loads(run("status", "--json", cwd=sample).output)
    assert data["region_documents"] == [{
        "ref": "budhipraja/2019", "category": "Budhipraja Kabupaten", "members": 3,
        "state": "siap", "reason": None}]
    out = " ".join(run("status", cwd=sample).output.split())
    assert "Dokumen daerah Budhipraja 2019 (Budhipraja Kabupaten): ✔ siap · 3 produk/jasa " \
        "inovatif" in out
    (sample / REGION_PROFILE).unlink()
    out = " ".join(run("status", "-k", "budhipraja", cwd=sample).output.split())
    assert "Dokumen daerah Budhipraja 2019 (Budhipraja Kabupaten): ✘ budhipraja/2019 menilai " \
        "pemda" in out


def test_a_profile_that_does_not_parse_stops_its_document(sample: Path) -> None:
    _build(sample)
    (sample / REGION_PROFILE).write_text('strategi: "tidak ditutup\nprogram: [\n',
                                         encoding="utf-8")
    found = json.loads(run("check", "--json", REGION_PROFILE, cwd=sample).output)["diagnostics"]
    (broken,) = [d for d in found if d["severity"] == "error"]
    assert broken["file"] == REGION_PROFILE and broken["code"] == "yaml-syntax"
    (region,) = _build(sample)["region_documents"]
    assert region["state"] == "not-ready" and region["code"] == "yaml-syntax"
    assert not (sample / DOC).exists(), "what check refuses, build refuses"
