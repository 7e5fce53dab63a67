"""Output formats as a registry: each turns one composed document into bytes.

A format has a name, a file suffix and one function ``render(document, pair, reference)``.
``build`` writes every enabled format of every ready pair; adding a format (PDF, say) is one
module with its function and one :func:`register` call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lomba.check.competition import Readiness
from lomba.render.document import Document
from lomba.write.docx_writer import render_docx
from lomba.write.html_writer import render_html

Render = Callable[[Document, Readiness, bytes], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    render: Render


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> None:
    FORMATS[fmt.name] = fmt


def document_formats() -> list[Format]:
    """The formats every document is written in, in a stable order."""
    return [FORMATS[name] for name in sorted(FORMATS)]


register(Format("docx", ".docx", lambda document, _pair, reference:
                render_docx(document, reference)))
register(Format("html", ".html", lambda document, pair, _reference:
                render_html(document, pair).encode("utf-8")))
