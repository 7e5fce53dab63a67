"""The one DOCX writer: the document model onto the reference .docx, through python-docx.

Output is reproducible: the same model and reference give the same bytes (fixed zip times and
attributes, core properties from the build date, no thumbnail).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.image.image import Image as DocxImage
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor

from lomba.render.document import (
    Block,
    Cover,
    Document,
    Heading,
    Image,
    Link,
    ListBlock,
    PageBreak,
    Paragraph,
    Question,
    Run,
    Table,
)
from lomba.render.fields import Numbering, add_hyperlink, repeat_header, set_numbering, shade

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


@lru_cache(maxsize=8)
def _reference_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


def reference_bytes(path: Path) -> bytes:
    """The reference document, read once per run (cached by path and modification time)."""
    return _reference_bytes(str(path), path.stat().st_mtime_ns)


class _Writer:
    def __init__(self, reference: bytes) -> None:
        self.doc = docx.Document(io.BytesIO(reference))
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        section = self.doc.sections[0]
        self.text_width = Emu(section.page_width - section.left_margin - section.right_margin)
        self.text_height = Emu(section.page_height - section.top_margin - section.bottom_margin)
        self.numbering = Numbering(self.doc)
        self.figures = 0

    # -- blocks ---------------------------------------------------------------------------------

    def runs(self, paragraph, runs: list[Run]) -> None:  # type: ignore[no-untyped-def]
        for r in runs:
            run = paragraph.add_run(r.text)
            run.bold = r.bold or None
            run.italic = r.italic or None

    def block(self, block: Block) -> None:
        doc = self.doc
        if isinstance(block, Paragraph):
            p = doc.add_paragraph(style=block.style)
            self.runs(p, block.runs)
            if block.align:
                p.alignment = _ALIGN[block.align]
        elif isinstance(block, Heading):
            doc.add_heading(block.text, level=block.level)
        elif isinstance(block, Question):
            title = f"{block.number}. {block.title}" if block.number else block.title
            doc.add_heading(title, level=2)
            if block.question:
                doc.add_paragraph(block.question, style="Pertanyaan")
        elif isinstance(block, ListBlock):
            style = "List Number" if block.ordered else "List Bullet"
            num_id = self.numbering.restart() if block.ordered else None
            for item in block.items:
                p = doc.add_paragraph(style=style)
                self.runs(p, item)
                if num_id is not None:
                    set_numbering(p, num_id)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, Link):
            p = doc.add_paragraph()
            add_hyperlink(p, block.url, block.label)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(self, block: Table) -> None:
        columns = len(block.header)
        rows = len(block.rows) + 1 + (1 if block.total else 0)
        table = self.doc.add_table(rows=rows, cols=columns)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        numeric = block.numeric or [False] * columns

        def fill(row_index: int, values: list[str], bold: bool) -> None:
            for col, value in enumerate(values):
                cell = table.cell(row_index, col)
                p = cell.paragraphs[0]
                run = p.add_run(value)
                run.bold = bold or None
                run.font.size = Pt(10)
                if numeric[col] and row_index > 0:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

        fill(0, block.header, True)
        repeat_header(table.rows[0])
        for cell in table.rows[0].cells:
            shade(cell, "E3ECE8")
        for i, row in enumerate(block.rows, start=1):
            fill(i, row, False)
        if block.total:
            fill(rows - 1, block.total, True)
        table.autofit = False
        for col, share in enumerate(block.widths or auto_widths(block)):
            width = Emu(int(self.text_width * share))
            table.columns[col].width = width
            for cell in table.columns[col].cells:
                cell.width = width
        self.doc.add_paragraph()

    def image(self, block: Image) -> None:
        info = DocxImage.from_file(str(block.path))
        width = self.text_width
        height = width * info.px_height / max(info.px_width, 1)
        if height > self.text_height * 0.6:
            width = Emu(int(width * self.text_height * 0.6 / height))
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(str(block.path), width=Emu(int(width)))
        self.figures += 1
        self.doc.add_paragraph(f"Gambar {self.figures}. {block.caption}", style="Caption")

    def cover(self, cover: Cover) -> None:
        doc = self.doc
        for _ in range(2):
            doc.add_paragraph(style="Sampul")
        if cover.logo is not None:
            p = doc.add_paragraph(style="Sampul")
            p.add_run().add_picture(str(cover.logo), width=Emu(int(self.text_width * 0.22)))
        p = doc.add_paragraph(cover.kicker.upper(), style="Sampul")
        p.paragraph_format.space_before = Pt(24)
        doc.add_paragraph(cover.title, style="Title")
        if cover.subtitle:
            doc.add_paragraph(cover.subtitle, style="Subtitle")
        for line in cover.lines:
            doc.add_paragraph(line, style="Sampul")
        for _ in range(4):
            doc.add_paragraph(style="Sampul")
        for line in cover.footer:
            run = doc.add_paragraph(style="Sampul").add_run(line)
            run.bold = True
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def header(self, text: str, draft: bool) -> None:
        header = self.doc.sections[0].header
        p = header.paragraphs[0]
        p.text = ""
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(text)
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        if draft:
            warn = header.add_paragraph()
            warn.alignment = WD_ALIGN_PARAGRAPH.CENTER
            mark = warn.add_run("DRAF — BELUM MEMENUHI SYARAT LOMBA")
            mark.bold = True
            mark.font.size = Pt(14)
            mark.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    def properties(self, document: Document) -> None:
        props = self.doc.core_properties
        stamp = datetime.fromisoformat(document.created)
        props.title = document.title
        props.author = document.author
        props.last_modified_by = document.author
        props.subject = document.subject
        props.keywords = document.keywords
        props.language = document.language
        props.comments = ""
        props.category = "DRAF" if document.draft else ""
        props.created = stamp
        props.modified = stamp
        props.last_printed = stamp
        props.revision = 1


def auto_widths(block: Table) -> list[float]:
    """Column shares from the longest text in each column, so short codes stay narrow."""
    columns = len(block.header)
    rows = [block.header, *block.rows, *([block.total] if block.total else [])]
    def weight(c: int) -> int:
        longest = max(len(r[c]) for r in rows)
        word = max((len(w) for r in rows for w in r[c].split()), default=1)
        return max(min(longest, 40), word + 2) + 4

    weights = [weight(c) for c in range(columns)]
    total = sum(weights)
    return [w / total for w in weights]


def render_docx(document: Document, reference: bytes) -> bytes:
    """The document as DOCX bytes, identical for identical input."""
    writer = _Writer(reference)
    writer.header(document.header, document.draft)
    if document.cover is not None:
        writer.cover(document.cover)
    for block in document.blocks:
        writer.block(block)
    writer.properties(document)
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return normalize_zip(buffer.getvalue())


def normalize_zip(data: bytes,
                  rewrite: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, keeping entry order; ``rewrite``
    may transform named entries (e.g. to remove a save-time stamp)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            content = source.read(info.filename)
            if rewrite and info.filename in rewrite:
                content = rewrite[info.filename](content)
            target.writestr(fixed, content)
    return out.getvalue()
