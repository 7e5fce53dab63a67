"""A content-addressed cache of parsed entry files, so an unchanged tree loads fast.

Parsing YAML with positions is most of the cost of `check`, `status` and `build`. The result of
parsing depends only on the file's bytes and on lomba's version, so it is stored under the SHA-1
of the bytes and reused whenever the same bytes are seen again (an edit, a rename or a checkout
of an older version all just work).

The store is one SQLite file, ``build/.cache/parse.sqlite3``: ten thousand entries would
otherwise be ten thousand small files to create, open and delete, which costs more than parsing
on some file systems. Each record is JSON (by orjson, several times faster than the standard
library's json), not pickle: a cache that came from elsewhere can at worst be wrong data, which
is then re-validated by the models as any YAML would be, never code. A cache that cannot be
opened or read is deleted and built again; a cache is never a reason for a command to fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from lomba.diagnostics import Diagnostic, Severity
from lomba.errors import LombaError
from lomba.fileio import atomic_write_bytes, atomic_write_pieces
from lomba.fingerprint import code_digest
from lomba.load.yamlio import LoadedYaml, _read, parse_yaml, placeholder_hint

CACHE_FILE = Path("build") / ".cache" / "parse.sqlite3"
OLD_CACHE_DIR = Path("build") / ".cache" / "parse"
"""Where versions before the SQLite store kept one JSON file per entry; removed on prune."""
BUSY_TIMEOUT = 60.0
"""Seconds to wait for another lomba's write to the cache before going on without it."""
FLUSH_EVERY = 200
"""Parsed files are written in batches: one short write transaction per batch, so parallel
workers seldom wait for each other."""


def json_safe(value: Any) -> bool:
    """Would JSON give this value back unchanged? (It turns non-text keys into text, and
    infinities into null.)"""
    if isinstance(value, dict):
        return all(isinstance(k, str) and json_safe(v) for k, v in value.items())
    if isinstance(value, list):
        return all(json_safe(v) for v in value)
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, (str, int, bool))


def _encode(loaded: LoadedYaml) -> bytes | None:
    """Three JSON lines (compact JSON never holds a raw newline): a header with the
    diagnostics and the top-level positions, the data, and every position. Positions are most
    of the decoding cost and are rarely needed, so they are decoded only on demand."""
    if loaded.json_unsafe:  # anything else JSON cannot hold, orjson refuses below
        return None
    diags = []
    for d in loaded.diagnostics:
        if not all(json_safe(v) for v in d.params.values()):
            return None
        diags.append([d.line, d.column, d.path, str(d.severity), d.code, d.params, d.value])
    keys = loaded.keys
    top = [[path[0], *value, *keys.get(path, value)] for path, value in loaded.values.items()
           if len(path) == 1 and isinstance(path[0], str)]
    try:
        positions = orjson.dumps((tuple(loaded.values.items()), tuple(keys.items())))
        header = {"format": code_digest(), "diagnostics": diags,
                  "hint": loaded.may_hold_placeholder, "top": top, "size": len(positions)}
        return b"\n".join((orjson.dumps(header), orjson.dumps(loaded.data), positions))
    except orjson.JSONEncodeError:  # an integer past 64 bits, a lone surrogate: not cached
        return None


def _decode(body: bytes, display: str) -> LoadedYaml | None:
    try:
        head, data, positions = body.split(b"\n", 2)
        raw: dict[str, Any] = orjson.loads(head)
        if raw.get("format") != code_digest() or len(positions) != raw["size"]:
            return None  # another version's, or cut short: parsed again from the YAML
        loaded = LoadedYaml(file=display, data=orjson.loads(data),
                            may_hold_placeholder=bool(raw["hint"]), lazy_positions=positions)
        loaded.shallow = {name: ((vl, vc), (kl, kc)) for name, vl, vc, kl, kc in raw["top"]}
        loaded.diagnostics = [
            Diagnostic(display, line, column, tuple(path), Severity(sev), code, params, value)
            for line, column, path, sev, code, params, value in raw["diagnostics"]]
        return loaded
    except (ValueError, KeyError, TypeError, IndexError):
        return None


