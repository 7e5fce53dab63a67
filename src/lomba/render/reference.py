"""Which reference .docx a workspace's documents are built on.

Users change fonts, margins or the footer by editing ``templates/referensi.docx`` in Word or
LibreOffice; lomba never hard-codes them in the writer. Without one, lomba's own is used (made
by :mod:`.reference_builder`).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

REFERENCE_NAME = "referensi.docx"


def builtin_reference() -> Path:
    return Path(str(resources.files("lomba") / "data" / REFERENCE_NAME))


def reference_for(root: Path | None) -> Path:
    """The workspace's ``templates/referensi.docx`` if it has one, else lomba's."""
    if root is not None and (root / "templates" / REFERENCE_NAME).is_file():
        return root / "templates" / REFERENCE_NAME
    return builtin_reference()
