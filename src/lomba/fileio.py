"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Content goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target; an error or interrupt removes the temporary file and leaves any earlier good output.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lomba.errors import os_error


def atomic_write_bytes(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``target`` atomically. ``durable`` also flushes it to the disk before
    the rename: for files a user cannot regenerate (the letter register, edited entries); build
    outputs, which a rebuild reproduces byte for byte, skip that cost."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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


def write_if_changed(target: Path, data: bytes, outcome: WriteLog) -> None:
    """Write ``data`` atomically unless the file already holds it; an OS failure (disk full,
    permission) becomes a :class:`~lomba.errors.LombaError` naming the file."""
    try:
        if target.is_file() and target.read_bytes() == data:
            outcome.unchanged.append(target)
            return
        atomic_write_bytes(target, data, durable=False)
    except OSError as exc:
        raise os_error(exc, target) from None
    outcome.written.append(target)


