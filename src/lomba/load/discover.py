"""Where a workspace is and which files in it are entries."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from lomba.errors import UsageError

CONFIG_NAME = "lomba.yaml"
ENTRIES_DIR = "entries"
ENTRY_SUFFIXES = (".yaml", ".yml")

class WorkspaceNotFound(UsageError):
    """No ``lomba.yaml`` in the folder or any folder above it: the command was run in the wrong
    place (exit 2, as every usage error)."""

    def __init__(self, start: Path) -> None:
        super().__init__("workspace-missing")
        self.start = start


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``lomba.yaml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise WorkspaceNotFound(start)


def entry_names(root: Path) -> dict[str, str]:
    """Every entry file under ``entries/``: its workspace-relative name (``entries/x/y.yaml``)
    to its path, sorted by name. Plain strings: a large workspace has ten thousand, and only the
    files a command reads become ``Path`` objects."""
    return dict(sorted((name, item.path) for name, item in entry_files(root)))


def entry_files(root: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Each entry file under ``entries/`` (a broken link too) with its listing, in no set
    order: ``os.walk``'s traversal (hidden folders and links to folders are not entered), from
    ``os.scandir`` so that a caller can stat a file from its listing, which Windows does without
    asking the disk again."""
    cut = len(os.fspath(root)) + 1
    folders = [os.path.join(os.fspath(root), ENTRIES_DIR)]
    while folders:
        try:
            with os.scandir(folders.pop()) as listing:
                items = list(listing)
        except OSError:
            continue
        for item in items:
            if is_folder(item):
                if not item.name.startswith(".") and not item.is_symlink():
                    folders.append(item.path)
            elif item.name.endswith(ENTRY_SUFFIXES):
                yield item.path[cut:].replace(os.sep, "/"), item


def is_folder(item: os.DirEntry[str]) -> bool:
    """Whether a listed item is a folder (or a link to one), as ``os.walk`` takes it: one that
    cannot be looked at is not."""
    try:
        return item.is_dir()
    except OSError:
        return False


def discover_entries(root: Path, selection: Iterable[Path] | None = None) -> list[Path]:
    """Entry files under ``entries/``, or the ones named (files or folders), sorted."""
    base = root / ENTRIES_DIR
    targets = list(selection) if selection else [base]
    found: set[Path] = set()
    for target in targets:
        if target.is_dir():
            for folder, dirs, files in os.walk(target):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.update(Path(folder) / f for f in files if f.endswith(ENTRY_SUFFIXES))
        else:
            found.add(target)
    return sorted(found, key=lambda p: p.as_posix())


def named_entries(names: dict[str, str], given: Iterable[str]) -> list[str] | None:
    """The entry files ``given`` names (each as a workspace-relative name, ``opd/slug`` or a
    slug), from :func:`entry_names`; None when any names no file, so that the caller takes the
    path that reports it."""
    by_short: dict[str, list[str]] = {}
    for name in names:
        stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        folder = name.rsplit("/", 2)[-2] if name.count("/") >= 2 else ""
        by_short.setdefault(stem, []).append(name)
        by_short.setdefault(f"{folder}/{stem}", []).append(name)
    out: set[str] = set()
    for value in given:
        value = value.replace("\\", "/")
        found = [value] if value in names else by_short.get(value)
        if not found:
            return None
        out.update(found)
    return sorted(out)
