"""The Champion Inovator's view: who is ready for what, and which OPD meet the yearly duty.

Everything here is derived from a loaded workspace (its readiness assessments and reports); no
state of its own, so status, recap, letters and dashboard always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from lomba.check.competition import Readiness
from lomba.check.deadlines import Deadline, deadlines
from lomba.check.region import RegionReadiness
from lomba.check.workspace import LoadedWorkspace
from lomba.diagnostics import Diagnostic, Severity
from lomba.model.vocab import TAHAPAN_ORDER
from lomba.validate.snapshot import Entry

State = Literal["siap", "peringatan", "belum", "tidak-ikut", "tidak-terbaca"]
STATE_LABELS: dict[str, tuple[str, str]] = {
    "siap": ("siap", "ready"),
    "peringatan": ("siap, ada peringatan", "ready with warnings"),
    "belum": ("belum siap", "not ready"),
    "tidak-ikut": ("tidak ikut", "not entered"),
    "tidak-terbaca": ("berkas tidak terbaca", "file unreadable"),
}
RAI = "rai"


@dataclass
class Cell:
    state: State
    reason: Diagnostic | None = None
    warnings: int = 0


@dataclass
class Row:
    entry: Entry
    cells: dict[str, Cell]

    @property
    def name(self) -> str:
        model = self.entry.model
        if model is None:  # unreadable: the file is all there is to name it by
            return self.entry.display
        return model.akronim or model.nama

    @property
    def opd(self) -> str:
        """The entry's OPD; for an unreadable file, the folder it sits in."""
        return self.entry.model.opd if self.entry.model is not None else self.entry.folder


@dataclass
class CompetitionColumn:
    ref: str
    name: str
    short: str
    deadlines: list[Deadline]
    totals: dict[str, int] = field(default_factory=dict)


@dataclass
class Matrix:
    today: date
    columns: list[CompetitionColumn]
    rows: list[Row]
    regions: list[RegionReadiness] = field(default_factory=list)
    """Region-level documents (one per pemda): not a column of entries, listed beside."""


def _cell(ws: LoadedWorkspace, readiness: Readiness) -> Cell:
    own = [d for d in ws.report.for_file(readiness.entry.display) if d.for_entry]
    entry_errors = [d for d in own if d.severity is Severity.ERROR]
    errors = readiness.errors + [d for d in entry_errors if d not in readiness.errors]
    if errors or readiness.template_failed:
        return Cell("belum", errors[0] if errors else None)
    warnings = [d for d in readiness.diagnostics if d.severity is Severity.WARNING]
    warnings += [d for d in own if d.severity is Severity.WARNING]
    return Cell("peringatan" if warnings else "siap", None, len(warnings))


def short_label(ref: str) -> str:
    """``sinovik/2019`` -> ``SIN19``: a column heading that fits an 80-column terminal."""
    key, _, year = ref.partition("/")
    return f"{key[:3].upper()}{year[-2:]}"


def _own_deadlines(ws: LoadedWorkspace, key: str) -> list[Deadline]:
    """The regency's own deadlines for its internal action plan (RAI), from lomba.yaml."""
    if key != RAI or ws.config is None:
        return []
    positions = ws.config_loaded.values if ws.config_loaded else {}
    return deadlines([], ws.config, positions, action_plans_only=True)


def readiness_matrix(ws: LoadedWorkspace, *, competitions: set[str] | None = None,
                     opds: set[str] | None = None) -> Matrix:
    """Entries by competition edition, with deadlines and totals."""
    editions = {}
    for r in ws.readiness:
        editions.setdefault(r.edition.ref, r.edition)
    refs = sorted(ref for ref, e in editions.items()
                  if not competitions or ref in competitions or e.spec.kunci in competitions)
    columns = [
        CompetitionColumn(ref, editions[ref].spec.singkatan or editions[ref].spec.nama,
                          short_label(ref),
                          deadlines([editions[ref]])
                          or _own_deadlines(ws, editions[ref].spec.kunci),
                          {s: 0 for s in STATE_LABELS})
        for ref in refs
    ]
    by_pair = {(r.entry.display, r.edition.ref): r for r in ws.readiness}
    rows = []
    for entry in sorted(ws.entries, key=lambda e: e.display):
        if opds and Row(entry, {}).opd not in opds:
            continue
        cells = {}
        for column in columns:
            if entry.model is None:  # a broken entry is a finding, never an absence
                cell = Cell("tidak-terbaca", _first_error(ws, entry))
            else:
                readiness = by_pair.get((entry.display, column.ref))
                cell = _cell(ws, readiness) if readiness else Cell("tidak-ikut")
            cells[column.ref] = cell
            column.totals[cell.state] += 1
        rows.append(Row(entry, cells))
    regions = [r for r in ws.regions if not competitions or r.edition.ref in competitions
               or r.edition.spec.kunci in competitions]
    return Matrix(ws.today, columns, rows, regions)


