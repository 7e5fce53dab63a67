"""Which outputs are due: per (entry, competition) pair, its readiness, where its files go, and
the content key that says whether the files on disk are still current."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from lomba.check.competition import Readiness
from lomba.check.entries import file_references
from lomba.check.workspace import LoadedWorkspace
from lomba.diagnostics import Diagnostic, Severity, relative_name
from lomba.errors import UsageError
from lomba.fileio import WriteLog
from lomba.fingerprint import code_digest
from lomba.load import stats
from lomba.load.reference import reference_bytes, reference_for
from lomba.messages import Suggestion
from lomba.model.spec import Spec
from lomba.validate.snapshot import Entry
from lomba.validate.validation import closest
from lomba.write.formats import document_formats
from lomba.write.outdir import BUILD_DIR


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


@dataclass(slots=True)
class PairState:
    """What a build did with one pair's document, in plain data: what the summary, ``--json``
    and the dashboard's links read, and what the next build keeps for an entry it does not
    load again."""

    entry: str
    ref: str
    label: str
    """The competition as the summary names it (its short name, else the edition)."""
    state: str
    """``written``, ``unchanged``, ``draft`` or ``not-ready``."""
    files: tuple[str, ...] = ()
    """Its files, relative to the workspace."""
    reason: Diagnostic | None = None
    """Why it was not made, or made only as a draft."""
    more: int = 0
    """Further errors of its competition beyond the reason."""
    written: int = 0
    """How many of its files this build wrote."""

    @property
    def final(self) -> bool:
        """A final document exists (made now or earlier, not a draft)."""
        return self.state in ("written", "unchanged")

    def kept(self) -> PairState:
        """The same pair seen by a later build that did not need to render it."""
        return replace(self, state="unchanged" if self.state == "written" else self.state,
                       written=0)


def state_of(outcome: Outcome, root: Path) -> PairState:
    r = outcome.readiness
    state = "not-ready" if not outcome.rendered else "draft" if outcome.draft else \
        "written" if outcome.written else "unchanged"
    files = tuple(sorted(relative_name(p, root)
                         for p in [*outcome.written, *outcome.unchanged]))
    return PairState(r.entry.display, r.edition.ref, r.edition.spec.singkatan or r.edition.ref,
                     state, files, outcome.skipped_reason, max(len(r.errors) - 1, 0),
                     len(outcome.written))


DRAFT_SUFFIX = "-DRAF"
"""A draft's file name says so, so it can never pass for a final document."""


def output_name(readiness: Readiness, draft: bool = False) -> str:
    """Where a pair's outputs go, relative to the workspace and without suffix (plain text:
    a national build asks this a hundred thousand times)."""
    spec = readiness.edition.spec
    entry = readiness.entry
    assert entry.model is not None
    return (f"{BUILD_DIR}/{spec.kunci}-{spec.edisi}/{entry.model.opd}/{entry.slug}"
            f"{DRAFT_SUFFIX if draft else ''}")


def output_files(readiness: Readiness, draft: bool = False) -> list[str]:
    """Every file one pair is written to (one per registered format), relative to the root."""
    name = output_name(readiness, draft)
    return [name + fmt.suffix for fmt in document_formats()]


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


def typed_names(entry: Entry) -> set[str]:
    """Every way a command line may name ``entry``: its file, its slug, ``folder/slug``, and
    ``opd/slug`` with the OPD it declares."""
    names = {entry.display, entry.slug, f"{entry.folder}/{entry.slug}"}
    if entry.model is not None:
        names.add(f"{entry.model.opd}/{entry.slug}")
    return names


def check_filters(ws: LoadedWorkspace, *, competitions: Iterable[str] = (),
                  opds: Iterable[str] = (), entries: Iterable[str] = ()) -> None:
    """A filter that names nothing is a usage error listing the valid choices: a misspelt
    ``--kompetisi`` must not quietly build nothing and exit 0."""
    folders = ws.editions().folders
    known = {
        "--kompetisi": {k for k, _ in folders} | {f"{k}/{e}" for k, e in folders},
        "--opd": {o.kode for o in ws.config.opd} if ws.config else set(),
        "entry": set().union(*(typed_names(e) for e in ws.entries)) if ws.entries else set(),
    }
    for option, given in (("--kompetisi", competitions), ("--opd", opds), ("entry", entries)):
        for value in given:
            value = value.replace("\\", "/")
            if value not in known[option]:
                choices = sorted(known[option], key=lambda c: (c.count("/"), c))
                raise UsageError("filter-unknown", option=option, value=value,
                                 suggestion=Suggestion(closest(value, choices)),
                                 choices=", ".join(choices[:12])
                                 + (" …" if len(choices) > 12 else ""))


def select(ws: LoadedWorkspace, *, competitions: Iterable[str] = (), opds: Iterable[str] = (),
           entries: Iterable[str] = ()) -> list[Readiness]:
    comps, opd_set = set(competitions), set(opds)
    names = {e.replace("\\", "/") for e in entries}
    out = []
    for r in ws.readiness:
        model = r.entry.model
        assert model is not None
        if comps and r.edition.spec.kunci not in comps and r.edition.ref not in comps:
            continue
        if opd_set and model.opd not in opd_set:
            continue
        if names and not typed_names(r.entry) & names:
            continue
        out.append(r)
    return out


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
        scoring = ws.editions().get("iga", ws.config.iga.edisi)
        iga_spec = scoring.spec if scoring else None
    base = stats.key(
        code_digest(), ws.today, hashlib.sha1(reference).hexdigest(),
        ws.config.model_dump_json(), iga_spec.model_dump_json() if iga_spec else None, force,
    )
    return Context(reference, iga_spec, force, base)


def pair_key(ws: LoadedWorkspace, ctx: Context, readiness: Readiness) -> str:
    """What one document is made from, hashed: if this is unchanged, so is the document."""
    edition = readiness.edition
    if edition.ref not in ctx.edition_keys:
        ctx.edition_keys[edition.ref] = stats.key(
            edition.spec.model_dump_json(), sorted(edition.templates.items()))
    entry = readiness.entry
    assert entry.loaded is not None and entry.model is not None
    evidence = ctx.evidence.get(entry.display)
    if evidence is None:  # once per entry, for all the competitions it enters
        base = os.fspath(entry.path.parent)
        evidence = ctx.evidence[entry.display] = [
            (ref, stats.stat_token(os.path.join(base, ref.replace("\\", "/"))))
            for _, ref in file_references(entry)]
    diagnostics = [(d.code, d.line, d.column, d.severity, sorted(map(repr, d.params.items())))
                   for d in [*readiness.diagnostics, *ws.report.for_file(entry.display)]]
    return stats.key(ctx.base_key, ctx.edition_keys[edition.ref], entry.display,
                           entry.loaded.digest or stats.file_hash(entry.path), evidence,
                           diagnostics, str(ws.config.pemda.logo))

