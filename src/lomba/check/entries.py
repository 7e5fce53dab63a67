"""Cross-reference checks on ``lomba.yaml`` and on each entry."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from lomba.diagnostics import Diagnostic, PathItem, Severity
from lomba.load.files import image_file_problem, path_problem
from lomba.messages import Suggestion
from lomba.model.common import KODE_RE
from lomba.validate.register import load_register, pattern_problem
from lomba.validate.validation import closest

if TYPE_CHECKING:
    from lomba.check.workspace import LoadedWorkspace
    from lomba.load.yamlio import LoadedYaml
    from lomba.validate.snapshot import Entry


def diag(
    loaded: LoadedYaml, path: tuple[PathItem, ...], code: str, severity: Severity = Severity.ERROR,
    value: Any = None, *, key: bool = False, **params: Any,
) -> Diagnostic:
    """A diagnostic positioned at ``path`` in a loaded file."""
    line, column = loaded.position(path, key=key)
    return Diagnostic(loaded.file, line, column, path, severity, code, params, value)


def check_config(ws: LoadedWorkspace) -> list[Diagnostic]:
    """OPD codes used twice, and the regency's logo (the same file rules as evidence)."""
    assert ws.config is not None and ws.config_loaded is not None
    loaded = ws.config_loaded
    out: list[Diagnostic] = []
    first: dict[str, int] = {}
    for i, opd in enumerate(ws.config.opd):
        path: tuple[PathItem, ...] = ("opd", i, "kode")
        if opd.kode in first:
            out.append(diag(loaded, path, "opd-duplicate", value=opd.kode, opd=opd.kode,
                            first_line=first[opd.kode]))
        else:
            first[opd.kode] = loaded.position(path)[0]
    logo = ws.config.pemda.logo
    if logo:
        problem = path_problem(logo, ws.root, ws.root)
        if problem:
            out.append(diag(loaded, ("pemda", "logo"), problem, value=logo, found=logo,
                            base="lomba.yaml"))
        elif (reason := image_file_problem(logo, ws.root)) is not None:
            out.append(diag(loaded, ("pemda", "logo"), "image-invalid", value=logo, file=logo,
                            reason=reason))
    return out


def check_letters(ws: LoadedWorkspace) -> list[Diagnostic]:
    """The letter-number pattern can number letters uniquely, and the register is intact: the
    same tests `lomba surat` applies before it issues a number."""
    assert ws.config is not None and ws.config_loaded is not None
    out: list[Diagnostic] = []
    pattern = ws.config.surat.pola_nomor
    problem = pattern_problem(pattern)
    if problem is not None:
        out.append(diag(ws.config_loaded, ("surat", "pola_nomor"), "letter-pattern-invalid",
                        value=pattern, pattern=pattern, **problem))
    out += load_register(ws.root)[1]
    return out


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


def check_opd(ws: LoadedWorkspace, entry: Entry) -> list[Diagnostic]:
    """The entry's OPD is one of lomba.yaml's, and its folder agrees."""
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    if ws.config is None:
        return []
    opds = ws.config.opd_by_key()
    if not KODE_RE.match(entry.slug):
        safe = re.sub(r"[^a-z0-9]+", "-", entry.slug.lower()).strip("-") or "inovasi"
        return [Diagnostic(entry.display, 1, 1, (), Severity.ERROR, "entry-name-unsafe",
                           {"name": entry.slug, "safe": safe[:80]})]
    if model.opd not in opds:
        return [diag(loaded, ("opd",), "opd-unknown", value=model.opd, opd=model.opd,
                     suggestion=Suggestion(closest(model.opd, list(opds))))]
    out = []
    if entry.folder != model.opd and entry.folder in opds:
        out.append(diag(loaded, ("opd",), "opd-folder-mismatch", Severity.WARNING,
                        folder=entry.folder, opd=model.opd))
    for i, partner in enumerate(model.opd_mitra):
        if partner not in opds:
            out.append(diag(loaded, ("opd_mitra", i), "opd-unknown", value=partner, opd=partner,
                            suggestion=Suggestion(closest(partner, list(opds)))))
    return out


