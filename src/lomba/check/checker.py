"""Checks beyond the schema: cross-references, file safety, completeness, readiness.

The rules themselves are a registry (:mod:`lomba.check.rules`, lomba's own in
:mod:`lomba.check.builtin`); the :class:`Checker` runs them in order and puts their findings in
the workspace's report. Entries are checked one at a time as they are loaded
(:meth:`Checker.entry`), so that their parsed text and positions can be released at once; what
needs every entry (duplicate titles, deadlines of the editions in use) runs at the end
(:meth:`Checker.finish`). None of them raises on bad input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lomba.check import builtin as _builtin  # noqa: F401 - registers lomba's own rules
from lomba.check.competition import assess_entry, attributed, edition_for
from lomba.check.iga import check_claims, check_spd
from lomba.check.rules import rules_for
from lomba.diagnostics import Diagnostic, Severity
from lomba.validate.competitions import Registry, available_competitions
from lomba.validate.edition import Edition

if TYPE_CHECKING:
    from lomba.check.workspace import LoadedWorkspace
    from lomba.validate.snapshot import Entry


class Checker:
    """Runs the registered rules over one workspace load; also the context rules receive."""

    def __init__(self, ws: LoadedWorkspace, *, competitions: bool = True,
                 parent: Checker | None = None) -> None:
        """``parent``: a checker whose workspace-level checks already ran (in the process that
        forked this one); its loaded editions are shared, nothing is reported twice."""
        self.ws = ws
        self.competitions = competitions
        self.entry_rules = rules_for("entry")
        self.pair_rules = rules_for("pair")
        if parent is not None:
            self.known, self.registry, self.scoring = parent.known, parent.registry, parent.scoring
            return
        self.known = available_competitions(ws.root)
        self.registry = Registry(ws.root, ws.report)
        self.scoring: Edition | None = None
        if ws.config is not None and ws.config_loaded is not None:
            for r in rules_for("workspace"):
                ws.report.extend(r.run(self, None))
            if ws.config.iga is not None and competitions:
                self._scoring_edition()

    def _scoring_edition(self) -> None:
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
        for r in self.entry_rules:
            ws.report.extend(r.run(self, entry))
        if not self.competitions or ws.config is None:
            return
        assessed = assess_entry(ws, entry, self.registry, self.pair_rules, self)
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
        for r in rules_for("finish"):
            self.ws.report.extend(r.run(self, None))
