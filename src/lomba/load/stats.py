"""Cheap fingerprints of input files (size and modification time) and content keys, shared by
the remembered checks and the build's bookkeeping."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

import orjson

from lomba.load.discover import ENTRY_SUFFIXES, entry_files, is_folder

SKIP_DIRS = {".git", "build", ".venv", "__pycache__", "node_modules"}


def stat_lines(base: Path, prefix: str, skip: Collection[str] = SKIP_DIRS,
               names: dict[str, str] | None = None) -> list[str]:
    """One line (path, size, modification time) per file below ``base``, in a stable order
    (a folder's files, then its folders, each by name); hidden folders, folders named in
    ``skip`` and links to folders are left out. ``os.scandir`` stats each file from its
    listing: one call per file, and none at all on Windows, where the listing holds the
    times (ten thousand entries are stat'ed at every build).

    ``names``, when given, is filled as :func:`lomba.load.discover.entry_names` lists the
    entry files (a broken link included), from this same listing: a second walk of ten
    thousand entries and their evidence was a fortieth of a one-entry build."""
    lines: list[str] = []
    _stat_folder(os.fspath(base), prefix, skip, lines, names)
    if names is not None:
        ordered = sorted(names.items())
        names.clear()
        names.update(ordered)
    return lines


def _stat_folder(folder: str, prefix: str, skip: Collection[str], lines: list[str],
                 names: dict[str, str] | None) -> None:
    try:
        with os.scandir(folder) as listing:
            found = sorted(listing, key=lambda e: e.name)
    except OSError:
        return
    folders = []
    for item in found:
        if is_folder(item):
            if not item.is_symlink() and item.name not in skip and not item.name.startswith("."):
                folders.append(item)
            continue
        if names is not None and item.name.endswith(ENTRY_SUFFIXES):
            names[f"{prefix}/{item.name}"] = item.path
        try:
            st = item.stat()
        except OSError:  # gone meanwhile, or a link to nothing
            continue
        lines.append(f"{prefix}/{item.name}\t{st.st_size}\t{st.st_mtime_ns}")
    for item in folders:
        _stat_folder(item.path, f"{prefix}/{item.name}", skip, lines, names)


def file_hash(path: Path) -> str:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return "-"


def stat_token(path: Path | str) -> str:
    try:
        return _token(os.stat(path))
    except OSError:
        return "-"


def _token(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}"


def entry_listing(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """:func:`~lomba.load.discover.entry_names` and each entry's :func:`stat_token`, from one
    listing: a check takes both for ten thousand entries, and on Windows a file's listing
    already holds its size and time."""
    names: dict[str, str] = {}
    tokens: dict[str, str] = {}
    for name, item in entry_files(root):
        names[name] = item.path
        try:
            tokens[name] = _token(item.stat())
        except OSError:  # gone meanwhile, or a link to nothing
            tokens[name] = "-"
    return dict(sorted(names.items())), tokens


def key(*parts: Any) -> str:
    """A content hash of ``parts`` (JSON by orjson: a national build hashes a hundred
    thousand of them)."""
    return hashlib.sha1(orjson.dumps(
        parts, default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)).hexdigest()
