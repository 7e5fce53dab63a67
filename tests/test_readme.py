"""Every command the README shows is run here, in a fresh folder, as a user would type it.

Lines in ```console blocks that start with `$ ` are commands; a trailing `# keluar N` or
`# exits N` comment gives the expected exit code (default 0). `make` commands are what CI itself
runs and are not repeated here.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BLOCK_RE = re.compile(r"```console\n(.*?)```", re.S)


def readme_commands() -> list[tuple[str, int]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in BLOCK_RE.findall(text):
        for line in block.splitlines():
            if line.startswith("$ "):
                command, _, comment = line[2:].partition("#")
                code = re.search(r"(?:keluar|exits) (\d)", comment)
                commands.append((command.strip(), int(code[1]) if code else 0))
    return commands


def test_readme_shows_commands() -> None:
    commands = [c for c, _ in readme_commands()]
    for needed in ("lomba init", "lomba check", "lomba new", "lomba schema", "--json", "--lang en"):
        assert any(needed in c for c in commands), needed


def test_readme_commands_run(tmp_path: Path) -> None:
    lomba = shutil.which("lomba", path=str(Path(sys.executable).parent))
    assert lomba, "the lomba console script must be installed"
    cwd = tmp_path
    env = {**os.environ, "PATH": f"{Path(lomba).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("LOMBA_LANG", None)
    for command, expected in readme_commands():
        args = shlex.split(command)
        if args[0] == "cd":
            cwd = cwd / args[1]
            continue
        result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                                check=False)
        assert result.returncode == expected, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
