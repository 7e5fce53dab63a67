"""`lomba watch`: rebuild what changed each time a file is saved, and say what is wrong with it.

Uses ``watchfiles`` (Rust's notify: inotify, FSEvents, ReadDirectoryChangesW), which batches the
several events an editor's save makes into one. Each batch runs the ordinary incremental build,
so a save rebuilds only the documents that depend on the saved file.
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
from lomba.write.outdir import BUILD_DIR

WATCHED_SUFFIXES = (".yaml", ".yml", ".j2", ".docx", ".png", ".jpg", ".jpeg", ".gif", ".pdf")


@dataclass
class Round:
    """One save (or batch of saves) and what it did."""

    changed: list[str]
    result: BuildResult | None
    findings: list[Diagnostic]
    error: Exception | None = None


def _relevant(root: Path) -> Callable[[watchfiles.Change, str], bool]:
    build = (root / BUILD_DIR).resolve()

    def accept(_change: watchfiles.Change, path: str) -> bool:
        p = Path(path)
        if build in p.resolve().parents or p.name.startswith("."):
            return False
        return p.name == CONFIG_NAME or p.suffix.lower() in WATCHED_SUFFIXES
    return accept


def watch(root: Path, *, jobs: int = 1, stop: threading.Event | None = None,
          **build_options: object) -> Iterator[Round]:
    """Build once, then after every save; yields a :class:`Round` each time."""
    yield _round(root, [], jobs, build_options)
    targets = [p for p in (root / CONFIG_NAME, root / "entries", root / "templates")
               if p.exists()]
    for changes in watchfiles.watch(*targets, watch_filter=_relevant(root), stop_event=stop,
                                    debounce=300, step=50, raise_interrupt=False):
        changed = sorted({Path(p).resolve().relative_to(root.resolve()).as_posix()
                          for _, p in changes})
        yield _round(root, changed, jobs, build_options)


def _round(root: Path, changed: list[str], jobs: int, options: dict[str, object]) -> Round:
    try:
        result = run_build(root, jobs=jobs, **options)  # type: ignore[arg-type]
    except Exception as exc:
        return Round(changed, None, [], exc)
    findings: list[Diagnostic] = []
    if result.ws is not None:
        wanted = set(changed) or {CONFIG_NAME}
        findings = [d for d in result.ws.report.sorted() if d.file in wanted]
    return Round(changed, result, findings)
