"""`lomba build`: every ready (entry, competition) pair to DOCX and HTML under ``build/``.

A pair that fails its competition's checks is skipped with its reason, unless forced, when it is
rendered marked DRAF on every page. Files are written atomically and only when their bytes
change, so an interrupted build never leaves half a file or loses a good earlier one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lomba import incremental
from lomba.checks.competition import Readiness
from lomba.checks.entries import file_references
from lomba.competitions import Registry
from lomba.diagnostics import Diagnostic, Report, Severity
from lomba.fileio import atomic_write_bytes
from lomba.fingerprint import code_digest
from lomba.model.spec import Spec
from lomba.render.compose import compose
from lomba.render.docx_writer import reference_bytes, render_docx
from lomba.render.html_writer import render_html
from lomba.render.reference import reference_for
from lomba.workspace import LoadedWorkspace, frozen_heap

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
    key: str | None = None
    rendered_now: bool = False
    """True when this build rendered the document (False: skipped, or its key was unchanged)."""
    draft: bool = False

    @property
    def rendered(self) -> bool:
        return self.skipped_reason is None or self.draft


def output_name(readiness: Readiness) -> str:
    """Where a pair's outputs go, relative to the workspace and without suffix (plain text:
    a national build asks this a hundred thousand times)."""
    spec = readiness.edition.spec
    entry = readiness.entry
    assert entry.model is not None
    return f"{BUILD_DIR}/{spec.kunci}-{spec.edisi}/{entry.model.opd}/{entry.slug}"


def output_stem(root: Path, readiness: Readiness) -> Path:
    return root / output_name(readiness)


def blocking(ws: LoadedWorkspace, readiness: Readiness) -> Diagnostic | None:
    """The first problem that stops this pair: an error of its own competition, or an error of
    the entry as a whole (a missing evidence file, say). Another competition's errors do not
    stop it."""
    if readiness.errors:
        return readiness.errors[0]
    for d in ws.report.for_file(readiness.entry.display):
        if d.severity is Severity.ERROR and d.for_entry:
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
    atomic_write_bytes(target, data, durable=False)
    outcome.written.append(target)


@dataclass
class Context:
    """What every document of one build shares, computed once."""

    reference: bytes
    iga_spec: Spec | None
    force: bool
    base_key: str
    edition_keys: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def make_context(ws: LoadedWorkspace, force: bool) -> Context:
    assert ws.config is not None
    reference = reference_bytes(reference_for(ws.root))
    iga_spec = None
    if ws.config.iga is not None:
        scoring = Registry(ws.root, Report()).get("iga", ws.config.iga.edisi)
        iga_spec = scoring.spec if scoring else None
    base = incremental.key(
        code_digest(), ws.today, hashlib.sha1(reference).hexdigest(),
        ws.config.model_dump_json(), iga_spec.model_dump_json() if iga_spec else None, force,
    )
    return Context(reference, iga_spec, force, base)


def pair_key(ws: LoadedWorkspace, ctx: Context, readiness: Readiness) -> str:
    """What one document is made from, hashed: if this is unchanged, so is the document."""
    edition = readiness.edition
    if edition.ref not in ctx.edition_keys:
        ctx.edition_keys[edition.ref] = incremental.key(
            edition.spec.model_dump_json(), sorted(edition.templates.items()))
    entry = readiness.entry
    assert entry.loaded is not None and entry.model is not None
    evidence = ctx.evidence.get(entry.display)
    if evidence is None:  # once per entry, for all the competitions it enters
        base = entry.path.parent
        evidence = ctx.evidence[entry.display] = [
            (ref, incremental.stat_token(base / ref)) for _, ref in file_references(entry)]
    diagnostics = [(d.code, d.line, d.column, d.severity, sorted(map(repr, d.params.items())))
                   for d in [*readiness.diagnostics, *ws.report.for_file(entry.display)]]
    return incremental.key(ctx.base_key, ctx.edition_keys[edition.ref], entry.display,
                           entry.loaded.digest or incremental.file_hash(entry.path), evidence,
                           diagnostics, str(ws.config.pemda.logo))


def render_pair(ws: LoadedWorkspace, ctx: Context, readiness: Readiness, draft: bool) -> WriteLog:
    """Render and write one document and its preview."""
    assert ws.config is not None
    log = WriteLog()
    if readiness.entry.light:
        # The check kept counts, not text: assess this pair again on the full entry (reloaded
        # once for all the competitions it enters, which come one after another).
        from lomba.checks.competition import with_text

        entry = readiness.entry
        token = (entry.display, entry.loaded.digest if entry.loaded else None)
        if _FULL[0] != token:
            _FULL[:] = [token, entry.full(ws.root)]
        readiness = with_text(readiness, _FULL[1], ws.config)
    document = compose(readiness, ws.config, ws.root, ws.today, draft=draft,
                       iga_spec=ctx.iga_spec)
    stem = output_stem(ws.root, readiness)
    write_if_changed(stem.with_suffix(".docx"), render_docx(document, ctx.reference), log)
    write_if_changed(stem.with_suffix(".html"), render_html(document, readiness).encode("utf-8"),
                     log)
    return log


# The last entry reloaded in full, by file: consecutive pairs of one entry share it.
_FULL: list = [None, None]

# Set in the parent before forking workers, so they share it without pickling.
_SHARED: tuple[LoadedWorkspace, Context, list[Readiness], list[bool]] | None = None


def _render_index(index: int) -> tuple[int, list[str], list[str]]:
    assert _SHARED is not None
    ws, ctx, pairs, drafts = _SHARED
    log = render_pair(ws, ctx, pairs[index], drafts[index])
    return index, [str(p) for p in log.written], [str(p) for p in log.unchanged]


def _render_in_workers(ws: LoadedWorkspace, ctx: Context, pairs: list[Readiness],
                       drafts: list[bool], todo: list[int], outcomes: list[Outcome], jobs: int,
                       progress: Callable[[Readiness], None] | None) -> None:
    """Render ``todo`` in ``jobs`` forked processes, which share the loaded workspace."""
    global _SHARED
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _SHARED = (ws, ctx, pairs, drafts)
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(todo) // (jobs * 8))
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            for index, written, unchanged in pool.map(_render_index, todo, chunksize=chunk):
                outcomes[index].rendered_now = True
                outcomes[index].written.extend(map(Path, written))
                outcomes[index].unchanged.extend(map(Path, unchanged))
                if progress:
                    progress(pairs[index])
    finally:
        _SHARED = None


def build(ws: LoadedWorkspace, pairs: list[Readiness], *, force: bool = False,
          progress: Callable[[Readiness], None] | None = None, jobs: int = 1,
          manifest: incremental.Manifest | None = None) -> list[Outcome]:
    """Render the pairs that need it (all of them without a manifest); returns what happened
    to each. With ``jobs`` > 1 the documents are rendered in that many processes; the files are
    the same as a serial build's."""
    assert ws.config is not None
    ctx = make_context(ws, force)
    outcomes = [Outcome(readiness=r, skipped_reason=blocking(ws, r)) for r in pairs]
    todo: list[int] = []
    for i, outcome in enumerate(outcomes):
        r = outcome.readiness
        if outcome.skipped_reason is not None and not (force and not r.template_failed):
            if progress:
                progress(r)
            continue
        outcome.draft = outcome.skipped_reason is not None
        outcome.key = pair_key(ws, ctx, r)
        name = output_name(r)
        relative = [f"{name}.docx", f"{name}.html"]
        recorded = manifest is not None and all(
            manifest.outputs.get(p) == outcome.key for p in relative)
        outputs = [ws.root / p for p in relative]
        if recorded and all(os.path.isfile(p) for p in outputs):
            outcome.unchanged.extend(outputs)
            if progress:
                progress(r)
            continue
        todo.append(i)
    drafts = [o.draft for o in outcomes]
    with frozen_heap():
        parallel = jobs > 1 and len(todo) >= 4 * jobs
        # The first document is rendered here, so that forked workers inherit every cache it
        # warms (the reference package, templates, locale data) instead of each filling them.
        for index in todo[:1] if parallel else todo:
            log = render_pair(ws, ctx, pairs[index], drafts[index])
            outcomes[index].rendered_now = True
            outcomes[index].written.extend(log.written)
            outcomes[index].unchanged.extend(log.unchanged)
            if progress:
                progress(pairs[index])
        if parallel:
            _render_in_workers(ws, ctx, pairs, drafts, todo[1:], outcomes, jobs, progress)
    return outcomes


