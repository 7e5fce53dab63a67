"""PDF through LibreOffice, the converter officials' own offices use: documents and letters are
converted in batches, one LibreOffice process per core, each with its own profile (kept between
builds, so a process starts warm), instead of one process per file.

A PDF is made only when its DOCX is newer (a DOCX is rewritten only when its content changes), and
it replaces the old PDF in one step, so an interrupted conversion leaves the earlier PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lomba.errors import LombaError, os_error

CANDIDATES = {
    "win32": [r"C:\Program Files\LibreOffice\program\soffice.exe",
              r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"],
    "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
}
INSTALL = {
    "win32": "winget install TheDocumentFoundation.LibreOffice",
    "darwin": "brew install --cask libreoffice",
}
SECONDS_PER_DOCUMENT = 20
"""Generous: a form of a few pages converts in well under a second once LibreOffice runs."""


def find_soffice() -> str:
    """The LibreOffice program (``LOMBA_SOFFICE``, then ``PATH``, then the usual install
    places); a message naming the install command when there is none."""
    wanted = os.environ.get("LOMBA_SOFFICE")
    if wanted:
        if Path(wanted).is_file():
            return wanted
    else:
        for name in ("soffice", "libreoffice"):
            found = shutil.which(name)
            if found:
                return found
        for path in CANDIDATES.get(sys.platform, []):
            if Path(path).is_file():
                return path
    command = INSTALL.get(sys.platform, "sudo apt-get install libreoffice-writer")
    raise LombaError("pdf-no-libreoffice", command=command)


def pdf_path(docx: Path) -> Path:
    return docx.with_suffix(".pdf")


def due(documents: list[Path]) -> list[Path]:
    """The documents whose PDF is missing or older than the DOCX."""
    out = []
    for docx in documents:
        pdf = pdf_path(docx)
        try:
            if pdf.stat().st_mtime_ns >= docx.stat().st_mtime_ns:
                continue
        except OSError:
            pass
        out.append(docx)
    return out


def convert(documents: list[Path], work: Path, jobs: int = 1) -> list[Path]:
    """Convert ``documents`` (DOCX) to PDF beside them; returns the PDFs written. ``work`` is a
    folder of lomba's own (inside ``build/.cache``) for profiles and the batches in flight."""
    if not documents:
        return []
    soffice = find_soffice()
    jobs = max(1, min(jobs, len(documents)))
    batches = [documents[i::jobs] for i in range(jobs)]
    try:
        work.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, work) from None
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda item: _slot(soffice, item[1], work, item[0]),
                                enumerate(batches)))
    return [pdf for written in results for pdf in written]


BATCH = 100
"""Documents per LibreOffice run: its profile stays warm between runs, so a run starts fast,
and a run that fails loses little."""


def _slot(soffice: str, documents: list[Path], work: Path, slot: int) -> list[Path]:
    """One core's documents, in runs of :data:`BATCH`; a document LibreOffice did not convert
    in its run (it sometimes drops one in a long run) is tried once more on its own."""
    written: list[Path] = []
    for start in range(0, len(documents), BATCH):
        done, missed = _batch(soffice, documents[start:start + BATCH], work, slot)
        written += done
        for docx, _ in missed:
            again, failed = _batch(soffice, [docx], work, slot)
            if failed:
                path, reason = failed[0]
                raise LombaError("pdf-failed", path=str(path), reason=reason or "?")
            written += again
    return written


def _batch(soffice: str, documents: list[Path], work: Path,
           slot: int) -> tuple[list[Path], list[tuple[Path, str]]]:
    """One LibreOffice process for a batch: the PDFs written, and the documents it did not
    convert with its last words. Files are linked under numbered names first: two documents
    may share a name in different folders, and LibreOffice writes into one folder."""
    profile = (work / f"profil-{slot}").resolve()
    with tempfile.TemporaryDirectory(dir=work, prefix=f".batch-{slot}-") as tmp:
        folder = Path(tmp)
        inputs = []
        for i, docx in enumerate(documents):
            link = folder / f"{i}.docx"
            try:
                os.link(docx, link)
            except OSError:
                shutil.copyfile(docx, link)
            inputs.append(link)
        out = folder / "pdf"
        try:
            done = subprocess.run(
                [soffice, "--headless", "--norestore", "--nologo", "--nodefault",
                 f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                 "--outdir", str(out), *map(str, inputs)],
                capture_output=True, timeout=60 + SECONDS_PER_DOCUMENT * len(documents),
                check=False)
        except subprocess.TimeoutExpired:
            raise LombaError("pdf-failed", path=str(documents[0]),
                             reason="LibreOffice tidak selesai / did not finish") from None
        except OSError as exc:
            raise LombaError("pdf-failed", path=soffice, reason=str(exc)) from None
        written, missed = [], []
        for i, docx in enumerate(documents):
            made = out / f"{i}.pdf"
            if not made.is_file() or made.stat().st_size == 0:
                reason = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
                missed.append((docx, reason))
                continue
            target = pdf_path(docx)
            try:
                os.replace(made, target)
            except OSError:
                try:
                    shutil.copyfile(made, target)  # another file system
                except OSError as exc:
                    raise os_error(exc, target) from None
            written.append(target)
        return written, missed
