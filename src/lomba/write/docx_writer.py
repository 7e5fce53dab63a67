"""The DOCX format's entry point.

Competition documents are written by :mod:`lomba.write.ooxml` on the reference .docx,
reproducibly: the same input gives the same bytes (fixed zip times and attributes, dates from the
build date).
"""

from __future__ import annotations

from lomba.render.document import Document
from lomba.write.ooxml import render


def render_docx(document: Document, reference: bytes) -> bytes:
    """The document as DOCX bytes, identical for identical input."""
    return render(document, reference)