def check_files(ws: LoadedWorkspace, entry: Entry) -> list[Diagnostic]:
    """Every evidence file and photo is relative, inside the workspace, and a real file."""
    loaded = entry.loaded
    assert loaded is not None
    base = entry.path.parent
    out = []
    for path, ref in file_references(entry):
        problem = path_problem(ref, base, ws.root)
        if problem:
            out.append(diag(loaded, path, problem, value=ref, found=ref, base=entry.display))
        elif path[0] == "foto" and (reason := image_file_problem(ref, base)) is not None:
            out.append(diag(loaded, path, "image-invalid", value=ref, file=ref, reason=reason))
    return out


def check_competitions_known(entry: Entry, known: set[str]) -> list[Diagnostic]:
    """Every competition the entry names exists (built in or in the workspace)."""
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    return [diag(loaded, ("kompetisi", key), "competition-unknown", key=True, value=key,
                 name=key, suggestion=Suggestion(closest(key, sorted(known))),
                 allowed=", ".join(sorted(known)))
            for key in model.kompetisi if key not in known]


def check_acronym(entry: Entry) -> list[Diagnostic]:
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    if model.akronim and not model.kepanjangan:
        return [diag(loaded, ("akronim",), "acronym-no-expansion", Severity.WARNING,
                     found=model.akronim)]
    return []


def check_repeats(entry: Entry) -> list[Diagnostic]:
    """The same SDG, urusan or IGA indicator listed twice."""
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    out: list[Diagnostic] = []
    lists: list[tuple[tuple[PathItem, ...], list[Any]]] = [
        (("sdgs",), model.sdgs),
        (("urusan", "beririsan"), model.urusan.beririsan),
        (("indikator_iga",), [c.nomor for c in model.indikator_iga]),
    ]
    for path, items in lists:
        seen: set[Any] = set()
        for i, item in enumerate(items):
            if item in seen:
                out.append(diag(loaded, (*path, i), "duplicate-item", Severity.WARNING,
                                found=item))
            seen.add(item)
    return out


_DATE_ORDER = ("ide", "uji_coba", "penerapan", "pengembangan")


def check_dates(entry: Entry) -> list[Diagnostic]:
    """The stage dates (idea, trial, start, development) are in order."""
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    dates = model.tanggal
    known = [(name, getattr(dates, name)) for name in _DATE_ORDER if getattr(dates, name)]
    out: list[Diagnostic] = []
    for (earlier, d1), (later, d2) in pairwise(known):
        if d2.latest < d1.earliest:  # only what is certainly out of order
            out.append(diag(
                loaded, ("tanggal", later), "dates-order", Severity.WARNING,
                earlier=earlier.replace("_", " "), later=later.replace("_", " "),
                earlier_value=str(d1), later_value=str(d2),
            ))
    return out


def check_titles(ws: LoadedWorkspace, elsewhere: dict[str, str] | None = None
                 ) -> list[Diagnostic]:
    """Every entry whose name another entry also uses is an error, pointing at the others.
    ``elsewhere``: the names of entries not loaded in this run (file -> name)."""
    out: list[Diagnostic] = []
    holders: dict[str, list[str]] = {}
    for entry in ws.valid_entries:
        assert entry.model is not None
        holders.setdefault(title_key(entry.model.nama), []).append(entry.display)
    for display, name in (elsewhere or {}).items():
        holders.setdefault(title_key(name), []).append(display)
    for entry in ws.valid_entries:
        assert entry.model is not None and entry.loaded is not None
        sharing = holders[title_key(entry.model.nama)]
        if len(sharing) > 1:
            others = ", ".join(sorted(d for d in sharing if d != entry.display))
            out.append(diag(entry.loaded, ("nama",), "title-duplicate", value=entry.model.nama,
                            title=entry.model.nama, other=others))
    return out


def title_key(name: str) -> str:
    return " ".join(name.split()).casefold()
