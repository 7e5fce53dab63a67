"""The recap for the regent's meeting: ``rekap.xlsx`` (openpyxl) and ``rekap.csv``.

openpyxl is used because Excel is what the meeting opens; the file is made reproducible like
the DOCX (fixed document dates, normalized zip).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lomba.model.vocab import urusan_title
from lomba.render.docx_writer import normalize_zip
from lomba.report.desk import STATE_LABELS, Matrix, OpdCompliance

INNOVATION_HEADER = ["Berkas", "OPD", "Nama inovasi", "Akronim", "Tahapan", "Jenis", "Bentuk",
                     "Urusan utama", "Kompetisi diikuti", "Kesiapan", "Alasan belum siap"]
COMPLIANCE_HEADER = ["Kode OPD", "Nama OPD", "Jenis", "Ide", "Inovasi", "Inovasi tahun ini",
                     "RAI lengkap", "Patuh", "Kekurangan"]


def innovation_rows(matrix: Matrix) -> list[list[str]]:
    rows = []
    for row in matrix.rows:
        model = row.entry.model
        assert model is not None
        entered = {ref: cell for ref, cell in row.cells.items() if cell.state != "tidak-ikut"}
        readiness = "; ".join(f"{ref}: {STATE_LABELS[c.state][0]}" for ref, c in entered.items())
        reasons = "; ".join(f"{ref}: {c.reason.message('id')}" for ref, c in entered.items()
                            if c.reason is not None)
        rows.append([row.entry.display, model.opd, model.nama, model.akronim or "",
                     model.tahapan, model.jenis, model.bentuk, urusan_title(model.urusan.utama),
                     ", ".join(entered), readiness, reasons])
    return rows


def compliance_rows(items: list[OpdCompliance]) -> list[list[object]]:
    return [[c.kode, c.nama, c.jenis, len(c.ideas), len(c.innovations),
             len(c.innovations_this_year), "ya" if c.action_plan_ready else "tidak",
             "ya" if c.compliant else "tidak", "; ".join(m[0] for m in c.missing)]
            for c in items]


def to_csv(matrix: Matrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(INNOVATION_HEADER)
    writer.writerows(innovation_rows(matrix))
    return out.getvalue()


def _sheet(wb: Workbook, title: str, header: list[str], rows: list[list[object]]) -> None:
    """One sheet in write-only mode (rows streamed, not kept as cell objects: ten thousand
    innovations are saved several times faster): a dark header row that stays in view and
    filters, columns as wide as their text."""
    sheet = wb.create_sheet(title)
    for index, column in enumerate(zip(header, *rows, strict=False), start=1):
        width = min(max(len(str(v)) for v in column) + 2, 60)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="0B3D2E")
    top = Alignment(vertical="top", wrap_text=True)
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = bold, fill, top
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append(row)


def to_xlsx(matrix: Matrix, items: list[OpdCompliance]) -> bytes:
    wb = Workbook(write_only=True)
    _sheet(wb, "Inovasi", INNOVATION_HEADER, innovation_rows(matrix))
    _sheet(wb, "Kepatuhan OPD", COMPLIANCE_HEADER, compliance_rows(items))
    stamp = datetime(matrix.today.year, matrix.today.month, matrix.today.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "lomba"
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalize_zip(buffer.getvalue(), {"docProps/core.xml": _fixed_core(stamp)})


def _fixed_core(stamp: datetime):  # type: ignore[no-untyped-def]
    """openpyxl stamps the save time into core.xml; put the build date back."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")

    def fix(xml: bytes) -> bytes:
        return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                      rb"\g<1>" + iso.encode() + rb"\g<2>", xml)

    return fix
