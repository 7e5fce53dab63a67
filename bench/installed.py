"""Run the benchmarks on lomba as it is installed: its modules compiled to bytecode.

`pip install` compiles every module it installs, so an installed lomba starts from bytecode.
This checkout is an editable install: its bytecode is written when a module is first imported,
unless the machine says not to (``PYTHONDONTWRITEBYTECODE``, set on some build machines), and
then every new `lomba` process compiles about a hundred modules again, some tenths of a second
that a user does not pay. Each benchmark calls :func:`as_installed` before it times anything.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "src" / "lomba"


def as_installed() -> str:
    """Compile the lomba a new `python -m lomba` imports, and this checkout's (as pip does at
    installation); the line to print about it."""
    found = subprocess.run([sys.executable, "-c", "import lomba; print(lomba.__path__[0])"],
                           capture_output=True, text=True, check=True).stdout.strip()
    packages = {HERE, Path(found).resolve()}
    compiled = all([compileall.compile_dir(p, quiet=1, workers=1) for p in sorted(packages)])
    note = "bytecode lomba disiapkan seperti pada pemasangan pip"
    if not compiled:
        note += " (sebagian modul tidak dapat dikompilasi)"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        note += "; PYTHONDONTWRITEBYTECODE diset di mesin ini"
    return note
