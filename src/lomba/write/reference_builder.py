"""lomba's own reference .docx, made with python-docx: A4, Indonesian, styles, page numbers.

Only maintainers regenerate it (the committed file is tested to be what this makes); a build
only reads it, so python-docx is not imported by a build (see :mod:`.reference`).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lomba.load.reference import builtin_reference
from lomba.write.fields import add_field
from lomba.write.zipfiles import normalize_zip

FONT = "Arial"
LANGUAGE = "id-ID"


def _set_language(rpr_parent: object) -> None:
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")


def _plain_font(style: object) -> None:
    """Name the font outright: theme font attributes would otherwise win over it."""
    fonts = style.element.rPr.rFonts  # type: ignore[attr-defined]
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def build_reference() -> bytes:
    """lomba's default reference document."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    _plain_font(normal)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _set_language(normal.element)
    for name, size, italic in (("Heading 1", 14, False), ("Heading 2", 12, False),
                               ("Heading 3", 11, True)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = italic
        style.font.color.rgb = RGBColor(0x0B, 0x3D, 0x2E)
        _plain_font(style)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    title = styles["Title"]
    title.font.name = FONT
    title.font.size = Pt(22)
    title.font.bold = True
    title.font.color.rgb = RGBColor(0x0B, 0x3D, 0x2E)
    _plain_font(title)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = styles["Subtitle"]
    subtitle.font.name = FONT
    subtitle.font.size = Pt(13)
    _plain_font(subtitle)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(9)
    caption.font.italic = True
    caption.font.bold = False
    caption.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    _plain_font(caption)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    question = styles.add_style("Pertanyaan", WD_STYLE_TYPE.PARAGRAPH)
    question.base_style = normal
    question.font.italic = True
    question.font.size = Pt(10)
    question.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    question.paragraph_format.space_after = Pt(4)
    cover = styles.add_style("Sampul", WD_STYLE_TYPE.PARAGRAPH)
    cover.base_style = normal
    cover.font.size = Pt(12)
    cover.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.style = styles["Footer"]
    footer.add_run("Halaman ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" dari ")
    add_field(footer, "NUMPAGES", "1")

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _drop_thumbnail(document)
    props = document.core_properties
    props.author = props.last_modified_by = ""
    props.comments = props.title = props.subject = props.keywords = ""
    props.language = LANGUAGE
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())


def _drop_thumbnail(document: docx.document.Document) -> None:
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rid]


def write_builtin_reference() -> Path:
    """Regenerate lomba's own reference document (a maintainer's step, see tests)."""
    target = builtin_reference()
    target.write_bytes(build_reference())
    return target
