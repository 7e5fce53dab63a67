"""Shared fixtures: fresh workspaces on disk and a CLI runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lomba.author.scaffold import init_workspace
from lomba.cli import main

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


WORKSPACE_YEAR = 2019
"""The year of the `workspace` fixture: fixed, so that golden files stay the same every year
(tests/test_present.py starts a workspace in the present, as `lomba init` does)."""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A new workspace made by `lomba init`, as a user would start (in WORKSPACE_YEAR)."""
    root = tmp_path / "kabupaten-contoh"
    init_workspace(root, WORKSPACE_YEAR)
    return root


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the repository's sample workspace (Kabupaten Tanjung Lematang)."""
    root = tmp_path / "sample"
    root.mkdir()
    for name in ("lomba.yaml", "entries", "templates", "schema", "surat", "daerah"):
        src = REPO / name
        if not src.exists():
            continue
        if src.is_dir():
            shutil.copytree(src, root / name)
        else:
            shutil.copy2(src, root / name)
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` with ``new`` in a file (``count`` times; -1: every time). A text that is
    not there fails the test: an edit that changes nothing would leave it proving nothing."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def run(*args: str, cwd: Path | None = None) -> Result:
    """Run the CLI in-process, as `lomba ARGS` from ``cwd``."""
    runner = CliRunner()
    full = ["-C", str(cwd), *args] if cwd is not None else list(args)
    return runner.invoke(main, full, catch_exceptions=False)


def require_tool(tool: str, package: str, why: str) -> str:
    """The path of a system tool a test needs. Missing locally: skip, saying how to install it.
    Missing in CI (CI=true), where .ci/run installs it: fail, since no test may skip there."""
    path = shutil.which(tool)
    if path:
        return path
    message = f"{tool} is not installed ({why}); install it with: apt-get install -y {package}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
