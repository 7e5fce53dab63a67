"""What the desk reads of each entry, as plain data that a build keeps between runs.

Status, recap, compliance, letters, calendar, dashboard and the index estimate are made from
these facts, never from the entries themselves; so after one entry of ten thousand changes, a
build reads the others' facts as the last whole build left them (``build/delta.py``) instead of
loading ten thousand entries, and the desk it writes is the one a whole build writes: the same
functions over the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from lomba.check.competition import Readiness
from lomba.check.memo import pack_diagnostic, unpack_diagnostic
from lomba.check.workspace import LoadedWorkspace
from lomba.diagnostics import Diagnostic, Severity
from lomba.load.cache import json_safe
from lomba.model.spec import IndikatorIga
from lomba.plan.pairs import PairState
from lomba.scoring.iga import (
    Classified,
    Excluded,
    InnovationScore,
    RulesUnknown,
    classify,
    iga_edition,
)
from lomba.validate.edition import Edition

State = Literal["siap", "peringatan", "belum", "tidak-ikut", "tidak-terbaca"]


@dataclass(slots=True)
class Cell:
    """One entry against one edition, as the desk shows it."""

    state: State
    reason: Diagnostic | None = None
    warnings: int = 0


@dataclass(slots=True)
class EntryFacts:
    """One entry file, as the desk needs it."""

    display: str
    folder: str
    readable: bool
    opd: str
    """The OPD the entry declares; for an unreadable file, the folder it sits in."""
    nama: str | None = None
    akronim: str | None = None
    tahapan: str | None = None
    jenis: str | None = None
    bentuk: str | None = None
    urusan: str | None = None
    years: tuple[int, ...] = ()
    """The years of its idea, trial, implementation and development dates."""
    first_error: Diagnostic | None = None
    """For an unreadable file: the first reason."""
    cells: dict[str, Cell] = field(default_factory=dict)
    """The editions it enters (ref -> cell), in the order they were checked."""
    iga: Classified | None = None
    """How the index estimate treats it (see :func:`lomba.scoring.iga.classify`)."""
    pairs: list[PairState] = field(default_factory=list)
    """What the build did with each of its documents."""

    @property
    def name(self) -> str:
        """What the desk calls it: its acronym, its name, or (unreadable) its file."""
        return self.akronim or self.nama or self.display


def cell_of(ws: LoadedWorkspace, readiness: Readiness) -> Cell:
    """Ready, ready with warnings, or not ready (with the first reason): the edition's own
    findings and the entry's whole-file findings together."""
    own = [d for d in ws.report.for_file(readiness.entry.display) if d.for_entry]
    entry_errors = [d for d in own if d.severity is Severity.ERROR]
    errors = readiness.errors + [d for d in entry_errors if d not in readiness.errors]
    if errors or readiness.template_failed:
        return Cell("belum", errors[0] if errors else None)
    warnings = [d for d in readiness.diagnostics if d.severity is Severity.WARNING]
    warnings += [d for d in own if d.severity is Severity.WARNING]
    return Cell("peringatan" if warnings else "siap", None, len(warnings))


def iga_for(ws: LoadedWorkspace) -> Edition | None:
    """The IGA edition the estimate uses, or None when its rules are unknown."""
    try:
        return iga_edition(ws.config, ws.editions())
    except RulesUnknown:
        return None


def facts_of(ws: LoadedWorkspace, *, scored: bool = False) -> list[EntryFacts]:
    """The facts of every entry ``ws`` loaded, from their checks; ``scored``: with how the
    index estimate treats each (which scores its evidence: only the desk's estimate needs it,
    not `lomba status` or `lomba kepatuhan`)."""
    assert ws.config is not None
    pairs: dict[str, list[Readiness]] = {}
    for r in ws.readiness:
        pairs.setdefault(r.entry.display, []).append(r)
    edition = iga_for(ws) if scored else None
    out = []
    for entry in ws.entries:
        model = entry.model
        if model is None:
            first = next((d for d in ws.report.for_file(entry.display)
                          if d.severity is Severity.ERROR), None)
            out.append(EntryFacts(entry.display, entry.folder, False, entry.folder,
                                  first_error=first))
            continue
        dates = model.tanggal
        years = tuple(d.year for d in (dates.ide, dates.uji_coba, dates.penerapan,
                                       dates.pengembangan) if d is not None)
        out.append(EntryFacts(
            entry.display, entry.folder, True, model.opd, model.nama, model.akronim,
            model.tahapan, model.jenis, model.bentuk, model.urusan.utama, years,
            cells={r.edition.ref: cell_of(ws, r) for r in pairs.get(entry.display, [])},
            iga=_compact(classify(entry.display, entry.path, model, edition, ws.config),
                         edition) if edition is not None else None))
    return out


def _compact(item: Classified | None, edition: Edition) -> Classified | None:
    """A score as a kept one holds it (its totals and what would raise it, not twenty
    indicators with their evidence: a national workspace's facts are a third the size), so a
    desk from fresh facts and one from kept facts read the very same thing."""
    if item is None or item[0] != "dinilai":
        return item
    return _unpack_iga(_pack_iga(item), edition)


