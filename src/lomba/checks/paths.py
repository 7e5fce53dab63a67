"""Safety of file references: relative, inside the workspace, present."""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath


@lru_cache(maxsize=4096)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def path_problem(reference: str, base: Path, root: Path) -> str | None:
    """The diagnostic code for a file reference written in YAML, or None when it is fine.

    References are relative to ``base`` (the entry's folder), may not climb with ``..``, and may
    not leave ``root`` through a symlink.
    """
    posix = PurePosixPath(reference)
    if posix.is_absolute() or PureWindowsPath(reference).is_absolute() or reference.startswith("~"):
        return "evidence-absolute"
    if ".." in posix.parts or ".." in PureWindowsPath(reference).parts:
        return "evidence-parent"
    real_root = _real(str(root))
    current = _real(str(base))
    # Walk the reference one component at a time; only a symlink needs a full resolve.
    for part in posix.parts:
        candidate = os.path.join(current, part)
        try:
            mode = os.lstat(candidate).st_mode
        except OSError:
            return "evidence-missing"
        current = os.path.realpath(candidate) if stat.S_ISLNK(mode) else candidate
    if os.path.commonpath([real_root, current]) != real_root:
        return "evidence-outside"
    try:
        mode = os.stat(current).st_mode
    except OSError:
        return "evidence-missing"
    return None if stat.S_ISREG(mode) else "evidence-not-file"
