"""Every output is valid by construction: whatever text reaches a writer (a forced draft, a
template's output, a name in lomba.yaml), DOCX, XLSX, HTML and ICS files parse, and no
spreadsheet cell runs as a formula."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from lxml import etree

from lomba.check.deadlines import Deadline
from lomba.desk.calendar import to_ics
from lomba.xmltext import csv_cell, xml_escape
from tests.conftest import require_tool, run

ENTRY = "entries/dinkes/si-bunda.yaml"
HOSTILE = "Awal\x01\x0b\x1f\ufffe\uffff\r\nakhir =1+2;,\\ @x"

any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=80)


def _xml_parts_parse(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_escaped_text_is_always_well_formed_xml(text: str) -> None:
    element = etree.fromstring(f"<t>{xml_escape(text)}</t>".encode("utf-8", "surrogatepass"))
    kept = "".join(c for c in text if c in "\t\n\r" or c >= " ")
    kept = re.sub("[\ud800-\udfff\ufffe\uffff]", "", kept).replace("\r\n", "\n")
    assert (element.text or "") == kept.replace("\r", "\n")


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_calendar_text_is_rfc5545(text: str) -> None:
    item = Deadline(owner=text, name=text, day=date(2026, 12, 31), file="x", line=1, column=1)
    ics = to_ics([item], text, date(2026, 12, 1))
    raw = ics.encode("utf-8", "surrogatepass")
    assert b"\r" not in raw.replace(b"\r\n", b"")  # no bare carriage return
    assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", raw.replace(b"\r\n", b""))
    calendar = Calendar.from_ical(raw)
    (event,) = calendar.walk("VEVENT")
    assert event.get("DTSTART").dt == date(2026, 12, 31)


@settings(max_examples=200, deadline=None)
@given(st.lists(any_text, min_size=1, max_size=5))
def test_csv_cells_never_start_a_formula(cells: list[str]) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerow([csv_cell(c) for c in cells])
    for value in next(csv.reader(io.StringIO(out.getvalue()), delimiter=";")):
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def _hostile_workspace(sample: Path) -> None:
    """Control characters in an entry, an OPD name and the regency's name, written as YAML
    escapes (a user pasting from a PDF gets the same)."""
    entry = sample / ENTRY
    text = entry.read_text(encoding="utf-8")
    text = text.replace("nama: Sistem Informasi Ibu Hamil dan Bersalin",
                        'nama: "=HYPERLINK(\\"http://x\\") SI\\x01 BUNDA\\x0b \\uFFFE"', 1)
    entry.write_text(text, encoding="utf-8")
    config = sample / "lomba.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("nama: Dinas Perhubungan", 'nama: "Dinas\\x02 Perhubungan\\x1f"', 1)
    text = text.replace("nama: Pemerintah Kabupaten Tanjung Lematang",
                        'nama: "Pemerintah\\x0c Kabupaten Tanjung Lematang"', 1)
    config.write_text(text, encoding="utf-8")


def test_check_refuses_control_characters_everywhere(sample: Path) -> None:
    _hostile_workspace(sample)
    result = run("check", cwd=sample)
    assert result.exit_code == 1
    assert result.output.count("[control-char]") == 3  # one per value
    assert "Dinas<U+0002> Perhubungan<U+001F>" in result.output, "shown, not sent to the terminal"
    assert not re.search("[\x00-\x08\x0b-\x1f]", result.output)
    assert f"{ENTRY}:3:" in result.output and "lomba.yaml:" in result.output


def test_forced_outputs_with_control_characters_all_parse(sample: Path) -> None:
    _hostile_workspace(sample)
    result = run("build", "--force", cwd=sample)
    assert "Traceback" not in result.output
    build = sample / "build"
    docs = sorted(build.rglob("*.docx"))
    assert any("si-bunda" in p.name for p in docs) and any("draf" in p.parts for p in docs)
    for path in docs:
        data = path.read_bytes()
        _xml_parts_parse(data)
        docx.Document(str(path))
    _xml_parts_parse((build / "rekap.xlsx").read_bytes())
    book = openpyxl.load_workbook(build / "rekap.xlsx")
    names = [r[2] for r in book["Inovasi"].iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x") SI BUNDA ' in [n.rstrip() + " " if n else n for n in names] \
        or any(n and n.startswith("=HYPERLINK") for n in names)
    cell = next(c for c in book["Inovasi"]["C"] if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s" and cell.quotePrefix, "text, never a formula"
    csv_text = (build / "rekap.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "\x01" not in csv_text
    for page in [*build.rglob("*.html")]:
        text = page.read_text(encoding="utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text), page
    Calendar.from_ical((build / "jadwal.ics").read_bytes())


def test_libreoffice_opens_a_forced_draft_with_control_characters(sample: Path,
                                                                   tmp_path: Path) -> None:
    soffice = require_tool("soffice", "libreoffice-writer-nogui",
                           "needed to open the draft as an office program would")
    _hostile_workspace(sample)
    run("build", "--force", "--kompetisi", "sinovik/2019", cwd=sample)
    (path,) = (sample / "build").rglob("si-bunda-DRAF.docx")
    out = tmp_path / "pdf"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "txt:Text", "--outdir", str(out), str(path)],
                   capture_output=True, timeout=180, check=True)
    text = (out / "si-bunda-DRAF.txt").read_text(encoding="utf-8-sig")
    assert "SI BUNDA" in text and "Pemerintah Kabupaten Tanjung Lematang" in text


@pytest.mark.parametrize("hostile", [HOSTILE])
def test_hostile_text_in_an_ics_description(hostile: str) -> None:
    ics = to_ics([Deadline(hostile, hostile, date(2027, 1, 5), "f", 1, 1)], hostile,
                 date(2026, 12, 1))
    (event,) = Calendar.from_ical(ics.encode()).walk("VEVENT")
    assert "akhir =1+2;,\\ @x" in str(event.get("SUMMARY"))


def test_dashboard_links_keep_every_character_of_a_file_name() -> None:
    from urllib.parse import unquote

    from lomba.xmltext import url_path
    name = "sinovik-2019/dinkes/a#b?c%d e&f.docx"
    assert url_path(name) == "sinovik-2019/dinkes/a%23b%3Fc%25d%20e%26f.docx"
    assert unquote(url_path(name)) == name


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab &<>\"'\n\r\t\x00é✔")) | st.text())
def test_escaping_is_the_standard_librarys(text: str) -> None:
    """lomba escapes element text and attribute values as ``xml.sax.saxutils`` does (without
    importing it, and with it ``urllib.request``, at every start)."""
    from xml.sax import saxutils

    from lomba.xmltext import escape, quoteattr

    assert escape(text) == saxutils.escape(text)
    assert quoteattr(text) == saxutils.quoteattr(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "✔", " ", "\n", "\t", "\r", "\x00", "\x1f", "\x7f",
                                 "\ud800", "\udfff", "\ufffe", "\uffff", "\U0001f600",
                                 "kata " * 20]), max_size=60).map("".join) | st.text())
def test_xml_safe_removes_exactly_what_xml_cannot_carry(text: str) -> None:
    """Short text or long, the quick test for a clean text agrees with the pattern."""
    from lomba.xmltext import XML_ILLEGAL_RE, first_xml_illegal, xml_safe

    assert xml_safe(text) == XML_ILLEGAL_RE.sub("", text)
    found, expected = first_xml_illegal(text), XML_ILLEGAL_RE.search(text)
    assert (found and found.span()) == (expected and expected.span())
