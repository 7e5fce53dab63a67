"""The Champion Inovator's view: who is ready for what, and which OPD meet the yearly duty.

Everything here is derived from the entries' facts (``desk/facts.py``: their readiness and
findings, as the check left them); no state of its own, so status, recap, letters and dashboard
always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lomba.check.deadlines import Deadline, deadlines
from lomba.check.region import RegionReadiness
from lomba.check.workspace import LoadedWorkspace
from lomba.desk.facts import Cell, EntryFacts, facts_of
from lomba.model.vocab import TAHAPAN_ORDER
from lomba.validate.edition import Edition

STATE_LABELS: dict[str, tuple[str, str]] = {
    "siap": ("siap", "ready"),
    "peringatan": ("siap, ada peringatan", "ready with warnings"),
    "belum": ("belum siap", "not ready"),
    "tidak-ikut": ("tidak ikut", "not entered"),
    "tidak-terbaca": ("berkas tidak terbaca", "file unreadable"),
}
RAI = "rai"


@dataclass
class Row:
    entry: EntryFacts
    cells: dict[str, Cell]

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def opd(self) -> str:
        """The entry's OPD; for an unreadable file, the folder it sits in."""
        return self.entry.opd


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
    editions: dict[str, Edition] = field(default_factory=dict)
    """Every edition the entries enter, by ref (the columns may show fewer)."""


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


def editions_in_use(ws: LoadedWorkspace, facts: list[EntryFacts]) -> dict[str, Edition]:
    """The editions the entries enter, by ref (the check's own objects where it has them)."""
    editions = {r.edition.ref: r.edition for r in ws.readiness}
    registry = None
    for f in facts:
        for ref in f.cells:
            if ref not in editions:
                registry = registry or ws.editions()
                key, _, year = ref.rpartition("/")
                edition = registry.get(key, int(year))
                if edition is not None:
                    editions[ref] = edition
    return editions


def readiness_matrix(ws: LoadedWorkspace, facts: list[EntryFacts] | None = None, *,
                     competitions: set[str] | None = None,
                     opds: set[str] | None = None) -> Matrix:
    """Entries by competition edition, with deadlines and totals (``facts``: every entry's,
    by default computed from ``ws``)."""
    facts = facts_of(ws) if facts is None else facts
    editions = editions_in_use(ws, facts)
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
    rows = []
    for entry in sorted(facts, key=lambda e: e.display):
        if opds and entry.opd not in opds:
            continue
        cells = {}
        for column in columns:
            if not entry.readable:  # a broken entry is a finding, never an absence
                cell = Cell("tidak-terbaca", entry.first_error)
            else:
                cell = entry.cells.get(column.ref) or Cell("tidak-ikut")
            cells[column.ref] = cell
            column.totals[cell.state] += 1
        rows.append(Row(entry, cells))
    regions = [r for r in ws.regions if not competitions or r.edition.ref in competitions
               or r.edition.spec.kunci in competitions]
    return Matrix(ws.today, columns, rows, regions, editions)


# -- OPD compliance -------------------------------------------------------------------------------


@dataclass
class OpdCompliance:
    kode: str
    nama: str
    jenis: str
    ideas: list[EntryFacts]
    innovations: list[EntryFacts]
    innovations_this_year: list[EntryFacts]
    action_plan: EntryFacts | None
    action_plan_ready: bool
    missing: list[tuple[str, str]]
    """What the OPD still owes, as (Bahasa Indonesia, English) sentences."""
    unreadable: list[EntryFacts] = field(default_factory=list)
    """Entry files in the OPD's folder that cannot be read or are invalid."""

    @property
    def compliant(self) -> bool:
        return not self.missing


def compliance(ws: LoadedWorkspace, facts: list[EntryFacts] | None = None,
               ) -> list[OpdCompliance]:
    """Every OPD against the regent's order: at least one innovation this working year, and a
    complete innovation action plan (RAI) for the year. The OPD that fall short come first."""
    assert ws.config is not None
    facts = facts_of(ws) if facts is None else facts
    year = ws.config.tahun_kerja
    plan = f"{RAI}/{year}"
    out = []
    valid = [e for e in facts if e.readable]
    broken = [e for e in facts if not e.readable]
    by_opd: dict[str, list[EntryFacts]] = {}
    for e in valid:
        by_opd.setdefault(e.opd, []).append(e)
    for opd in ws.config.opd:
        entries = by_opd.get(opd.kode, [])
        unreadable = [e for e in broken if e.folder == opd.kode]
        names = ", ".join(e.display for e in unreadable)
        ideas = [e for e in entries if e.tahapan == TAHAPAN_ORDER[0]]
        innovations = [e for e in entries if e.tahapan != TAHAPAN_ORDER[0]]
        this_year = [e for e in innovations if year in e.years]
        plans = [e for e in entries if plan in e.cells]
        ready_plans = [e for e in plans if e.cells[plan].state != "belum"]
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
