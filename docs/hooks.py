"""MkDocs hook: the reference pages (fields, competitions, message codes) are generated from
lomba itself before each build, so the guide cannot drift from the program."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lomba.author.guide import write_guide_pages


def on_pre_build(config: Any) -> None:
    write_guide_pages(Path(config["docs_dir"]))
