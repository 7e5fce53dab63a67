"""Deadlines: the competitions' own and the regency's, as days left or days passed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from lomba.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from lomba.model.workspace import Workspace
    from lomba.validate.edition import Edition

NEAR_DAYS = 14


@dataclass(frozen=True)
class Deadline:
    owner: str
    name: str
    day: date
    file: str
    line: int
    column: int

    def days_left(self, today: date) -> int:
        return (self.day - today).days


def deadlines(editions: list[Edition], config: Workspace | None = None,
              config_positions: dict | None = None,
              action_plans_only: bool = False) -> list[Deadline]:
    """Every known deadline of these editions (and the workspace's own, or only its deadlines
    for the action plans), by date."""
    out = []
    for edition in editions:
        for i, t in enumerate(edition.spec.tenggat):
            line, column = edition.loaded.position(("tenggat", i, "tanggal"))
            out.append(Deadline(edition.spec.singkatan or edition.ref, t.nama, t.tanggal,
                                edition.display, line, column))
    if config is not None:
        for i, t in enumerate(config.tenggat_internal):
            if action_plans_only and not t.for_action_plan:
                continue
            line, column = (config_positions or {}).get(("tenggat_internal", i, "tanggal"), (1, 1))
            out.append(Deadline(config.pemda.nama, t.nama, t.tanggal, "lomba.yaml", line, column))
    return sorted(out, key=lambda d: (d.day, d.owner, d.name))


def deadline_diagnostics(editions: list[Edition], config: Workspace,
                         today: date) -> list[Diagnostic]:
    """A warning for the first deadline of each edition in use that has passed or is near."""
    out = []
    for edition in editions:
        upcoming = deadlines([edition])
        if not upcoming:
            continue
        first = upcoming[0]
        days = first.days_left(today)
        if days < 0 or days <= NEAR_DAYS:
            code = "deadline-passed" if days < 0 else "deadline-near"
            out.append(Diagnostic(first.file, first.line, first.column, ("tenggat",),
                                  Severity.WARNING, code,
                                  {"name": first.name, "competition": first.owner,
                                   "deadline": first.day, "days": abs(days)}))
    return out
