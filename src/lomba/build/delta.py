"""A whole build after a few entries changed, without loading the others.

A whole build keeps, beside its manifest, each entry's facts (``desk/facts.py``: what the desk
and the summary read), what the other entries' checks read of it (title, editions, groups),
and everything else its result depends on, as one context digest: lomba's code, the date,
``lomba.yaml``, templates, the region's profile, every non-entry file under ``entries/`` (the
evidence), the letter register, and the build's options. The next whole build compares: when
only entry files changed, and not many, it checks just those (the others' titles and editions
come from the entry index, as `lomba check FILE` does), renders their documents, and writes the
desk from their new facts and the others' kept ones, which are the facts a whole load would
compute again; when the changed entries' facts are the kept ones (an edit of a narrative, say),
the desk in ``build/`` is already the one those facts make, and is left as it is. Anything
else takes the whole path: an entry added or removed, a title another entry holds or held, an
edition or group entered, a member of a region-level document, a file that no longer
validates, a missing output, evidence the digest does not cover that changed, or a build of
some entries since (``lomba build FILE`` notes what it made).

The record lives in ``build/.cache/`` and is only a cache: forgotten when a build starts,
written when it ends, so an interrupted build leaves none; unreadable or foreign, it is
ignored. After a few entries changed, what changed is written as a patch
(``load/layered.py``).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from lomba.build.regions import RegionOutcome, unpack_region
from lomba.check.entries import file_references, title_key
from lomba.check.index import record
from lomba.check.workspace import LoadedWorkspace
from lomba.desk.facts import EntryFacts, NotKept, iga_for, pack, unpack
from lomba.fingerprint import code_digest
from lomba.load import layered, stats
from lomba.load.cache import cache_file, write_cache_file
from lomba.plan.incremental import fingerprint
from lomba.validate.snapshot import Entry

STATE_FILE = Path("build") / ".cache" / "build-keadaan.json"
TOUCHED_FILE = Path("build") / ".cache" / "build-disentuh.json"
"""Entries a build of some entries (``lomba build FILE``, ``--kompetisi``, ``--force``) made
documents of since the last whole build: the next whole build looks at them again."""

KEPT_MAPS = ("tokens", "cross", "outside", "facts")
"""The record's maps by entry (``load/layered.py`` writes what changed in them)."""

MAX_CHANGED = 64
"""Beyond this many changed entries the whole path is as quick, and simpler."""

WATCHED = ("entries/", "daerah/", "templates/")
"""Folders whose every file is in the context digest already (evidence elsewhere is stat'ed)."""


@dataclass
class Kept:
    """What the last whole build leaves for the next."""

    context: str
    tokens: dict[str, str] = field(default_factory=dict)
    """Each entry file's size and modification time when that build read it."""
    cross: dict[str, list[Any]] = field(default_factory=dict)
    """What the other entries' checks read of each (title, editions entered, groups)."""
    outside: dict[str, list[list[str]]] = field(default_factory=dict)
    """Evidence files outside the watched folders, with their stat then."""
    facts: dict[str, list[Any]] = field(default_factory=dict)
    """Each entry's packed facts."""
    regions: list[list[Any]] = field(default_factory=list)
    """The region-level documents, packed (``build/regions.py``): the same while no entry
    that enters a region-level edition changes."""
    previews: list[str] = field(default_factory=list)
    """The letter previews the desk holds (relative to the workspace)."""
    desk_rows: str | None = None
    """The memo of the desk's rows made from these facts (``desk/rowmemo.py``)."""
    base: layered.Base | None = field(default=None, repr=False, compare=False)
    """The record on disk this was read from (the next one is written as a patch of it)."""

    def same_facts(self, facts: EntryFacts) -> bool:
        """Whether an entry's facts are those kept: then the desk made from them is too."""
        raw = self.facts.get(facts.display)
        try:
            return raw is not None and orjson.loads(orjson.dumps(pack(facts))) == raw
        except (NotKept, TypeError):
            return False

    def region_keys(self) -> set[str]:
        return {str(r[0]) for r in self.regions}


@dataclass
class Unchanged:
    """The entries a whole build of the changed ones does not load, as the last whole build
    left them: their facts, the region-level documents, and the record they come from."""

    kept: Kept
    facts: dict[str, EntryFacts]
    regions: list[RegionOutcome]
    order: list[str]
    """Every entry's name, in the order a whole build lists them."""

    def merged(self, loaded: list[EntryFacts]) -> list[EntryFacts]:
        """Every entry's facts: those just loaded, the others' as kept, in order."""
        mine = {f.display: f for f in loaded}
        return [mine[name] if name in mine else self.facts[name] for name in self.order]


