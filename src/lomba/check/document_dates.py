"""The date a document carries, against its edition's deadline and the facts it reports: a
proposal dated after its own deadline, or reporting an award from after its date, was printed
with the wrong date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from lomba.check.entries import diag
from lomba.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from lomba.check.competition import Readiness
    from lomba.model.workspace import Workspace


def check_document_date(pair: Readiness, config: Workspace, today: date) -> list[Diagnostic]:
    model, loaded = pair.entry.model, pair.entry.loaded
    assert model is not None and loaded is not None
    spec = pair.edition.spec
    dated = config.document_date(spec.ref, today)
    out: list[Diagnostic] = []
    if spec.sementara:
        out.append(diag(loaded, ("kompetisi", spec.kunci), "edition-provisional",
                        Severity.WARNING, competition=spec.ref, why=spec.sementara))
    if spec.disimpulkan:
        out.append(diag(loaded, ("kompetisi", spec.kunci), "edition-inferred",
                        Severity.WARNING, competition=spec.ref, why=spec.disimpulkan))
    deadlines = spec.tenggat_by_code()
    submission = deadlines.get(spec.kelayakan.usia_dari_tenggat) or min(
        spec.tenggat, key=lambda t: t.tanggal, default=None)
    if submission is not None and dated > submission.tanggal:
        out.append(diag(loaded, ("kompetisi", spec.kunci), "document-after-deadline",
                        Severity.WARNING, competition=spec.ref, dated=dated,
                        deadline=submission.tanggal, name=submission.nama))
    facts: list[tuple[tuple[str | int, ...], object, date]] = []
    for name in ("ide", "uji_coba", "penerapan", "pengembangan"):
        value = getattr(model.tanggal, name)
        if value is not None:
            facts.append((("tanggal", name), value, value.earliest))
    for i, award in enumerate(model.penghargaan):
        facts.append((("penghargaan", i, "tahun"), str(award.tahun), date(award.tahun, 1, 1)))
    for i, indicator in enumerate(model.indikator_kinerja):
        for side in ("baseline", "terkini"):
            value = getattr(indicator, side)
            if value is not None and value.tahun is not None:
                facts.append((("indikator_kinerja", i, side, "tahun"), str(value.tahun),
                              date(value.tahun, 1, 1)))
    for path, shown, earliest in facts:
        if earliest > dated:
            out.append(diag(loaded, path, "fact-after-document", Severity.WARNING,
                            competition=spec.ref, fact=shown, dated=dated))
    return out
