"""Check a whole workspace: load and validate every file, run every rule, in worker processes
for a large one; the result (:class:`LoadedWorkspace`) is what every later stage reads."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lomba.check.checker import Checker
from lomba.check.competition import Readiness, from_counts
from lomba.check.index import (
    editions_in_use,
    entry_files_only,
    pairs_in_use,
    record,
    refresh,
    save_index,
)
from lomba.check.memo import CheckMemo, context_key
from lomba.check.region import RegionReadiness
from lomba.diagnostics import Diagnostic, Report, Severity, relative_name, share_parts
from lomba.load import stats
from lomba.load.cache import ParseCache
from lomba.load.discover import CONFIG_NAME, discover_entries
from lomba.load.yamlio import LoadedYaml
from lomba.locale import build_date
from lomba.model.innovation import Inovasi
from lomba.model.region import REGION_PROFILE
from lomba.model.workspace import Workspace
from lomba.parallel import fork_context, workers_watched
from lomba.validate.competitions import Registry
from lomba.validate.snapshot import Entry, load_document


@dataclass
class LoadedWorkspace:
    """A checked workspace: the snapshot (config, entries), every finding, readiness per pair,
    and the competition editions as the check loaded them. Later stages read it."""

    root: Path
    config: Workspace | None
    config_loaded: LoadedYaml | None
    entries: list[Entry] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    readiness: list[Readiness] = field(default_factory=list)
    today: date = field(default_factory=date.today)
    registry: Registry | None = None
    regions: list[RegionReadiness] = field(default_factory=list)
    """Region-level editions in use (one document per pemda), checked."""

    @property
    def valid_entries(self) -> list[Entry]:
        return [e for e in self.entries if e.model is not None]

    def editions(self) -> Registry:
        """The check's editions, for a later stage (its own problems kept apart)."""
        registry = self.registry if self.registry is not None else Registry(self.root, Report())
        return registry.sharing(Report())


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while loading: every object a load makes stays alive, so
    each collection walked the whole growing heap for nothing (a quarter of the time of a
    10,000-entry check). Loading makes almost no cycles; the collector resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_FROZEN = [0]


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Set everything alive now aside from the cycle collector until the block ends: a loaded
    workspace is a million objects, which each collection would walk again (most of a second
    at 10,000 entries) and which a forked worker would copy page by page as it walked them.
    Nested blocks unfreeze only at the outermost end."""
    gc.freeze()
    _FROZEN[0] += 1
    try:
        yield
    finally:
        _FROZEN[0] -= 1
        if _FROZEN[0] == 0:
            gc.unfreeze()


PARALLEL_MIN = 400
"""From this many entries on, they are checked in worker processes (one per core)."""

CHUNK_MAX = 400
"""At most this many entries go to a worker at a time. The parent takes the workers' results a
chunk at a time, so smaller chunks keep less of them waiting (at national scale the parent's
peak during the check was 376 MB, against 394 and 395 MB in two runs with an eighth of the
entries per chunk that evening; the time did not change)."""


def _check_paths(ws: LoadedWorkspace, checker: Checker, cache: ParseCache | None,
                 paths: list[Path], memo: CheckMemo | None = None) -> None:
    """Load and check entries one at a time, releasing each one's parsed text at once; an
    entry whose findings ``memo`` remembers is not checked again."""
    for path in paths:
        display = relative_name(path, ws.root)
        before = len(ws.report.diagnostics)
        loaded, model = load_document(path, display, Inovasi, ws.report, cache)
        entry = Entry(path=path, display=display, loaded=loaded, model=model)
        ws.entries.append(entry)
        if loaded is not None and model is None and ws.config is not None:
            # One schema error must not hide the file's other problems: check what is left
            # once the wrong values are set aside (the entry itself stays unreadable).
            checker.partial(entry, ws.report.diagnostics[before:])
        if loaded is not None and model is not None:
            if memo is None or not memo.recall(ws, entry, checker.registry):
                found, ready = len(ws.report.diagnostics), len(ws.readiness)
                checker.entry(entry)
                if memo is not None:
                    memo.remember(entry, ws.report.diagnostics[found:], ws.readiness[ready:])
            loaded.release(keep=[("nama",)])  # the title check at the end points at the name


# Set before forking the check workers, which inherit it instead of receiving it pickled.
_FORK_STATE: tuple[Any, ...] | None = None


def _check_chunk(paths: list[Path]) -> tuple[Any, ...]:
    assert _FORK_STATE is not None
    parent_ws, parent_checker, use_cache, competitions, context = _FORK_STATE
    ws = LoadedWorkspace(root=parent_ws.root, config=parent_ws.config,
                         config_loaded=parent_ws.config_loaded)
    ws.today = parent_ws.today
    checker = Checker(ws, competitions=competitions, parent=parent_checker)
    cache = ParseCache(ws.root) if use_cache else None
    memo = CheckMemo(ws.root, context) if context else None
    with collector_paused():
        _check_paths(ws, checker, cache, paths, memo)
    if cache is not None:
        cache.flush()
    if memo is not None:
        memo.flush()
    share_parts(ws.report.diagnostics)  # (sent once each, and kept once each by the parent)
    # Editions are shared with the parent: send references, not copies.
    readiness = [(r.entry.display, r.edition.spec.kunci, r.edition.spec.edisi,
                  [(s.bagian.id, s.words) for s in r.sections], r.diagnostics,
                  r.template_failed) for r in ws.readiness]
    return (ws.entries, readiness, ws.report.diagnostics, cache.used if cache else set(),
            memo.used if memo else set())


def _check_in_workers(ws: LoadedWorkspace, checker: Checker, paths: list[Path], workers: int,
                      use_cache: bool, competitions: bool,
                      memo: CheckMemo | None) -> set[str]:
    """Check entries in forked processes; the results are the same as a serial check's."""
    from concurrent.futures import ProcessPoolExecutor  # only here: a fiftieth of a start

    global _FORK_STATE
    checker.registry.all()  # load every edition once, before forking, so workers share them
    size = max(50, min(CHUNK_MAX, len(paths) // (workers * 4)))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    used: set[str] = set()
    _FORK_STATE = (ws, checker, use_cache, competitions, memo.context if memo else None)
    try:
        context = fork_context()
        with workers_watched(), frozen_heap(), \
                ProcessPoolExecutor(workers, mp_context=context) as pool:
            for entries, readiness, diagnostics, chunk_used, remembered in pool.map(
                    _check_chunk, chunks):
                if memo is not None:
                    memo.used |= remembered
                by_name = {e.display: e for e in entries}
                ws.entries.extend(entries)
                ws.report.extend(diagnostics)
                used |= chunk_used
                for display, key, year, sections, diags, failed in readiness:
                    edition = checker.registry.get(key, year)
                    assert edition is not None
                    ws.readiness.append(from_counts(by_name[display], edition, sections, diags,
                                                    failed))
    finally:
        _FORK_STATE = None
    return used


def load_workspace(root: Path, selection: Iterable[Path] | None = None, *,
                   competitions: bool = True, use_cache: bool = True,
                   jobs: int | None = None,
                   names: dict[str, str] | None = None,
                   tokens: dict[str, str] | None = None) -> LoadedWorkspace:
    """Load everything and run every check; nothing here raises on bad input.

    ``competitions=False`` stops after the schema and entry checks (no section rendering).
    Large workspaces are checked in ``jobs`` worker processes (default: one per core).
    ``names``: the workspace's entry files, when the caller has just listed them; ``tokens``:
    their sizes and times (:func:`lomba.load.stats.stat_token`), when it has just taken them.
    """
    report = Report()
    config_path = root / CONFIG_NAME
    config_loaded, config = load_document(config_path, CONFIG_NAME, Workspace, report)
    ws = LoadedWorkspace(root=root, config=config, config_loaded=config_loaded, report=report)
    if names is None:  # listed here: each file's size and time come with its name
        names, listed = stats.entry_listing(root)
        tokens = listed if tokens is None else tokens
    cache = ParseCache(root) if use_cache else None
    wanted = None
    if selection:
        wanted = {relative_name(p, root) for p in discover_entries(root, selection)}
        known = set(names) | {CONFIG_NAME, REGION_PROFILE}
        for name in sorted(wanted - known):
            code = "path-not-entry" if (root / name).exists() else "path-not-found"
            report.add(Diagnostic(name, 1, 1, (), Severity.ERROR, code, {"found": name}))
    ws.today = build_date(config.tanggal_dokumen if config else None)
    checker = Checker(ws, competitions=competitions)
    ws.registry = checker.registry
    workers = min(jobs if jobs is not None else (os.cpu_count() or 1), 8)
    memo = CheckMemo(root, context_key(ws, competitions)) if use_cache else None
    # Only entry files named: check them alone; what their checks need of the others (titles,
    # editions in use) comes from the index, refreshed for the files that changed.
    alone = wanted is not None and use_cache and competitions and ws.config is not None \
        and entry_files_only(wanted, root)
    before = (tokens if tokens is not None else
              {name: stats.stat_token(path) for name, path in names.items()}) \
        if selection is None and use_cache else None
    paths = [] if alone else [Path(p) for p in names.values()]
    with collector_paused():
        if alone:
            assert wanted is not None
            _check_paths(ws, checker, cache, [Path(names[n]) for n in sorted(wanted)], memo)
            others = refresh(root, names, wanted, cache, tokens)
            checker.other_titles = {n: i.name for n, i in others.items() if i.name is not None}
            assert ws.config is not None
            checker.other_pairs = pairs_in_use(others, ws.config, checker.registry)
            checker.other_editions = editions_in_use(checker.other_pairs)
        elif workers > 1 and len(paths) >= PARALLEL_MIN and fork_context() is not None:
            used = _check_in_workers(ws, checker, paths, workers, use_cache, competitions, memo)
            if cache is not None:
                cache.used |= used
        else:
            _check_paths(ws, checker, cache, paths, memo)
            share_parts(ws.report.diagnostics)  # as check workers do (Windows has none)
    # Forgetting what this load did not use is right only after a load of every entry: a
    # check of one file alone must not throw away the others' parsed text and findings.
    if cache is not None:
        if checker.registry.cache is not None:
            cache.used |= checker.registry.cache.used  # the competition specs
        cache.flush() if alone else cache.prune()
    if memo is not None:
        memo.flush() if alone else memo.prune()
    with collector_paused():
        checker.finish()
    if before is not None:  # a whole check: the index of every entry, for checks of one file
        with collector_paused():  # ten thousand small records: no cycles to look for
            save_index(root, {e.display: record(e.model, before.get(e.display, "-"))
                              for e in ws.entries})
    if wanted is not None:
        keep = wanted | {CONFIG_NAME}
        report.keep(lambda d: d.file in keep or d.file.endswith("spec.yaml"))
        ws.readiness = [r for r in ws.readiness if r.entry.display in wanted]
        ws.entries = [e for e in ws.entries if e.display in wanted]
    # lomba.yaml, the entries, and the region's profile when a region-level edition read it
    report.files_checked = 1 + len(ws.entries) + (1 if ws.regions and wanted is None else 0)
    return ws
