"""Safety of file references: relative, inside the workspace, present."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath


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
    target = base / reference
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return "evidence-missing"
    if not resolved.is_relative_to(root.resolve()):
        return "evidence-outside"
    if not resolved.exists():
        return "evidence-missing"
    if not resolved.is_file():
        return "evidence-not-file"
    return None