def unchanged(root: Path, ws: LoadedWorkspace, kept: Kept,
              order: list[str]) -> Unchanged | None:
    """What :class:`Unchanged` holds, read from ``kept`` for the entries ``ws`` did not load;
    None when the record does not fit (the whole path then runs)."""
    iga = iga_for(ws)
    loaded = {e.display for e in ws.entries}
    try:
        return Unchanged(kept, {name: unpack(raw, iga) for name, raw in kept.facts.items()
                                if name not in loaded},
                         [unpack_region(root, ws, raw) for raw in kept.regions], order)
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def entry_tokens(lines: list[str], names: dict[str, str]) -> dict[str, str]:
    """Each entry file's size and modification time, as the tree's lines give them (a file
    they leave out is looked at again)."""
    seen = {}
    for line in lines:
        name, _, rest = line.partition("\t")
        if name in names:
            size, _, mtime = rest.partition("\t")
            seen[name] = f"{size}:{mtime}"
    return {name: seen.get(name) or stats.stat_token(path) for name, path in names.items()}


def context_of(lines: list[str], names: dict[str, str], register: str) -> str:
    """The digest of everything but the entry files: the tree's lines without theirs."""
    others = [line for line in lines if line.split("\t", 1)[0] not in names]
    return fingerprint([*others, f"register {register}"])


def cross_record(entry: Entry) -> list[Any]:
    """What the other entries' checks read of ``entry`` (see :mod:`lomba.check.index`)."""
    indexed = record(entry.model, "-")
    return [indexed.name, indexed.entered, indexed.groups]


def reaches_others(changed: dict[str, list[Any]], kept: Kept) -> bool:
    """Whether what changed in these entries (name -> new cross record) changes another
    entry's checks or a region-level document: an edition or group entered (deadlines,
    quotas), a title another entry holds or held (duplicate titles), a file that no longer
    validates, or an entry that enters a region-level edition (its document lists it)."""
    titles: set[str] | None = None
    regional = kept.region_keys()
    for name, new in changed.items():
        old = kept.cross.get(name)
        if old is None or new[0] is None or old[0] is None or new[1:] != old[1:] \
                or regional & set(new[1]):
            return True
        if new[0] == old[0]:
            continue
        if titles is None:
            titles = {title_key(c[0]) for n, c in kept.cross.items()
                      if n not in changed and c[0] is not None}
        if title_key(old[0]) in titles or title_key(new[0]) in titles:
            return True
    return False


def outside_evidence(root: Path, entry: Entry) -> list[list[str]]:
    """The entry's evidence files the context's lines leave out (outside the watched folders,
    or in a folder the tree's fingerprint skips), with their stat now."""
    if entry.model is None:
        return []
    out = []
    for _, ref in file_references(entry):
        ref = ref.replace("\\", "/")
        if not (os.path.isabs(ref) or ":" in ref or _hidden(ref.split("/")[:-1])):
            continue  # below the entry's own folder, inside entries/: in the context already
        path = os.path.normpath(os.path.join(entry.path.parent, ref))
        try:
            rel = os.path.relpath(path, root).replace(os.sep, "/")
        except ValueError:  # another drive (Windows): outside, whatever it is
            rel = "../"
        if _unwatched(rel):
            out.append([path, stats.stat_token(path)])
    return out


def _hidden(folders: list[str]) -> bool:
    return any(f == ".." or f.startswith(".") for f in folders)


def _unwatched(rel: str) -> bool:
    """Whether the tree's lines (``plan/incremental.py: tree_lines``) leave out the file at
    ``rel``: outside the watched folders, in a hidden folder, or, outside ``entries/`` (which
    is taken whole), in a folder named like a tool's."""
    folders = rel.split("/")[:-1]
    return not rel.startswith(WATCHED) or _hidden(folders) or (
        not rel.startswith("entries/") and any(f in stats.SKIP_DIRS for f in folders))


