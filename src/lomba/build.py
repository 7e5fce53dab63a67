"""`lomba build`: every ready (entry, competition) pair to DOCX and HTML under ``build/``.

A pair that fails its competition's checks is skipped with its reason, unless forced, when it is
rendered marked DRAF on every page. Files are written atomically and only when their bytes
change, so an interrupted build never leaves half a file or loses a good earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lomba.checks.competition import Readiness
from lomba.diagnostics import Diagnostic, Severity
from lomba.fileio import atomic_write_bytes
from lomba.render.compose import compose
from lomba.render.docx_writer import reference_bytes, render_docx
from lomba.render.html_writer import render_html
from lomba.render.reference import reference_for
from lomba.workspace import LoadedWorkspace

BUILD_DIR = "build"


@dataclass
class WriteLog:
    """Which files a step wrote, and which it left alone because their bytes were the same."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


@dataclass(kw_only=True)
class Outcome(WriteLog):
    readiness: Readiness
    skipped_reason: Diagnostic | None = None
    draft: bool = False

    @property
    def rendered(self) -> bool:
        return self.skipped_reason is None or self.draft


def output_stem(root: Path, readiness: Readiness) -> Path:
    spec = readiness.edition.spec
    entry = readiness.entry
    assert entry.model is not None
    return root / BUILD_DIR / f"{spec.kunci}-{spec.edisi}" / entry.model.opd / entry.slug


def blocking(ws: LoadedWorkspace, readiness: Readiness) -> Diagnostic | None:
    """The first problem that stops this pair: its competition errors, or an error anywhere in
    the entry file (a missing evidence file, say)."""
    if readiness.errors:
        return readiness.errors[0]
    for d in ws.report.errors:
        if d.file == readiness.entry.display:
            return d
    return None


def select(ws: LoadedWorkspace, *, competitions: Iterable[str] = (), opds: Iterable[str] = (),
           entries: Iterable[str] = ()) -> list[Readiness]:
    comps, opd_set, names = set(competitions), set(opds), set(entries)
    out = []
    for r in ws.readiness:
        model = r.entry.model
        assert model is not None
        if comps and r.edition.spec.kunci not in comps and r.edition.ref not in comps:
            continue
        if opd_set and model.opd not in opd_set:
            continue
        if names and not ({r.entry.display, r.entry.slug, f"{model.opd}/{r.entry.slug}"} & names):
            continue
        out.append(r)
    return out


def write_if_changed(target: Path, data: bytes, outcome: WriteLog) -> None:
    if target.is_file() and target.read_bytes() == data:
        outcome.unchanged.append(target)
        return
    atomic_write_bytes(target, data)
    outcome.written.append(target)


def build(ws: LoadedWorkspace, pairs: list[Readiness], *, force: bool = False,
          progress: Callable[[Readiness], None] | None = None) -> list[Outcome]:
    """Render the pairs; returns what happened to each."""
    assert ws.config is not None
    reference = reference_bytes(reference_for(ws.root))
    iga_spec = None
    if ws.config.iga is not None:
        from lomba.competitions import Registry
        from lomba.diagnostics import Report

        scoring = Registry(ws.root, Report()).get("iga", ws.config.iga.edisi)
        iga_spec = scoring.spec if scoring else None
    outcomes = []
    for readiness in pairs:
        outcome = Outcome(readiness=readiness)
        outcome.skipped_reason = blocking(ws, readiness)
        if outcome.skipped_reason is not None and not (force and not readiness.template_failed):
            outcomes.append(outcome)
            if progress:
                progress(readiness)
            continue
        outcome.draft = outcome.skipped_reason is not None
        document = compose(readiness, ws.config, ws.root, ws.today, draft=outcome.draft,
                           iga_spec=iga_spec)
        stem = output_stem(ws.root, readiness)
        write_if_changed(stem.with_suffix(".docx"), render_docx(document, reference), outcome)
        write_if_changed(stem.with_suffix(".html"),
                         render_html(document, readiness).encode("utf-8"), outcome)
        outcomes.append(outcome)
        if progress:
            progress(readiness)
    return outcomes


def spec_errors(ws: LoadedWorkspace) -> list[Diagnostic]:
    """Errors in competition specs or templates: these stop a build."""
    return [d for d in ws.report.diagnostics
            if d.severity is Severity.ERROR and d.file.endswith("spec.yaml")]
