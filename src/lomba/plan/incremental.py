"""Incremental builds: rebuild an output only when something it depends on changed.

Two levels, both recorded in ``build/.lomba-build.json``:

- the whole tree: a fingerprint of every input file's path, size and modification time (entries
  and their evidence, ``lomba.yaml``, the workspace's templates, lomba's own templates, the
  letter register as the last build left it), lomba's version and the build date. When it
  matches the last complete build and every output is still there, nothing is loaded at all.
- each document: a key hashing what it is made from (the entry's bytes and the stat of its
  evidence files, the edition's spec, the reference .docx, ``lomba.yaml``, the entry's
  diagnostics, lomba's version, the build date, draft or not). A document whose key is
  unchanged and whose file is intact is not rendered again.

A lock (``build/.lomba.lock``) keeps two builds from writing at once: the second waits.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout

from lomba.errors import LombaError, os_error
from lomba.fileio import atomic_write_bytes
from lomba.fingerprint import code_digest
from lomba.load.cache import cache_file
from lomba.load.stats import stat_lines

MANIFEST = Path("build") / ".lomba-build.json"
LOCK = Path("build") / ".lomba.lock"
HELD = Path("build") / ".cache" / "lock-dipegang"
"""There while a command holds the lock; still there after one that was killed or failed."""
def tree_fingerprint(root: Path, builtin: Path, today: str, extra: str = "") -> str:
    """A cheap fingerprint of every input of a build (stat, not content)."""
    return fingerprint(tree_lines(root, builtin, today, extra))


def fingerprint(lines: list[str]) -> str:
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()


def tree_lines(root: Path, builtin: Path, today: str, extra: str = "",
               names: dict[str, str] | None = None) -> list[str]:
    """What :func:`tree_fingerprint` hashes: one line per input file (path, size, time).
    ``names``: filled with the entry files, as :func:`lomba.load.discover.entry_names`."""
    lines = [f"lomba {code_digest()}", f"today {today}", extra]
    for name in ("lomba.yaml", "templates/referensi.docx"):
        with contextlib.suppress(OSError):
            st = (root / name).stat()
            lines.append(f"{name}\t{st.st_size}\t{st.st_mtime_ns}")
    # Every folder but hidden ones, as entry_names lists them: an entry file in a folder
    # called `build` is still an entry, and its edits must show.
    lines += stat_lines(root / "entries", "entries", skip=(), names=names)
    lines += stat_lines(root / "daerah", "daerah")  # the region's own profile
    lines += stat_lines(root / "templates", "templates")
    lines += stat_lines(builtin, "builtin")
    return lines


@dataclass
class Manifest:
    tree: str | None = None
    register: str | None = None
    """Stat of the letter register after the build wrote it (lomba itself changes it)."""
    outputs: dict[str, str] = field(default_factory=dict)
    """Output path (relative to the workspace) -> key of what it was made from."""
    sources: dict[str, str] = field(default_factory=dict)
    """Output path -> the entry file it was made from (kept while that file is unreadable)."""
    desk: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> Manifest:
        """The last build's record; an unreadable, foreign or malformed one is an empty record
        (everything is rebuilt). Whatever it lists, the build deletes only its own outputs
        inside the real ``build/`` (:func:`lomba.write.outdir.removable`)."""
        try:
            raw = orjson.loads((root / MANIFEST).read_bytes())
            if not isinstance(raw, dict) or raw.get("lomba") != code_digest():
                return cls()
            outputs, sources = _texts(raw.get("outputs", {})), _texts(raw.get("sources", {}))
            desk = [p for p in list(raw.get("desk", [])) if isinstance(p, str)]
            tree, register = raw.get("tree"), raw.get("register")
            return cls(tree if isinstance(tree, str) else None,
                       register if isinstance(register, str) else None, outputs, sources, desk)
        except (OSError, ValueError, TypeError, AttributeError):  # orjson's error is a ValueError
            return cls()

    def save(self, root: Path) -> None:
        try:
            # orjson: at 10,000 entries the record lists 60,000 outputs, and the standard
            # library's encoder took a quarter of a second of a one-entry build. Not flushed
            # to the disk (a lost record means a whole build, not lost work): a flush waits for
            # whatever else the system has to write, seconds after a large build.
            atomic_write_bytes(root / MANIFEST, durable=False, data=orjson.dumps(
                {"lomba": code_digest(), "tree": self.tree, "register": self.register,
                 "outputs": self.outputs, "sources": self.sources, "desk": sorted(self.desk)},
                option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
        except OSError as exc:
            raise os_error(exc, root / MANIFEST) from None

    def intact(self, root: Path) -> bool:
        """Every recorded output still exists (as a file). One listing per folder, not one
        look-up per file: sixty thousand outputs sit in a few dozen folders."""
        top = os.fspath(root)
        folders: dict[str, list[str]] = {}
        for name in [*self.outputs, *self.desk]:
            folder, _, base = name.rpartition("/")
            folders.setdefault(folder, []).append(base)
        for folder, names in folders.items():
            try:
                with os.scandir(os.path.join(top, folder)) as found:
                    files = {e.name for e in found if e.is_file()}
            except OSError:
                return False
            if not files.issuperset(names):
                return False
        return True


def _texts(value: object) -> dict[str, str]:
    """A mapping of text to text from the record, without the entries that are not (JSON's
    keys are text already; at 10,000 entries the usual case is checked in one pass in C)."""
    found = dict(value)  # type: ignore[call-overload]
    if set(map(type, found.values())) <= {str}:
        return found
    return {k: v for k, v in found.items() if isinstance(v, str)}


class LockBusy(LombaError):
    """Another build holds the lock and did not finish in time."""

    def __init__(self, path: Path) -> None:
        super().__init__("build-busy", path=str(path))


@contextlib.contextmanager
def build_lock(root: Path, wait: float = 120.0, on_wait: Any = None) -> Iterator[bool]:
    """Hold the workspace's build lock; wait for another build to finish (up to ``wait``).
    A portable lock (``filelock``: ``flock`` on POSIX, ``msvcrt`` on Windows), released when
    the process ends, however it ends. Yields whether the last holder did not end cleanly
    (killed, failed, or the machine stopped): only then can it have left temporary files."""
    path = root / LOCK
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, path.parent) from None
    lock = FileLock(path)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if on_wait is not None:
                on_wait()
            lock.acquire(timeout=wait)
    except Timeout:
        raise LockBusy(path) from None
    except OSError as exc:
        raise os_error(exc, path) from None
    held = cache_file(root, HELD)
    try:
        interrupted = held is None or held.exists()
        try:
            if held is not None:
                held.parent.mkdir(exist_ok=True)
                held.touch()
        except OSError:
            interrupted = True  # cannot say next time: look every time
        yield interrupted
        with contextlib.suppress(OSError):
            if held is not None:
                held.unlink()
    finally:
        lock.release()
