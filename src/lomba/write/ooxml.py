"""The DOCX writer: the document model written straight to WordprocessingML.

Building every competition document through python-docx's object model cost tens of
milliseconds each, most of it re-parsing and re-compressing the same reference parts. Here the
reference package is analysed once; each document then only generates its own parts
(``document.xml``, its header, relationships, numbering, core properties) as text and reuses the
reference's other parts already compressed. The output is a normal DOCX, reproducible byte for
byte. Competition documents and letters are both written this way.
"""

from __future__ import annotations

import base64
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from lomba.load.cache import derived
from lomba.load.files import Blob
from lomba.load.images import pixel_size
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
from lomba.xmltext import xml_attr as quoteattr
from lomba.xmltext import xml_escape as escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R, "pr": PR, "ct": CT}
EMU_PER_TWIP = 635
DOS_DATE = (1 << 5) | 1  # 1980-01-01
IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
               "bmp": "image/bmp", "tiff": "image/tiff"}


# -- zip --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZipMember:
    """One zip entry, already compressed: written as is into every document that reuses it."""

    name: str
    crc: int
    size: int
    data: bytes
    method: int


LEVEL = 3
"""Deflate level of every compressed part, whole or streamed (so both give the same bytes)."""


def member(name: str, content: bytes, compress: bool = True) -> ZipMember:
    crc = zlib.crc32(content) & 0xFFFFFFFF
    if compress:
        data = zlib.compress(content, LEVEL, -15)
        return ZipMember(name, crc, len(content), data, zipfile.ZIP_DEFLATED)
    return ZipMember(name, crc, len(content), content, zipfile.ZIP_STORED)