_CONNECTIONS: dict[tuple[str, int], sqlite3.Connection | None] = {}
"""One connection per cache file and process: a forked worker opens its own."""


def confined(path: Path) -> bool:
    """Whether a cache file ``build/.cache/<name>`` stays in the workspace's own ``build/``: no
    link on the way leads out (a cache is then simply not used, never written elsewhere)."""
    build = path.parent.parent
    if build.is_symlink() or path.is_symlink():
        return False
    top = os.path.realpath(build)
    return os.path.commonpath([os.path.realpath(path.parent), top]) == top


_IN_USE: list[Path] = []
"""The workspaces whose ``build/.cache/`` the derived values below are kept in (the innermost
last); none: each is worked out every time."""


@contextlib.contextmanager
def kept_in(root: Path) -> Iterator[None]:
    """Keep values derived from content alone (what lomba reads of the reference document) in
    ``root``'s ``build/.cache/`` for the block's duration: each command is a new process,
    which would otherwise work them out again."""
    _IN_USE.append(root)
    try:
        yield
    finally:
        _IN_USE.pop()


def derived(name: str, content: bytes, make: Callable[[], Any]) -> Any:
    """``make()``, a value worked out from ``content`` alone, kept in ``build/.cache/<name>``
    of the workspace in use under the content's digest and lomba's: a file that holds another
    key, or cannot be read, is worked out again. The value is JSON, as in the parse cache: a
    file that came from elsewhere can at worst be wrong data, never code, so the caller checks
    its shape before use."""
    root = _IN_USE[-1] if _IN_USE else None
    where = Path("build") / ".cache" / name
    path = cache_file(root, where) if root is not None else None
    key = hashlib.sha1(content + code_digest().encode()).hexdigest()
    if path is not None:
        try:
            stored = orjson.loads(path.read_bytes())
            if isinstance(stored, dict) and stored.get("key") == key and "value" in stored:
                return stored["value"]
        except (OSError, ValueError):  # orjson's error is a ValueError
            pass
    value = make()
    try:
        encoded = orjson.dumps({"key": key, "value": value})
    except TypeError:  # not JSON: simply not kept
        return value
    if root is not None:
        write_cache_file(root, where, encoded)
    return orjson.loads(encoded)["value"]  # as it reads back next time (lists, not tuples)


def cache_file(root: Path, name: Path) -> Path | None:
    """``root / name``, a file in ``build/.cache/``, where :func:`confined`; else None."""
    return root / name if confined(root / name) else None


def write_cache_file(root: Path, name: Path, data: bytes | Iterable[bytes]) -> bool:
    """Write a cache file atomically, best effort: False when it cannot be (then it is simply
    not there next time), and never through a link out of the workspace's own ``build/``.
    ``data``: its bytes, or pieces of them written as they come."""
    path = cache_file(root, name)
    if path is None:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            atomic_write_bytes(path, data, durable=False)
        else:
            atomic_write_pieces(path, data, durable=False)
    except (OSError, LombaError):  # the writer names the file in a LombaError
        return False
    return True


