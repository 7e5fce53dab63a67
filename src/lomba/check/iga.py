"""IGA self-assessment: claims against the edition's indicators and the evidence behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lomba.check.entries import diag
from lomba.diagnostics import Diagnostic, PathItem, Severity
from lomba.model.spec import Spec
from lomba.scoring.iga import score_innovation

if TYPE_CHECKING:
    from lomba.check.workspace import LoadedWorkspace
    from lomba.validate.snapshot import Entry


def check_claims(entry: Entry, spec: Spec,
                 mandatory: Severity = Severity.ERROR) -> list[Diagnostic]:
    """For an edition with indicators: mandatory ones claimed, numbers known, evidence enough.

    ``mandatory`` is an error when the entry enters this very edition, a warning when the
    edition only supplies the rules of the index estimate."""
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    if not spec.indikator:
        return []
    out = []
    ref = spec.ref
    known = {i.nomor: i for i in spec.indikator}
    claimed = {c.nomor for c in model.indikator_iga}
    for i, claim in enumerate(model.indikator_iga):
        path: tuple[PathItem, ...] = ("indikator_iga", i)
        if claim.nomor not in known:
            out.append(diag(loaded, (*path, "nomor"), "iga-unknown-indicator", mandatory,
                            value=claim.nomor,
                            found=claim.nomor, competition=ref,
                            allowed=f"{min(known)}–{max(known)}"))
        indicator = known.get(claim.nomor)
        if indicator is not None and claim.dasar is not None and \
                indicator.basis(claim.dasar) is None:
            codes = [d.kode for d in indicator.dasar]
            out.append(diag(loaded, (*path, "dasar"), "iga-basis-unknown", mandatory,
                            value=claim.dasar, found=claim.dasar, competition=ref,
                            number=claim.nomor, allowed=", ".join(codes) or "-"))
        listed = set(claim.bukti)
        for j, verdict in enumerate(claim.verifikasi):
            where = (*path, "verifikasi", j)
            if verdict.berkas not in listed:
                out.append(diag(loaded, (*where, "berkas"), "iga-verdict-unknown-file",
                                Severity.WARNING, found=verdict.berkas))
            if verdict.status == "ditolak" and not verdict.alasan:
                out.append(diag(loaded, where, "iga-rejected-no-reason", Severity.WARNING,
                                found=verdict.berkas))
    for ind in spec.indikator:
        if ind.wajib and ind.nomor not in claimed:
            out.append(diag(loaded, ("indikator_iga",), "iga-mandatory-missing", mandatory,
                            competition=ref, number=ind.nomor, name=ind.nama))
    if not model.indikator_iga:
        return out
    scored = score_innovation(entry.display, entry.path, model, spec)
    positions = {c.nomor: i for i, c in enumerate(model.indikator_iga)}
    for s in scored.indicators:
        if s.supported < s.claimed:
            out.append(diag(loaded, ("indikator_iga", positions[s.indicator.nomor], "level"),
                            "iga-claim-unsupported", Severity.WARNING, competition=ref,
                            number=s.indicator.nomor, claimed=s.claimed, supported=s.supported,
                            needs=", ".join(s.needs) or "bukti apa pun"))
    return out


def check_spd(ws: LoadedWorkspace, spec: Spec) -> list[Diagnostic]:
    """The region's SPD values in lomba.yaml: known codes, levels 0-3, mandatory rows filled."""
    config, loaded = ws.config, ws.config_loaded
    assert config is not None and config.iga is not None and loaded is not None
    out = []
    codes = {row.kode: row for row in spec.spd}
    for code, level in config.iga.spd.items():
        path: tuple[PathItem, ...] = ("iga", "spd", code)
        if code not in codes:
            out.append(diag(loaded, path, "iga-unknown-spd", key=True, value=code, found=code,
                            allowed=", ".join(codes)))
        elif not 0 <= level <= 3:
            out.append(diag(loaded, path, "out-of-range", value=level, found=level,
                            constraint="0–3"))
    for row in spec.spd:
        if row.wajib and row.kode not in config.iga.spd:
            out.append(diag(loaded, ("iga", "spd"), "iga-spd-missing", Severity.WARNING,
                            code=row.kode, name=row.nama))
    return out
