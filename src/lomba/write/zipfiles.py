"""Reproducible zip packages (DOCX, XLSX): fixed times and attributes, so the same content
gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


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