def _connect(path: Path) -> sqlite3.Connection | None:
    """The open cache at ``path``, created if missing; None when it cannot be used at all (or
    would lie outside the workspace's ``build/``)."""
    if not confined(path):
        return None
    key = (str(path), os.getpid())
    if key in _CONNECTIONS:
        if path.exists() or _CONNECTIONS[key] is None:
            return _CONNECTIONS[key]
        _CONNECTIONS.pop(key).close()  # the file was deleted (`rm -r build`): start a new one
    db = None
    for _ in range(2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
            db.execute("PRAGMA synchronous=OFF")  # a cache: a torn write is found and rebuilt
            db.execute("CREATE TABLE IF NOT EXISTS parsed (digest TEXT PRIMARY KEY, body BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS checked (key TEXT PRIMARY KEY, body BLOB)")
            break
        except (sqlite3.Error, OSError) as exc:
            if db is not None:
                db.close()
            db = None
            if _busy(exc):
                break  # another lomba holds it for longer than the timeout: no cache this time
            _discard(path)
    _CONNECTIONS[key] = db
    return db


def _busy(exc: BaseException) -> bool:
    """Locked by another process, as opposed to damaged or unwritable."""
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


def _discard(path: Path) -> None:
    """Delete an unusable cache file (and SQLite's journal beside it)."""
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            name.unlink()


def forget(root: Path) -> None:
    """Close this process's connection to ``root``'s cache (before the file is removed)."""
    db = _CONNECTIONS.pop((str(root / CACHE_FILE), os.getpid()), None)
    if db is not None:
        db.close()


def write_rows(db: sqlite3.Connection, table: str, rows: list[tuple[str, bytes]]) -> None:
    """Insert or replace ``rows`` (key, body) of one of the cache's tables, in one short
    transaction. Raises :class:`sqlite3.Error`."""
    with db:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", rows)


def keep_only(db: sqlite3.Connection, table: str, key: str, used: set[str]) -> None:
    """Delete the rows of ``table`` whose ``key`` is not in ``used``. Raises
    :class:`sqlite3.Error`."""
    stale = [(k,) for (k,) in db.execute(f"SELECT {key} FROM {table}") if k not in used]
    if stale:
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(f"DELETE FROM {table} WHERE {key} = ?", stale)


class ParseCache:
    """Parsed files by content hash, in a workspace's ``build/.cache``."""

    def __init__(self, root: Path) -> None:
        self.path = root / CACHE_FILE
        self.root = root
        self.used: set[str] = set()
        self.pending: list[tuple[str, bytes]] = []
        self.hits = self.misses = 0
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection | None:
        if self._conn is None:
            self._conn = _connect(self.path)
        return self._conn

    def _read(self, digest: str) -> bytes | None:
        db = self._db()
        if db is None:
            return None
        try:
            row = db.execute("SELECT body FROM parsed WHERE digest = ?", (digest,)).fetchone()
        except sqlite3.Error as exc:
            self._broken(exc)
            return None
        return row[0] if row and isinstance(row[0], bytes) else None

    def _broken(self, exc: sqlite3.Error) -> None:
        """The file is damaged: start again with an empty cache. (Busy, because another lomba
        is writing for longer than the timeout: only this read or write is skipped.)"""
        if _busy(exc):
            return
        self._conn = None
        forget(self.root)
        _discard(self.path)

    def by_digest(self, digest: str, display: str) -> LoadedYaml | None:
        """The parse of exactly the bytes whose SHA-1 is ``digest``, if the cache holds it."""
        body = self._read(digest)
        loaded = _decode(body, display) if body is not None else None
        if loaded is not None:
            loaded.digest = digest
        return loaded

    def load(self, path: Path, display: str) -> LoadedYaml:
        """Like :func:`~lomba.load.yamlio.load_yaml_file`, from the cache when the bytes are
        known."""
        text, raw = _read(path, display)
        digest = hashlib.sha1(raw).hexdigest()
        self.used.add(digest)
        body = self._read(digest)
        loaded = _decode(body, display) if body is not None else None
        if loaded is not None:
            self.hits += 1
            loaded.digest = digest
            return loaded
        self.misses += 1
        loaded = parse_yaml(text, display, may_hold_placeholder=placeholder_hint(raw))
        loaded.digest = digest
        encoded = _encode(loaded)
        if encoded is not None:
            self.pending.append((digest, encoded))
            if len(self.pending) >= FLUSH_EVERY:
                self.flush()
        return loaded

    def flush(self) -> None:
        """Write what was parsed since the last flush, in one transaction."""
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        db = self._db()
        if db is None:
            return
        try:
            write_rows(db, "parsed", rows)
        except sqlite3.Error as exc:
            self._broken(exc)

    def prune(self) -> None:
        """Write what is pending, then remove what no file uses any more (after a load of the
        whole workspace)."""
        self.flush()
        with contextlib.suppress(OSError):
            shutil.rmtree(self.root / OLD_CACHE_DIR)
        db = self._db()
        if db is None:
            return
        try:
            keep_only(db, "parsed", "digest", self.used)
        except sqlite3.Error as exc:
            self._broken(exc)
