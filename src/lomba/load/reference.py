"""Which reference .docx a workspace's documents are built on.

Users change fonts, margins or the footer by editing ``templates/referensi.docx`` in Word or
LibreOffice; lomba never hard-codes them in the writer. Without one, lomba's own is used (made
by :mod:`.reference_builder`).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lomba.errors import LombaError, os_error
from lomba.load.files import path_problem
from lomba.messages import Phrase

REFERENCE_NAME = "referensi.docx"


def builtin_reference() -> Path:
    return Path(str(resources.files("lomba") / "data" / REFERENCE_NAME))


def reference_for(root: Path | None) -> Path:
    """The workspace's ``templates/referensi.docx`` if it has one, else lomba's. A file that
    leads outside the workspace (a symlink) is refused, as every input file is."""
    relative = f"templates/{REFERENCE_NAME}"
    if root is not None and os.path.lexists(root / relative):
        problem = path_problem(relative, root, root)
        if problem in ("evidence-outside", "evidence-absolute", "evidence-parent"):
            raise LombaError("input-outside", path=relative)
        if problem is not None:  # a folder, a pipe, a device: never read (a pipe would hang)
            raise LombaError("reference-invalid", path=relative,
                             reason=Phrase("bukan berkas biasa", "not a regular file"))
        return root / relative
    return builtin_reference()


MAX_REFERENCE_BYTES = 20 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024
"""Uncompressed size of one part: a real reference is a few hundred kilobytes; more is a zip
bomb."""


REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels",
                  "word/styles.xml", "word/numbering.xml")


def reference_problem(data: bytes) -> Phrase | None:
    """Why ``data`` cannot serve as the reference document (None when it can): a Word file
    saved from Word or LibreOffice, with a body section that sets the page size and margins."""
    if len(data) > MAX_REFERENCE_BYTES:
        return Phrase("lebih dari 20 MB", "larger than 20 MB")
    from lxml import etree  # here: most commands read no reference document, only its record

    safe = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        missing = [name for name in REQUIRED_PARTS if name not in names]
        if missing:
            return Phrase(f"bagian {', '.join(missing)} tidak ada", f"{', '.join(missing)} missing")
        if any(info.file_size > MAX_PART_BYTES for info in archive.infolist()):
            return Phrase("berisi bagian yang terlalu besar", "holds a part that is too large")
        for name in names:
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(archive.read(name), safe)
                if any(isinstance(node, etree._Entity) for node in root.iter()):
                    return Phrase(f"{name} memuat entitas XML", f"{name} holds XML entities")
        document = archive.read("word/document.xml").decode("utf-8")
        section = re.search(r"<w:sectPr\b.*?</w:sectPr>", document, re.S)
        if not re.search(r"<w:document\b", document) or section is None:
            return Phrase("tidak ada bagian isi (w:sectPr)", "no body section (w:sectPr)")
        if not re.search(r'<w:pgSz w:w="\d+" w:h="\d+"', section.group(0)) or not re.search(
                r'<w:pgMar w:top="-?\d+" w:right="\d+" w:bottom="-?\d+" w:left="\d+"',
                section.group(0)):
            return Phrase("ukuran halaman atau margin tidak ada", "no page size or margins")
        for name in REQUIRED_PARTS:
            archive.read(name).decode("utf-8")
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
        header = re.search(r'<w:headerReference w:type="default" r:id="([^"]+)"/>',
                           section.group(0))
        if header:
            target = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels)).get(
                header.group(1))
            if target is None or f"word/{target}" not in names:
                return Phrase("kepala halaman yang dirujuk tidak ada",
                              "the header it names is missing")
    except etree.XMLSyntaxError as exc:
        return Phrase(f"XML rusak: {exc}", f"broken XML: {exc}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, UnicodeDecodeError, KeyError, OSError,
            ValueError, EOFError, NotImplementedError, RuntimeError):
        return Phrase("bukan berkas .docx yang utuh", "not a whole .docx file")
    return None


@lru_cache(maxsize=8)
def _reference_bytes(path: str, mtime_ns: int) -> bytes:
    with open(path, "rb") as fh:
        data = fh.read(MAX_REFERENCE_BYTES + 1)
    if path == str(builtin_reference()):
        # lomba's own is part of lomba, checked by its tests like its code
        # (tests/test_faults.py); the check reads every part (a fiftieth of a
        # second at every start).
        return data
    problem = reference_problem(data)
    if problem is not None:
        raise LombaError("reference-invalid", path=f"templates/{REFERENCE_NAME}",
                         reason=problem)
    return data


def reference_bytes(path: Path) -> bytes:
    """The reference document, read once per run (cached by path and modification time) and
    checked: a damaged one is a message, never a traceback."""
    try:
        return _reference_bytes(str(path), path.stat().st_mtime_ns)
    except OSError as exc:
        raise os_error(exc, path) from None
