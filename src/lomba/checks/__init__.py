"""Checks beyond the schema: cross-references, file safety, completeness.

Each check takes loaded, schema-valid data and adds diagnostics; none of them raises on bad input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lomba.checks.completeness import check_completeness
from lomba.checks.entries import check_config, check_entry, check_titles

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
