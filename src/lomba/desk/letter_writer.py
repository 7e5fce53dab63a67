"""Official letters (naskah dinas) as DOCX: letterhead, number block, addressee, body,
signature and copies, on the same reference document as every other output.

Written by the fast OOXML writer (:mod:`lomba.write.ooxml`) like the competition documents:
a build that reprimands forty OPD writes forty letters, and python-docx's object model cost
tens of milliseconds each.
"""

from __future__ import annotations

import re
from pathlib import Path

from lomba.desk.letters import Letter
from lomba.load.files import read_confined
from lomba.locale import tanggal
from lomba.model.workspace import Workspace
from lomba.render.document import ListBlock, Paragraph, parse_markdown
from lomba.write.ooxml import EMU_PER_TWIP, Builder, core_xml, load_reference, package

DRAFT_MARK = "DRAF — BUKAN SURAT RESMI"
DRAFT_NUMBER = "…… (belum bernomor: terbitkan dengan `lomba surat`)"
PT = 20
"""Twips per point."""
CM = 567
"""Twips per centimetre (rounded, as Word rounds)."""
NO_BORDERS = "<w:tblBorders>" + "".join(
    f'<w:{edge} w:val="nil"/>' for edge in ("top", "left", "bottom", "right", "insideH",
                                             "insideV")) + "</w:tblBorders>"
LETTERHEAD_RULE = ('<w:pBdr><w:bottom w:val="thickThinSmallGap" w:sz="18" w:space="1" '
                   'w:color="000000"/></w:pBdr>')


