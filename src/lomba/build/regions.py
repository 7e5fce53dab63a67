"""Region-level documents (``satuan: pemda``): one per regional government and edition in
use, made from its innovation profile and the entries that opt in; and how a build keeps what
it did with them for a later build that does not check them again (``build/delta.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lomba.check.memo import unpack_diagnostic
from lomba.check.region import RegionReadiness
from lomba.check.workspace import LoadedWorkspace
from lomba.desk.facts import pack_finding, unpack_finding
from lomba.desk.outputs import RegionDocument
from lomba.diagnostics import Diagnostic, Severity
from lomba.fileio import WriteLog, write_if_changed
from lomba.load.reference import reference_bytes, reference_for
from lomba.model.region import REGION_PROFILE
from lomba.plan import incremental
from lomba.plan.pairs import DRAFT_SUFFIX
from lomba.render.region import compose_region, region_slug
from lomba.validate.snapshot import Entry
from lomba.write.docx_writer import render_docx
from lomba.write.outdir import BUILD_DIR, output_target
from lomba.xmltext import url_path


@dataclass(kw_only=True)
class RegionOutcome(WriteLog):
    """What happened to one region-level document (``satuan: pemda``)."""

    region: RegionReadiness
    name: str
    """Where its final document goes, relative to the workspace."""
    draft: bool = False
    skipped_reason: Diagnostic | None = None

    @property
    def rendered(self) -> bool:
        return bool(self.written or self.unchanged)


def region_documents(root: Path, regions: list[RegionOutcome]) -> list[RegionDocument]:
    """The region-level documents as the dashboard lists them."""
    out = []
    for r in regions:
        files = [*r.written, *r.unchanged]
        category = r.region.category
        out.append(RegionDocument(
            title=r.region.edition.spec.nama + (f" ({category})" if category else ""),
            members=len(r.region.members),
            link=url_path(files[0].relative_to(root / BUILD_DIR).as_posix()) if files else None,
            draft=r.draft,
            reason=r.skipped_reason.message("id") if r.skipped_reason else None))
    return out


def build_region(ws: LoadedWorkspace, region: RegionReadiness, force: bool,
                 manifest: incremental.Manifest) -> RegionOutcome:
    """One region-level document: written when its checks pass, as a DRAF when forced, else
    skipped with its first error. Rendered every time (one small document), written only when
    its bytes change."""
    assert ws.config is not None
    spec = region.edition.spec
    base = f"{BUILD_DIR}/{spec.kunci}-{spec.edisi}/{region_slug(ws.config)}"
    outcome = RegionOutcome(region=region, name=base + ".docx")
    errors = [d for d in region.diagnostics if d.severity is Severity.ERROR]
    if errors and not force:
        outcome.skipped_reason = errors[0]
        return outcome
    outcome.draft = bool(errors)
    name = base + (DRAFT_SUFFIX if outcome.draft else "") + ".docx"
    dated = ws.config.document_date(spec.ref, ws.today)
    document = compose_region(region, ws.config, ws.root, dated, draft=outcome.draft)
    reference = reference_bytes(reference_for(ws.root))
    write_if_changed(output_target(ws.root, name), render_docx(document, reference), outcome)
    manifest.outputs[name] = "pemda"
    manifest.sources[name] = REGION_PROFILE
    return outcome


def pack_region(root: Path, outcome: RegionOutcome) -> list[Any]:
    """What a later build needs of a region-level document it does not make again: its
    edition, category, members, findings, and what this build did with it. Raises
    :class:`lomba.desk.facts.NotKept`."""
    region = outcome.region
    return [region.edition.spec.kunci, region.edition.spec.edisi, region.category,
            [e.display for e in region.members],
            [pack_finding(d) for d in region.diagnostics], outcome.name, outcome.draft,
            pack_finding(outcome.skipped_reason),
            [p.relative_to(root).as_posix() for p in [*outcome.written, *outcome.unchanged]]]


def unpack_region(root: Path, ws: LoadedWorkspace, raw: list[Any]) -> RegionOutcome:
    """A region-level document as :func:`pack_region` kept it, unchanged since (its members
    and profile are); raises ValueError (or a lookup error) on a record that does not fit."""
    kunci, edisi, category, members, diagnostics, name, draft, skipped, files = raw
    edition = ws.editions().get(kunci, edisi)
    if edition is None:
        raise ValueError(f"{kunci}/{edisi}")
    region = RegionReadiness(
        edition=edition, profile=None,
        members=[Entry(path=root / m, display=m) for m in members],
        diagnostics=[unpack_diagnostic(d) for d in diagnostics], category=category)
    return RegionOutcome(region=region, name=name, draft=draft,
                         skipped_reason=unpack_finding(skipped),
                         unchanged=[root / f for f in files])
