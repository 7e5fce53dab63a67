"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Content goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target; an error or interrupt removes the temporary file and leaves any earlier good output.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lomba.errors import os_error


def atomic_write_bytes(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``target`` atomically. ``durable`` also flushes it to the disk before
    the rename: for files a user cannot regenerate (the letter register, edited entries); build
    outputs, which a rebuild reproduces byte for byte, skip that cost. An OS failure (disk
    full, permission, read-only, a file where a folder should be) is a
    :class:`~lomba.errors.LombaError` naming ``target``; nothing partial is left."""
    try:
        _atomic_write(target, data, durable)
    except OSError as exc:
        raise os_error(exc, target) from None


TEMP_SUFFIX = ".tmp"


_TEMP_NUMBERS = itertools.count()
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
"""A new file only (never one already there, nor through a link), bytes as given (Windows would
otherwise write every newline as two characters)."""


def _atomic_write(target: Path, data: bytes, durable: bool) -> None:
    _put_in_place(_written_beside(target, (data,), durable)[0], target)


def _written_beside(target: Path, pieces: Iterable[bytes], durable: bool) -> tuple[str, int]:
    """A temporary file beside ``target`` holding ``pieces``, and its size; removed again if
    anything fails on the way (a full disk, a piece whose maker raises, an interrupt)."""
    fd, tmp = _create_temporary(target)
    try:
        try:
            size = _write_pieces(fd, pieces)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _remove(tmp)
        raise
    return tmp, size


def _put_in_place(tmp: str, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


STREAM_BATCH = 1 << 20
"""How many bytes of a streamed file are gathered before they are written: few system calls,
and never more than this held at once."""


def _write_pieces(fd: int, pieces: Iterable[bytes]) -> int:
    """Write ``pieces`` in batches of about :data:`STREAM_BATCH` bytes; returns the size."""
    size = held = 0
    batch: list[bytes] = []
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= STREAM_BATCH:
            _write_all(fd, b"".join(batch))
            size += held
            held = 0
            batch.clear()
    _write_all(fd, b"".join(batch))
    return size + held


def atomic_write_pieces(target: Path, pieces: Iterable[bytes], *,
                        durable: bool = True) -> None:
    """:func:`atomic_write_bytes` of the bytes ``pieces`` make, never held whole (a cache of a
    row per entry is tens of megabytes at national scale). A piece that cannot be made (its
    maker raises) leaves ``target`` as it was."""
    try:
        _put_in_place(_written_beside(target, pieces, durable)[0], target)
    except OSError as exc:
        raise os_error(exc, target) from None


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new file beside ``target``, named as :func:`remove_leftovers` finds it, and unique
    among processes (by process id) and within one (by a counter); its folder is made if it
    is missing. Opened directly: :mod:`tempfile`'s random name, file object and separate
    ``chmod`` doubled the cost of writing a document on a fast disk."""
    folder = str(target.parent)
    made = False
    while True:
        tmp = os.path.join(
            folder, f".{target.name}.{os.getpid()}-{next(_TEMP_NUMBERS)}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, _CREATE, 0o644), tmp
        except FileExistsError:
            continue  # left by a process that had the same id
        except FileNotFoundError:
            if made:
                raise
            target.parent.mkdir(parents=True, exist_ok=True)
            made = True


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files a killed run left in ``folder`` (recursively): ``.NAME.*.tmp``
    as :func:`atomic_write_bytes` names them. Call it only under the lock of whatever writes
    there, so no live writer's file is taken."""
    removed: list[Path] = []
    if not folder.is_dir() or folder.is_symlink():
        return removed
    for dirpath, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(dirpath, d))]
        for name in files:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                path = Path(dirpath) / name
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed


def atomic_write_text(target: Path, text: str, *, durable: bool = True) -> None:
    atomic_write_bytes(target, text.encode("utf-8"), durable=durable)


def write_new_files(files: dict[Path, bytes]) -> None:
    """Write several new files, refusing (before writing anything) if any already exists."""
    existing = [p for p in files if p.exists()]
    if existing:
        raise FileExistsError(existing)
    for path, data in files.items():
        atomic_write_bytes(path, data)


@dataclass
class WriteLog:
    """Which files a step wrote, and which it left alone because their bytes were the same."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def _size(path: Path) -> int | None:
    """The size of a regular file (None: none there, or not a regular file, as
    :meth:`Path.is_file` takes it)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return None
        raise
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def write_if_changed(target: Path, data: bytes, outcome: WriteLog) -> None:
    """Write ``data`` atomically unless the file already holds it; an OS failure (disk full,
    permission) becomes a :class:`~lomba.errors.LombaError` naming the file."""
    try:
        # A file of another size is not read to be compared (the desk's page is megabytes).
        if _size(target) == len(data) and target.read_bytes() == data:
            outcome.unchanged.append(target)
            return
    except OSError as exc:
        raise os_error(exc, target) from None
    atomic_write_bytes(target, data, durable=False)
    outcome.written.append(target)


def write_text_if_changed(target: Path, pieces: Iterable[str], outcome: WriteLog) -> None:
    """:func:`write_if_changed` of the UTF-8 text ``pieces`` make, never held whole: they go to
    a temporary file as they come, which replaces ``target`` only if its bytes differ. (A desk
    file of a national-scale workspace is tens of megabytes: made whole, it is held as text,
    joined, and again as bytes.)"""
    try:
        tmp, size = _written_beside(target, (piece.encode("utf-8") for piece in pieces),
                                    durable=False)
        try:
            same = _size(target) == size and _same_bytes(tmp, target)
        except BaseException:
            _remove(tmp)
            raise
        if same:
            _remove(tmp)
            outcome.unchanged.append(target)
            return
        _put_in_place(tmp, target)
    except OSError as exc:
        raise os_error(exc, target) from None
    outcome.written.append(target)


def _same_bytes(one: str, other: Path) -> bool:
    """Whether two files hold the same bytes, read a batch at a time."""
    with open(one, "rb") as a, open(other, "rb") as b:
        while True:
            x, y = a.read(STREAM_BATCH), b.read(STREAM_BATCH)
            if x != y:
                return False
            if not x:
                return True
