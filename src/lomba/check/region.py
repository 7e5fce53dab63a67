"""Region-level editions (``satuan: pemda``): one document per regional government, from its
innovation profile (``daerah/profil-inovasi.yaml``), ``lomba.yaml`` and the entries that opt in.

Checked once per workspace, with findings on the profile, on ``lomba.yaml`` and on the entries;
the build makes the document only when nothing here is an error (or as a DRAF when forced).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lomba.check.competition import Section, attributed, edition_for, entered
from lomba.check.entries import diag
from lomba.diagnostics import Diagnostic, PathItem, Report, Severity
from lomba.load.yamlio import LoadedYaml
from lomba.model.region import REGION_PROFILE, ProfilInovasiDaerah
from lomba.validate.snapshot import load_document
from lomba.validate.templating import TemplateProblem, render_section
from lomba.words import count_words

if TYPE_CHECKING:
    from lomba.check.workspace import LoadedWorkspace
    from lomba.model.workspace import Workspace
    from lomba.validate.competitions import Registry
    from lomba.validate.edition import Edition
    from lomba.validate.snapshot import Entry


@dataclass
class RegionReadiness:
    """One region-level edition of this workspace: its rendered sections, the innovations
    its measurement table lists, and what stops its document."""

    edition: Edition
    profile: ProfilInovasiDaerah | None
    members: list[Entry] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    category: str | None = None
    """The category of this pemda's kind (Budhipraja Kabupaten or Kota), in the edition's
    wording."""

    @property
    def ready(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


_PROFILE_REF = re.compile(r"\bprofil\.(\w+)(?:\.(\w+))?")


def _field_of(template: str) -> tuple[PathItem, ...]:
    """The profile field a section template prints first, to point a finding at it."""
    found = _PROFILE_REF.search(template)
    if not found:
        return ()
    return tuple(part for part in found.groups() if part)


def region_editions(ws: LoadedWorkspace, registry: Registry) -> dict[str, tuple[Edition,
                                                                             list[Entry]]]:
    """The region-level editions some entry enters, each with those entries, by reference."""
    assert ws.config is not None
    out: dict[str, tuple[Edition, list[Entry]]] = {}
    for entry in ws.valid_entries:
        for edition in entry_region_editions(entry, registry, ws.config):
            out.setdefault(edition.ref, (edition, []))[1].append(entry)
    return out


def entry_region_editions(entry: Entry, registry: Registry, config: Workspace) -> list[Edition]:
    """The region-level editions one entry enters (each lists it in the pemda's document)."""
    model = entry.model
    assert model is not None
    editions = (registry.get(key, edition_for(model, key, config)) for key in entered(model))
    return [e for e in editions if e is not None and e.spec.satuan == "pemda"]


def check_regions(ws: LoadedWorkspace, registry: Registry) -> list[RegionReadiness]:
    """Every region-level edition in use, checked; its findings also go to the report."""
    config = ws.config
    if config is None:
        return []
    editions = region_editions(ws, registry)
    if not editions:
        return []
    path = ws.root / REGION_PROFILE
    loaded: LoadedYaml | None = None
    profile: ProfilInovasiDaerah | None = None
    unreadable: list[Diagnostic] = []  # what stops every region document made from the file
    if path.is_file():
        problems = Report()
        loaded, profile = load_document(path, REGION_PROFILE, ProfilInovasiDaerah, problems)
        ws.report.extend(problems.diagnostics)
        unreadable = [d for d in problems.diagnostics if d.severity is Severity.ERROR]
    out = []
    for ref, (edition, opted) in sorted(editions.items()):
        region = RegionReadiness(edition=edition, profile=profile)
        if profile is None:  # a forced draft still shows every section, and its gap
            region.sections = [Section(b, "", 0) for b in edition.spec.bagian]
        found: list[Diagnostic] = []
        spec = edition.spec
        if not path.is_file():
            found.append(Diagnostic(REGION_PROFILE, 1, 1, (), Severity.ERROR,
                                    "region-profile-missing", {"competition": ref,
                                                               "file": REGION_PROFILE}))
        if spec.disimpulkan:
            found.append(Diagnostic(REGION_PROFILE, 1, 1, (), Severity.WARNING,
                                    "edition-inferred", {"competition": ref,
                                                         "why": spec.disimpulkan}))
        kind = config.pemda.jenis
        if spec.untuk_pemda and kind not in spec.untuk_pemda:
            assert ws.config_loaded is not None
            found.append(diag(ws.config_loaded, ("pemda", "jenis"), "region-not-eligible",
                              competition=ref, found=kind,
                              allowed=", ".join(spec.untuk_pemda)))
        names = {o.kode: o.nama for o in spec.kategori}
        region.category = names.get(kind)
        # An idea is not yet an innovative product or service to be measured (its entry is
        # told so by its own check, lomba.check.competition.assess_entry).
        region.members = [e for e in opted if e.model is not None and e.model.tahapan != "ide"]
        if not region.members:
            found.append(Diagnostic(REGION_PROFILE, 1, 1, (), Severity.ERROR,
                                    "region-no-members", {"competition": ref,
                                                          "key": spec.kunci}))
        if profile is not None and loaded is not None:
            found += _sections(region, loaded, _context(ws, region))
        mine = attributed(found, ref)
        ws.report.extend(mine)
        # The profile's own errors (reported once, above) stop this document too.
        region.diagnostics = [*unreadable, *mine]
        out.append(region)
    return out


def _context(ws: LoadedWorkspace, region: RegionReadiness) -> dict[str, Any]:
    assert ws.config is not None
    return {"profil": region.profile, "pemda": ws.config.pemda,
            "kepala_daerah": ws.config.kepala_daerah, "kompetisi": region.edition.spec,
            "inovasi": [e.model for e in region.members]}


def _sections(region: RegionReadiness, loaded: LoadedYaml,
              values: dict[str, Any]) -> list[Diagnostic]:
    out = []
    edition = region.edition
    for bagian in edition.spec.bagian:
        try:
            text = render_section(edition, bagian.id, values)
        except TemplateProblem as problem:
            out.append(problem.diagnostic)
            continue
        region.sections.append(Section(bagian, text, count_words(text)))
        if not text.strip() and bagian.wajib:
            where = _field_of(edition.templates[bagian.id][0])
            out.append(diag(loaded, where, "region-section-empty", section=bagian.judul,
                            field=".".join(map(str, where)) or bagian.id))
    return out