def _first_error(ws: LoadedWorkspace, entry: Entry) -> Diagnostic | None:
    return next((d for d in ws.report.for_file(entry.display)
                 if d.severity is Severity.ERROR), None)


# -- OPD compliance -------------------------------------------------------------------------------


@dataclass
class OpdCompliance:
    kode: str
    nama: str
    jenis: str
    ideas: list[Entry]
    innovations: list[Entry]
    innovations_this_year: list[Entry]
    action_plan: Entry | None
    action_plan_ready: bool
    missing: list[tuple[str, str]]
    """What the OPD still owes, as (Bahasa Indonesia, English) sentences."""
    unreadable: list[Entry] = field(default_factory=list)
    """Entry files in the OPD's folder that cannot be read or are invalid."""

    @property
    def compliant(self) -> bool:
        return not self.missing


def _dated_in(entry: Entry, year: int) -> bool:
    model = entry.model
    assert model is not None
    dates = model.tanggal
    return any(d is not None and d.year == year
               for d in (dates.ide, dates.uji_coba, dates.penerapan, dates.pengembangan))


def compliance(ws: LoadedWorkspace) -> list[OpdCompliance]:
    """Every OPD against the regent's order: at least one innovation this working year, and a
    complete innovation action plan (RAI) for the year. The OPD that fall short come first."""
    assert ws.config is not None
    year = ws.config.tahun_kerja
    readiness = {(r.entry.display, r.edition.ref): r for r in ws.readiness}
    out = []
    broken = [e for e in ws.entries if e.model is None]
    for opd in ws.config.opd:
        entries = [e for e in ws.valid_entries if e.model and e.model.opd == opd.kode]
        unreadable = [e for e in broken if e.folder == opd.kode]
        names = ", ".join(e.display for e in unreadable)
        ideas = [e for e in entries if e.model and e.model.tahapan == TAHAPAN_ORDER[0]]
        innovations = [e for e in entries if e not in ideas]
        this_year = [e for e in innovations if _dated_in(e, year)]
        plans = [e for e in entries if (e.display, f"{RAI}/{year}") in readiness]
        ready_plans = [e for e in plans
                       if _cell(ws, readiness[(e.display, f"{RAI}/{year}")]).state != "belum"]
        missing: list[tuple[str, str]] = []
        if not this_year and unreadable:
            missing.append((f"berkas inovasi tidak terbaca, sehingga belum dapat dinilai: {names}",
                            f"innovation file cannot be read, so it cannot be assessed yet: "
                            f"{names}"))
        elif not this_year:
            missing.append((f"belum ada inovasi (selain ide) yang tercatat pada tahun {year}",
                            f"no innovation (beyond an idea) recorded in {year}"))
        if not plans and not unreadable:
            missing.append((f"belum menyerahkan Rencana Aksi Inovasi tahun {year}",
                            f"has not handed in its {year} innovation action plan"))
        elif not plans and this_year:
            missing.append((f"Rencana Aksi Inovasi tahun {year} belum dapat dinilai: berkas "
                            f"tidak terbaca ({names})",
                            f"its {year} innovation action plan cannot be assessed: file "
                            f"unreadable ({names})"))
        elif not ready_plans:
            missing.append((f"Rencana Aksi Inovasi tahun {year} belum lengkap",
                            f"its {year} innovation action plan is incomplete"))
        out.append(OpdCompliance(
            kode=opd.kode, nama=opd.nama, jenis=opd.jenis, ideas=ideas, innovations=innovations,
            innovations_this_year=this_year, action_plan=(ready_plans or plans or [None])[0],
            action_plan_ready=bool(ready_plans), missing=missing, unreadable=unreadable,
        ))
    return sorted(out, key=lambda c: (c.compliant, c.kode))