def streamed_member(name: str, pieces: Iterable[str]) -> ZipMember:
    """:func:`member` of the text ``pieces`` make, encoded and compressed piece by piece: the
    same bytes, without ever holding the whole text (a recap sheet of tens of thousands of
    rows is tens of megabytes, twice over once encoded)."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    crc = size = 0
    out = []
    for piece in pieces:
        data = piece.encode("utf-8")
        crc = zlib.crc32(data, crc)
        size += len(data)
        out.append(compressor.compress(data))
    out.append(compressor.flush())
    return ZipMember(name, crc & 0xFFFFFFFF, size, b"".join(out), zipfile.ZIP_DEFLATED)


_REPEATED: dict[tuple[str, bytes], ZipMember] = {}
REPEATED_MAX = 256
"""How many repeated parts :func:`repeated_member` keeps (a few kilobytes each)."""


def repeated_member(name: str, content: bytes) -> ZipMember:
    """:func:`member` of a part most documents share word for word (content types, numbering,
    relationships, a competition's header): compressed once per process, not once per
    document."""
    key = (name, content)
    found = _REPEATED.get(key)
    if found is None:
        if len(_REPEATED) >= REPEATED_MAX:
            _REPEATED.clear()
        found = _REPEATED[key] = member(name, content)
    return found


def write_zip(members: list[ZipMember]) -> bytes:
    """A zip with fixed timestamps and attributes, members in the given order."""
    out = io.BytesIO()
    central = []
    for m in members:
        name = m.name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, m.method, 0, DOS_DATE, m.crc,
                              len(m.data), m.size, len(name), 0))
        out.write(name)
        out.write(m.data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, 0,
                                   m.method, 0, DOS_DATE, m.crc, len(m.data), m.size, len(name),
                                   0, 0, 0, 0, 0o644 << 16, offset) + name)
    start = out.tell()
    for record in central:
        out.write(record)
    end = out.tell()
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                          end - start, start, 0))
    return out.getvalue()


# -- the reference package, analysed once ---------------------------------------------------------


@dataclass
class Reference:
    members: list[ZipMember]
    """The parts every document reuses unchanged, in package order."""
    document_open: str
    section: str
    """The body's ``w:sectPr``, with a header reference added for our header."""
    header_name: str
    header_prefix: str
    header_suffix: str
    relationships: str
    content_types: str
    numbering: str
    app_name: str | None
    styles: dict[str, str]
    numbered_abstract: str | None
    bullet_num: str | None
    numbered_num: str | None
    next_num: int
    text_width: int
    text_height: int
    order: list[str] = field(default_factory=list)


def _style_ids(styles_xml: bytes) -> dict[str, str]:
    from lxml import etree  # here: read once per reference, and then kept (load.cache.derived)

    root = etree.fromstring(styles_xml)
    out = {}
    for style in root.findall("w:style", NS):
        name = style.find("w:name", NS)
        if name is not None:
            out[name.get(f"{{{W}}}val")] = style.get(f"{{{W}}}styleId")
    return out


def _num_id(styles_xml: bytes, style_id: str | None) -> str | None:
    if style_id is None:
        return None
    from lxml import etree  # (as in _style_ids)

    root = etree.fromstring(styles_xml)
    for style in root.findall("w:style", NS):
        if style.get(f"{{{W}}}styleId") == style_id:
            num = style.find("w:pPr/w:numPr/w:numId", NS)
            return num.get(f"{{{W}}}val") if num is not None else None
    return None


@lru_cache(maxsize=8)
def load_reference(data: bytes) -> Reference:
    """Everything a document needs from the reference .docx, computed once per reference, and
    kept in the workspace's ``build/.cache/`` for the next command (its parts compressed, its
    styles parsed: a fiftieth of a one-entry build at 10,000 entries)."""
    kept = derived("referensi-ooxml.json", data, lambda: _as_data(_load_reference(data)))
    return _from_data(kept) or _load_reference(data)


_TEXTS = ("document_open", "section", "header_name", "header_prefix", "header_suffix",
          "relationships", "content_types", "numbering")
_TEXTS_OR_NONE = ("app_name", "numbered_abstract", "bullet_num", "numbered_num")
_NUMBERS = ("next_num", "text_width", "text_height")


def _as_data(reference: Reference) -> dict[str, Any]:
    """The reference as JSON, as :func:`~lomba.load.cache.derived` keeps it."""
    out = {f.name: getattr(reference, f.name) for f in fields(reference)}
    out["members"] = [[m.name, m.crc, m.size, base64.b64encode(m.data).decode("ascii"), m.method]
                      for m in reference.members]
    return out


def _from_data(kept: Any) -> Reference | None:
    """The kept reference, when it has the shape :func:`_as_data` gives; None for anything
    else (a file damaged, or made elsewhere, is worked out again, never trusted)."""
    names = {f.name for f in fields(Reference)}
    if not isinstance(kept, dict) or set(kept) != names \
            or not all(type(kept[k]) is str for k in _TEXTS) \
            or not all(kept[k] is None or type(kept[k]) is str for k in _TEXTS_OR_NONE) \
            or not all(type(kept[k]) is int for k in _NUMBERS) \
            or not isinstance(kept["styles"], dict) \
            or not all(type(v) is str for v in kept["styles"].values()) \
            or not isinstance(kept["order"], list) \
            or not all(type(v) is str for v in kept["order"]) \
            or not isinstance(kept["members"], list):
        return None
    members = []
    for m in kept["members"]:
        if not (isinstance(m, list) and len(m) == 5 and type(m[0]) is str and type(m[3]) is str
                and all(type(v) is int for v in (m[1], m[2], m[4]))):
            return None
        try:
            content = base64.b64decode(m[3], validate=True)
        except ValueError:  # binascii.Error is one
            return None
        members.append(ZipMember(m[0], m[1], m[2], content, m[4]))
    return Reference(**{**kept, "members": members})


def _load_reference(data: bytes) -> Reference:
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    order = [info.filename for info in archive.infolist()]
    document = parts["word/document.xml"].decode("utf-8")
    opening = re.search(r"<w:document\b[^>]*>", document)
    sect = re.search(r"<w:sectPr\b.*?</w:sectPr>", document, re.S)
    assert opening and sect, "the reference document has no body section"
    section = sect.group(0)
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    header_ref = re.search(r'<w:headerReference w:type="default" r:id="([^"]+)"/>', section)
    if header_ref:
        header_name = "word/" + targets[header_ref.group(1)]
        header_xml = parts[header_name].decode("utf-8")
    else:
        header_name = "word/header-lomba.xml"
        header_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"></w:hdr>')
        section = re.sub(r"(<w:sectPr\b[^>]*>)",
                         r'\1<w:headerReference w:type="default" r:id="rIdLombaHeader"/>', section,
                         count=1)
        rels = rels.replace("</Relationships>",
                            f'<Relationship Id="rIdLombaHeader" Type="{RT}/header" '
                            f'Target="header-lomba.xml"/></Relationships>')
    close = header_xml.rindex("</w:hdr>")
    header_body_start = header_xml.index(">", header_xml.index("<w:hdr")) + 1
    content_types = parts["[Content_Types].xml"].decode("utf-8")
    if header_name == "word/header-lomba.xml":
        content_types = content_types.replace(
            "</Types>", '<Override PartName="/word/header-lomba.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>')
    styles = _style_ids(parts["word/styles.xml"])
    numbering = parts["word/numbering.xml"].decode("utf-8")
    numbered_num = _num_id(parts["word/styles.xml"], styles.get("List Number"))
    bullet_num = _num_id(parts["word/styles.xml"], styles.get("List Bullet"))
    abstract = None
    if numbered_num is not None:
        m = re.search(rf'<w:num w:numId="{numbered_num}"[^>]*>\s*<w:abstractNumId w:val="(\d+)"',
                      numbering)
        abstract = m.group(1) if m else None
    nums = [int(n) for n in re.findall(r'<w:num w:numId="(\d+)"', numbering)]
    size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', section)
    margin = re.search(r'<w:pgMar w:top="(-?\d+)" w:right="(\d+)" w:bottom="(-?\d+)" '
                       r'w:left="(\d+)"', section)
    assert size and margin
    width = (int(size.group(1)) - int(margin.group(2)) - int(margin.group(4))) * EMU_PER_TWIP
    height = (int(size.group(2)) - abs(int(margin.group(1))) - abs(int(margin.group(3)))) \
        * EMU_PER_TWIP
    generated = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml",
                 "word/numbering.xml", "docProps/core.xml", header_name}
    members = [member(name, parts[name]) for name in order if name not in generated]
    app = re.search(r"<Application>([^<]*)</Application>", parts.get("docProps/app.xml",
                                                                     b"").decode("utf-8"))
    return Reference(
        members=members, document_open=opening.group(0), section=section,
        header_name=header_name, header_prefix=header_xml[:header_body_start] +
        header_xml[header_body_start:close], header_suffix=header_xml[close:],
        relationships=rels, content_types=content_types, numbering=numbering,
        app_name=app.group(1) if app else None, styles=styles, numbered_abstract=abstract,
        bullet_num=bullet_num, numbered_num=numbered_num, next_num=max(nums, default=0) + 1,
        text_width=width, text_height=height, order=order,
    )


