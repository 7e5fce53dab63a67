"""Official letters (naskah dinas) as DOCX: letterhead, number block, addressee, body,
signature and copies, on the same reference document as every other output."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from lomba.locale import tanggal
from lomba.model.workspace import Workspace
from lomba.render.document import Paragraph, parse_markdown
from lomba.render.docx_writer import normalize_zip
from lomba.report.letters import Letter


def _borderless(table) -> None:  # type: ignore[no-untyped-def]
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _bottom_rule(paragraph) -> None:  # type: ignore[no-untyped-def]
    """The double rule under a letterhead (kop surat)."""
    p_pr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "thickThinSmallGap")
    bottom.set(qn("w:sz"), "18")
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    p_pr.append(border)


def _tight(paragraph, size: float | None = None, bold: bool = False,  # type: ignore[no-untyped-def]
           align: WD_ALIGN_PARAGRAPH | None = None) -> None:
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    if align is not None:
        paragraph.alignment = align
    for run in paragraph.runs:
        if size:
            run.font.size = Pt(size)
        if bold:
            run.bold = True


def render_letter(letter: Letter, config: Workspace, root: Path, reference: bytes) -> bytes:
    document = docx.Document(io.BytesIO(reference))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    section.top_margin = Cm(1.5)
    for paragraph in section.footer.paragraphs:  # letters carry no page numbers
        paragraph.clear()
    width = section.page_width - section.left_margin - section.right_margin
    pemda = config.pemda

    # Kop surat: logo on the left, the government's name and address centred.
    head = document.add_table(rows=1, cols=2)
    _borderless(head)
    head.autofit = False
    logo_cell, text_cell = head.rows[0].cells
    for cell, share in ((logo_cell, 0.16), (text_cell, 0.84)):
        cell.width = Emu(int(width * share))
    head.columns[0].width = Emu(int(width * 0.16))
    head.columns[1].width = Emu(int(width * 0.84))
    logo = root / pemda.logo if pemda.logo else None
    if logo and logo.is_file():
        logo_cell.paragraphs[0].add_run().add_picture(str(logo), width=Cm(2.0))
    lines = [(pemda.nama.upper(), 16, True)]
    address = pemda.alamat + (f" Kode Pos {pemda.kode_pos}" if pemda.kode_pos else "")
    lines.append((address, 10, False))
    contact = " · ".join(x for x in (
        f"Telepon {pemda.telepon}" if pemda.telepon else "",
        f"Surel {pemda.email}" if pemda.email else "",
        f"Laman {pemda.laman}" if pemda.laman else "") if x)
    if contact:
        lines.append((contact, 9, False))
    first = True
    for text, size, bold in lines:
        p = text_cell.paragraphs[0] if first else text_cell.add_paragraph()
        first = False
        p.add_run(text)
        _tight(p, size, bold, WD_ALIGN_PARAGRAPH.CENTER)
    rule = document.add_paragraph()
    _tight(rule, 4)
    _bottom_rule(rule)

    place = document.add_paragraph(f"{pemda.ibu_kota}, {tanggal(letter.day)}")
    place.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    place.paragraph_format.space_before = Pt(12)

    meta = document.add_table(rows=4, cols=3)
    _borderless(meta)
    meta.alignment = WD_TABLE_ALIGNMENT.LEFT
    meta.autofit = False
    for col, share in enumerate((0.15, 0.03, 0.82)):
        meta.columns[col].width = Emu(int(width * share))
        for cell in meta.columns[col].cells:
            cell.width = Emu(int(width * share))
    rows = [("Nomor", letter.number), ("Sifat", letter.nature), ("Lampiran", "-"),
            ("Hal", letter.subject)]
    for i, (label, value) in enumerate(rows):
        cells = meta.rows[i].cells
        for cell, text in zip(cells, (label, ":", value), strict=True):
            cell.paragraphs[0].add_run(text)
            _tight(cell.paragraphs[0])

    addressee = [f"Yth. {letter.opd.kepala.jabatan}", pemda.nama.replace("Pemerintah ", ""),
                 "di", "    Tempat"]
    for i, line in enumerate(addressee):
        p = document.add_paragraph(line)
        _tight(p)
        if i == 0:
            p.paragraph_format.space_before = Pt(12)
    document.add_paragraph()

    for block in parse_markdown(letter.body):
        if isinstance(block, Paragraph):
            p = document.add_paragraph()
            for run in block.runs:
                r = p.add_run(run.text)
                r.bold = run.bold or None
                r.italic = run.italic or None
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1.25)
        else:
            for i, item in enumerate(getattr(block, "items", []), start=1):
                p = document.add_paragraph()
                p.paragraph_format.left_indent = Cm(1.9)
                p.paragraph_format.first_line_indent = Cm(-0.6)
                p.add_run(f"{i}. " if block.ordered else "– ")
                for run in item:
                    r = p.add_run(run.text)
                    r.bold = run.bold or None
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    sign = document.add_table(rows=1, cols=2)
    _borderless(sign)
    sign.autofit = False
    for col in range(2):
        sign.columns[col].width = Emu(int(width * 0.5))
        sign.rows[0].cells[col].width = Emu(int(width * 0.5))
    cell = sign.rows[0].cells[1]
    signer = letter.signer
    lines = []
    if letter.on_behalf:
        lines.append((letter.on_behalf, False, False))
        lines.append((f"{signer.jabatan.upper()},", False, False))
    else:
        lines.append((f"{signer.jabatan.upper()},", False, False))
    lines += [("", False, False)] * 3
    lines.append((signer.nama, True, True))
    if signer.pangkat:
        lines.append((signer.pangkat, False, False))
    if signer.nip:
        lines.append((f"NIP {signer.nip}", False, False))
    first = True
    for text, bold, underline in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = p.add_run(text)
        run.bold = bold or None
        run.underline = underline or None
        _tight(p, align=WD_ALIGN_PARAGRAPH.CENTER)
    sign_gap = cell.paragraphs[0]
    sign_gap.paragraph_format.space_before = Pt(18)

    if letter.copies:
        p = document.add_paragraph("Tembusan:")
        p.paragraph_format.space_before = Pt(18)
        _tight(p, 10)
        for i, copy in enumerate(letter.copies, start=1):
            end = "." if i == len(letter.copies) else ";"
            item = document.add_paragraph(f"{i}. {copy}{end}")
            _tight(item, 10)

    props = document.core_properties
    stamp = datetime(letter.day.year, letter.day.month, letter.day.day)
    props.title = f"{letter.subject} — {letter.opd.nama}"
    props.subject = letter.number
    props.author = props.last_modified_by = pemda.nama
    props.language = "id-ID"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    props.keywords = f"surat; {letter.kind}; {letter.opd.kode}"
    props.comments = props.category = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())
