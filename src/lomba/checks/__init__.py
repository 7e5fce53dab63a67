"""Checks beyond the schema: cross-references, file safety, completeness, readiness.

Each check takes loaded, schema-valid data and adds diagnostics; none of them raises on bad input.
Entries are checked one at a time as they are loaded (:meth:`Checker.entry`), so that their
parsed text and positions can be released at once; what needs every entry (duplicate titles,
deadlines of the editions in use) runs at the end (:meth:`Checker.finish`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lomba.checks.completeness import check_completeness
from lomba.checks.entries import check_config, check_entry, check_titles
from lomba.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from lomba.workspace import Entry, LoadedWorkspace


class Checker:
    def __init__(self, ws: LoadedWorkspace, *, competitions: bool = True,
                 parent: Checker | None = None) -> None:
        """``parent``: a checker whose workspace-level checks already ran (in the process that
        forked this one); its loaded editions are shared, nothing is reported twice."""
        from lomba.competitions import Registry, available_competitions

        self.ws = ws
        self.competitions = competitions
        if parent is not None:
            self.known, self.registry, self.scoring = parent.known, parent.registry, parent.scoring
            return
        self.known = available_competitions(ws.root)
        self.registry = Registry(ws.root, ws.report)
        self.scoring = None
        if ws.config is not None and ws.config_loaded is not None:
            check_config(ws)
            if ws.config.iga is not None and competitions:
                self._scoring_edition()

    def _scoring_edition(self) -> None:
        from lomba.checks.iga import check_spd

        ws = self.ws
        assert ws.config is not None and ws.config.iga is not None
        assert ws.config_loaded is not None
        edition = self.registry.get("iga", ws.config.iga.edisi)
        if edition is None:
            line, column = ws.config_loaded.position(("iga", "edisi"))
            editions = ", ".join(map(str, self.registry.editions("iga")))
            ws.report.add(Diagnostic("lomba.yaml", line, column, ("iga", "edisi"),
                                     Severity.ERROR, "edition-missing",
                                     {"competition": "iga", "year": ws.config.iga.edisi,
                                      "allowed": editions}))
        else:
            ws.report.extend(check_spd(ws, edition.spec))
            self.scoring = edition

    def entry(self, entry: Entry) -> None:
        """Every check of one valid entry."""
        ws = self.ws
        check_entry(ws, entry, self.known)
        check_completeness(ws, entry)
        if not self.competitions or ws.config is None:
            return
        from lomba.checks.competition import assess_entry, attributed, edition_for
        from lomba.checks.iga import check_claims

        assessed = assess_entry(ws, entry, self.registry, ws.today)
        for readiness in assessed:
            readiness.sections = [s.without_text() for s in readiness.sections]
        ws.readiness.extend(assessed)
        model = entry.model
        assert model is not None
        if self.scoring is not None and "iga" in model.kompetisi and \
                model.kompetisi["iga"].ikut and \
                edition_for(model, "iga", ws.config) != self.scoring.spec.edisi:
            ws.report.extend(attributed(check_claims(entry, self.scoring.spec, Severity.WARNING),
                                        self.scoring.ref))
        entry.lighten()

    def finish(self) -> None:
        """The checks that need every entry."""
        ws = self.ws
        check_titles(ws)
        if not self.competitions or ws.config is None:
            return
        from lomba.checks.deadlines import deadline_diagnostics

        used = {r.edition.ref: r.edition for r in ws.readiness}
        ws.report.extend(deadline_diagnostics(list(used.values()), ws.config, ws.today))
