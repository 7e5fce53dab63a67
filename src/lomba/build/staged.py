"""Documents made during the check, while each entry's text is still at hand.

A build from nothing would otherwise check every entry, let go of its text, and then load and
parse every entry again to make its documents. Instead the check's worker makes the documents
of each pair that looks ready as soon as the pair is checked, and writes them beside their
place under temporary names. Only once the checks across entries have run (a title another
entry holds, a group's quota) does the build decide, through the same code as any other
build, which pairs are made: a staged document whose pair is still ready, with the same
findings, is put in place; any other is dropped, and its pair goes the usual way. A run killed
in between leaves only temporary files, which the next build clears.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from lomba.check.competition import Readiness
from lomba.check.workspace import LoadedWorkspace
from lomba.diagnostics import Diagnostic, Severity
from lomba.fileio import (
    WriteLog,
    discard,
    publish,
    remove_leftovers,
    same_bytes,
    stage_bytes,
)
from lomba.plan.pairs import Context, make_context, output_files
from lomba.render.compose import compose
from lomba.validate.snapshot import Entry
from lomba.write.formats import document_formats
from lomba.write.outdir import BUILD_DIR, output_target


def pair_documents(ws: LoadedWorkspace, ctx: Context, readiness: Readiness, draft: bool,
                   entry_findings: list[Diagnostic]) -> list[tuple[Path, bytes]]:
    """One pair's document in every format, and where each goes. ``readiness`` holds the
    sections' text; ``entry_findings``: every finding of its entry, which a preview lists."""
    assert ws.config is not None
    dated = ws.config.document_date(readiness.edition.ref, ws.today)
    document = compose(readiness, ws.config, ws.root, dated, draft=draft,
                       iga_spec=ctx.iga_spec)
    # The preview lists every finding of the entry at its top, not only this competition's.
    shown = replace(readiness, diagnostics=[*entry_findings, *readiness.diagnostics]) \
        if entry_findings else readiness
    targets = [output_target(ws.root, name) for name in output_files(readiness, draft)]
    return [(target, fmt.render(document, shown, ctx.reference))
            for fmt, target in zip(document_formats(), targets, strict=True)]


@dataclass(frozen=True, slots=True)
class Staged:
    """One pair's documents, made during the check."""

    entry: str
    ref: str
    seen: int
    """How many findings of the entry the documents were made with: the checks across
    entries may add more, and then these documents are not the ones to keep."""
    files: tuple[tuple[str, str | None], ...]
    """(target, temporary file), the temporary None where the target already held the
    same bytes."""


class Stager:
    """The check's staging hook (:data:`~lomba.check.checker.Staging`) for a build from
    nothing: made in the build's process, called in the check's workers."""

    def __init__(self, force: bool) -> None:
        self.force = force
        self._context: tuple[int, Context] | None = None

    def __call__(self, ws: LoadedWorkspace, entry: Entry, assessed: list[Readiness],
                 found: list[Diagnostic]) -> list[Staged]:
        if any(d.severity is Severity.ERROR and d.for_entry for d in found):
            return []
        out = []
        for readiness in assessed:
            if readiness.errors or readiness.template_failed:
                continue
            files: list[tuple[str, str | None]] = []
            try:
                for target, data in pair_documents(ws, self._ctx(ws), readiness, False, found):
                    staged = None if same_bytes(target, data) else stage_bytes(target, data)
                    files.append((str(target), staged))
            except BaseException:
                _drop(Staged(entry.display, readiness.edition.ref, 0, tuple(files)))
                for done in out:
                    _drop(done)
                raise
            out.append(Staged(entry.display, readiness.edition.ref, len(found), tuple(files)))
        return out

    def _ctx(self, ws: LoadedWorkspace) -> Context:
        """The documents' shared context, made once in each process."""
        if self._context is None or self._context[0] != os.getpid():
            self._context = (os.getpid(), make_context(ws, self.force))
        return self._context[1]


class StagedDocuments:
    """The documents a check staged, by pair, until the build puts them in place or drops
    them; whatever is left when the build ends is dropped."""

    def __init__(self, staged: list[list[Staged]]) -> None:
        self._by_pair = {(s.entry, s.ref): s for batch in staged for s in batch}

    def take(self, ws: LoadedWorkspace, readiness: Readiness) -> WriteLog | None:
        """Put the pair's staged documents in place if they are the ones a render would make
        now (its entry has no finding they were not made with); None: render it."""
        staged = self._by_pair.pop((readiness.entry.display, readiness.edition.ref), None)
        if staged is None:
            return None
        if staged.seen != len(ws.report.for_file(readiness.entry.display)):
            _drop(staged)
            return None
        log = WriteLog()
        for target, temporary in staged.files:
            if temporary is None:
                log.unchanged.append(Path(target))
            else:
                publish(temporary, Path(target))
                log.written.append(Path(target))
        return log

    def drop(self) -> None:
        """Drop every staged document not put in place."""
        for staged in self._by_pair.values():
            _drop(staged)
        self._by_pair.clear()


def drop_all(root: Path) -> None:
    """Drop every document staged in ``build/``, when the check that staged them failed:
    its workers have ended, and what they staged never reached the build. Under the build's
    lock; the caches, which a check writes without it, are not looked at."""
    top = root / BUILD_DIR
    for item in top.iterdir() if top.is_dir() else ():
        if item.name != ".cache" and item.is_dir() and not item.is_symlink():
            remove_leftovers(item)
            _remove_empty(item)


def _remove_empty(folder: Path) -> None:
    """Remove the folders under ``folder`` (and it) that hold nothing: staging made them."""
    for path, dirs, _files in os.walk(folder, topdown=False):
        for name in dirs:
            with contextlib.suppress(OSError):  # not empty, or a link: left as it is
                os.rmdir(os.path.join(path, name))
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def _drop(staged: Staged) -> None:
    for _, temporary in staged.files:
        if temporary is not None:
            discard(temporary)
