"""Which reference .docx a workspace's documents are built on.

Users change fonts, margins or the footer by editing ``templates/referensi.docx`` in Word or
LibreOffice; lomba never hard-codes them in the writer. Without one, lomba's own is used (made
by :mod:`.reference_builder`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from lomba.errors import LombaError
from lomba.load.files import path_problem

REFERENCE_NAME = "referensi.docx"


def builtin_reference() -> Path:
    return Path(str(resources.files("lomba") / "data" / REFERENCE_NAME))


def reference_for(root: Path | None) -> Path:
    """The workspace's ``templates/referensi.docx`` if it has one, else lomba's. A file that
    leads outside the workspace (a symlink) is refused, as every input file is."""
    relative = f"templates/{REFERENCE_NAME}"
    if root is not None and (root / relative).is_file():
        problem = path_problem(relative, root, root)
        if problem is not None:
            raise LombaError("input-outside", path=relative)
        return root / relative
    return builtin_reference()


@lru_cache(maxsize=8)
def _reference_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


def reference_bytes(path: Path) -> bytes:
    """The reference document, read once per run (cached by path and modification time)."""
    return _reference_bytes(str(path), path.stat().st_mtime_ns)
