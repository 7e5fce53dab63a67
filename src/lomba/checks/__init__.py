"""Checks beyond the schema: cross-references, file safety, completeness.

Each check takes loaded, schema-valid data and adds diagnostics; none of them raises on bad input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lomba.checks.completeness import check_completeness
from lomba.checks.entries import check_config, check_entry, check_titles
from lomba.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from lomba.workspace import LoadedWorkspace


def run_checks(ws: LoadedWorkspace, *, competitions: bool = True) -> None:
    """Run every check on a loaded workspace."""
    if ws.config is not None and ws.config_loaded is not None:
        check_config(ws)
    from lomba.competitions import available_competitions

    known = available_competitions(ws.root)
    for entry in ws.valid_entries:
        check_entry(ws, entry, known)
        check_completeness(ws, entry)
    check_titles(ws)
    if not competitions:
        return
    from lomba.checks.competition import assess_workspace
    from lomba.checks.deadlines import deadline_diagnostics
    from lomba.competitions import Registry

    registry = Registry(ws.root, ws.report)
    ws.readiness = assess_workspace(ws, registry, ws.today)
    if ws.config is not None:
        used = {r.edition.ref: r.edition for r in ws.readiness}
        ws.report.extend(deadline_diagnostics(list(used.values()), ws.config, ws.today))
        if ws.config.iga is not None:
            from lomba.checks.iga import check_spd

            edition = registry.get("iga", ws.config.iga.edisi)
            if edition is None:
                line, column = ws.config_loaded.position(("iga", "edisi"))
                ws.report.add(Diagnostic("lomba.yaml", line, column, ("iga", "edisi"),
                                         Severity.ERROR, "edition-missing",
                                         {"competition": "iga", "year": ws.config.iga.edisi,
                                          "allowed": ", ".join(map(str,
                                                                   registry.editions("iga")))}))
            else:
                ws.report.extend(check_spd(ws, edition.spec))
                from lomba.checks.competition import edition_for
                from lomba.checks.iga import check_claims

                for entry in ws.valid_entries:
                    model = entry.model
                    if "iga" in model.kompetisi and model.kompetisi["iga"].ikut and \
                            edition_for(model, "iga", ws.config) != edition.spec.edisi:
                        ws.report.extend(check_claims(entry, edition.spec, Severity.WARNING))
