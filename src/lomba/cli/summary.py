"""What a person sees at the end of a build: a table per competition and the reasons for every
document not made. Uses rich for tables and the progress bar, which degrade to plain text when
output is not a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from lomba.diagnostics import Diagnostic, relative_name
from lomba.locale import angka
from lomba.messages import render_message, word
from lomba.plan.pairs import PairState

if TYPE_CHECKING:
    from rich.progress import Progress

    from lomba.build import BuildResult, RegionOutcome


STAGE_MIN = 1000
"""From this many entries on, the check and the desk are announced (each takes about a second
or more there)."""


class _Bar:
    """A progress bar that appears once the number of documents is known (and large), on a
    terminal only. The bar's module is imported then: a build of a few documents, or one whose
    output goes to a file, does not wait for it."""

    def __init__(self, console: Console | None, label: str, lang: str = "id") -> None:
        self.console = console
        self.label = label
        self.lang = lang
        self.progress: Progress | None = None
        self.task: object | None = None

    def start(self, total: int) -> None:
        if self.console is not None and total >= 20:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.progress = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=self.console, transient=True)
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=total)

    def stage(self, step: str, count: int) -> None:
        """A line that says what a long quiet step is doing: the check of many entries or the
        desk made from them (about a second from a thousand on, most of a minute at national
        scale), or PDFs (LibreOffice is slow from the first)."""
        if self.console is not None and count >= (1 if step == "pdf" else STAGE_MIN):
            shown = angka(count) if self.lang == "id" else f"{count:,}"
            self.console.print(render_message(f"stage-{step}", {"count": shown, "n": count},
                                              self.lang), markup=False, highlight=False)

    def advance(self, _item: object) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task)  # type: ignore[arg-type]

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@contextmanager
def progress_bar(lang: str) -> Iterator[_Bar]:
    console = Console(stderr=True)
    bar = _Bar(console if console.is_terminal else None, word("summary-progress", lang), lang)
    try:
        yield bar
    finally:
        bar.stop()


def print_build_summary(pairs: list[PairState], root: Path, lang: str,
                        extra: list[Path] | None = None,
                        removed: list[Path] | None = None,
                        stale: list[tuple[Path, str]] | None = None,
                        previews: int = 0,
                        moved: list[tuple[Path, Path, Diagnostic]] | None = None,
                        regions: list[RegionOutcome] | None = None) -> None:
    console = Console(highlight=False, soft_wrap=True)
    per: dict[str, list[int]] = {}
    column = {"written": 0, "unchanged": 1, "draft": 2, "not-ready": 3}
    for pair in pairs:
        per.setdefault(pair.label, [0, 0, 0, 0])[column[pair.state]] += 1
    table = Table(title=word("summary-title", lang))
    for key in ("view-competition", "summary-written-col", "summary-unchanged-col",
                "summary-draft-col", "summary-not-ready-col"):
        table.add_column(word(key, lang), justify="left" if key == "view-competition" else "right")
    for name, counts in sorted(per.items()):
        table.add_row(name, *map(str, counts))
    console.print(table)
    for pair in pairs:
        if pair.reason is not None:
            more = pair.more
            tail = render_message("summary-more", {"count": more}, lang) if more > 0 else ""
            code = "summary-draft" if pair.state == "draft" else "summary-skipped"
            reason = pair.reason.message(lang)
            # Every skip line names its competition (an entry-wide reason does not).
            entry = pair.entry if pair.ref in reason else f"{pair.entry} ({pair.ref})"
            console.print(render_message(code, {"entry": entry, "reason": reason}, lang) + tail,
                          markup=False)
    for r in regions or []:
        ref = r.region.edition.ref
        if r.skipped_reason is not None:
            console.print(render_message("summary-skipped", {
                "entry": f"{ref} ({word('summary-region', lang)})",
                "reason": r.skipped_reason.message(lang)}, lang), markup=False)
            continue
        for path in [*r.written, *r.unchanged]:
            console.print(render_message("summary-region-document", {
                "competition": ref, "path": relative_name(path, root),
                "state": word("summary-draft-col" if r.draft else "summary-written-col"
                              if r.written else "summary-unchanged-col", lang)}, lang),
                markup=False)
    for path in removed or []:
        console.print(render_message("summary-removed", {"path": relative_name(path, root)},
                                     lang), markup=False)
    for path, aside, reason in moved or []:
        console.print(render_message("summary-moved", {
            "path": relative_name(path, root), "aside": relative_name(aside, root),
            "reason": reason.message(lang)}, lang), markup=False)
    for path, source in stale or []:
        console.print(render_message("summary-stale", {"entry": source,
                                                       "path": relative_name(path, root)},
                                     lang), markup=False)
    if previews:
        console.print(render_message("summary-letter-previews", {"count": previews}, lang),
                      markup=False)
    made = sum(pair.written for pair in pairs) + len(extra or []) + \
        sum(len(r.written) for r in regions or [])
    where = relative_name(root / "build", root)
    console.print(render_message("summary-written", {"count": made, "folder": where}, lang),
                  markup=False)


def build_json(result: BuildResult, root: Path, lang: str) -> dict[str, Any]:
    """What a build did, for scripts and CI."""
    def name(path: Path) -> str:
        return relative_name(path, root)

    documents = [{"entry": p.entry, "competition": p.ref, "state": p.state,
                  "files": list(p.files),
                  "code": p.reason.code if p.reason else None,
                  "reason": p.reason.message(lang) if p.reason else None}
                 for p in result.pairs]
    regions = [{"competition": r.region.edition.ref,
                "state": "not-ready" if not r.rendered else "draft" if r.draft else
                "written" if r.written else "unchanged",
                "files": [name(p) for p in [*r.written, *r.unchanged]],
                "members": [e.display for e in r.region.members],
                "code": r.skipped_reason.code if r.skipped_reason else None,
                "reason": r.skipped_reason.message(lang) if r.skipped_reason else None}
               for r in result.regions]
    return {"documents": documents, "region_documents": regions,
            "desk": [name(p) for p in result.desk],
            "letter_previews": [name(p) for p in result.previews],
            "pdfs": [name(p) for p in result.pdfs],
            "removed": [name(p) for p in result.removed],
            "moved_aside": [{"file": name(p), "to": name(to), "code": why.code}
                            for p, to, why in result.moved],
            "stale": [{"file": name(p), "entry": entry} for p, entry in result.stale],
            "unreadable": [d.to_dict(lang) for d in result.unreadable],
            "spec_errors": [d.to_dict(lang) for d in result.spec_errors]}
