"""What the checks found in each entry, remembered, so that an unchanged entry is not checked
again: after one entry of ten thousand changes, only that one is rendered and counted again.

A record is keyed by the entry's bytes and by everything else its checks read: a digest of
lomba's code and of the registered rules,
``lomba.yaml``, every competition spec and template (built-in and the workspace's own), the date
the checks count from, and the workspace's place. The evidence files an entry names are checked
too: their size and modification time are stored with the record and compared on every use, so
a replaced, added or deleted photo or PDF brings the checks back. What needs every entry
(duplicate titles, deadlines) is never remembered; it runs each time.

Records live beside the parsed files, in the parse cache's SQLite file; a record that cannot be
read is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from datetime import date
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

import orjson

from lomba.check.competition import Readiness, from_counts
from lomba.check.entries import file_references
from lomba.check.region import entry_region_editions
from lomba.check.rules import rules_digest
from lomba.diagnostics import Diagnostic, Severity
from lomba.fingerprint import code_digest
from lomba.load import stats
from lomba.load.cache import CACHE_FILE, _connect, json_safe, keep_only, write_rows
from lomba.messages import Phrase, Suggestion
from lomba.model.common import Waktu, parse_waktu
from lomba.validate.competitions import Registry, builtin_templates

if TYPE_CHECKING:
    from lomba.check.workspace import LoadedWorkspace
    from lomba.validate.snapshot import Entry

FLUSH_EVERY = 200


def context_key(ws: LoadedWorkspace, competitions: bool) -> str:
    """Everything besides the entry and its evidence that the per-entry checks read."""
    root = ws.root
    try:
        config = hashlib.sha1((root / "lomba.yaml").read_bytes()).hexdigest()
    except OSError:
        config = "-"
    lines = [f"lomba {code_digest()}", f"rules {rules_digest()}", f"root {root.resolve()}",
             f"today {ws.today}", f"competitions {competitions}", f"config {config}"]
    lines += stats.stat_lines(root / "templates", "templates")
    lines += stats.stat_lines(builtin_templates(), "builtin")
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()


def pack_diagnostic(d: Diagnostic, value: bool = True) -> list[Any]:
    """A finding as JSON-ready lists (its parameters' dates, phrases and hints tagged);
    ``value=False`` leaves out the value found, which no message prints."""
    params = {k: {"$date": v.isoformat()} if isinstance(v, date) else
              {"$waktu": str(v)} if isinstance(v, Waktu) else
              {"$phrase": [v.id_text, v.en_text]} if isinstance(v, Phrase) else
              {"$suggestion": v.text} if isinstance(v, Suggestion) else v
              for k, v in d.params.items()}
    return [d.file, d.line, d.column, list(d.path), str(d.severity), d.code, params,
            d.value if value else None, d.competition]


def unpack_diagnostic(raw: list[Any]) -> Diagnostic:
    """A remembered finding; dates in its parameters come back as dates (each language prints
    them its own way)."""
    file, line, column, path, severity, code, params, value, competition = raw
    params = {k: _revive(v) for k, v in params.items()}
    # One string for every finding's file, code and field names (a large workspace holds a
    # few findings per entry, each else with its own copies read from JSON).
    return Diagnostic(intern(file), line, column,
                      tuple(intern(p) if type(p) is str else p for p in path),
                      Severity(severity), intern(code), params, value,
                      intern(competition) if competition is not None else None)


def _revive(value: Any) -> Any:
    if isinstance(value, dict) and "$date" in value:
        return date.fromisoformat(value["$date"])
    if isinstance(value, dict) and "$waktu" in value:
        return parse_waktu(value["$waktu"])
    if isinstance(value, dict) and "$phrase" in value:
        return Phrase(*value["$phrase"])
    if isinstance(value, dict) and "$suggestion" in value:
        return Suggestion(value["$suggestion"])
    return value


def _evidence(entry: Entry) -> list[list[str]]:
    base = entry.path.parent
    return [[ref, stats.stat_token(base / ref)] for _, ref in file_references(entry)]


class CheckMemo:
    """The remembered checks of one workspace load (one per process)."""

    def __init__(self, root: Path, context: str) -> None:
        self.path = root / CACHE_FILE
        self.context = context
        self.pending: list[tuple[str, bytes]] = []
        self.used: set[str] = set()
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection | None:
        """The cache file, opened (and its place checked) once per load, not once per entry:
        at 10,000 entries the check of its path cost most of a second."""
        if self._conn is None:
            self._conn = _connect(self.path)
        return self._conn

    def _key(self, entry: Entry) -> str | None:
        digest = entry.loaded.digest if entry.loaded is not None else None
        if digest is None:
            return None
        return hashlib.sha1(f"{self.context}\n{entry.display}\n{digest}".encode()).hexdigest()

    def recall(self, ws: LoadedWorkspace, entry: Entry, registry: Registry) -> bool:
        """Put the remembered findings for ``entry`` into ``ws``; False if there are none (or
        they are out of date)."""
        key = self._key(entry)
        db = self._db() if key is not None else None
        if db is None:
            return False
        try:
            row = db.execute("SELECT body FROM checked WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return False
        if row is None:
            return False
        try:
            record = orjson.loads(row[0])
            if record["evidence"] != _evidence(entry):
                return False
            found = [unpack_diagnostic(d) for d in record["diagnostics"]]
            readiness: list[Readiness] = []
            for kunci, edisi, sections, diagnostics, failed in record["readiness"]:
                edition = registry.get(kunci, edisi)
                if edition is None:
                    return False
                readiness.append(from_counts(entry, edition, sections,
                                             [unpack_diagnostic(d) for d in diagnostics], failed))
        except (ValueError, KeyError, TypeError, IndexError):
            return False
        self.used.add(key)
        ws.report.extend(found)
        ws.readiness.extend(readiness)
        entry.lighten(tables=ws.config is None
                      or bool(entry_region_editions(entry, registry, ws.config)))
        return True

    def remember(self, entry: Entry, found: list[Diagnostic], readiness: list[Readiness]) -> None:
        """Keep what the checks of ``entry`` just found (unless it holds values JSON cannot)."""
        key = self._key(entry)
        if key is None:
            return
        packed = [pack_diagnostic(d) for d in found]
        ready = [[r.edition.spec.kunci, r.edition.spec.edisi,
                  [[s.bagian.id, s.words] for s in r.sections],
                  [pack_diagnostic(d) for d in r.diagnostics], r.template_failed]
                 for r in readiness]
        if not json_safe(packed) or not json_safe(ready):
            return
        try:
            body = orjson.dumps({"evidence": _evidence(entry), "diagnostics": packed,
                                 "readiness": ready})
        except orjson.JSONEncodeError:
            return
        self.pending.append((key, body))
        self.used.add(key)
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        db = self._db()
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error):  # not remembered: checked again next time
            write_rows(db, "checked", rows)

    def prune(self) -> None:
        """Forget the records this load did not use (after a load of the whole workspace)."""
        self.flush()
        db = self._db()
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                keep_only(db, "checked", "key", self.used)