def forget(root: Path) -> None:
    """Forget the record: a build has started, and the record is true only of the last one."""
    layered.forget(root, STATE_FILE)
    path = cache_file(root, TOUCHED_FILE)
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def note_touched(root: Path, names: set[str]) -> None:
    """Remember that a build of some entries made these entries' documents (best effort:
    without the note, the next whole build takes the whole path)."""
    if not names:
        return
    known = touched(root)
    if known is None or not write_cache_file(root, TOUCHED_FILE,
                                             orjson.dumps(sorted(known | names))):
        forget(root)


def touched(root: Path) -> set[str] | None:
    """The entries :func:`note_touched` noted (None: the note cannot be read)."""
    path = cache_file(root, TOUCHED_FILE)
    if path is None:
        return None
    try:
        raw = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return set()
    except (OSError, ValueError):
        return None
    return {n for n in raw if isinstance(n, str)} if isinstance(raw, list) else None


def load(root: Path) -> Kept | None:
    found = layered.read(root, STATE_FILE, KEPT_MAPS)
    if found is None:
        return None
    raw, base = found
    try:
        if raw.get("lomba") != code_digest():
            return None
        return Kept(str(raw["context"]), raw["tokens"], raw["cross"], raw["outside"],
                    raw["facts"], list(raw["regions"]), [str(p) for p in raw["previews"]],
                    raw["desk_rows"] if isinstance(raw.get("desk_rows"), str) else None, base)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def recorded(root: Path) -> bool:
    """Whether a whole build left its record (the files are there; it may still not fit)."""
    return layered.on_disk(root, STATE_FILE)


def save(root: Path, kept: Kept) -> None:
    """Best effort: a record that cannot be written is simply not there next time."""
    data = {"lomba": code_digest(), "context": kept.context, "tokens": kept.tokens,
            "cross": kept.cross, "outside": kept.outside, "facts": kept.facts,
            "regions": kept.regions, "previews": kept.previews, "desk_rows": kept.desk_rows}
    layered.write(root, STATE_FILE, data, KEPT_MAPS, kept.base)


EntryRecords = tuple[dict[str, list[Any]], dict[str, list[list[str]]]]
"""What a whole build keeps of each entry itself: what the other entries' checks read of it,
and its evidence files outside the watched folders with their stat."""


def entry_records(root: Path, entries: list[Entry]) -> EntryRecords:
    """:data:`EntryRecords` of ``entries``, taken before the build lets go of their models
    (:meth:`~lomba.validate.snapshot.Entry.release`)."""
    return ({e.display: cross_record(e) for e in entries},
            {e.display: out for e in entries if (out := outside_evidence(root, e))})


def keep_whole(root: Path, context: str, tokens: dict[str, str], records: EntryRecords,
               facts: list[EntryFacts], regions: list[list[Any]], previews: list[Path],
               desk_rows: str | None) -> None:
    """Keep what a whole build of every entry found (raises :class:`NotKept`)."""
    cross, outside = records
    save(root, Kept(context, tokens, cross, outside, {f.display: pack(f) for f in facts},
                    regions, [p.relative_to(root).as_posix() for p in previews], desk_rows))


def keep_changed(root: Path, kept: Kept, tokens: dict[str, str], entries: list[Entry],
                 facts: list[EntryFacts], previews: list[Path], desk_rows: str | None) -> None:
    """Keep what a whole build of the changed ``entries`` found, with the others' as kept
    (not kept at all when a finding cannot be: the next build then loads every entry)."""
    loaded = {e.display for e in entries}
    cross, outside = entry_records(root, entries)
    kept.cross.update(cross)
    kept.outside.update((name, outside.get(name, [])) for name in loaded)
    kept.tokens = tokens
    kept.previews = [p.relative_to(root).as_posix() for p in previews]
    kept.desk_rows = desk_rows
    with contextlib.suppress(NotKept):
        kept.facts.update((f.display, pack(f)) for f in facts if f.display in loaded)
        save(root, kept)


def changed_entries(kept: Kept | None, context: str, tokens: dict[str, str],
                    noted: set[str] | None) -> list[str] | None:
    """The entry files changed since the last whole build (or whose documents a build of some
    entries made, ``noted``), when only a few; None when the whole path is needed."""
    if kept is None or noted is None or kept.context != context \
            or set(kept.tokens) != set(tokens):
        return None
    changed = [name for name, token in tokens.items()
               if token != kept.tokens[name] or token == "-" or name in noted]
    if len(changed) > MAX_CHANGED:
        return None
    for name, items in kept.outside.items():
        if name not in changed and any(stats.stat_token(p) != t for p, t in items):
            return None
    return changed