# -- documents --------------------------------------------------------------------------------


_IMAGE_INFO: dict[str, tuple[int, int, str]] = {}


def _image_info(blob: Blob) -> tuple[int, int, str]:
    """Pixel size and extension of an image, measured once per content."""
    if blob.digest not in _IMAGE_INFO:
        size = pixel_size(blob.data)
        if size is None:  # never embedded: read_confined(image=True) refuses it first
            raise ValueError(f"{blob.name}: not a PNG, JPEG or GIF image")
        _IMAGE_INFO[blob.digest] = size
    return _IMAGE_INFO[blob.digest]


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


class Builder:
    """Body XML, relationships, media and numbering of one document being written."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self.out: list[str] = []
        self.rels: list[str] = []
        self.media: list[ZipMember] = []
        self.media_types: set[str] = set()
        self.nums: list[str] = []
        self.next_num = ref.next_num
        self.rid = 0
        self.figures = 0
        self.shape = 0

    def style(self, name: str) -> str:
        return self.ref.styles.get(name, name.replace(" ", ""))

    def new_rid(self) -> str:
        self.rid += 1
        return f"rIdL{self.rid}"

    # paragraphs and runs
    def run(self, text: str, bold: bool = False, italic: bool = False, size: int | None = None,
            color: str | None = None, underline: bool = False) -> str:
        """A run; ``size`` in half-points, as WordprocessingML counts it."""
        props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        if color:
            props += f'<w:color w:val="{color}"/>'
        if size:
            props += f'<w:sz w:val="{size}"/>'
        if underline:
            props += '<w:u w:val="single"/>'
        return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{_t(text)}</w:r>"

    def runs(self, runs: list[Run], size: int | None = None) -> str:
        out = []
        for r in runs:
            if r.url:
                out.append(self.hyperlink(r.url, self.run(r.text, r.bold, r.italic, size,
                                                          color="0563C1", underline=True)))
            else:
                out.append(self.run(r.text, r.bold, r.italic, size))
        return "".join(out)

    def hyperlink(self, url: str, content: str) -> str:
        """``content`` (runs) as a link to ``url``, opened by a click in Word."""
        rid = self.new_rid()
        self.rels.append(f'<Relationship Id="{rid}" Type="{RT}/hyperlink" '
                         f'Target={quoteattr(url)} TargetMode="External"/>')
        return f'<w:hyperlink r:id="{rid}">{content}</w:hyperlink>'

    def paragraph(self, content: str, style: str | None = None, align: str | None = None,
                  keep_next: bool = False, numbering: str | None = None,
                  space_before: int | None = None, indent: int | None = None) -> str:
        props = ""
        if style:
            props += f'<w:pStyle w:val="{self.style(style)}"/>'
        if keep_next:
            props += "<w:keepNext/>"
        if numbering:
            props += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbering}"/></w:numPr>'
        if space_before is not None:
            props += f'<w:spacing w:before="{space_before}"/>'
        if indent is not None:
            props += f'<w:ind w:left="{indent}" w:hanging="360"/>'
        if align:
            props += f'<w:jc w:val="{"both" if align == "justify" else align}"/>'
        return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"

    def restart_numbering(self, start: int = 1) -> str | None:
        """A numbering instance that starts at ``start`` (a list's first number as written)."""
        if self.ref.numbered_abstract is None:
            return self.ref.numbered_num
        num = str(self.next_num)
        self.next_num += 1
        self.nums.append(f'<w:num w:numId="{num}"><w:abstractNumId '
                         f'w:val="{self.ref.numbered_abstract}"/><w:lvlOverride w:ilvl="0">'
                         f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
        return num

    # images and links
    def picture(self, blob: Blob, width: int) -> str:
        px_w, px_h, ext = _image_info(blob)
        data = blob.data
        height = int(width * px_h / max(px_w, 1))
        rid = self.new_rid()
        self.shape += 1
        name = f"word/media/lomba{self.shape}.{ext}"
        self.media.append(member(name, data, compress=False))
        self.media_types.add(ext)
        self.rels.append(f'<Relationship Id="{rid}" Type="{RT}/image" '
                         f'Target="media/lomba{self.shape}.{ext}"/>')
        n = self.shape
        return (
            '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            f'<wp:extent cx="{width}" cy="{height}"/><wp:docPr id="{n}" name="Gambar {n}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.'
            'org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:nvPicPr><pic:cNvPr id="{n}" name="{escape(blob.name)}"/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
            '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{width}" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            '</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
            "</w:drawing></w:r>"
        )

    def image(self, block: Image) -> None:
        px_w, px_h, _ = _image_info(block.blob)
        width = self.ref.text_width
        height = width * px_h / max(px_w, 1)
        limit = self.ref.text_height * 0.6
        if height > limit:
            width = int(width * limit / height)
        self.out.append(self.paragraph(self.picture(block.blob, width), align="center",
                                       keep_next=True))
        self.figures += 1
        self.out.append(self.paragraph(self.run(f"Gambar {self.figures}. {block.caption}"),
                                       style="Caption"))

    def link(self, block: Link) -> None:
        rid = self.new_rid()
        self.rels.append(f'<Relationship Id="{rid}" Type="{RT}/hyperlink" '
                         f'Target={quoteattr(block.url)} TargetMode="External"/>')
        content = (f'<w:hyperlink r:id="{rid}"><w:r><w:rPr><w:rStyle '
                   f'w:val="{self.style("Hyperlink")}"/></w:rPr>{_t(block.label)}</w:r>'
                   "</w:hyperlink>")
        self.out.append(self.paragraph(content))

    # tables
    def table(self, block: Table) -> None:
        columns = len(block.header)
        numeric = block.numeric or [False] * columns
        shares = block.widths or auto_widths(block)
        twips = [int(self.ref.text_width * s / EMU_PER_TWIP) for s in shares]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)

        def row(values: list[str], header: bool = False, bold: bool = False) -> str:
            cells = []
            for col, value in enumerate(values):
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="E3ECE8"/>' if header else ""
                align = "right" if numeric[col] and not header else None
                text = self.paragraph(self.run(value, bold or header, size=20), align=align)
                cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{twips[col]}" w:type="dxa"/>{shade}'
                             f"</w:tcPr>{text}</w:tc>")
            props = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
            return f"<w:tr>{props}{''.join(cells)}</w:tr>"

        body = [row(block.header, header=True), *(row(r) for r in block.rows)]
        if block.total:
            body.append(row(block.total, bold=True))
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style("Table Grid")}"/>'
            '<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" '
            'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>")
        self.out.append(self.paragraph(""))

    # blocks
    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.out.append(self.paragraph(self.runs(block.runs), style=block.style,
                                           align=block.align))
        elif isinstance(block, Heading):
            self.out.append(self.paragraph(self.run(block.text),
                                           style=f"Heading {block.level}"))
        elif isinstance(block, Question):
            title = f"{block.number}. {block.title}" if block.number else block.title
            self.out.append(self.paragraph(self.run(title), style="Heading 2"))
            if block.question:
                self.out.append(self.paragraph(self.run(block.question), style="Pertanyaan"))
        elif isinstance(block, ListBlock):
            num = self.restart_numbering(block.start) if block.ordered else None
            style = "List Number" if block.ordered else "List Bullet"
            indent = 720 + 360 * block.level if block.level else None
            for item in block.items:
                self.out.append(self.paragraph(self.runs(item), style=style, numbering=num,
                                               indent=indent))
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, Link):
            self.link(block)
        elif isinstance(block, PageBreak):
            self.out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def cover(self, cover: Cover) -> None:
        empty = self.paragraph("", style="Sampul")
        self.out += [empty, empty]
        if cover.logo is not None:
            self.out.append(self.paragraph(self.picture(cover.logo,
                                                        int(self.ref.text_width * 0.22)),
                                           style="Sampul"))
        self.out.append(self.paragraph(self.run(cover.kicker.upper()), style="Sampul",
                                       space_before=480))
        self.out.append(self.paragraph(self.run(cover.title), style="Title"))
        if cover.subtitle:
            self.out.append(self.paragraph(self.run(cover.subtitle), style="Subtitle"))
        for line in cover.lines:
            self.out.append(self.paragraph(self.run(line), style="Sampul"))
        self.out += [empty] * 4
        for line in cover.footer:
            self.out.append(self.paragraph(self.run(line, bold=True), style="Sampul"))
        self.out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def header(self, text: str, draft: bool) -> str:
        body = self.paragraph(self.run(text, size=16, color="666666"), align="right")
        if draft:
            body += self.paragraph(self.run("DRAF — BELUM MEMENUHI SYARAT LOMBA", bold=True,
                                            size=28, color="C00000"), align="center")
        # Our line goes after whatever the reference's header holds (a letterhead, say).
        return self.ref.header_prefix + body + self.ref.header_suffix


