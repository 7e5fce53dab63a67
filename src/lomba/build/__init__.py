"""`lomba build`: every ready (entry, competition) pair to DOCX and HTML under ``build/``.

A pair that fails its competition's checks is skipped with its reason, unless forced, when it is
rendered marked DRAF on every page. Files are written atomically and only when their bytes
change, so an interrupted build never leaves half a file or loses a good earlier one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Literal

from lomba.build import delta
from lomba.build.regions import (
    RegionOutcome,
    build_region,
    pack_region,
    region_documents,
)
from lomba.check.competition import Readiness, with_text
from lomba.check.workspace import (
    LoadedWorkspace,
    collector_paused,
    frozen_heap,
    load_workspace,
)
from lomba.desk.facts import EntryFacts, NotKept, facts_of
from lomba.desk.letters import default_kind
from lomba.desk.outputs import write_desk
from lomba.desk.rowmemo import MemoPlan
from lomba.diagnostics import Diagnostic, Severity
from lomba.errors import LombaError, os_error
from lomba.fileio import WriteLog, remove_leftovers, write_if_changed
from lomba.load import stats
from lomba.load.cache import ParseCache, kept_in
from lomba.load.discover import CONFIG_NAME, entry_names, named_entries
from lomba.model.region import REGION_PROFILE
from lomba.parallel import fork_context, return_freed_memory, workers_watched
from lomba.plan import incremental
from lomba.plan.pairs import (
    Context,
    Outcome,
    PairState,
    blocking,
    check_filters,
    make_context,
    output_files,
    output_name,
    pair_key,
    select,
    state_of,
    typed_names,
)
from lomba.render.compose import compose
from lomba.validate.competitions import builtin_templates
from lomba.validate.snapshot import EntryChanged
from lomba.write.formats import document_formats
from lomba.write.outdir import BUILD_DIR, build_dir, output_target, removable
from lomba.write.pdf import convert, due, find_soffice

Step = Literal["check", "desk", "pdf"]
Stage = Callable[[Step, int], None]
"""Told when a long step begins and how many items it takes: the check of that many entries,
the desk made with the facts of that many entries just checked (the others' rows are kept),
that many PDFs. (Rendering is ``start``.) A person at the terminal then knows what a
national-scale build is doing while it is quiet."""


def render_pair(ws: LoadedWorkspace, ctx: Context, readiness: Readiness,
                draft: bool) -> WriteLog:
    """Render and write one document in every format, from exactly the entry bytes that were
    checked; raises :class:`EntryChanged` when the file was edited since."""
    assert ws.config is not None
    log = WriteLog()
    if readiness.entry.light:
        # The check kept counts, not text: the sections are rendered again from the full entry
        # (reloaded once for all the competitions it enters, which come one after another).
        entry = readiness.entry
        token = (str(entry.path), entry.loaded.digest if entry.loaded else None)
        if _FULL[0] != token:
            _FULL[:] = [token, entry.full(ws.root, _parse_cache(ws.root))]
        readiness = with_text(readiness, _FULL[1], ws.config)
    dated = ws.config.document_date(readiness.edition.ref, ws.today)
    document = compose(readiness, ws.config, ws.root, dated, draft=draft,
                       iga_spec=ctx.iga_spec)
    # The preview lists every finding of the entry at its top, not only this competition's.
    entry_findings = ws.report.for_file(readiness.entry.display)
    shown = replace(readiness, diagnostics=[*entry_findings, *readiness.diagnostics]) \
        if entry_findings else readiness
    targets = [output_target(ws.root, name) for name in output_files(readiness, draft)]
    for fmt, target in zip(document_formats(), targets, strict=True):
        write_if_changed(target, fmt.render(document, shown, ctx.reference), log)
    return log


def _render_or_refuse(ws: LoadedWorkspace, ctx: Context, readiness: Readiness,
                      draft: bool) -> tuple[WriteLog, Diagnostic | None]:
    """:func:`render_pair`, with an entry edited since its check turned into the reason the
    pair was not rendered (never a document of unchecked text)."""
    try:
        return render_pair(ws, ctx, readiness, draft), None
    except EntryChanged:
        return WriteLog(), Diagnostic(readiness.entry.display, 1, 1, (), Severity.ERROR,
                                      "entry-changed")


# The last entry reloaded in full, by file (its path, not its name: two workspaces built in
# one process may hold the same entry): consecutive pairs of one entry share it.
_FULL: list = [None, None]

_CACHE: list = [None, None]


def _parse_cache(root: Path) -> ParseCache:
    """The parse cache entries are reloaded from, opened once per workspace and process (a
    forked worker opens its own connection)."""
    key = (str(root), os.getpid())
    if _CACHE[0] != key:
        _CACHE[:] = [key, ParseCache(root)]
    return _CACHE[1]


# Set in the parent before forking workers, so they share it without pickling.
_SHARED: tuple[LoadedWorkspace, Context, list[Readiness], list[bool]] | None = None


def _render_index(index: int) -> tuple[int, list[str], list[str], Diagnostic | None]:
    assert _SHARED is not None
    ws, ctx, pairs, drafts = _SHARED
    log, refused = _render_or_refuse(ws, ctx, pairs[index], drafts[index])
    return index, [str(p) for p in log.written], [str(p) for p in log.unchanged], refused


def _render_in_workers(ws: LoadedWorkspace, ctx: Context, pairs: list[Readiness],
                       drafts: list[bool], todo: list[int], outcomes: list[Outcome], jobs: int,
                       progress: Callable[[Readiness], None] | None) -> None:
    """Render ``todo`` in ``jobs`` forked processes, which share the loaded workspace."""
    global _SHARED
    from concurrent.futures import ProcessPoolExecutor

    _SHARED = (ws, ctx, pairs, drafts)
    try:
        context = fork_context()
        chunk = max(1, min(RENDER_CHUNK_MAX, len(todo) // (jobs * 8)))
        with workers_watched(), ProcessPoolExecutor(jobs, mp_context=context) as pool:
            for index, written, unchanged, refused in pool.map(_render_index, todo,
                                                               chunksize=chunk):
                _record(outcomes[index], WriteLog(list(map(Path, written)),
                                                  list(map(Path, unchanged))), refused)
                if progress:
                    progress(pairs[index])
    finally:
        _SHARED = None


RELEASE_MIN = 2000
"""From this many entries on, a whole build lets go of the entries' models before the desk
(:func:`_release`)."""


def _release(ws: LoadedWorkspace) -> None:
    """Let go of every entry's model and positions once the documents, the facts and the
    records kept for the next build are made: the desk reads only facts. With the freed memory
    handed back to the system (:func:`~lomba.parallel.return_freed_memory`) before the recap
    process forks, the national-scale peak (36,742 entries) fell from 544 to 479 MB in the
    benchmark. Small workspaces keep them: there it saves nothing worth a second path."""
    if len(ws.entries) < RELEASE_MIN:
        return
    for entry in ws.entries:
        entry.release()
    return_freed_memory()


RENDER_CHUNK_MAX = 200
"""At most this many documents go to a worker at a time, as with the check's chunks
(:data:`lomba.check.workspace.CHUNK_MAX`): fewer results wait in the parent at once."""


def build(ws: LoadedWorkspace, pairs: list[Readiness], *, force: bool = False,
          progress: Callable[[Readiness], None] | None = None, jobs: int = 1,
          manifest: incremental.Manifest | None = None) -> list[Outcome]:
    """Render the pairs that need it (all of them without a manifest); returns what happened
    to each. With ``jobs`` > 1 the documents are rendered in that many processes; the files are
    the same as a serial build's."""
    assert ws.config is not None
    ctx = make_context(ws, force)
    _CACHE[:] = [None, None]  # each build opens the cache afresh (it may have been deleted)
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
        relative = output_files(r, outcome.draft)
        recorded = manifest is not None and all(
            manifest.outputs.get(p) == outcome.key for p in relative)
        outputs = [ws.root / p for p in relative] if recorded else []
        if recorded and all(os.path.isfile(p) for p in outputs):
            outcome.unchanged.extend(outputs)
            if progress:
                progress(r)
            continue
        todo.append(i)
    drafts = [o.draft for o in outcomes]
    with frozen_heap():
        parallel = jobs > 1 and len(todo) >= 4 * jobs and fork_context() is not None
        # The first document is rendered here, so that forked workers inherit every cache it
        # warms (the reference package, templates, locale data) instead of each filling them.
        for index in todo[:1] if parallel else todo:
            _record(outcomes[index], *_render_or_refuse(ws, ctx, pairs[index], drafts[index]))
            if progress:
                progress(pairs[index])
        if parallel:
            _render_in_workers(ws, ctx, pairs, drafts, todo[1:], outcomes, jobs, progress)
    return outcomes


def _record(outcome: Outcome, log: WriteLog, refused: Diagnostic | None) -> None:
    if refused is not None:
        outcome.skipped_reason, outcome.key, outcome.draft = refused, None, False
        return
    outcome.rendered_now = True
    outcome.written.extend(log.written)
    outcome.unchanged.extend(log.unchanged)


def spec_errors(ws: LoadedWorkspace) -> list[Diagnostic]:
    """Errors in competition specs or their templates, each once (a template that fails fails
    for every entry). They stop that competition's documents (its pairs carry them, or the
    edition did not load), not the others'; the build then ends with exit 1."""
    seen: dict[tuple[str, int, int, str, str], Diagnostic] = {}
    for d in ws.report.diagnostics:
        if d.severity is Severity.ERROR and d.file.endswith("spec.yaml"):
            seen.setdefault((d.file, d.line, d.column, d.code, d.message("en")), d)
    return sorted(seen.values(), key=lambda d: (d.file, d.line, d.column))


class BuildStopped(LombaError):
    """Nothing can be built: lomba.yaml or a competition spec is broken."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("build-stopped", diagnostics)


@dataclass
class BuildResult:
    outcomes: list[Outcome] = field(default_factory=list)
    """The pairs this build looked at."""
    pairs: list[PairState] = field(default_factory=list)
    """Every pair of the selection, as the build left it: those it looked at, and those of
    entries unchanged since the last whole build, which it did not load."""
    regions: list[RegionOutcome] = field(default_factory=list)
    """Region-level documents: one per pemda and region-level edition in use."""
    desk: list[Path] = field(default_factory=list)
    previews: list[Path] = field(default_factory=list)
    """Unnumbered letter previews for the OPD that fall short (written or unchanged)."""
    pdfs: list[Path] = field(default_factory=list)
    """PDFs converted in this build (the others were current)."""
    removed: list[Path] = field(default_factory=list)
    moved: list[tuple[Path, Path, Diagnostic]] = field(default_factory=list)
    """Final documents of pairs no longer ready, moved to build/usang/: (from, to, why)."""
    stale: list[tuple[Path, str]] = field(default_factory=list)
    """Outputs kept although their entry could not be read this time: (file, entry)."""
    unreadable: list[Diagnostic] = field(default_factory=list)
    """Entries named in a selective build that cannot be read: the first error of each."""
    spec_errors: list[Diagnostic] = field(default_factory=list)
    """Broken competition specs or templates: their documents were not made (exit 1)."""
    noop: bool = False
    ws: LoadedWorkspace | None = None
    facts: list[EntryFacts] = field(default_factory=list)
    """Every entry's facts, after a whole build (what its desk was made from)."""
    desk_rows: str | None = None
    """The name of the memo of the desk's rows that goes with those facts
    (``desk/rowmemo.py``)."""
    records: delta.EntryRecords | None = None
    """What a whole build keeps of each entry for the next one, taken before the entries'
    models were let go of (:func:`_release`)."""


def clean(root: Path) -> None:
    """Remove every build output (the parse cache and the lock stay); only inside the real
    ``build/`` folder: a symlink in it is removed, never followed."""
    top = build_dir(root, create=False)
    if not top.is_dir():
        return
    for item in top.iterdir():
        if item.name in (".cache", ".lomba.lock"):
            continue
        try:
            if item.is_dir() and not item.is_symlink():
                shutil.rmtree(item)
            else:
                item.unlink()
        except OSError as exc:
            raise os_error(exc, item) from None


def run_build(root: Path, *, entries: Iterable[str] = (), competitions: Iterable[str] = (),
              opds: Iterable[str] = (), force: bool = False, fresh: bool = False,
              jobs: int = 1, progress: Callable[[Readiness], None] | None = None,
              on_wait: Callable[[], None] | None = None,
              start: Callable[[int], None] | None = None,
              allow_noop: bool = True, pdf: bool = False,
              stage: Stage | None = None) -> BuildResult:
    """A whole `lomba build`: under the workspace lock, incremental unless ``fresh``."""
    entries, competitions, opds = list(entries), list(competitions), list(opds)
    full = not (entries or competitions or opds)
    build_dir(root)
    with incremental.build_lock(root, on_wait=on_wait) as interrupted, \
            kept_in(root):
        if fresh:
            clean(root)
        manifest = incremental.Manifest.load(root)
        # The whole tree's fingerprint only matters to a whole build (it alone can be a no-op
        # and records it); a build of some entries skips the stat of every file.
        listed: dict[str, str] = {}  # the entry files, from the same walk
        lines = incremental.tree_lines(
            root, builtin_templates(), date.today().isoformat(),
            extra=f"force={force} pdf={pdf} epoch={os.environ.get('SOURCE_DATE_EPOCH', '')}",
            names=listed) if full else None
        tree = incremental.fingerprint(lines) if lines is not None else None
        register = stats.stat_token(root / "surat" / "register.yaml")
        if allow_noop and full and manifest.tree == tree and manifest.register == register \
                and manifest.intact(root):
            return BuildResult(noop=True)
        if interrupted or not delta.recorded(root):
            # A run was killed mid-write (or, with no record of a finished whole build, may
            # have been): its temporary files go. Else build/ is not walked for nothing.
            remove_leftovers(root / BUILD_DIR)
        else:  # the caches, which `lomba check` also writes, without the lock
            remove_leftovers(root / BUILD_DIR / ".cache")
        options = {"force": force, "jobs": jobs, "progress": progress, "start": start,
                   "pdf": pdf, "stage": stage}
        if lines is not None:
            return _build_whole(root, manifest, lines, listed, register, fresh=fresh,
                                **options)
        # Entries named: they alone are checked (what their checks need of the others comes
        # from the entry index), so building one entry does not wait for ten thousand.
        names = entry_names(root)
        files = named_entries(names, entries) if entries else None
        if files:
            _told(stage, "check", len(files))
            ws = load_workspace(root, [root / name for name in files], names=names)
            entries = files
        else:
            _told(stage, "check", len(names))
            ws = load_workspace(root, names=names)
        # What this build may make, the next whole build looks at again (build/delta.py);
        # noted first, so that a build that fails half-way is noted too.
        delta.note_touched(root, {e.display for e in ws.entries})
        with frozen_heap():
            return _build_loaded(root, ws, manifest, tree, full, competitions=competitions,
                                 opds=opds, entries=entries, **options)


def _build_whole(root: Path, manifest: incremental.Manifest, lines: list[str],
                 names: dict[str, str], register: str, *, fresh: bool, force: bool, jobs: int,
                 progress: Callable[[Readiness], None] | None,
                 start: Callable[[int], None] | None, pdf: bool,
                 stage: Stage | None) -> BuildResult:
    """A whole build: of the entries changed since the last one when only a few changed (the
    others' facts kept, ``build/delta.py``), else of every entry. ``names``: the entry files
    (:func:`~lomba.load.discover.entry_names`), listed with ``lines``."""
    tree = incremental.fingerprint(lines)
    tokens = delta.entry_tokens(lines, names)
    context = delta.context_of(lines, names, register)
    # The kept record is half a million small objects that live until the build ends: the
    # cycle collector would walk them again and again for nothing (most of a second at 10,000).
    with collector_paused():
        kept = None if fresh else delta.load(root)
        noted = delta.touched(root)
        delta.forget(root)
        changed = delta.changed_entries(kept, context, tokens, noted) \
            if kept is not None and not pdf and manifest.intact(root) else None
        if kept is not None and changed:
            result = _build_changed(root, manifest, kept, changed, names, tokens, tree,
                                    force=force, jobs=jobs, progress=progress, start=start,
                                    stage=stage)
            if result is not None:
                assert result.ws is not None
                delta.keep_changed(root, kept, tokens, result.ws.entries, result.facts,
                                   result.previews, result.desk_rows)
                return result
        kept = None  # let go of the record before every entry is loaded
    if pdf:
        find_soffice()  # before the check, which at national scale is most of a minute
    _told(stage, "check", len(names))
    ws = load_workspace(root, names=names)
    with frozen_heap():
        result = _build_loaded(root, ws, manifest, tree, True, competitions=[], opds=[],
                               entries=[], force=force, jobs=jobs, progress=progress,
                               start=start, pdf=pdf, stage=stage)
        if not (result.spec_errors or pdf or ws.config is None or ws.config.pdf):
            with contextlib.suppress(NotKept):  # not kept: the next build loads every entry
                assert result.records is not None
                delta.keep_whole(root, context, tokens, result.records, result.facts,
                                 [pack_region(root, r) for r in result.regions],
                                 result.previews, result.desk_rows)
    return result


def _build_changed(root: Path, manifest: incremental.Manifest, kept: delta.Kept,
                   changed: list[str], names: dict[str, str], tokens: dict[str, str],
                   tree: str, *, force: bool,
                   jobs: int, progress: Callable[[Readiness], None] | None,
                   start: Callable[[int], None] | None,
                   stage: Stage | None) -> BuildResult | None:
    """The whole build's result from the ``changed`` entries alone and the others' kept facts;
    None when what changed reaches the other entries (the whole path then runs)."""
    _told(stage, "check", len(changed))
    ws = load_workspace(root, [root / name for name in changed], names=names, tokens=tokens)
    if ws.config is None or ws.config.pdf or ws.regions or delta.reaches_others(
            {e.display: delta.cross_record(e) for e in ws.entries}, kept):
        return None
    others = delta.unchanged(root, ws, kept, list(names))
    if others is None:
        return None
    ws.regions = [r.region for r in others.regions]
    with frozen_heap():
        return _build_loaded(root, ws, manifest, tree, True, competitions=[], opds=[],
                             entries=[], force=force, jobs=jobs, progress=progress,
                             start=start, others=others, stage=stage)


def _build_loaded(root: Path, ws: LoadedWorkspace, manifest: incremental.Manifest,
                  tree: str | None,
                  full: bool, *, competitions: list[str], opds: list[str], entries: list[str],
                  force: bool, jobs: int, progress: Callable[[Readiness], None] | None,
                  start: Callable[[int], None] | None, pdf: bool = False,
                  others: delta.Unchanged | None = None,
                  stage: Stage | None = None) -> BuildResult:
    """The part of a build after loading, still under the lock. ``others``: for a whole build
    of the changed entries, the entries it did not load (when the changed entries' facts are
    the kept ones, the desk made from the same facts is the one in build/, and is not made
    again)."""
    if ws.config is None:
        raise BuildStopped(ws.report.sorted())
    pdf = pdf or ws.config.pdf
    if pdf:
        find_soffice()  # before any work: a missing LibreOffice is said at once
    # A finding of one competition (e.g. a province entering a kabupaten award) stops only
    # that competition's document, not the build.
    config_errors = [d for d in ws.report.errors if d.file == CONFIG_NAME and not d.competition]
    if config_errors and not force:  # --force still makes drafts, as it does for entries
        raise LombaError("config-errors", config_errors)
    check_filters(ws, competitions=competitions, opds=opds, entries=entries)
    pairs = select(ws, competitions=competitions, opds=opds, entries=entries)
    if start:
        start(len(pairs))
    outcomes = build(ws, pairs, force=force, progress=progress, jobs=jobs,
                     manifest=manifest)
    result = BuildResult(outcomes=outcomes, ws=ws, spec_errors=spec_errors(ws))
    for o in outcomes:
        if o.key is None:
            continue
        for name in output_files(o.readiness, o.draft):
            manifest.outputs[name] = o.key
            manifest.sources[name] = o.readiness.entry.display
    if entries and not full:
        _named_but_unreadable(root, ws, manifest, set(entries), result)
    if others is not None:
        result.regions = others.regions
    elif full or competitions:
        wanted = set(competitions)
        result.regions = [build_region(ws, region, force, manifest) for region in ws.regions
                          if full or region.edition.spec.kunci in wanted
                          or region.edition.ref in wanted]
    result.pairs = [state_of(o, root) for o in outcomes]
    if full:
        _told(stage, "desk", len(ws.entries))  # the desk's work now: the others' rows are kept
        _forget_removed(root, ws, manifest, result,
                        {e.display for e in ws.entries} if others is not None else None)
        facts = facts_of(ws, scored=True)
        by_entry: dict[str, list[PairState]] = {}
        for pair in result.pairs:
            by_entry.setdefault(pair.entry, []).append(pair)
        for f in facts:
            f.pairs = by_entry.get(f.display, [])
        same = others is not None and all(others.kept.same_facts(f) for f in facts)
        if others is not None:
            facts = others.merged(facts)
            result.pairs = [pair for f in facts for pair in f.pairs]
        result.facts = facts
        if others is None and not pdf:
            result.records = delta.entry_records(root, ws.entries)
            _release(ws)
        if others is not None and same:
            result.previews = [root / name for name in others.kept.previews]
            result.desk_rows = others.kept.desk_rows
        else:
            # The rows of the entries not loaded are those the last build's desk made.
            plan = MemoPlan() if others is None else MemoPlan(
                kept=others.kept.desk_rows, reuse=frozenset(others.facts))
            result.desk, result.previews = write_desk(ws, facts,
                                                      default_kind(ws.config, ws.today),
                                                      region_documents(root, result.regions),
                                                      plan)
            result.desk_rows = plan.made
            manifest.desk = _desk_files(root)
    if pdf:
        result.pdfs = _make_pdfs(root, result, manifest, jobs, stage)
        manifest.desk = _desk_files(root)
    manifest.tree = tree if full and not result.spec_errors else None
    manifest.register = stats.stat_token(root / "surat" / "register.yaml")
    manifest.save(root)
    return result


def _make_pdfs(root: Path, result: BuildResult, manifest: incremental.Manifest,
               jobs: int, stage: Stage | None = None) -> list[Path]:
    """PDFs of this build's documents and letter previews, converted where the DOCX is newer;
    a document's PDF is recorded like its DOCX, so it goes when the document goes."""
    documents = [p for o in result.outcomes if o.rendered
                 for p in [*o.written, *o.unchanged] if p.suffix == ".docx"]
    documents += result.previews
    documents += [p for r in result.regions for p in [*r.written, *r.unchanged]]
    todo = due(documents)
    _told(stage, "pdf", len(todo))
    written = convert(todo, root / BUILD_DIR / ".cache" / "pdf", jobs)
    for o in result.outcomes:
        if o.key is not None and o.rendered:
            name = output_name(o.readiness, o.draft) + ".pdf"
            manifest.outputs[name] = o.key
            manifest.sources[name] = o.readiness.entry.display
    for r in result.regions:
        for docx in [*r.written, *r.unchanged]:
            name = docx.relative_to(root).as_posix().removesuffix(".docx") + ".pdf"
            manifest.outputs[name], manifest.sources[name] = "pemda", REGION_PROFILE
    return written


def _told(stage: Stage | None, step: Step, count: int) -> None:
    if stage is not None:
        stage(step, count)


def _named_but_unreadable(root: Path, ws: LoadedWorkspace, manifest: incremental.Manifest,
                          named: set[str], result: BuildResult) -> None:
    """An entry the user named that cannot be read has no pair to build: say why (its first
    error) and which of its earlier outputs are kept, rather than build nothing in silence."""
    for entry in ws.entries:
        if entry.model is not None or not typed_names(entry) & named:
            continue
        errors = [d for d in ws.report.for_file(entry.display) if d.severity is Severity.ERROR]
        result.unreadable.extend(errors[:1])
        for recorded, source in sorted(manifest.sources.items()):
            path = removable(root, recorded) if source == entry.display else None
            if path is not None:
                result.stale.append((path, source))


def _forget_removed(root: Path, ws: LoadedWorkspace, manifest: incremental.Manifest,
                    result: BuildResult, sources: set[str] | None = None) -> None:
    """Delete the recorded outputs whose entry or competition is gone. An output whose entry
    is still there but cannot be read is kept and reported stale: a typo never deletes a good
    document. Only lomba's own outputs inside the real ``build/`` are ever deleted, whatever
    the manifest says. ``sources``: only the outputs of these entries are looked at (the
    others were not loaded, and stay as they are)."""
    # build/ shows the present: a pair's final files only while it is ready, its DRAF files
    # only while it is forced as a draft.
    live = {name for o in result.outcomes if o.rendered
            for name in output_files(o.readiness, o.draft)}
    live |= {relative for r in result.regions if r.rendered
             for relative in (p.relative_to(root).as_posix() for p in [*r.written, *r.unchanged])}
    live |= {name.removesuffix(".docx") + ".pdf" for name in live if name.endswith(".docx")}
    waiting = {}  # a final file of a pair that is not ready now -> why
    for o in result.outcomes:
        if not o.rendered and o.skipped_reason is not None:
            for name in output_files(o.readiness):
                waiting[name] = o.skipped_reason
                waiting[name.removesuffix(".docx") + ".pdf"] = o.skipped_reason
    for r in result.regions:
        if r.skipped_reason is not None:
            waiting[r.name] = r.skipped_reason
            waiting[r.name.removesuffix(".docx") + ".pdf"] = r.skipped_reason
    broken = {e.display for e in ws.entries if e.model is None}
    for recorded in list(manifest.outputs):
        source = manifest.sources.get(recorded)
        if recorded in live or (sources is not None and source not in sources):
            continue
        path = removable(root, recorded)
        if source in broken:
            if path is not None:
                result.stale.append((path, source))
            continue
        if path is not None and recorded in waiting:
            # Once good, now not ready: kept, but out of the way of the final documents.
            aside = _move_aside(root, path)
            result.moved.append((path, aside, waiting[recorded]))
        elif path is not None:
            try:
                path.unlink()
            except OSError as exc:
                raise os_error(exc, path) from None
            result.removed.append(path)
        del manifest.outputs[recorded]
        manifest.sources.pop(recorded, None)


ASIDE_DIR = "usang"
"""``build/usang/``: documents of pairs that were ready and are no longer, kept for reference
but never next to the final documents."""


def _move_aside(root: Path, path: Path) -> Path:
    relative = path.relative_to(root / BUILD_DIR)
    target = output_target(root, f"{BUILD_DIR}/{ASIDE_DIR}/{relative.as_posix()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
    except OSError as exc:
        raise os_error(exc, path) from None
    return target


def _desk_files(root: Path) -> list[str]:
    build = root / BUILD_DIR
    names = ["index.html", "rekap.xlsx", "rekap.csv", "jadwal.ics", "status.json"]
    files = [f"{BUILD_DIR}/{n}" for n in names if (build / n).is_file()]
    files += [p.relative_to(root).as_posix() for p in (build / "surat").rglob("*")
              if p.suffix in (".docx", ".pdf")]
    return files
