"""The HTML preview: every form field in its own box with its word count and a copy button.

SINOVIK and the IGA portal are web forms filled field by field, so the page is built for
copying. It is one self-contained file (inline CSS and script, no fonts or network) that works
offline and prints cleanly.
"""

from __future__ import annotations

import base64
import html

from markupsafe import Markup

from lomba.check.competition import Readiness
from lomba.render.document import (
    Block,
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
    paste_text,
)
from lomba.write.own_templates import environment
from lomba.xmltext import xml_safe

_ENV = environment(keep_trailing_newline=True)


def _runs(runs: list[Run]) -> str:
    out = []
    for r in runs:
        text = html.escape(r.text)
        if r.italic:
            text = f"<em>{text}</em>"
        if r.bold:
            text = f"<strong>{text}</strong>"
        if r.url:
            text = f'<a href="{html.escape(r.url)}">{text}</a>'
        out.append(text)
    return "".join(out)


def block_html(block: Block, *, embed_images: bool = True) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_runs(block.runs)}</p>"
    if isinstance(block, Heading):
        level = min(block.level + 1, 4)
        return f"<h{level}>{html.escape(block.text)}</h{level}>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        nested = f' class="tingkat-{block.level}"' if block.level else ""
        items = "".join(f"<li>{_runs(item)}</li>" for item in block.items)
        return f"<{tag}{start}{nested}>{items}</{tag}>"
    if isinstance(block, Table):
        numeric = block.numeric or [False] * len(block.header)
        head = "".join(f"<th>{html.escape(h)}</th>" for h in block.header)

        def row(values: list[str], cls: str = "") -> str:
            cells = "".join(
                f'<td{" class=num" if numeric[i] else ""}>{html.escape(v)}</td>'
                for i, v in enumerate(values))
            return f"<tr{cls}>{cells}</tr>"

        body = "".join(row(r) for r in block.rows)
        foot = f"<tfoot>{row(block.total, ' class=total')}</tfoot>" if block.total else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>"
    if isinstance(block, Image):
        src = html.escape(block.blob.name)
        if embed_images:
            data = base64.b64encode(block.blob.data).decode()
            src = f"data:image/{_image_type(block.blob.suffix)};base64,{data}"
        return (f'<figure><img src="{src}" alt="{html.escape(block.caption)}">'
                f"<figcaption>{html.escape(block.caption)}</figcaption></figure>")
    if isinstance(block, Link):
        url = html.escape(block.url)
        return f'<p><a href="{url}">{html.escape(block.label)}</a></p>'
    if isinstance(block, (PageBreak, Question)):
        return ""
    raise TypeError(type(block))  # pragma: no cover


def _image_type(suffix: str) -> str:
    suffix = suffix.lower().lstrip(".")
    return {"jpg": "jpeg", "svg": "svg+xml"}.get(suffix, suffix)


def render_html(document: Document, readiness: Readiness) -> str:
    """The preview page for one document."""
    fields = []
    for section in readiness.sections:
        b = section.bagian
        if not section.text.strip() and not b.wajib:
            continue
        state = "ok"
        if b.kata_maks and section.words > b.kata_maks:
            state = "over"
        elif b.kata_min and section.words < b.kata_min:
            state = "under"
        elif b.kata_maks and section.words >= 0.9 * b.kata_maks:
            state = "near"
        fields.append({
            "id": b.id, "number": b.nomor, "title": b.judul, "question": b.pertanyaan,
            "words": section.words, "limit": section.limit_text, "state": state,
            "weight": b.bobot, "text": paste_text(section.text), "inferred": b.inferensi,
        })
    spec = readiness.edition.spec
    return xml_safe(_ENV.get_template("pratinjau.html.j2").render(
        doc=document,
        spec=spec,
        fields=fields,
        annex=Markup("\n".join(block_html(b) for b in document.annex)),
        problems=[(d.line, d.message("id"), str(d.severity)) for d in readiness.diagnostics],
    ))