def _p(content: str = "", *, align: str | None = None, tight: bool = False,
       before: int | None = None, left: int | None = None, first: int | None = None,
       border: str = "") -> str:
    """A paragraph with direct formatting; ``tight`` is single spacing with no gap around."""
    props = border
    if tight or before is not None:
        spacing = f' w:before="{before if before is not None else 0}"'
        if tight:
            spacing += ' w:after="0" w:line="240" w:lineRule="auto"'
        props += f"<w:spacing{spacing}/>"
    if left is not None or first is not None:
        ind = f' w:left="{left}"' if left is not None else ""
        if first is not None:
            ind += f' w:firstLine="{first}"' if first >= 0 else f' w:hanging="{-first}"'
        props += f"<w:ind{ind}/>"
    if align:
        props += f'<w:jc w:val="{"both" if align == "justify" else align}"/>'
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def _table(rows: list[list[str]], widths: list[int], align_left: bool = False) -> str:
    """A borderless layout table; ``rows`` hold each cell's paragraphs, already written."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join(
        "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{cell}</w:tc>'
                           for cell, w in zip(row, widths, strict=True)) + "</w:tr>"
        for row in rows)
    jc = '<w:jc w:val="left"/>' if align_left else ""
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>{jc}{NO_BORDERS}'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def _letter_section(section: str) -> str:
    """The reference's page setup with a 1.5 cm top margin and no footer: letters carry no
    page numbers."""
    section = re.sub(r"<w:footerReference\b[^>]*/>", "", section)
    return re.sub(r'(<w:pgMar\b[^>]*\bw:top=")-?\d+"', rf'\g<1>{int(1.5 * CM)}"', section,
                  count=1)


def render_letter(letter: Letter, config: Workspace, root: Path, reference: bytes) -> bytes:
    """The letter as DOCX bytes: identical input, identical bytes."""
    ref = load_reference(reference)
    b = Builder(ref)
    width = ref.text_width // EMU_PER_TWIP
    pemda = config.pemda
    out: list[str] = []

    # Kop surat: logo on the left, the government's name and address centred, a double rule.
    logo = read_confined(pemda.logo, root, root, image=True) if pemda.logo else None
    logo_cell = _p(b.picture(logo, int(2.0 * CM * EMU_PER_TWIP)) if logo else "")
    lines = [(pemda.nama.upper(), 32, True)]
    lines.append((pemda.alamat + (f" Kode Pos {pemda.kode_pos}" if pemda.kode_pos else ""),
                  20, False))
    contact = " · ".join(x for x in (
        f"Telepon {pemda.telepon}" if pemda.telepon else "",
        f"Surel {pemda.email}" if pemda.email else "",
        f"Laman {pemda.laman}" if pemda.laman else "") if x)
    if contact:
        lines.append((contact, 18, False))
    text_cell = "".join(_p(b.run(text, bold=bold, size=size), align="center", tight=True)
                        for text, size, bold in lines)
    head = [int(width * 0.16), width - int(width * 0.16)]
    out.append(_table([[logo_cell, text_cell]], head))
    out.append(_p(tight=True, border=LETTERHEAD_RULE))

    if letter.draft:
        out.append(_p(b.run(DRAFT_MARK, bold=True, size=24), align="center", before=6 * PT))
    out.append(_p(b.run(f"{pemda.ibu_kota}, {tanggal(letter.day)}"), align="right",
                  before=12 * PT))
    meta = [int(width * 0.15), int(width * 0.03)]
    meta.append(width - sum(meta))
    rows = [("Nomor", letter.number or DRAFT_NUMBER), ("Sifat", letter.nature), ("Lampiran", "-"),
            ("Hal", letter.subject)]
    out.append(_table([[_p(b.run(text), tight=True) for text in (label, ":", value)]
                       for label, value in rows], meta, align_left=True))

    addressee = [f"Yth. {letter.opd.kepala.jabatan}", pemda.nama.replace("Pemerintah ", ""),
                 "di", "    Tempat"]
    for i, line in enumerate(addressee):
        out.append(_p(b.run(line), tight=True, before=12 * PT if i == 0 else None))
    out.append(_p())

    for block in parse_markdown(letter.body):
        if isinstance(block, Paragraph):
            out.append(_p(b.runs(block.runs), align="justify", first=int(1.25 * CM)))
        elif isinstance(block, ListBlock):
            for i, item in enumerate(block.items, start=block.start):
                mark = b.run(f"{i}. " if block.ordered else "– ")
                out.append(_p(mark + "".join(b.run(r.text, bold=r.bold) for r in item),
                              align="justify", left=int(1.9 * CM), first=-int(0.6 * CM)))

    signer = letter.signer
    sign: list[tuple[str, bool]] = []
    if letter.on_behalf:
        sign.append((letter.on_behalf, False))
    sign.append((f"{signer.jabatan.upper()},", False))
    sign += [("", False)] * 3
    sign.append((signer.nama, True))
    if signer.pangkat:
        sign.append((signer.pangkat, False))
    if signer.nip:
        sign.append((f"NIP {signer.nip}", False))
    cell = "".join(_p(b.run(text, bold=strong, underline=strong), align="center", tight=True,
                      before=18 * PT if i == 0 else None)
                   for i, (text, strong) in enumerate(sign))
    half = width // 2
    out.append(_table([[_p(), cell]], [half, width - half]))

    if letter.copies:
        out.append(_p(b.run("Tembusan:", size=20), tight=True, before=18 * PT))
        for i, copy in enumerate(letter.copies, start=1):
            end = "." if i == len(letter.copies) else ";"
            out.append(_p(b.run(f"{i}. {copy}{end}", size=20), tight=True))

    # The reference's own header (a letterhead, say) stays; an empty one still needs a paragraph.
    header = ref.header_prefix + ("" if "<w:p" in ref.header_prefix else "<w:p/>") \
        + ref.header_suffix
    core = core_xml(title=f"{letter.subject} — {letter.opd.nama}",
                    subject=letter.number or DRAFT_NUMBER,
                    author=pemda.nama, keywords=f"surat; {letter.kind}; {letter.opd.kode}",
                    language="id-ID", created=f"{letter.day.isoformat()}T00:00:00")
    return package(b, "".join(out), header, core, section=_letter_section(ref.section))
