"""Per-instansi quotas: how many innovations one government may enter in a group of an edition
(KIPP 2021: at most 10 Umum and 5 Replikasi). Counted over the whole workspace, the entries not
loaded in this run included (from the entry index), so checking one file finds what a whole
check finds."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lomba.check.entries import diag
from lomba.diagnostics import Diagnostic, PathItem, Severity

if TYPE_CHECKING:
    from lomba.check.competition import Readiness
    from lomba.check.workspace import LoadedWorkspace
    from lomba.validate.edition import Edition


def _limited(edition: Edition) -> bool:
    return any(option.kuota for option in edition.spec.kelompok)


def check_group_quotas(ws: LoadedWorkspace,
                       others: list[tuple[str, Edition, str | None]]) -> list[Diagnostic]:
    """A warning on each entry of a group that holds more entries than its quota: the person
    who submits chooses which ones go (and sets ``ikut: false`` on the rest)."""
    holders: dict[tuple[str, str | None], list[str]] = {}
    mine: list[tuple[Readiness, str | None]] = []
    for r in ws.readiness:
        if not _limited(r.edition):
            continue
        assert r.entry.model is not None
        spec = r.edition.spec
        group = spec.group_of(r.entry.model.kompetisi[spec.kunci].kelompok)
        holders.setdefault((spec.ref, group), []).append(r.entry.display)
        mine.append((r, group))
    for display, edition, chosen in others:
        if _limited(edition):
            holders.setdefault((edition.ref, edition.spec.group_of(chosen)), []).append(display)
    out = []
    for r, group in mine:
        spec = r.edition.spec
        option = next((o for o in spec.kelompok if o.kode == group), None)
        count = len(holders[(spec.ref, group)])
        if option is None or option.kuota is None or count <= option.kuota:
            continue
        model, loaded = r.entry.model, r.entry.loaded
        assert model is not None and loaded is not None
        path: tuple[PathItem, ...] = ("kompetisi", spec.kunci, "kelompok") \
            if model.kompetisi[spec.kunci].kelompok else ("kompetisi", spec.kunci)
        found = diag(loaded, path, "group-quota-exceeded", Severity.WARNING,
                     competition=spec.ref, group=option.nama, count=count, quota=option.kuota)
        out.append(replace(found, competition=spec.ref))
    return out
