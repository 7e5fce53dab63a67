"""Which competitions an entry may enter."""

from __future__ import annotations

from pathlib import Path

BUILTIN_COMPETITIONS = ("sinovik", "iga", "inagara", "budhipraja", "rai")


def available_competitions(root: Path) -> set[str]:
    """Competition keys known to this workspace: the built-in ones plus the workspace's own
    ``templates/<key>/<edition>/spec.yaml`` folders."""
    keys = set(BUILTIN_COMPETITIONS)
    templates = root / "templates"
    if templates.is_dir():
        keys.update(p.parent.parent.name for p in templates.glob("*/*/spec.yaml"))
    return keys
