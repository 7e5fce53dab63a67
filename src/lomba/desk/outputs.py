"""The desk's files in ``build/``: dashboard, recap spreadsheet and CSV, calendar, letters."""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lomba.check.workspace import LoadedWorkspace
from lomba.desk.calendar import calendar, to_ics
from lomba.desk.dashboard import render_dashboard, row_parts
from lomba.desk.facts import EntryFacts
from lomba.desk.letter_writer import render_letter
from lomba.desk.letters import Letter, plan_letters, save_register
from lomba.desk.rowmemo import MemoPlan, RowMemo, only, strings
from lomba.desk.spreadsheet import INNOVATION_HEADER, recap_row, to_csv, to_xlsx
from lomba.desk.status import (
    Matrix,
    OpdCompliance,
    compliance,
    readiness_matrix,
)
from lomba.desk.views import status_entry, status_json
from lomba.errors import os_error
from lomba.fileio import WriteLog, atomic_write_text, write_if_changed, write_text_if_changed
from lomba.fingerprint import code_digest
from lomba.jsonout import json_item, json_listing_pieces
from lomba.load import stats
from lomba.load.reference import reference_bytes, reference_for
from lomba.model.register import Kind
from lomba.parallel import beside
from lomba.scoring.iga import RulesUnknown, iga_edition, region_from, suggestions
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
    # A cache of what each preview was made from: rebuilt when lost, so not flushed.
    atomic_write_text(keys_file, json.dumps(known, indent=1, sort_keys=True), durable=False)
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


DASHBOARD_ROWS = "dasbor-baris.json"
RECAP_ROWS = "rekap-baris.json"
"""Each side's rows by entry (``desk/rowmemo.py``), in ``build/.cache/``."""


def write_desk(ws: LoadedWorkspace, facts: list[EntryFacts], kind: Kind,
               region_documents: list[RegionDocument] | None = None,
               plan: MemoPlan | None = None) -> tuple[list[Path], list[Path]]:
    """Everything the Champion Inovator reads, after a full build, from every entry's facts
    (with what the build did with each document); returns the files written and the letter
    previews (unnumbered: only `lomba surat` issues numbers). ``plan``: which entries' rows
    the last build's memo holds already (every row is made without one)."""
    assert ws.config is not None
    root = ws.root
    sink = WriteLog()
    matrix = readiness_matrix(ws, facts)
    items = compliance(ws, facts)
    # The recap and the status are written in a second process meanwhile, where there is
    # one and the work is big enough to pay for it (a third of the desk at 10,000 entries,
    # and still a third with most rows kept: reading, joining and writing them).
    with beside(lambda: _write_recap(root, matrix, items, plan),
                worth_it=len(facts) >= RECAP_APART) as recap:
        letters = _write_dashboard(ws, facts, kind, matrix, items, region_documents, sink,
                                   plan)
        sink.written.extend(recap())
    return sink.written, [path for _, path in letters]


def _write_dashboard(ws: LoadedWorkspace, facts: list[EntryFacts], kind: Kind, matrix: Matrix,
                     items: list[OpdCompliance],
                     region_documents: list[RegionDocument] | None,
                     sink: WriteLog, plan: MemoPlan | None) -> list[tuple[Letter, Path]]:
    """The dashboard, the calendar and the letter previews (returned)."""
    assert ws.config is not None
    root = ws.root
    build = root / BUILD_DIR
    dates = calendar(ws, ws.editions(), matrix.editions)
    late = [c for c in items if not c.compliant]
    letters = write_letters(ws, late, kind, issue=False, log=sink) if late else []
    _remove_old_previews(root, {path for _, path in letters})
    memo = RowMemo.open(root, DASHBOARD_ROWS, plan, [c.ref for c in matrix.columns])
    rows = [memo.row(row.entry.display, lambda row=row: row_parts(row, _documents(row.entry)),
                     _dashboard_row) for row in matrix.rows]
    region, actions, note = None, [], None
    try:
        region = region_from(ws.config, iga_edition(ws.config, ws.editions()),
                             [f.iga for f in facts])
        actions = suggestions(region, 5)
    except RulesUnknown as exc:
        note = str(exc)
    page = render_dashboard(pemda=ws.config.pemda.nama, year=ws.config.tahun_kerja,
                            today=ws.today, matrix=matrix, compliance=items, calendar=dates,
                            letters={letter.opd.kode: url_path(path.relative_to(build)
                                                               .as_posix())
                                     for letter, path in letters},
                            rows=rows, region=region, actions=actions, index_note=note,
                            region_documents=region_documents or [])
    write_text_if_changed(build / "index.html", page, sink)
    write_if_changed(build / "jadwal.ics",
                     to_ics(dates, f"Tenggat inovasi {ws.config.pemda.nama}", ws.today).encode(),
                     sink)
    memo.save(root)
    return letters


RECAP_APART = 2000
"""From this many entries on, the recap is written in a process of its own."""


def _write_recap(root: Path, matrix: Matrix, items: list[OpdCompliance],
                 plan: MemoPlan | None) -> list[Path]:
    """``rekap.xlsx``, ``rekap.csv`` and ``status.json``, each a row per entry; returns those
    written (the others were current)."""
    log = WriteLog()
    build = root / BUILD_DIR
    memo = RowMemo.open(root, RECAP_ROWS, plan, [c.ref for c in matrix.columns])
    parts = [memo.row(row.entry.display,
                      lambda row=row: [*recap_row(row), json_item(status_entry(row, "id"))],
                      _recap_row) for row in matrix.rows]
    write_if_changed(build / "rekap.xlsx", to_xlsx(matrix, items, parts), log)
    write_text_if_changed(build / "rekap.csv", to_csv(parts), log)
    status = json_listing_pieces("status", status_json(replace(matrix, rows=[]), "id"),
                                 "entries", [part[3] for part in parts])
    write_text_if_changed(build / "status.json", itertools.chain(status, ("\n",)), log)
    memo.save(root)
    return log.written


def _dashboard_row(row: Any) -> bool:
    """The shape of :func:`~lomba.desk.dashboard.row_parts`."""
    return isinstance(row, list) and len(row) == 2 and strings(row[0], 1) \
        and type(row[1]) is str


def _recap_row(row: Any) -> bool:
    """The shape of a recap row: :func:`~lomba.desk.spreadsheet.recap_row`, then the status
    item."""
    return isinstance(row, list) and len(row) == 4 and type(row[0]) is str \
        and strings(row[1], 2) and isinstance(row[2], list) \
        and len(row[2]) == len(INNOVATION_HEADER) and only(row[2], int) \
        and type(row[3]) is str


def _documents(facts: EntryFacts) -> dict[str, tuple[str, str]]:
    """The entry's final documents (not drafts), by edition: DOCX and HTML, relative to
    build/."""
    out = {}
    prefix = f"{BUILD_DIR}/"
    for pair in facts.pairs:
        if not pair.final:
            continue
        by_suffix = {name[name.rfind("."):]: name.removeprefix(prefix) for name in pair.files}
        if ".docx" in by_suffix and ".html" in by_suffix:
            out[pair.ref] = (url_path(by_suffix[".docx"]), url_path(by_suffix[".html"]))
    return out
