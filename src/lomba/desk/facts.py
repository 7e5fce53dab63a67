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
from lomba.plan.pairs import PairState
from lomba.scoring.iga import (
    Classified,
    Excluded,
    IndicatorScore,
    InnovationScore,
    RulesUnknown,
    classify,
    iga_edition,
)
from lomba.validate.edition import Edition
from lomba.validate.snapshot import Entry

State = Literal["siap", "peringatan", "belum", "tidak-ikut", "tidak-terbaca"]


@dataclass
class Cell:
    """One entry against one edition, as the desk shows it."""

    state: State
    reason: Diagnostic | None = None
    warnings: int = 0


@dataclass
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


def facts_of(ws: LoadedWorkspace, entries: list[Entry] | None = None) -> list[EntryFacts]:
    """The facts of ``entries`` (default: every entry of ``ws``), from their checks."""
    assert ws.config is not None
    pairs: dict[str, list[Readiness]] = {}
    for r in ws.readiness:
        pairs.setdefault(r.entry.display, []).append(r)
    edition = iga_for(ws)
    out = []
    for entry in ws.entries if entries is None else entries:
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
            iga=classify(entry.display, entry.path, model, edition, ws.config)
            if edition is not None else None))
    return out


# -- kept between builds -------------------------------------------------------------------------


def _diag(d: Diagnostic | None) -> Any:
    return pack_diagnostic(d) if d is not None else None


def _undiag(raw: Any) -> Diagnostic | None:
    return unpack_diagnostic(raw) if raw is not None else None


def pack(f: EntryFacts) -> list[Any]:
    """The facts as JSON-ready lists (see :func:`unpack`)."""
    return [f.display, f.folder, f.readable, f.opd, f.nama, f.akronim, f.tahapan, f.jenis,
            f.bentuk, f.urusan, list(f.years), _diag(f.first_error),
            [[ref, c.state, _diag(c.reason), c.warnings] for ref, c in f.cells.items()],
            _pack_iga(f.iga),
            [[p.entry, p.ref, p.label, p.state, list(p.files), _diag(p.reason), p.more]
             for p in (p.kept() for p in f.pairs)]]


def unpack(raw: list[Any], iga: Edition | None) -> EntryFacts:
    """Facts as :func:`pack` left them; ``iga`` is the edition they were scored against.
    Raises ValueError, KeyError, TypeError or IndexError on a malformed record."""
    (display, folder, readable, opd, nama, akronim, tahapan, jenis, bentuk, urusan, years,
     first, cells, iga_raw, pairs) = raw
    return EntryFacts(
        display, folder, readable, opd, nama, akronim, tahapan, jenis, bentuk, urusan,
        tuple(years), _undiag(first),
        {ref: Cell(state, _undiag(reason), warnings) for ref, state, reason, warnings in cells},
        _unpack_iga(iga_raw, iga),
        [PairState(e, ref, label, state, tuple(files), _undiag(reason), more)
         for e, ref, label, state, files, reason, more in pairs])


def _pack_iga(item: Classified | None) -> Any:
    if item is None:
        return None
    kind, value = item
    if kind == "dinilai":
        return [kind, value.display, str(value.path), value.name, value.urusan,
                [[s.indicator.nomor, s.claimed, s.supported, s.verified, s.needs]
                 for s in value.indicators]]
    if kind == "dikecualikan":
        return [kind, value.display, value.name, list(value.reason)]
    return [kind, *value]


def _unpack_iga(raw: Any, edition: Edition | None) -> Classified | None:
    if raw is None:
        return None
    kind = raw[0]
    if kind == "dinilai":
        if edition is None:
            raise ValueError("an innovation scored against an edition no longer known")
        _, display, path, name, urusan, scores = raw
        indicators = edition.spec.indikator
        if [s[0] for s in scores] != [i.nomor for i in indicators]:
            raise ValueError("indicators changed")
        return (kind, InnovationScore(display, Path(path), name, urusan, [
            IndicatorScore(ind, claimed, supported, verified, list(needs))
            for ind, (_, claimed, supported, verified, needs) in zip(indicators, scores,
                                                                    strict=True)]))
    if kind == "dikecualikan":
        _, display, name, reason = raw
        return (kind, Excluded(display, name, (reason[0], reason[1])))
    if kind == "calon":
        return (kind, (raw[1], raw[2]))
    raise ValueError(kind)
