"""`lomba build` on the sample workspace: the DOCX files are opened and checked."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from lomba.write import formats as builder
from tests.conftest import edit, run

SI_BUNDA = Path("build/sinovik-2019/dinkes/si-bunda.docx")


@pytest.fixture
def built(sample: Path) -> Path:
    result = run("build", cwd=sample)
    assert result.exit_code == 0, result.output
    return sample


def paragraphs(document: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_every_complete_entry_renders_for_each_competition(built: Path) -> None:
    made = sorted(p.relative_to(built / "build").as_posix()
                  for p in (built / "build").glob("*-*/*/*.docx"))
    assert made == [
        "iga-2019/dinkes/si-bunda.docx",
        "iga-2019/disdik/guru-kunjung.docx",
        "iga-2019/rsud/andalan.docx",
        "inagara-2019/disdukcapil/laksa-desa.docx",
        "rai-2019/bag-organisasi/rapor-kinerja.docx",
        "rai-2019/bappeda/bidik.docx",
        "rai-2019/dinkes/si-bunda.docx",
        "rai-2019/disdik/guru-kunjung.docx",
        "rai-2019/dpmptsp/izin-sehari.docx",
        "rai-2019/pkm-talang-jaya/posbindu-kebun.docx",
        "rai-2019/rsud/andalan.docx",
        "sinovik-2019/dinkes/si-bunda.docx",
        "sinovik-2019/disdukcapil/laksa-desa.docx",
        "sinovik-2019/dpmptsp/izin-sehari.docx",
        "sinovik-2019/pkm-talang-jaya/posbindu-kebun.docx",
        "sinovik-2019/rsud/andalan.docx",
    ]
    for docx_path in (built / "build").glob("*-*/*/*.docx"):
        assert docx_path.with_suffix(".html").is_file()


def test_not_ready_entries_are_skipped_with_their_reason(sample: Path) -> None:
    result = run("build", cwd=sample)
    # VERDES's narrative is half-written (its age is only a warning: KIPP 2019's one-year rule
    # is borrowed from 2018).
    assert "dilewati: entries/dinsos/verdes.yaml: sinovik/2019: bagian \"Keselarasan dengan " \
           "Kategori\" wajib diisi tetapi kosong" in result.output
    assert "dilewati: entries/bpkad/sipadu-aset.yaml" in result.output
    assert not (sample / "build" / "sinovik-2019" / "dinsos").exists()


def test_sections_in_order_with_their_questions_and_text(built: Path) -> None:
    document = docx.Document(str(built / SI_BUNDA))
    headings = [t for s, t in paragraphs(document) if s == "Heading 2"]
    assert headings == [
        "Ringkasan", "1. Tujuan Inovasi", "2. Keselarasan dengan Kategori", "3. Signifikansi",
        "4. Inovatif", "5. Transferabilitas", "6a. Sumber Daya", "6b. Keberlanjutan",
        "7a. Dampak — Evaluasi", "7b. Dampak — Indikator", "7c. Dampak — Hasil",
        "8. Keterlibatan Pemangku Kepentingan", "9. Pelajaran yang Dipetik",
    ]
    texts = [t for _, t in paragraphs(document)]
    tujuan = texts.index("1. Tujuan Inovasi")
    assert texts[tujuan + 1].startswith("Apa tujuan atau gagasan")
    answer = texts[tujuan + 2:texts.index("2. Keselarasan dengan Kategori")]
    assert answer[0].startswith("Angka kematian ibu"), "the template puts the problem first"
    assert answer[-1].startswith("Tujuh dari sebelas kematian ibu"), \
        "the competition's own wording overrides the common narrative"
    ringkasan = texts.index("Ringkasan")
    bold = [r.text for r in document.paragraphs[ringkasan + 3].runs if r.bold]
    assert bold == ["SI BUNDA"], "Markdown bold becomes a bold run"
    top = [t for s, t in paragraphs(document) if s == "Heading 1"]
    assert top == ["I. Profil Inovasi", "II. Uraian Inovasi",
                   "III. Indikator Kinerja Sebelum dan Sesudah Inovasi", "IV. Anggaran",
                   "V. Pemangku Kepentingan", "VI. Dokumentasi", "VII. Daftar Bukti Pendukung"]


def test_cover_page(built: Path) -> None:
    document = docx.Document(str(built / SI_BUNDA))
    texts = [t for _, t in paragraphs(document)]
    assert "PROPOSAL KOMPETISI INOVASI PELAYANAN PUBLIK" in texts
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Sistem Informasi Ibu Hamil dan Bersalin"
    assert "Dinas Kesehatan" in texts and "Pemerintah Kabupaten Tanjung Lematang" in texts
    assert "Muara Lematang, 1 April 2019" in texts, "dates are written the Indonesian way"
    first_pictures = document.paragraphs[2]._p.findall(".//" + qn("w:drawing"))
    assert first_pictures, "the regency's logo is on the cover"


def test_tables_have_the_right_numbers_and_total(built: Path) -> None:
    document = docx.Document(str(built / SI_BUNDA))
    tables = {t.rows[0].cells[0].text: t for t in document.tables}
    budget = tables["Tahun"]
    rows = [[c.text for c in r.cells] for r in budget.rows]
    assert rows[0] == ["Tahun", "Sumber dana", "Uraian", "Jumlah"]
    assert rows[1] == ["2017", "APBD", "Pengembangan aplikasi dan server", "Rp185.000.000"]
    assert rows[-1] == ["", "", "Jumlah", "Rp412.500.000"]
    assert all(run.bold for run in budget.rows[-1].cells[3].paragraphs[0].runs)
    indicators = [[c.text for c in r.cells] for r in tables["Indikator"].rows]
    assert indicators[1][:5] == ["Kematian ibu", "kasus per tahun", "11 (2016)", "4 (2018)",
                                 "-63,6% (membaik)"]
    assert indicators[3][4] == "+19,2% (membaik)"
    profile = {r.cells[0].text: r.cells[1].text for r in tables["Uraian"].rows}
    assert profile["Urusan pemerintahan"] == "Kesehatan"
    assert profile["TPB/SDGs"] == "3. Kehidupan Sehat dan Sejahtera; 5. Kesetaraan Gender"
    assert profile["Waktu mulai penerapan"] == "3 Juli 2017"


def test_page_setup_footer_and_properties(built: Path) -> None:
    document = docx.Document(str(built / SI_BUNDA))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    instructions = [i.text.strip() for i in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "SI BUNDA · KIPP 2019 (SINOVIK)" in section.header.paragraphs[0].text
    props = document.core_properties
    assert props.title == "Sistem Informasi Ibu Hamil dan Bersalin — KIPP 2019 (SINOVIK)"
    assert props.author == "Pemerintah Kabupaten Tanjung Lematang"
    assert props.language == "id-ID"
    assert props.created.isoformat().startswith("2019-04-01")
    names = zipfile.ZipFile(built / SI_BUNDA).namelist()
    assert "docProps/thumbnail.jpeg" not in names


def test_photos_scaled_to_text_width_and_video_link(built: Path) -> None:
    document = docx.Document(str(built / SI_BUNDA))
    shapes = document.inline_shapes
    assert len(shapes) == 3  # the logo and two photos
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    photos = list(shapes)[1:]
    assert all(abs(s.width - text_width) <= 1 for s in photos)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Gambar 1. Bidan desa mendaftarkan")
    rels = [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert [r.target_ref for r in rels] == ["https://www.youtube.com/watch?v=SiBunda2019"]


def test_numbered_lists_restart_and_bullets_stay_bullets(workspace: Path) -> None:
    entry = workspace / "entries" / "dinkes" / "posyandu-remaja.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "  tujuan: |\n    Meningkatkan cakupan layanan kesehatan remaja menjadi 60% pada akhir "
        "2019.\n",
        "  tujuan: |\n    1. Cakupan layanan 60%.\n    2. Anemia turun.\n\n    - catatan\n\n"
        "    1. Kader terlatih.\n    2. Data remaja.\n    3. Rujukan cepat.\n"),
        encoding="utf-8")
    assert run("build", cwd=workspace).exit_code == 0
    document = docx.Document(str(workspace / "build/rai-2019/dinkes/posyandu-remaja.docx"))
    paragraphs = document.paragraphs
    # The narrative starts after the first-page note on the edition's inferred parts.
    start = next(i for i, p in enumerate(paragraphs) if "Uraian Inovasi" in p.text)
    items = [(p.style.name, p.text, p._p.find(".//" + qn("w:numId")))
             for p in paragraphs[start:] if p.style.name.startswith("List")]
    assert [(s, t) for s, t, _ in items][:6] == [
        ("List Number", "Cakupan layanan 60%."), ("List Number", "Anemia turun."),
        ("List Bullet", "catatan"),
        ("List Number", "Kader terlatih."), ("List Number", "Data remaja."),
        ("List Number", "Rujukan cepat."),
    ]
    first, second = items[0][2].get(qn("w:val")), items[3][2].get(qn("w:val"))
    assert first != second and items[1][2].get(qn("w:val")) == first
    numbering = document.part.numbering_part.element
    for num_id in (first, second):
        num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
        assert num.find(".//" + qn("w:startOverride")).get(qn("w:val")) == "1"


def test_rebuild_is_byte_identical_and_leaves_files_alone(built: Path) -> None:
    files = sorted(p for p in (built / "build").rglob("*.*")
                   if p.is_file() and not p.relative_to(built / "build").as_posix().startswith("."))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    result = run("build", cwd=built)
    assert "Tidak ada yang berubah sejak build terakhir" in result.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    (built / "build").rename(built / "build-lama")
    run("build", cwd=built)
    for p in files:
        old = built / "build-lama" / p.relative_to(built / "build")
        assert p.read_bytes() == old.read_bytes(), p


def test_source_date_epoch_sets_the_date_when_the_workspace_has_none(
        workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1563926400")  # 2019-07-24
    assert run("build", cwd=workspace).exit_code == 0
    out = workspace / "build" / "rai-2019" / "dinkes" / "posyandu-remaja.docx"
    document = docx.Document(str(out))
    assert "Contoh, 24 Juli 2019" in [p.text for p in document.paragraphs]
    first = out.read_bytes()
    out.unlink()
    run("build", cwd=workspace)
    assert out.read_bytes() == first


def test_force_renders_drafts_marked_on_every_page(sample: Path) -> None:
    result = run("build", "--force", "--kompetisi", "sinovik", cwd=sample)
    assert result.exit_code == 0
    assert "DRAF: entries/dinsos/verdes.yaml" in result.output
    assert not (sample / "build/sinovik-2019/dinsos/verdes.docx").exists(), \
        "a draft never has a final document's name"
    document = docx.Document(str(sample / "build/sinovik-2019/dinsos/verdes-DRAF.docx"))
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "DRAF — BELUM MEMENUHI SYARAT LOMBA" in header
    assert document.core_properties.category == "DRAF"
    # Every section in order, numbers intact, the gaps shown.
    texts = [p.text for p in document.paragraphs]
    headings = [t for t in texts if re.match(r"^\d+[a-z]?\. ", t)]
    assert [h.split(".")[0] for h in headings] == [
        "1", "2", "3", "4", "5", "6a", "6b", "7a", "7b", "7c", "8", "9"]
    assert "(belum diisi)" in texts
    ready = docx.Document(str(sample / SI_BUNDA))
    assert "DRAF" not in "\n".join(p.text for p in ready.sections[0].header.paragraphs)


def test_filters(sample: Path) -> None:
    run("build", "--opd", "rsud", cwd=sample)
    made = sorted(p.relative_to(sample / "build").as_posix()
                  for p in (sample / "build").rglob("*.docx"))
    assert made == ["iga-2019/rsud/andalan.docx", "rai-2019/rsud/andalan.docx",
                    "sinovik-2019/rsud/andalan.docx"]
    assert not (sample / "build" / "index.html").exists(), "a filtered build is no full desk"
    run("build", "-k", "rai", "bidik", cwd=sample)
    assert (sample / "build/rai-2019/bappeda/bidik.docx").is_file()
    assert not (sample / "build/rai-2019/disdik").exists()


def test_entry_text_is_data_not_template(workspace: Path) -> None:
    entry = workspace / "entries" / "dinkes" / "posyandu-remaja.yaml"
    edit(entry, "Remaja mendapat layanan", "Remaja {{ 7 * 7 }} {% raw %} mendapat layanan", -1)
    assert run("build", cwd=workspace).exit_code == 0
    document = docx.Document(str(workspace / "build/rai-2019/dinkes/posyandu-remaja.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Remaja {{ 7 * 7 }} {% raw %} mendapat layanan" in text
    assert "49" not in text


def test_failed_build_keeps_the_good_earlier_output(
        built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = built / SI_BUNDA
    good = target.read_bytes()
    entry = built / "entries" / "dinkes" / "si-bunda.yaml"
    edit(entry, "Sistem Informasi Ibu Hamil dan Bersalin\nakronim", "SI BUNDA Baru\nakronim", -1)

    def explode(*_args: object, **_kwargs: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(builder, "render_docx", explode)
    assert run("build", "--kompetisi", "sinovik", cwd=built).exit_code != 0
    assert target.read_bytes() == good

    # Interrupted between writing the new file and renaming it over the old one.
    monkeypatch.undo()
    import lomba.fileio

    def interrupted_replace(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(lomba.fileio.os, "replace", interrupted_replace)
    assert run("build", "--kompetisi", "sinovik", cwd=built).exit_code != 0
    assert target.read_bytes() == good
    leftovers = [p for p in (built / "build").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_html_preview_fields(built: Path) -> None:
    html = (built / SI_BUNDA).with_suffix(".html").read_text(encoding="utf-8")
    assert html.count('class="isian"') == 13
    assert html.count("data-salin=") == 13
    match = re.search(r'id="bagian-inovatif".*?data-kata="(\d+)">(\d+) kata / ≤ 100', html, re.S)
    assert match and match.group(1) == match.group(2)
    assert not re.search(r'(src|href)="(https?:)?//', html.replace(
        'href="https://www.youtube.com/watch?v=SiBunda2019"', "")), "works offline"
    assert "<script src" not in html and "@import" not in html
    assert "Rp412.500.000" in html


def test_parts_compressed_once_are_each_documents_own(sample: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts documents share (content types, numbering, relationships, header) are
    compressed once per process: a build whose documents each compress their own makes the
    same files, and the memo stays bounded."""
    from lomba.build import run_build
    from lomba.write import ooxml

    monkeypatch.setenv("LOMBA_SERIAL", "1")  # every document made in this process
    twin = tmp_path / "twin"
    shutil.copytree(sample, twin)
    ooxml._REPEATED.clear()
    monkeypatch.setattr(ooxml, "REPEATED_MAX", 8)
    run_build(sample)
    assert 0 < len(ooxml._REPEATED) <= 8
    monkeypatch.setattr(ooxml, "repeated_member", ooxml.member)  # each document its own
    run_build(twin)

    def documents(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in (root / "build").rglob("*.docx")}
    shared, own = documents(sample), documents(twin)
    assert len(shared) > 5 and shared == own
