"""The desk's files in ``build/``: dashboard, recap spreadsheet and CSV, calendar, letters."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from lomba.check.workspace import LoadedWorkspace
from lomba.desk.calendar import calendar, to_ics
from lomba.desk.dashboard import Links, render_dashboard
from lomba.desk.letter_writer import render_letter
from lomba.desk.letters import Letter, plan_letters, save_register
from lomba.desk.spreadsheet import to_csv, to_xlsx
from lomba.desk.status import OpdCompliance, compliance, readiness_matrix
from lomba.desk.views import status_json
from lomba.errors import os_error
from lomba.fileio import WriteLog, atomic_write_text, write_if_changed
from lomba.fingerprint import code_digest
from lomba.jsonout import json_document
from lomba.load import stats
from lomba.load.reference import reference_bytes, reference_for
from lomba.model.register import Kind
from lomba.plan.pairs import Outcome, output_name
from lomba.scoring.iga import RulesUnknown, region_for_workspace, suggestions
from lomba.write.outdir import BUILD_DIR, output_target, removable
from lomba.xmltext import url_path

LETTER_KEYS = Path("build") / ".cache" / "letters.json"


def letter_path(root: Path, letter: Letter) -> Path:
    folder = "draf" if letter.draft else letter.kind
    return root / BUILD_DIR / "surat" / folder / letter.filename


def write_letters(ws: LoadedWorkspace, items: list[OpdCompliance], kind: Kind, *, issue: bool,
                  log: WriteLog | None = None) -> list[tuple[Letter, Path]]:
    """Render and write letters. With ``issue`` they are numbered, and the register is saved
    only after every file is written, so an interrupted run never records a number for a
    letter that does not exist (the caller holds the workspace lock). Without it, unnumbered
    previews marked DRAF, and the register is not touched."""
    assert ws.config is not None
    letters, register = plan_letters(ws.root, ws.config, items, kind, ws.today, issue=issue)
    reference = reference_bytes(reference_for(ws.root))
    sink = log if log is not None else WriteLog()
    keys_file = ws.root / LETTER_KEYS
    try:
        known = json.loads(keys_file.read_text(encoding="utf-8"))
        if not isinstance(known, dict):
            known = {}
    except (OSError, ValueError):
        known = {}
    common = stats.key(code_digest(), hashlib.sha1(reference).hexdigest(),
                       ws.config.model_dump_json(),
                       stats.stat_token(ws.root / (ws.config.pemda.logo or "-")))
    out = []
    for letter in letters:
        path = letter_path(ws.root, letter)
        name = path.relative_to(ws.root).as_posix()
        letter_key = stats.key(common, repr(letter))
        if known.get(name) == letter_key and path.is_file():
            sink.unchanged.append(path)  # the same letter as last time: not typeset again
        else:
            write_if_changed(output_target(ws.root, name),
                             render_letter(letter, ws.config, ws.root, reference), sink)
            known[name] = letter_key
        out.append((letter, path))
    if issue and letters:
        save_register(ws.root, register)
    atomic_write_text(keys_file, json.dumps(known, indent=1, sort_keys=True))
    return out


def _remove_old_previews(root: Path, keep: set[Path]) -> list[Path]:
    """Previews of letters no longer due (the OPD has since complied) are removed: ``build/``
    shows the present."""
    removed = []
    folder = root / BUILD_DIR / "surat" / "draf"
    if not folder.is_dir() or folder.is_symlink():
        return removed
    for path in sorted([*folder.glob("DRAF-*.docx"), *folder.glob("DRAF-*.pdf")]):
        if path in keep or path.with_suffix(".docx") in keep:
            continue
        target = removable(root, path.relative_to(root).as_posix())
        if target is not None:
            try:
                target.unlink()
            except OSError as exc:
                raise os_error(exc, target) from None
            removed.append(target)
    return removed


@dataclass(frozen=True)
class RegionDocument:
    """A region-level document as the dashboard lists it."""

    title: str
    members: int
    link: str | None
    """Relative to build/, when the document exists; else ``reason`` says why not."""
    draft: bool
    reason: str | None


def write_desk(ws: LoadedWorkspace, outcomes: list[Outcome], kind: Kind,
               region_documents: list[RegionDocument] | None = None,
               ) -> tuple[list[Path], list[Path]]:
    """Everything the Champion Inovator reads, after a full build; returns the files written
    and the letter previews (unnumbered: only `lomba surat` issues numbers)."""
    assert ws.config is not None
    root = ws.root
    build = root / BUILD_DIR
    sink = WriteLog()
    matrix = readiness_matrix(ws)
    items = compliance(ws)
    dates = calendar(ws, ws.editions())
    late = [c for c in items if not c.compliant]
    letters = write_letters(ws, late, kind, issue=False, log=sink) if late else []
    _remove_old_previews(root, {path for _, path in letters})
    documents = {}
    for o in outcomes:
        if o.rendered and not o.draft:
            stem = output_name(o.readiness).removeprefix(f"{BUILD_DIR}/")
            documents[(o.readiness.entry.display, o.readiness.edition.ref)] = (
                url_path(f"{stem}.docx"), url_path(f"{stem}.html"))
    links = Links(documents, {letter.opd.kode: url_path(path.relative_to(build).as_posix())
                              for letter, path in letters})
    region, actions, note = None, [], None
    try:
        region = region_for_workspace(ws, ws.editions())
        actions = suggestions(region, 5)
    except RulesUnknown as exc:
        note = str(exc)
    page = render_dashboard(pemda=ws.config.pemda.nama, year=ws.config.tahun_kerja,
                            today=ws.today, matrix=matrix, compliance=items, calendar=dates,
                            links=links, region=region, actions=actions, index_note=note,
                            region_documents=region_documents or [])
    write_if_changed(build / "index.html", page.encode("utf-8"), sink)
    write_if_changed(build / "rekap.xlsx", to_xlsx(matrix, items), sink)
    write_if_changed(build / "rekap.csv", to_csv(matrix).encode("utf-8"), sink)
    write_if_changed(build / "jadwal.ics",
                     to_ics(dates, f"Tenggat inovasi {ws.config.pemda.nama}", ws.today).encode(),
                     sink)
    write_if_changed(build / "status.json",
                     (json_document("status", status_json(matrix, "id")) + "\n").encode("utf-8"),
                     sink)
    return sink.written, [path for _, path in letters]
