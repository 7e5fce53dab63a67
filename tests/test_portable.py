"""Where innovators work: Windows has no fork and may not have the `lomba` script on PATH."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import lomba.check.workspace
from lomba.build import run_build
from lomba.parallel import fork_context


def test_python_dash_m_lomba_runs_the_command_line(sample: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "lomba", "-C", str(sample), "check"],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 1, result.stderr
    assert "galat" in result.stdout and "Traceback" not in result.stderr


def test_without_fork_the_work_is_serial_and_the_same(sample: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    twin = sample.parent / "twin"
    shutil.copytree(sample, twin)
    monkeypatch.setattr(lomba.check.workspace, "PARALLEL_MIN", 2)
    run_build(sample, jobs=2)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert fork_context() is None
    run_build(twin, jobs=2)

    def outputs(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in (root / "build").rglob("*") if p.is_file()
                and p.suffix in (".docx", ".html", ".xlsx", ".csv", ".ics")}

    assert outputs(sample) == outputs(twin)
    assert len(outputs(sample)) > 20
