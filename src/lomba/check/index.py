"""What the checks of one entry need to know about all the others, kept between runs, so that
`lomba check FILE` (a pre-commit hook, `lomba watch`) checks that file alone in a large
workspace: each entry's title (for duplicate titles), the competitions it enters (for the
deadline warnings of the editions in use) and the group it chose in each (for quotas).

An entry's record is valid while the file's size and modification time are unchanged; a record
that is stale is refreshed by loading that entry again, and the index file itself is only a
cache: unreadable, from another version of lomba, or absent, it is rebuilt. A full check writes
it; the result of a check never depends on it (tests compare both ways).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import orjson

from lomba.check.competition import entered
from lomba.diagnostics import Report
from lomba.fingerprint import code_digest
from lomba.load import stats
from lomba.load.cache import cache_file, write_cache_file
from lomba.model.innovation import Inovasi
from lomba.validate.snapshot import load_document

if TYPE_CHECKING:
    from lomba.load.cache import ParseCache
    from lomba.model.workspace import Workspace
    from lomba.validate.competitions import Registry
    from lomba.validate.edition import Edition

INDEX_FILE = Path("build") / ".cache" / "entries-index.json"


class Indexed(NamedTuple):
    """One entry as the others' checks see it (None: its file does not validate). A named
    tuple: a one-file check reads ten thousand from the index, at half a frozen dataclass's
    cost each."""

    token: str
    name: str | None
    entered: dict[str, int | None]
    """The competitions it enters, with the edition it names (None: the working year)."""
    groups: dict[str, str | None]
    """The group (``kelompok``) it chose in each, for per-instansi quotas (None: not chosen)."""


def record(model: Inovasi | None, token: str) -> Indexed:
    """An entry's record, from its validated model (None: its file does not validate)."""
    if model is None:
        return Indexed(token, None, {}, {})
    keys = entered(model)
    return Indexed(token, model.nama, {k: model.kompetisi[k].edisi for k in keys},
                   {k: model.kompetisi[k].kelompok for k in keys})


def load_index(root: Path) -> dict[str, Indexed]:
    path = cache_file(root, INDEX_FILE)
    if path is None:
        return {}
    try:
        raw = orjson.loads(path.read_bytes())
        if raw.get("lomba") != code_digest():
            return {}
        return {name: Indexed(*item) for name, item in raw["entries"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save_index(root: Path, index: dict[str, Indexed]) -> None:
    """Best effort: a cache that cannot be written is simply not there next time."""
    data = {"lomba": code_digest(),
            "entries": {name: [i.token, i.name, i.entered, i.groups]
                        for name, i in sorted(index.items())}}
    write_cache_file(root, INDEX_FILE, orjson.dumps(data))


def refresh(root: Path, paths: dict[str, str], skip: set[str],
            cache: ParseCache | None, tokens: dict[str, str] | None = None) -> dict[str, Indexed]:
    """The index of ``paths`` (display name -> file) but those in ``skip`` (the files being
    checked now), reloading only the entries whose file changed since it was recorded; written
    back when anything changed (the skipped files' records are kept as they were). ``tokens``:
    each file's :func:`~lomba.load.stats.stat_token`, when the caller has just taken them."""
    known = load_index(root)
    out: dict[str, Indexed] = {}
    changed = set(known) - skip != set(paths) - skip
    for display, path in paths.items():
        if display in skip:
            continue
        token = (tokens or {}).get(display) or stats.stat_token(path)
        old = known.get(display)
        if old is not None and old.token == token and token != "-":
            out[display] = old
            continue
        _, model = load_document(Path(path), display, Inovasi, Report(), cache)
        out[display] = record(model, token)
        changed = True
    if changed:
        save_index(root, {**{n: i for n, i in known.items() if n in skip}, **out})
    return out


def pairs_in_use(index: dict[str, Indexed], config: Workspace,
                 registry: Registry) -> list[tuple[str, Edition, str | None]]:
    """Each indexed entry's per-entry editions (as its checks would assess), with the group it
    chose there: (entry, edition, group)."""
    out = []
    # The edition each (competition, chosen year) means, when it is one per entry: a few pairs,
    # asked ten thousand times.
    edition_of: dict[tuple[str, int | None], Edition | None] = {}
    for display, item in index.items():
        for key, chosen in item.entered.items():
            if (key, chosen) not in edition_of:
                edition = registry.get(key, chosen if chosen is not None else config.tahun_kerja)
                edition_of[key, chosen] = edition \
                    if edition is not None and edition.spec.satuan == "inovasi" else None
            edition = edition_of[key, chosen]
            if edition is not None:
                out.append((display, edition, item.groups.get(key)))
    return out


def editions_in_use(pairs: list[tuple[str, Edition, str | None]]) -> list[Edition]:
    """The editions of :func:`pairs_in_use`, each once."""
    shared = {id(edition): edition for _, edition, _ in pairs}  # a few, ten thousand times
    found = {edition.ref: edition for edition in shared.values()}
    return sorted(found.values(), key=lambda e: (e.spec.kunci, e.spec.edisi))


def entry_files_only(wanted: set[str], root: Path) -> bool:
    """Whether a selection names only entry files (the case the index serves)."""
    return bool(wanted) and all(name.startswith("entries/") and name.endswith((".yaml", ".yml"))
                                and os.path.isfile(root / name) for name in wanted)
