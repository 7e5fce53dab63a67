"""Cross-reference checks on ``lomba.yaml`` and on each entry."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from lomba.checks.paths import path_problem
from lomba.diagnostics import Diagnostic, PathItem, Report, Severity
from lomba.messages import Suggestion
from lomba.validation import closest

if TYPE_CHECKING:
    from lomba.workspace import Entry, LoadedWorkspace
    from lomba.yamlio import LoadedYaml


def diag(
    loaded: LoadedYaml, path: tuple[PathItem, ...], code: str, severity: Severity = Severity.ERROR,
    value: Any = None, *, key: bool = False, **params: Any,
) -> Diagnostic:
    """A diagnostic positioned at ``path`` in a loaded file."""
    line, column = loaded.position(path, key=key)
    return Diagnostic(loaded.file, line, column, path, severity, code, params, value)


def check_config(ws: LoadedWorkspace) -> None:
    assert ws.config is not None and ws.config_loaded is not None
    loaded = ws.config_loaded
    first: dict[str, int] = {}
    for i, opd in enumerate(ws.config.opd):
        path: tuple[PathItem, ...] = ("opd", i, "kode")
        if opd.kode in first:
            ws.report.add(diag(loaded, path, "opd-duplicate", value=opd.kode, opd=opd.kode,
                               first_line=first[opd.kode]))
        else:
            first[opd.kode] = loaded.position(path)[0]
    logo = ws.config.pemda.logo
    if logo:
        problem = path_problem(logo, ws.root, ws.root)
        if problem:
            ws.report.add(diag(loaded, ("pemda", "logo"), problem, value=logo, found=logo,
                               base="lomba.yaml"))


def file_references(entry: Entry) -> list[tuple[tuple[PathItem, ...], str]]:
    """Every file an entry refers to, with the field path that names it."""
    model = entry.model
    assert model is not None
    refs: list[tuple[tuple[PathItem, ...], str]] = []
    refs += [(("bukti", i, "berkas"), b.berkas) for i, b in enumerate(model.bukti)]
    refs += [(("foto", i, "berkas"), f.berkas) for i, f in enumerate(model.foto)]
    refs += [(("replikasi", i, "bukti"), r.bukti) for i, r in enumerate(model.replikasi) if r.bukti]
    for i, claim in enumerate(model.indikator_iga):
        refs += [(("indikator_iga", i, "bukti", j), b) for j, b in enumerate(claim.bukti)]
    return refs


def check_entry(ws: LoadedWorkspace, entry: Entry, known: set[str]) -> None:
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    report = ws.report
    if ws.config is not None:
        opds = ws.config.opd_by_key()
        if model.opd not in opds:
            report.add(diag(loaded, ("opd",), "opd-unknown", value=model.opd, opd=model.opd,
                            suggestion=Suggestion(closest(model.opd, list(opds)))))
        elif entry.folder != model.opd and entry.folder in opds:
            report.add(diag(loaded, ("opd",), "opd-folder-mismatch", Severity.WARNING,
                            folder=entry.folder, opd=model.opd))
    base = entry.path.parent
    for path, ref in file_references(entry):
        problem = path_problem(ref, base, ws.root)
        if problem:
            report.add(diag(loaded, path, problem, value=ref, found=ref, base=entry.display))
    for key in model.kompetisi:
        if key not in known:
            report.add(diag(loaded, ("kompetisi", key), "competition-unknown", key=True, value=key,
                            name=key,
                            suggestion=Suggestion(closest(key, sorted(known))),
                            allowed=", ".join(sorted(known))))
    _check_repeats(entry, report)
    _check_dates(entry, report)
    if model.akronim and not model.kepanjangan:
        report.add(diag(loaded, ("akronim",), "acronym-no-expansion", Severity.WARNING,
                        found=model.akronim))


def _check_repeats(entry: Entry, report: Report) -> None:
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    lists: list[tuple[tuple[PathItem, ...], list[Any]]] = [
        (("sdgs",), model.sdgs),
        (("urusan", "beririsan"), model.urusan.beririsan),
        (("indikator_iga",), [c.nomor for c in model.indikator_iga]),
    ]
    for path, items in lists:
        seen: set[Any] = set()
        for i, item in enumerate(items):
            if item in seen:
                report.add(diag(loaded, (*path, i), "duplicate-item", Severity.WARNING,
                                          found=item))
            seen.add(item)


_DATE_ORDER = ("ide", "uji_coba", "penerapan", "pengembangan")


def _check_dates(entry: Entry, report: Report) -> None:
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    dates = model.tanggal
    known = [(name, getattr(dates, name)) for name in _DATE_ORDER if getattr(dates, name)]
    for (earlier, d1), (later, d2) in pairwise(known):
        if d2 < d1:
            report.add(diag(
                loaded, ("tanggal", later), "dates-order", Severity.WARNING,
                earlier=earlier.replace("_", " "), later=later.replace("_", " "),
                earlier_value=d1.isoformat(), later_value=d2.isoformat(),
            ))


def check_titles(ws: LoadedWorkspace) -> None:
    """Every entry whose name another entry also uses is an error, pointing at the others."""
    holders: dict[str, list[Entry]] = {}
    for entry in ws.valid_entries:
        assert entry.model is not None
        holders.setdefault(" ".join(entry.model.nama.split()).casefold(), []).append(entry)
    for entries in holders.values():
        for entry in entries if len(entries) > 1 else ():
            assert entry.model is not None and entry.loaded is not None
            others = ", ".join(e.display for e in entries if e is not entry)
            ws.report.add(diag(entry.loaded, ("nama",), "title-duplicate", value=entry.model.nama,
                               title=entry.model.nama, other=others))