# -- kept between builds -------------------------------------------------------------------------


class NotKept(ValueError):
    """A finding whose parameters JSON would not give back unchanged: facts holding it are not
    kept (the next build loads every entry again)."""


def pack_finding(d: Diagnostic | None) -> Any:
    """A finding as kept facts hold it (None stays None); raises :class:`NotKept`."""
    if d is None:
        return None
    packed = pack_diagnostic(d, value=False)
    if not json_safe(packed[6]):
        raise NotKept(d.code)
    return packed


def unpack_finding(raw: Any) -> Diagnostic | None:
    return unpack_diagnostic(raw) if raw is not None else None


def pack(f: EntryFacts) -> list[Any]:
    """The facts as JSON-ready lists (see :func:`unpack`); raises :class:`NotKept`."""
    return [f.display, f.folder, f.readable, f.opd, f.nama, f.akronim, f.tahapan, f.jenis,
            f.bentuk, f.urusan, list(f.years), pack_finding(f.first_error),
            [[ref, c.state, pack_finding(c.reason), c.warnings] for ref, c in f.cells.items()],
            _pack_iga(f.iga),
            [[p.ref, p.label, p.state, list(p.files), pack_finding(p.reason), p.more]
             for p in (p.kept() for p in f.pairs)]]


def unpack(raw: list[Any], iga: Edition | None) -> EntryFacts:
    """Facts as :func:`pack` left them; ``iga`` is the edition they were scored against.
    Raises ValueError, KeyError, TypeError or IndexError on a malformed record."""
    (display, folder, readable, opd, nama, akronim, tahapan, jenis, bentuk, urusan, years,
     first, cells, iga_raw, pairs) = raw
    return EntryFacts(
        display, folder, readable, opd, nama, akronim, tahapan, jenis, bentuk, urusan,
        tuple(years), unpack_finding(first),
        {ref: Cell(state, unpack_finding(reason), warnings)
         for ref, state, reason, warnings in cells},
        _unpack_iga(iga_raw, iga),
        [PairState(display, ref, label, state, tuple(files), unpack_finding(reason), more)
         for ref, label, state, files, reason, more in pairs])


class KeptScore(InnovationScore):
    """An innovation's score as a whole build kept it: its totals and what one level more
    would raise, which is all the desk's estimate and suggestions read (not each indicator).
    Made ten thousand at a time, so it keeps the raw record and builds nothing it is not
    asked for."""

    def __init__(self, raw: list[Any], edition: Edition) -> None:
        # No dataclass __init__: the file's path stays text until someone asks for it.
        _, self.display, self._path, self.name, self.urusan, sid, verified, raisable, _ = raw
        self._sid, self._sid_verified = float(sid), float(verified)
        self._raisable: str = raisable
        self._edition = edition
        self.indicators = []
        self._by_weight = None

    @property  # type: ignore[override]
    def path(self) -> Path:
        return Path(self._path)

    @property
    def count(self) -> int:
        return len(self._edition.spec.indikator)

    @property
    def sid(self) -> float:
        return self._sid

    @property
    def sid_verified(self) -> float:
        return self._sid_verified

    def raisable_positions(self) -> list[tuple[int, int]]:
        return _positions(self._raisable)

    def raisable(self, weight: float) -> list[tuple[IndikatorIga, int]]:
        if self._by_weight is None:
            self._by_weight = {}
            indicators = self._edition.spec.indikator
            for pos, supported in self.raisable_positions():
                ind = indicators[pos]
                self._by_weight.setdefault(ind.bobot or 0, []).append((ind, supported))
        return self._by_weight.get(weight, [])


def _positions(text: str) -> list[tuple[int, int]]:
    """``"3:1 7:0"`` -> ``[(3, 1), (7, 0)]``: a kept score's raisable indicators, as text so
    that reading ten thousand records makes one string each, not a list of lists."""
    return [(int(pos), int(level)) for pos, _, level in
            (item.partition(":") for item in text.split())]


def _pack_iga(item: Classified | None) -> Any:
    if item is None:
        return None
    kind, value = item
    if kind == "dinilai":
        return [kind, value.display, str(value.path), value.name, value.urusan, value.sid,
                value.sid_verified,
                " ".join(f"{pos}:{level}" for pos, level in value.raisable_positions()),
                value.count if isinstance(value, KeptScore) else len(value.indicators)]
    if kind == "dikecualikan":
        return [kind, value.display, value.name, list(value.reason)]
    return [kind, *value]


def _unpack_iga(raw: Any, edition: Edition | None) -> Classified | None:
    if raw is None:
        return None
    kind = raw[0]
    if kind == "dinilai":
        if edition is None or raw[8] != len(edition.spec.indikator) or len(raw) != 9:
            raise ValueError("scored against an edition no longer known")
        return (kind, KeptScore(raw, edition))
    if kind == "dikecualikan":
        _, display, name, reason = raw
        return (kind, Excluded(display, name, (reason[0], reason[1])))
    if kind == "calon":
        return (kind, (raw[1], raw[2]))
    raise ValueError(kind)