def spec_errors(ws: LoadedWorkspace) -> list[Diagnostic]:
    """Errors in competition specs or templates: these stop a build."""
    return [d for d in ws.report.diagnostics
            if d.severity is Severity.ERROR and d.file.endswith("spec.yaml")]


class BuildStopped(Exception):
    """Nothing can be built: lomba.yaml or a competition spec is broken."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("stopped")
        self.diagnostics = diagnostics


@dataclass
class BuildResult:
    outcomes: list[Outcome] = field(default_factory=list)
    desk: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    noop: bool = False
    ws: LoadedWorkspace | None = None


def clean(root: Path) -> None:
    """Remove every build output (the parse cache and the lock stay)."""
    import shutil

    build_dir = root / BUILD_DIR
    if not build_dir.is_dir():
        return
    for item in build_dir.iterdir():
        if item.name in (".cache", ".lomba.lock"):
            continue
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item)
        else:
            item.unlink()


def run_build(root: Path, *, entries: Iterable[str] = (), competitions: Iterable[str] = (),
              opds: Iterable[str] = (), force: bool = False, fresh: bool = False,
              jobs: int = 1, progress: Callable[[Readiness], None] | None = None,
              on_wait: Callable[[], None] | None = None,
              start: Callable[[int], None] | None = None) -> BuildResult:
    """A whole `lomba build`: under the workspace lock, incremental unless ``fresh``."""
    from datetime import date

    from lomba.competitions import builtin_templates
    from lomba.workspace import load_workspace

    entries, competitions, opds = list(entries), list(competitions), list(opds)
    full = not (entries or competitions or opds)
    with incremental.build_lock(root, on_wait=on_wait):
        if fresh:
            clean(root)
        manifest = incremental.Manifest.load(root)
        tree = incremental.tree_fingerprint(
            root, builtin_templates(), date.today().isoformat(),
            extra=f"force={force} epoch={os.environ.get('SOURCE_DATE_EPOCH', '')}")
        register = incremental.stat_token(root / "surat" / "register.yaml")
        if full and manifest.tree == tree and manifest.register == register \
                and manifest.intact(root):
            return BuildResult(noop=True)
        ws = load_workspace(root)
        with frozen_heap():
            return _build_loaded(root, ws, manifest, tree, full, competitions=competitions,
                                 opds=opds, entries=entries, force=force, jobs=jobs,
                                 progress=progress, start=start)


def _build_loaded(root: Path, ws: LoadedWorkspace, manifest: incremental.Manifest, tree: str,
                  full: bool, *, competitions: list[str], opds: list[str], entries: list[str],
                  force: bool, jobs: int, progress: Callable[[Readiness], None] | None,
                  start: Callable[[int], None] | None) -> BuildResult:
    """The part of a build after loading, still under the lock."""
    fatal = spec_errors(ws)
    if ws.config is None or fatal:
        raise BuildStopped(ws.report.sorted() if ws.config is None else fatal)
    pairs = select(ws, competitions=competitions, opds=opds, entries=entries)
    if start:
        start(len(pairs))
    outcomes = build(ws, pairs, force=force, progress=progress, jobs=jobs,
                     manifest=manifest)
    result = BuildResult(outcomes=outcomes, ws=ws)
    for o in outcomes:
        if o.key is None:
            continue
        name = output_name(o.readiness)
        for suffix in (".docx", ".html"):
            manifest.outputs[name + suffix] = o.key
    if full:
        live = {output_name(r) for r in ws.readiness}
        for recorded in list(manifest.outputs):
            if recorded.rsplit(".", 1)[0] not in live:
                path = root / recorded
                if path.is_file():
                    path.unlink()
                    result.removed.append(path)
                del manifest.outputs[recorded]
        from lomba.report.letters import default_kind
        from lomba.report.outputs import write_desk

        result.desk = write_desk(ws, outcomes, default_kind(ws.config, ws.today))
        manifest.desk = _desk_files(root)
    manifest.tree = tree if full else None
    manifest.register = incremental.stat_token(root / "surat" / "register.yaml")
    manifest.save(root)
    return result


def _desk_files(root: Path) -> list[str]:
    build_dir = root / BUILD_DIR
    names = ["index.html", "rekap.xlsx", "rekap.csv", "jadwal.ics", "status.json"]
    files = [f"{BUILD_DIR}/{n}" for n in names if (build_dir / n).is_file()]
    files += [p.relative_to(root).as_posix() for p in (build_dir / "surat").rglob("*.docx")]
    return files
