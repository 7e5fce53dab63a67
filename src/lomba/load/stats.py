"""Cheap fingerprints of input files (size and modification time) and content keys, shared by
the remembered checks and the build's bookkeeping."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

import orjson

SKIP_DIRS = {".git", "build", ".venv", "__pycache__", "node_modules"}


def stat_lines(base: Path, prefix: str, skip: Collection[str] = SKIP_DIRS) -> list[str]:
    """One line (path, size, modification time) per file below ``base``, in a stable order;
    hidden folders and those named in ``skip`` are left out."""
    lines = []
    top = os.fspath(base)
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("."))
        # The folder relative to base, by slicing: os.walk's folders all start with it.
        inner = folder[len(top):].lstrip(os.sep).replace(os.sep, "/")
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            rel = f"{inner}/{name}" if inner else name
            lines.append(f"{prefix}/{rel}\t{st.st_size}\t{st.st_mtime_ns}")
    return lines


def file_hash(path: Path) -> str:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return "-"


def stat_token(path: Path | str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def key(*parts: Any) -> str:
    """A content hash of ``parts`` (JSON by orjson: a national build hashes a hundred
    thousand of them)."""
    return hashlib.sha1(orjson.dumps(
        parts, default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)).hexdigest()
