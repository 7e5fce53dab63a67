"""The only place lomba writes: a real ``build/`` folder inside the workspace.

Every output path is computed relative to the workspace and checked here before anything is
written or deleted, whatever an entry, a spec or a (possibly tampered) manifest says: no
absolute path, no ``..``, no symlink on the way out, and the folder itself must be a real
folder, not a link to somewhere else.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from lomba.errors import LombaError, os_error

BUILD_DIR = "build"
OUTPUT_SUFFIXES = (".docx", ".html", ".pdf", ".xlsx", ".csv", ".ics", ".json")
"""What a build writes; nothing else is ever deleted as a stale output."""


def build_dir(root: Path, *, create: bool = True) -> Path:
    """``root/build``, made if missing; refuses a symlink or a file in its place."""
    path = root / BUILD_DIR
    if path.is_symlink():
        raise LombaError("build-dir-symlink", target=os.readlink(path))
    if path.exists() and not path.is_dir():
        raise LombaError("build-dir-not-folder")
    if create and not path.exists():
        try:
            path.mkdir(parents=True)
        except OSError as exc:
            raise os_error(exc, path) from None
    return path


def inside_build(root: Path, relative: str) -> Path | None:
    """The absolute path of ``relative`` (POSIX, relative to the workspace) if it lies inside
    the real ``build/`` folder with no symlink on the way; None otherwise."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or not pure.parts or pure.parts[0] != BUILD_DIR or ".." in pure.parts \
            or len(pure.parts) < 2 or "\\" in relative or ":" in relative:
        return None
    top = root / BUILD_DIR
    if top.is_symlink():
        return None
    target = root.joinpath(*pure.parts)
    if not _inside(os.fspath(top), os.fspath(target.parent)):
        return None
    return target


_CONFINED: set[tuple[str, str]] = set()
"""Folders already found inside ``build/`` in this process (a build asks once per folder, not
once per file: a national build writes a hundred thousand files into a few thousand folders)."""


def _inside(top: str, folder: str) -> bool:
    if (top, folder) in _CONFINED:
        return True
    real_top = os.path.realpath(top)
    if os.path.commonpath([real_top, os.path.realpath(folder)]) != real_top:
        return False
    if os.path.isdir(folder):  # a folder that exists stays where it is for this build
        _CONFINED.add((top, folder))
    return True


def output_target(root: Path, relative: str) -> Path:
    """Where to write the output ``relative``; raises when it would leave ``build/``."""
    target = inside_build(root, relative)
    if target is None or target.is_symlink():
        raise LombaError("output-outside-build", path=relative)
    return target


def removable(root: Path, relative: str) -> Path | None:
    """The file ``relative`` if the build may delete it as one of its own stale outputs: a
    regular file (not a link) with an output suffix, inside the real ``build/``."""
    if not relative.endswith(OUTPUT_SUFFIXES):
        return None
    target = inside_build(root, relative)
    if target is None or target.is_symlink() or not target.is_file():
        return None
    return target
