"""One competition edition as loaded: its validated spec and its section templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lomba.load.yamlio import LoadedYaml
from lomba.model.spec import Spec


@dataclass
class Edition:
    """A loaded, valid competition edition, with its section templates' sources."""

    spec: Spec
    folder: Path
    display: str
    loaded: LoadedYaml
    templates: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Section id -> (Jinja source, line in the spec file where the source starts)."""

    @property
    def ref(self) -> str:
        return self.spec.ref
