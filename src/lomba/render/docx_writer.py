"""The DOCX writer's entry points and the helpers it shares with the letters and spreadsheet.

Competition documents and letters are written by :mod:`lomba.render.ooxml` on the reference
.docx, reproducibly: the same input gives the same bytes (fixed zip times and attributes, dates
from the build date).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from lomba.render.document import (
    Document,
    Table,
)

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@lru_cache(maxsize=8)
def _reference_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


def reference_bytes(path: Path) -> bytes:
    """The reference document, read once per run (cached by path and modification time)."""
    return _reference_bytes(str(path), path.stat().st_mtime_ns)


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
    """The document as DOCX bytes, identical for identical input (see :mod:`.ooxml`)."""
    from lomba.render.ooxml import render

    return render(document, reference)


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