def core_xml(*, title: str, subject: str, author: str, keywords: str, language: str,
             created: str, category: str = "") -> str:
    """``docProps/core.xml``; ``created`` is an ISO timestamp (its first 19 characters count)."""
    stamp = created[:19] + "Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
        'purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://'
        'www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title>"
        f"<dc:subject>{escape(subject)}</dc:subject>"
        f"<dc:creator>{escape(author)}</dc:creator>"
        f"<cp:keywords>{escape(keywords)}</cp:keywords>"
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f"<cp:category>{escape(category)}</cp:category>"
        f"<dc:language>{escape(language)}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        f"<cp:lastPrinted>{stamp}</cp:lastPrinted>"
        "</cp:coreProperties>"
    )


def package(b: Builder, body: str, header: str, core: str, section: str | None = None) -> bytes:
    """The DOCX around a body: the builder's generated parts plus the reference's own."""
    ref = b.ref
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f"{ref.document_open}<w:body>{body}{section or ref.section}</w:body></w:document>")
    rels = ref.relationships.replace("</Relationships>", "".join(b.rels) + "</Relationships>")
    types = ref.content_types
    for ext in sorted(b.media_types):
        if f'Extension="{ext}"' not in types:
            kind = IMAGE_TYPES.get(ext, f"image/{ext}")
            types = types.replace("</Types>",
                                  f'<Default Extension="{ext}" ContentType="{kind}"/></Types>')
    numbering = ref.numbering.replace("</w:numbering>", "".join(b.nums) + "</w:numbering>")
    generated = {
        "[Content_Types].xml": repeated_member("[Content_Types].xml", types.encode()),
        "word/document.xml": member("word/document.xml", xml.encode()),
        "word/_rels/document.xml.rels": repeated_member("word/_rels/document.xml.rels",
                                                        rels.encode()),
        "word/numbering.xml": repeated_member("word/numbering.xml", numbering.encode()),
        "docProps/core.xml": member("docProps/core.xml", core.encode()),
        ref.header_name: repeated_member(ref.header_name, header.encode()),
    }
    reused = {m.name: m for m in ref.members}
    members = []
    for name in ref.order:
        if name in generated:
            members.append(generated.pop(name))
        elif name in reused:
            members.append(reused[name])
    members += list(generated.values())
    members += b.media
    return write_zip(members)


def render(document: Document, reference: bytes) -> bytes:
    """The document as DOCX bytes on ``reference``: identical input, identical bytes."""
    b = Builder(load_reference(reference))
    header = b.header(document.header, document.draft)
    if document.cover is not None:
        b.cover(document.cover)
    for block in document.blocks:
        b.block(block)
    core = core_xml(title=document.title, subject=document.subject, author=document.author,
                    keywords=document.keywords, language=document.language,
                    created=document.created, category="DRAF" if document.draft else "")
    return package(b, "".join(b.out), header, core)


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
