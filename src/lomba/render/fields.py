"""Raw OOXML that python-docx has no API for: fields (PAGE), hyperlinks, list numbering."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A field (e.g. ``PAGE``) whose value Word and LibreOffice compute when laying out."""
    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def add_hyperlink(paragraph: Paragraph, url: str, label: str) -> None:
    """An external hyperlink run styled as a link."""
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = label
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


class Numbering:
    """Fresh numbering instances so that each numbered list starts again at 1.

    python-docx has no API for this; each list gets its own ``w:num`` pointing at the
    reference document's "List Number" definition with a start override.
    """

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.part = document.part.numbering_part
        root = self.part.element
        style = document.styles["List Number"].element
        num_pr = style.pPr.numPr if style.pPr is not None else None
        base_num = int(num_pr.numId.val) if num_pr is not None else None
        self.abstract: str | None = None
        for num in root.findall(qn("w:num")):
            if base_num is not None and int(num.get(qn("w:numId"))) == base_num:
                self.abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        ids = [int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))]
        self.next_id = max(ids, default=0) + 1

    def restart(self) -> int | None:
        """A new numbering instance starting at 1; its id for ``w:numPr``."""
        if self.abstract is None:
            return None
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_id))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), self.abstract)
        num.append(abstract)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.part.element.append(num)
        self.next_id += 1
        return self.next_id - 1


def set_numbering(paragraph: Paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def shade(cell, fill: str) -> None:  # type: ignore[no-untyped-def]
    """Background colour of a table cell (hex RGB)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    element = OxmlElement("w:shd")
    element.set(qn("w:val"), "clear")
    element.set(qn("w:color"), "auto")
    element.set(qn("w:fill"), fill)
    tc_pr.append(element)


def repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    """Repeat a table's header row on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)
