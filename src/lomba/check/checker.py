"""Checks beyond the schema: cross-references, file safety, completeness, readiness.

The rules themselves are a registry (:mod:`lomba.check.rules`, lomba's own in
:mod:`lomba.check.builtin`); the :class:`Checker` runs them in order and puts their findings in
the workspace's report. Entries are checked one at a time as they are loaded
(:meth:`Checker.entry`), so that their parsed text and positions can be released at once; what
needs every entry (duplicate titles, deadlines of the editions in use) runs at the end
(:meth:`Checker.finish`). None of them raises on bad input.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from lomba.check import builtin as _builtin  # noqa: F401 - registers lomba's own rules
from lomba.check.competition import assess_entry, attributed, edition_for
from lomba.check.iga import check_claims, check_spd
from lomba.check.region import check_regions, entry_region_editions
from lomba.check.rules import rules_for
from lomba.diagnostics import Diagnostic, PathItem, Severity
from lomba.model.innovation import Inovasi
from lomba.scoring.iga import not_assessed
from lomba.validate.competitions import Registry, available_competitions
from lomba.validate.edition import Edition
from lomba.validate.snapshot import Entry
from lomba.validate.validation import validate

if TYPE_CHECKING:
    from lomba.check.workspace import LoadedWorkspace


def set_aside(data: Any, paths: list[tuple[PathItem, ...]]) -> Any:
    """A copy of ``data`` without the values at ``paths``. A value inside a list takes the
    whole list with it (so the other items keep their numbers, and their positions in the
    file); a missing field takes the object that lacks it. None when nothing checkable is left
    (a top-level field is what is wrong)."""
    data = copy.deepcopy(data)
    for path in paths:
        cut = next((i for i, item in enumerate(path) if isinstance(item, int)), len(path))
        target = tuple(path[:cut])
        if not _delete(data, target) and not _delete(data, target[:-1]):
            return None
    return data


def _delete(data: Any, path: tuple[PathItem, ...]) -> bool:
    """Remove the key at ``path`` (not the root); False when there is nothing there."""
    if len(path) < 2:  # a top-level field is required, or it is the whole entry
        return bool(path) and isinstance(data, dict) and data.pop(path[0], None) is not None \
            and path[0] not in _REQUIRED
    holder = data
    for item in path[:-1]:
        if not isinstance(holder, dict) or item not in holder:
            return False
        holder = holder[item]
    if isinstance(holder, dict) and path[-1] in holder:
        del holder[path[-1]]
        return True
    return False


_REQUIRED = frozenset(name for name, f in Inovasi.model_fields.items() if f.is_required())


class Checker:
    """Runs the registered rules over one workspace load; also the context rules receive."""

    def __init__(self, ws: LoadedWorkspace, *, competitions: bool = True,
                 parent: Checker | None = None) -> None:
        """``parent``: a checker whose workspace-level checks already ran (in the process that
        forked this one); its loaded editions are shared, nothing is reported twice."""
        self.ws = ws
        self.competitions = competitions
        # The other entries, from the index, when only some files are checked
        # (lomba.check.index): their titles and the editions they enter.
        self.other_titles: dict[str, str] = {}
        self.other_editions: list[Edition] = []
        self.other_pairs: list[tuple[str, Edition, str | None]] = []
        """(entry, edition, chosen group) of the others, for per-instansi quotas."""
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
                                      "allowed": editions,
                                      "latest": max(self.registry.editions("iga"),
                                                    default=ws.config.iga.edisi)}))
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
        if self.scoring is not None and self._simulated(model):
            # The estimate scores this entry on another edition's rules (a simulation lomba.yaml
            # asks for): its claims are checked against those, as warnings. An entry the
            # estimate does not count hears nothing of that edition.
            ws.report.extend(attributed(check_claims(entry, self.scoring.spec, Severity.WARNING),
                                        self.scoring.ref))
        entry.lighten(tables=bool(entry_region_editions(entry, self.registry, ws.config)))

    def _simulated(self, model: Inovasi) -> bool:
        """Whether the IGA estimate counts this entry, entered in another edition than the one
        whose rules it uses."""
        config = self.ws.config
        assert config is not None and self.scoring is not None
        if "iga" not in model.kompetisi or not model.kompetisi["iga"].ikut or \
                config.iga is None or config.iga.inovasi_edisi is None:
            return False
        entered = edition_for(model, "iga", config)
        return entered != self.scoring.spec.edisi and not_assessed(
            model, self.scoring.spec, entered, config.iga.inovasi_edisi, window=False) is None

    def partial(self, entry: Entry, schema_errors: list[Diagnostic]) -> None:
        """The checks of an entry that failed its schema, run on what is left once the values
        with errors are set aside: their findings are reported; nothing else is kept (no
        readiness: the entry stays unreadable for the build)."""
        loaded = entry.loaded
        assert loaded is not None
        removed = [d.path for d in schema_errors if d.severity is Severity.ERROR]
        data = set_aside(loaded.data, removed)
        if data is None:
            return
        shadow = copy.copy(loaded)
        shadow.data = data
        model, diags = validate(shadow, Inovasi)
        if model is None or diags:
            return
        twin = Entry(path=entry.path, display=entry.display, loaded=shadow, model=model)
        found_before = len(self.ws.report.diagnostics)
        ready_before = len(self.ws.readiness)
        self.entry(twin)
        del self.ws.readiness[ready_before:]
        extra = self.ws.report.diagnostics[found_before:]
        del self.ws.report.diagnostics[found_before:]
        def caused(d: Diagnostic) -> bool:
            """At, under or above a value set aside, or beside it in the same object (a
            misspelt key leaves its intended sibling "missing")."""
            return any(d.path[:len(p)] == p or (bool(d.path) and p[:len(d.path)] == d.path)
                       or (len(p) > 1 and d.path[:len(p) - 1] == p[:-1]) for p in removed)

        self.ws.report.extend(d for d in extra if not caused(d))

    def finish(self) -> None:
        """The checks that need every entry, and the region-level documents they feed."""
        for r in rules_for("finish"):
            self.ws.report.extend(r.run(self, None))
        if self.competitions:
            self.ws.regions = check_regions(self.ws, self.registry)
