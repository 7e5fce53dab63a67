"""``build/index.html``: the Champion Inovator's dashboard, one self-contained page.

Readiness matrix, OPD compliance (the late ones first), deadline countdown, charts drawn as inline
SVG, and a link to every generated document and preview. No external scripts, fonts or images,
so it opens from a USB stick or an e-mail attachment.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

from markupsafe import Markup

from lomba.check.deadlines import Deadline
from lomba.desk.status import STATE_LABELS, Matrix, OpdCompliance, Row
from lomba.desk.views import SYMBOLS, days_text
from lomba.locale import angka, tanggal
from lomba.scoring.iga import Action, RegionScore
from lomba.write.own_templates import environment
from lomba.xmltext import xml_safe

_ENV = environment(filters={"tanggal": tanggal})
COLORS = {"siap": "#1b7a3a", "peringatan": "#c98a00", "belum": "#c00000", "tidak-ikut": "#c9d1cd",
          "tidak-terbaca": "#7a1b6e"}


def bar_chart(values: list[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars, one per label, with the value at the end."""
    row, label_w, bar_w = 22, 150, 300
    height = row * len(values) + 30
    top = max((v for _, v in values), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 500 {height}" '
             f'width="100%" aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>']
    for i, (label, value) in enumerate(values):
        y = 20 + i * row
        width = bar_w * value / top
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">'
                     f"{html.escape(label)}</text>")
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{width:.1f}" height="{row - 6}" '
                     f'fill="#0b3d2e"/>')
        parts.append(f'<text x="{label_w + width + 4:.1f}" y="{y + 14}" font-size="12">{value}'
                     "</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_chart(rows: list[tuple[str, Counter[str]]], title: str) -> Markup:
    """One stacked bar per competition: ready, with warnings, not ready."""
    row, label_w, bar_w = 26, 150, 300
    states = ("siap", "peringatan", "belum")
    height = row * len(rows) + 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 500 {height}" '
             f'width="100%" aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>']
    for i, (label, counts) in enumerate(rows):
        y = 10 + i * row
        total = sum(counts[s] for s in states) or 1
        x = float(label_w)
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
                     f"{html.escape(label)}</text>")
        for state in states:
            width = bar_w * counts[state] / total
            if width:
                parts.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{width:.1f}" '
                             f'height="{row - 8}" fill="{COLORS[state]}">'
                             f"<title>{STATE_LABELS[state][0]}: {counts[state]}</title></rect>")
            x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="12">'
                     f"{counts['siap'] + counts['peringatan']}/{total}</text>")
    legend_y = 10 + len(rows) * row + 14
    for i, state in enumerate(states):
        x = 40 + i * 150
        parts.append(f'<rect x="{x}" y="{legend_y}" width="10" height="10" '
                     f'fill="{COLORS[state]}"/><text x="{x + 14}" y="{legend_y + 9}" '
                     f'font-size="11">{STATE_LABELS[state][0]}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _text(value: str) -> str:
    """Escaped as the template escapes (markupsafe's entities), without a Markup object per
    call: the matrix escapes a hundred and fifty thousand values at ten thousand entries; and
    without the characters XML cannot hold, so that a row is ready for the page as made (the
    page's frame alone is cleaned as a whole, see :func:`render_dashboard`)."""
    value = xml_safe(value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if '"' in value:
        value = value.replace('"', "&#34;")
    if "'" in value:
        value = value.replace("'", "&#39;")
    return value


def row_parts(row: Row, documents: dict[str, tuple[str, str]]) -> list[Any]:
    """One entry's share of the dashboard: its row in the readiness table, cut where the
    numbers of its reasons go (they run across the table, see :func:`matrix_rows`), and its
    items in the list of documents. ``documents``: its final documents by edition (DOCX,
    HTML). Written here rather than in the template: ten thousand rows of template loops took
    most of a second."""
    entry = row.entry
    if entry.readable:
        name = _text(entry.nama or "")
        if entry.akronim:
            name += f" <small>({_text(entry.akronim)})</small>"
    else:
        name = _text(entry.display)
    pieces = [f"      <tr>\n        <td>{name}</td>\n        <td>{_text(row.opd)}</td>\n"]
    for ref, cell in row.cells.items():
        title = STATE_LABELS[cell.state][0]
        if cell.reason is not None:
            title += ": " + cell.reason.message("id")
        pieces[-1] += f'        <td class="pusat {cell.state}" title="{_text(title)}">' \
            f"{SYMBOLS[cell.state]}"
        if cell.reason is not None:
            pieces.append("")  # its note's number goes in this gap
        doc = documents.get(ref)
        if doc:
            pieces[-1] += f' <a href="{_text(doc[0])}">docx</a> <a href="{_text(doc[1])}">html</a>'
        pieces[-1] += "</td>\n"
    pieces[-1] += "      </tr>\n"
    listed = "".join(
        f'    <li><a href="{_text(docx)}">{_text(docx)}</a> · '
        f'<a href="{_text(html_file)}">pratinjau</a></li>\n'
        for _, (docx, html_file) in sorted(documents.items()))
    return [pieces, listed]


def matrix_rows(parts: list[list[Any]]) -> Iterator[str]:
    """The readiness table's rows, each reason numbered in its cell in table order (the
    numbers of the list of reasons below it)."""
    note = 0
    for pieces, _ in parts:
        yield pieces[0]
        for piece in pieces[1:]:
            note += 1
            yield f'<sup><a href="#alasan-{note}">{note}</a></sup>'
            yield piece


def document_list(parts: list[list[Any]]) -> Iterator[str]:
    """Every document made, one list item each, by entry and edition."""
    return (listed for _, listed in parts)


def render_dashboard(*, pemda: str, year: int, today: date, matrix: Matrix,
                     compliance: list[OpdCompliance], calendar: list[Deadline],
                     letters: dict[str, str], rows: list[list[Any]],
                     region: RegionScore | None = None,
                     actions: list[Action] | None = None, index_note: str | None = None,
                     region_documents: list[Any] | None = None) -> Iterator[str]:
    """The page, in pieces to be written as they come (at national scale it is tens of
    megabytes: see :func:`~lomba.fileio.write_text_if_changed`)."""
    per_opd = [(c.kode, len(c.innovations)) for c in sorted(compliance, key=lambda c: c.kode)]
    per_competition = [
        (col.short, Counter({s: col.totals.get(s, 0) for s in STATE_LABELS}))
        for col in matrix.columns
    ]
    upcoming = [d for d in calendar if d.days_left(today) >= 0]
    # Every reason is printed (numbered in its cell), not only shown on hover: a phone has none.
    reasons = [(row.entry.display, col.ref) for row in matrix.rows for col in matrix.columns
               if row.cells[col.ref].reason is not None]
    late = [c for c in compliance if not c.compliant]
    context = dict(
        pemda=pemda, year=year, today=today, matrix=matrix, compliance=compliance,
        late=late, calendar=calendar, upcoming=upcoming[:6], letters=letters, reasons=reasons,
        rows_by_entry={row.entry.display: row for row in matrix.rows},
        symbols=SYMBOLS, labels=STATE_LABELS, days_text=days_text,
        chart_opd=bar_chart(per_opd, "Inovasi per OPD (tanpa ide)"),
        chart_readiness=stacked_chart(per_competition, "Kesiapan per kompetisi"),
        region=region, actions=actions or [], index_note=index_note, angka=angka,
        region_documents=region_documents or [],
        ideas=sum(len(c.ideas) for c in compliance),
        innovations=sum(len(c.innovations) for c in compliance),
    )
    template = _ENV.get_template("dasbor.html.j2")
    # The rows (most of the page) go in where the frame holds their marks: they were made
    # clean (_text), and passing them through the template and one more scan of the page cost
    # a tenth of a one-entry build at 10,000 entries. Should the frame hold a mark elsewhere
    # (no YAML text can: a NUL is refused), the page is made the whole way.
    frame = template.render(matrix_rows=Markup(_ROWS), document_list=Markup(_DOCUMENTS),
                            **context)
    head, _, rest = frame.partition(_ROWS)
    middle, _, tail = rest.partition(_DOCUMENTS)
    if frame.count(_ROWS) != 1 or frame.count(_DOCUMENTS) != 1 or _DOCUMENTS not in rest:
        return iter([xml_safe(template.render(
            matrix_rows=Markup("".join(matrix_rows(rows))),
            document_list=Markup("".join(document_list(rows))), **context))])
    return itertools.chain((xml_safe(head),), matrix_rows(rows), (xml_safe(middle),),
                           document_list(rows), (xml_safe(tail),))


_ROWS = "\x00baris-matriks\x00"
_DOCUMENTS = "\x00daftar-dokumen\x00"
"""Where the frame of the page takes the rows and the list of documents."""
