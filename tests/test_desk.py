"""The Champion Inovator's desk on the sample workspace (dated 1 April 2019 in lomba.yaml)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from icalendar import Calendar

from tests.conftest import edit, require_tool, run

NON_COMPLIANT = ["bag-organisasi", "bpkad", "dinsos", "disdukcapil", "dishub", "distan",
                 "dpmptsp", "kec-talang-jaya", "pdam"]


def test_status_matrix_fits_80_columns(sample: Path) -> None:
    lomba = shutil.which("lomba", path=str(Path(sys.executable).parent))
    assert lomba
    result = subprocess.run(
        [lomba, "status"], cwd=sample, capture_output=True, text=True,
        env={"COLUMNS": "80", "PATH": str(Path(lomba).parent), "TERM": "dumb"}, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if "SI BUNDA" in line)
    assert row.count("✔") == 3
    assert "VERDES [SIN19]: sinovik/2019: bagian" in \
        result.stdout.replace("\n", " ").replace("  ", " ")
    assert "20 hari lagi" in result.stdout


def test_status_json_and_filters(sample: Path) -> None:
    data = json.loads(run("status", "--json", cwd=sample).output)
    assert data["date"] == "2019-04-01"
    sinovik = next(c for c in data["competitions"] if c["ref"] == "sinovik/2019")
    # rsud/andalan's only warnings are about IGA 2026 indicators: they belong to that edition,
    # so its SINOVIK cell is plain ready (it was "ready with warnings" before findings were
    # attributed per competition).
    assert sinovik["totals"] == {"siap": 5, "peringatan": 0, "belum": 1, "tidak-ikut": 7,
                                 "tidak-terbaca": 0}
    andalan = next(i for i in data["entries"] if i["file"] == "entries/rsud/andalan.yaml")
    assert andalan["competitions"]["sinovik/2019"]["state"] == "siap"
    assert sinovik["deadlines"][0] == {"name": "Penutupan pengiriman proposal",
                                     "date": "2019-04-21", "days_left": 20}
    rai = next(c for c in data["competitions"] if c["ref"] == "rai/2019")
    assert rai["deadlines"][0]["date"] == "2019-07-31", "RAI's deadline is the regency's own"
    verdes = next(i for i in data["entries"] if i["file"] == "entries/dinsos/verdes.yaml")
    assert verdes["competitions"]["sinovik/2019"]["state"] == "belum"
    assert verdes["competitions"]["sinovik/2019"]["code"] == "section-empty"
    assert verdes["competitions"]["rai/2019"]["state"] == "tidak-ikut"
    only = json.loads(run("status", "--json", "--opd", "dinkes", "-k", "sinovik",
                          cwd=sample).output)
    assert [i["file"] for i in only["entries"]] == ["entries/dinkes/si-bunda.yaml"]
    assert [c["ref"] for c in only["competitions"]] == ["sinovik/2019"]


def test_compliance_lists_the_late_opd_first(sample: Path) -> None:
    data = json.loads(run("rekap", "--json", cwd=sample).output)["opd"]
    assert [d["opd"] for d in data if not d["compliant"]] == NON_COMPLIANT
    assert [d["compliant"] for d in data] == [False] * 9 + [True] * 5
    dishub = next(d for d in data if d["opd"] == "dishub")
    assert dishub["missing"] == [
        "belum ada inovasi (selain ide) yang tercatat pada tahun 2019",
        "belum menyerahkan Rencana Aksi Inovasi tahun 2019"]
    pdam = next(d for d in data if d["opd"] == "pdam")
    assert pdam["missing"] == ["Rencana Aksi Inovasi tahun 2019 belum lengkap"]
    distan = next(d for d in data if d["opd"] == "distan")
    assert distan["ideas"] == ["entries/distan/klinik-tani.yaml"] and distan["innovations"] == []
    text = run("rekap", cwd=sample).output
    assert "9 dari 14 OPD belum memenuhi kewajiban." in text


def test_promote_moves_an_idea_on_keeping_comments(sample: Path) -> None:
    path = sample / "entries" / "distan" / "klinik-tani.yaml"
    before = path.read_text(encoding="utf-8")
    result = run("promote", "entries/distan/klinik-tani.yaml", cwd=sample)
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert "tahapan: inisiatif" in after and "tahapan: ide" not in after
    assert after.startswith(before.split("\n", 1)[0]), "comments stay"
    for field in ("tujuan", "rancang_bangun", "manfaat"):
        assert re.search(rf'^  {field}: "TODO', after, re.M), field
    check = json.loads(run("check", "--json", "entries/distan/klinik-tani.yaml",
                           cwd=sample).output)["diagnostics"]
    assert {d["path"] for d in check if d["code"] == "placeholder"} == {
        "narasi.tujuan", "narasi.rancang_bangun", "narasi.manfaat"}
    assert not [d for d in check if d["severity"] == "error"]
    again = run("promote", "entries/distan/klinik-tani.yaml", cwd=sample)
    assert again.exit_code == 1 and "bukan ide" in again.output
    rekap = json.loads(run("rekap", "--json", cwd=sample).output)["opd"]
    assert next(d for d in rekap if d["opd"] == "distan")["ideas"] == []


def test_promote_an_idea_without_narrative_block(workspace: Path) -> None:
    path = workspace / "entries" / "dinkes" / "ide.yaml"
    path.write_text("nama: Ide Baru\nopd: dinkes\nbentuk: pelayanan publik\njenis: digital\n"
                    "inisiator: ASN\ntahapan: 'ide'\nurusan: {utama: kesehatan}\n",
                    encoding="utf-8")
    assert run("promote", str(path), cwd=workspace).exit_code == 0
    assert "tahapan: inisiatif" in path.read_text(encoding="utf-8")
    assert '\nnarasi:\n  tujuan: "TODO' in path.read_text(encoding="utf-8")


def _letters(sample: Path, kind: str) -> list[tuple[str, str, str]]:
    result = run("surat", kind, cwd=sample)
    assert result.exit_code == 0, result.output
    return re.findall(r"^diterbitkan: nomor (\S+) untuk (\S+) → (\S+)$", result.output, re.M)


def test_letters_are_numbered_once_and_reissued_identically(sample: Path) -> None:
    shutil.rmtree(sample / "surat", ignore_errors=True)
    first = _letters(sample, "teguran")
    assert [opd for _, opd, _ in first] == NON_COMPLIANT
    assert [number for number, _, _ in first] == [
        f"800/{i:03d}/Bappeda-Litbang/IV/2019" for i in range(1, 10)]
    files = {path: (sample / path).read_bytes() for _, _, path in first}
    assert _letters(sample, "teguran") == first, "a re-run keeps the numbers"
    assert {path: (sample / path).read_bytes() for path in files} == files
    # A reminder to one OPD takes the next number; nothing is reused.
    (reminder,) = _letters(sample, "pengingat")[-1:]
    assert _letters(sample, "pengingat")[-1] == reminder
    # The OPD changes: its content changes, so a new number is issued.
    entry = sample / "entries" / "dinsos" / "verdes.yaml"
    edit(entry, "  penerapan: 2018-08-01\n",
         "  penerapan: 2018-08-01\n  pengembangan: 2019-03-01\n", -1)
    numbers = [n for n, opd, _ in _letters(sample, "teguran") if opd == "dinsos"]
    register = (sample / "surat" / "register.yaml").read_text(encoding="utf-8")
    serials = [int(s) for s in re.findall(r"urut: (\d+)", register)]
    assert len(serials) == len(set(serials)) == 9 + 9 + 1
    assert numbers == ["800/019/Bappeda-Litbang/IV/2019"]


def test_letter_looks_like_an_official_letter(sample: Path) -> None:
    shutil.rmtree(sample / "surat", ignore_errors=True)
    (line,) = [x for x in _letters(sample, "teguran") if x[1] == "dishub"]
    document = docx.Document(str(sample / line[2]))
    head = document.tables[0].rows[0].cells
    assert head[0]._tc.xpath(".//w:drawing"), "the logo is in the letterhead"
    assert head[1].paragraphs[0].text == "PEMERINTAH KABUPATEN TANJUNG LEMATANG"
    texts = [p.text for p in document.paragraphs]
    assert "Muara Lematang, 1 April 2019" in texts
    meta = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert meta == [["Nomor", ":", line[0]], ["Sifat", ":", "Penting"],
                    ["Lampiran", ":", "-"],
                    ["Hal", ":", "Teguran atas Kewajiban Inovasi Daerah"]]
    assert "Yth. Kepala Dinas Perhubungan" in texts
    body = "\n".join(texts)
    assert "Dinas Perhubungan belum memenuhi kewajiban" in body
    assert "1. Belum ada inovasi (selain ide) yang tercatat pada tahun 2019;" in body
    assert "paling lambat tanggal 15 April 2019" in body, "new deadline: 14 days later"
    sign = [p.text for p in document.tables[2].rows[0].cells[1].paragraphs]
    assert sign[:2] == ["a.n. BUPATI TANJUNG LEMATANG",
                        "ASISTEN ADMINISTRASI UMUM SEKRETARIAT DAERAH,"]
    assert sign[-3:] == ["Drs. Syamsul Bahri, M.Si.", "Pembina Utama Muda (IV/c)",
                         "NIP 196808171994031009"]
    assert texts[-5:] == ["Tembusan:", "1. Bupati Tanjung Lematang (sebagai laporan);",
                          "2. Wakil Bupati Tanjung Lematang;",
                          "3. Sekretaris Daerah Kabupaten Tanjung Lematang;",
                          "4. Inspektur Kabupaten Tanjung Lematang."]


def test_letter_for_a_compliant_opd_is_refused(sample: Path) -> None:
    result = run("surat", "teguran", "dinkes", cwd=sample)
    assert "dinkes sudah memenuhi kewajiban" in result.output
    assert not (sample / "build" / "surat").exists()


def test_letter_wording_is_a_template_the_user_can_edit(sample: Path) -> None:
    own = sample / "templates" / "surat"
    own.mkdir(parents=True)
    (own / "pengingat.md.j2").write_text(
        "Yth. {{ opd.nama }}, mohon segera melengkapi: {{ kekurangan | join(', ') }}.\n",
        encoding="utf-8")
    (line,) = [x for x in _letters(sample, "pengingat") if x[1] == "dishub"]
    text = "\n".join(p.text for p in docx.Document(str(sample / line[2])).paragraphs)
    assert "Yth. Dinas Perhubungan, mohon segera melengkapi: belum ada inovasi" in text


def test_full_build_writes_the_desk(sample: Path) -> None:
    register = (sample / "surat" / "register.yaml").read_bytes()
    result = run("build", cwd=sample)
    assert result.exit_code == 0
    build = sample / "build"
    for name in ("index.html", "rekap.xlsx", "rekap.csv", "jadwal.ics", "status.json"):
        assert (build / name).is_file(), name
    # Before the action-plan deadline (31 July) the late OPD get reminders: previews only,
    # unnumbered and marked DRAF; no number is taken from the register.
    assert sorted(p.name for p in (build / "surat" / "draf").iterdir()) == sorted(
        f"DRAF-pengingat-{opd}.docx" for opd in NON_COMPLIANT)
    assert not (build / "surat" / "pengingat").exists()
    assert (sample / "surat" / "register.yaml").read_bytes() == register
    assert "lomba surat" in result.output
    preview = docx.Document(str(build / "surat" / "draf" / "DRAF-pengingat-dishub.docx"))
    texts = [p.text for p in preview.paragraphs]
    assert "DRAF — BUKAN SURAT RESMI" in texts
    meta = [[c.text for c in row.cells] for row in preview.tables[1].rows]
    assert meta[0][2].startswith("…… (belum bernomor")
    assert not re.search(r"800/\d{3}/", "\n".join(texts))


def test_calendar_parses_back_as_icalendar(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    raw = (sample / "build" / "jadwal.ics").read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = Calendar.from_ical(raw)
    events = [(e.get("DTSTART").dt, str(e.get("SUMMARY"))) for e in calendar.walk("VEVENT")]
    assert (date(2019, 4, 21), "KIPP 2019 (SINOVIK): Penutupan pengiriman proposal") in events
    assert (date(2019, 7, 31), "Pemerintah Kabupaten Tanjung Lematang: Batas penyerahan "
            "Rencana Aksi Inovasi seluruh OPD") in events
    assert len({str(e.get("UID")) for e in calendar.walk("VEVENT")}) == len(events)
    text = run("jadwal", cwd=sample).output
    assert "21 April 2019" in text and "20 hari lagi" in text


def test_recap_spreadsheet_cell_by_cell(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    book = openpyxl.load_workbook(sample / "build" / "rekap.xlsx")
    assert book.sheetnames == ["Inovasi", "Kepatuhan OPD"]
    sheet = book["Inovasi"]
    assert [c.value for c in sheet[1]][:4] == ["Berkas", "OPD", "Nama inovasi", "Akronim"]
    assert sheet.freeze_panes == "A2", "the header row stays in view"
    assert sheet.auto_filter.ref == "A1:K14"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("0B3D2E")
    assert sheet.column_dimensions["C"].width == 60, "long names: widest column, capped"
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 13
    si = rows["entries/dinkes/si-bunda.yaml"]
    assert si[1:8] == ("dinkes", "Sistem Informasi Ibu Hamil dan Bersalin", "SI BUNDA",
                       "penerapan", "digital", "pelayanan publik", "Kesehatan")
    assert si[8] == "iga/2019, rai/2019, sinovik/2019"
    assert si[9] == "iga/2019: siap; rai/2019: siap; sinovik/2019: siap"
    verdes = rows["entries/dinsos/verdes.yaml"]
    assert verdes[9] == "sinovik/2019: belum siap"
    assert verdes[10].startswith("sinovik/2019: sinovik/2019: bagian")
    opd = book["Kepatuhan OPD"]
    values = list(opd.iter_rows(values_only=True))
    assert values[0] == ("Kode OPD", "Nama OPD", "Jenis", "Ide", "Inovasi", "Inovasi tahun ini",
                         "RAI lengkap", "Patuh", "Kekurangan")
    assert [v[0] for v in values[1:10]] == NON_COMPLIANT
    assert values[5][:8] == ("dishub", "Dinas Perhubungan", "dinas", 0, 0, 0, "tidak", "tidak")
    assert all(v[7] == "ya" for v in values[10:])
    raw = (sample / "build" / "rekap.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    with io.StringIO(raw.decode("utf-8-sig"), newline="") as fh:
        csv_rows = list(csv.reader(fh, delimiter=";"))
    assert csv_rows[0][0] == "Berkas" and len(csv_rows) == 14
    assert csv_rows[1][2] == rows[csv_rows[1][0]][2]
    # Printed for a meeting: landscape, one page wide, the header row on every page.
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"


def test_dashboard_in_headless_chromium(sample: Path, tmp_path: Path) -> None:
    chromium = require_tool("chromium", "chromium",
                            "needed to load the dashboard as a browser would")
    assert run("build", cwd=sample).exit_code == 0
    page = sample / "build" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="https?://', html), "no external resources"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([chromium, *flags, "--enable-logging=stderr", "--v=0",
                          "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=False)
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
    assert not [line for line in console if "ERROR" in line or "Uncaught" in line], console
    assert 'id="opd-terlambat">9<' in dom.stdout
    assert dom.stdout.count('class="terlambat"') == 9
    assert dom.stdout.count("<svg") >= 2
    assert 'href="sinovik-2019/dinkes/si-bunda.docx"' in dom.stdout
    assert 'href="surat/draf/DRAF-pengingat-dishub.docx"' in dom.stdout
    shot = tmp_path / "dasbor.png"
    subprocess.run([chromium, *flags, "--window-size=1280,2000", f"--screenshot={shot}",
                    page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000, "a page with content, not a blank screenshot"


@pytest.mark.parametrize("kind", ["teguran", "pengingat"])
def test_broken_register_stops_letters_without_writing(sample: Path, kind: str) -> None:
    (sample / "surat").mkdir(exist_ok=True)
    (sample / "surat" / "register.yaml").write_text("surat:\n  - urut: satu\n", encoding="utf-8")
    result = run("surat", kind, cwd=sample)
    assert result.exit_code == 1
    assert "surat/register.yaml:2:" in result.output
    assert not (sample / "build" / "surat").exists()


def test_recap_spreadsheet_keeps_markup_characters_and_wide_tables(sample: Path) -> None:
    from lomba.desk.spreadsheet import _column

    assert [_column(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    entry = sample / "entries" / "rsud" / "andalan.yaml"
    text = entry.read_text(encoding="utf-8")
    name = text.split("nama: ", 1)[1].split("\n", 1)[0]
    entry.write_text(text.replace(f"nama: {name}", 'nama: "Antre <Daring> & Cepat"', 1),
                     encoding="utf-8")
    assert run("build", cwd=sample).exit_code == 0
    book = openpyxl.load_workbook(sample / "build" / "rekap.xlsx")
    names = [row[2] for row in book["Inovasi"].iter_rows(min_row=2, values_only=True)]
    assert "Antre <Daring> & Cepat" in names


@pytest.mark.parametrize(("name", "flag", "is_plan"), [
    ("Batas penyerahan Rencana Aksi Inovasi seluruh OPD", "", True),
    ("Batas penyerahan Rancangan Aksi Inovasi seluruh OPD", "", True),  # older workspaces
    ("Batas penyerahan RAI", "", True),
    ("Batas penyerahan dokumen inovasi", "    rencana_aksi: true\n", True),
    ("Batas penyerahan Rencana Aksi Inovasi seluruh OPD", "    rencana_aksi: false\n", False),
])
def test_the_action_plans_deadline_is_found_by_its_name_or_said_outright(
        sample: Path, name: str, flag: str, is_plan: bool) -> None:
    config = sample / "lomba.yaml"
    text = config.read_text(encoding="utf-8")
    old = "  - nama: Batas penyerahan Rencana Aksi Inovasi seluruh OPD\n    tanggal: 2019-07-31\n"
    assert old in text
    config.write_text(text.replace(old, f"  - nama: {name}\n    tanggal: 2019-07-31\n{flag}"),
                      encoding="utf-8")
    data = json.loads(run("status", "--json", cwd=sample).output)
    rai = next(c for c in data["competitions"] if c["ref"] == "rai/2019")
    assert [d["date"] for d in rai["deadlines"]] == (["2019-07-31"] if is_plan else [])


def test_streamed_member_is_the_member_of_the_joined_text() -> None:
    """A part compressed piece by piece is the same zip member, byte for byte, as the whole
    text compressed at once (empty pieces, text that is not ASCII, a piece larger than zlib's
    window)."""
    from lomba.write.ooxml import member, streamed_member

    pieces = ["", '<row r="2">', "Ibu hamil — “berisiko tinggi” dikenali ✓", "", "kata " * 20_000,
              "ẞ"]
    assert streamed_member("xl/a.xml", pieces) == member("xl/a.xml", "".join(pieces).encode())
    assert streamed_member("xl/a.xml", []) == member("xl/a.xml", b"")


def test_recap_sheet_written_in_batches_is_the_same_workbook(sample: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The sheets are written a batch of rows at a time, so a national recap is never held
    whole: in batches of two rows the workbook is byte for byte the one written in one batch,
    every row in its place."""
    from lomba.desk import spreadsheet

    assert run("build", cwd=sample).exit_code == 0
    recap = sample / "build" / "rekap.xlsx"
    whole = recap.read_bytes()
    monkeypatch.setattr(spreadsheet, "SHEET_BATCH", 2)
    recap.unlink()
    assert run("build", cwd=sample).exit_code == 0
    assert recap.read_bytes() == whole
    sheet = openpyxl.load_workbook(recap)["Inovasi"]
    assert [row[0].row for row in sheet.iter_rows(min_row=2)] == list(range(2, 15))
    assert all(row[0].value.startswith("entries/") for row in sheet.iter_rows(min_row=2))
