"""`lomba watch`: rebuild what changed each time a file is saved, and say what is wrong with it.

Uses ``watchfiles`` (Rust's notify: inotify, FSEvents, ReadDirectoryChangesW), which batches the
several events an editor's save makes into one. Each batch runs the ordinary incremental build,
so a save rebuilds only the documents that depend on the saved file. When only entry files were
saved, their documents come first (a build of those entries alone, checked alone as `lomba
check FILE` is), so the document a person is writing is there in under a second even in a
workspace of ten thousand; the whole build (the desk: dashboard, recap, letters) follows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from lomba.build import BuildResult, run_build
from lomba.diagnostics import Diagnostic
from lomba.load.discover import CONFIG_NAME
from lomba.load.stats import stat_lines
from lomba.model.region import REGION_PROFILE
from lomba.write.outdir import BUILD_DIR

REGION_DIR = REGION_PROFILE.split("/")[0]
"""``daerah/``: the region's own profile, read by region-level documents."""

WATCHED_SUFFIXES = (".yaml", ".yml", ".j2", ".docx", ".png", ".jpg", ".jpeg", ".gif", ".pdf")


@dataclass
class Round:
    """One save (or batch of saves) and what it did."""

    changed: list[str]
    result: BuildResult | None
    findings: list[Diagnostic]
    error: Exception | None = None
    documents_only: bool = False
    """The saved entries' own documents, ahead of the whole build that follows."""
    after_documents: bool = False
    """The whole build that follows a :attr:`documents_only` round for the same save."""


def _relevant(root: Path) -> Callable[[watchfiles.Change, str], bool]:
    build = (root / BUILD_DIR).resolve()

    def accept(_change: watchfiles.Change, path: str) -> bool:
        p = Path(path)
        if build in p.resolve().parents or p.name.startswith("."):
            return False
        return p.name == CONFIG_NAME or p.suffix.lower() in WATCHED_SUFFIXES
    return accept


def _snapshot(root: Path) -> dict[str, str]:
    """Path -> size and modification time of every watched file."""
    lines = [*stat_lines(root / "entries", "entries", skip=()),
             *stat_lines(root / "templates", "templates"),
             *stat_lines(root / REGION_DIR, REGION_DIR)]
    try:
        st = (root / CONFIG_NAME).stat()
        lines.append(f"{CONFIG_NAME}\t{st.st_size}\t{st.st_mtime_ns}")
    except OSError:
        pass
    return {line.split("\t", 1)[0]: line for line in lines}


def watch(root: Path, *, jobs: int = 1, stop: threading.Event | None = None,
          **build_options: object) -> Iterator[Round]:
    """Build once, then after every save; yields a :class:`Round` each time."""
    before = _snapshot(root)  # before the first build: a save during it is seen, not lost
    yield _round(root, [], jobs, build_options)
    targets = [p for p in (root / CONFIG_NAME, root / "entries", root / "templates",
                           root / REGION_DIR) if p.exists()]
    settled = False
    for changes in watchfiles.watch(*targets, watch_filter=_relevant(root), stop_event=stop,
                                    debounce=300, step=50, raise_interrupt=False,
                                    rust_timeout=500, yield_on_timeout=True):
        changed = {Path(p).resolve().relative_to(root.resolve()).as_posix() for _, p in changes}
        if not settled:
            # A save between the first build and the watcher's start is caught here: the
            # files as they are now against the files as the first build read them.
            settled = True
            now = _snapshot(root)
            changed |= {name for name in now.keys() | before.keys()
                        if now.get(name) != before.get(name)
                        and _relevant(root)(watchfiles.Change.modified, str(root / name))}
        if not changed:
            continue
        names = sorted(changed)
        first = None
        if _entries_only(root, names):
            first = _round(root, names, jobs, {**build_options, "entries": names},
                           documents_only=True)
            yield first
        whole = _round(root, names, jobs, build_options)
        if first is not None:
            whole.after_documents = True
            if first.error is None:
                whole.findings = []  # said already, with the documents
        yield whole


def _entries_only(root: Path, names: list[str]) -> bool:
    """Whether every saved file is an entry that is still there."""
    return all(n.startswith("entries/") and n.endswith((".yaml", ".yml"))
               and (root / n).is_file() for n in names)


def _round(root: Path, changed: list[str], jobs: int, options: dict[str, object], *,
           documents_only: bool = False) -> Round:
    try:
        result = run_build(root, jobs=jobs, **options)  # type: ignore[arg-type]
    except Exception as exc:
        return Round(changed, None, [], exc, documents_only)
    findings: list[Diagnostic] = []
    if result.ws is not None:
        wanted = set(changed) or {CONFIG_NAME}
        findings = [d for d in result.ws.report.sorted() if d.file in wanted]
    return Round(changed, result, findings, None, documents_only)
