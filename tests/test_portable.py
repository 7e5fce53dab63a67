"""Where innovators work: Windows has no fork and may not have the `lomba` script on PATH."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lomba.check.workspace
import lomba.desk.outputs
from lomba.build import run_build
from lomba.errors import LombaError, os_error
from lomba.parallel import beside, fork_context


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
    monkeypatch.setattr(lomba.desk.outputs, "RECAP_APART", 0)  # the recap in a process too
    desk = run_build(sample, jobs=2).desk
    assert {"rekap.xlsx", "rekap.csv", "status.json", "index.html"} <= {p.name for p in desk}
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert fork_context() is None
    run_build(twin, jobs=2)

    def outputs(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in (root / "build").rglob("*") if p.is_file()
                and p.suffix in (".docx", ".html", ".xlsx", ".csv", ".ics", ".json")
                and ".cache" not in p.parts}

    assert outputs(sample) == outputs(twin)
    assert len(outputs(sample)) > 20


def _disk_full() -> None:
    raise os_error(OSError(28, "No space left on device"), "build/rekap.xlsx")


@pytest.mark.skipif(fork_context() is None, reason="no fork here: beside() runs inline")
def test_a_failure_in_a_process_beside_is_the_callers_whole() -> None:
    with beside(lambda: 6 * 7) as wait:
        assert wait() == 42
    with pytest.raises(LombaError) as caught, beside(_disk_full) as wait:
        wait()
    # Its code and what it names crossed the process boundary: the user reads the same words.
    assert caught.value.code == "io-disk-full"
    assert caught.value.params["path"] == "build/rekap.xlsx"
    assert "build/rekap.xlsx" in caught.value.message("en")


def _slow_write(target: Path) -> None:
    time.sleep(0.5)
    target.write_text("done", encoding="utf-8")


@pytest.mark.skipif(fork_context() is None, reason="no fork here: beside() runs inline")
def test_work_beside_never_outlives_a_block_that_fails(tmp_path: Path) -> None:
    """The caller's lock covers what the process writes: a failing caller still waits."""
    target = tmp_path / "rekap.csv"
    with pytest.raises(RuntimeError), beside(lambda: _slow_write(target)):
        raise RuntimeError("the dashboard failed")
    assert target.read_text(encoding="utf-8") == "done"


def test_work_too_small_for_a_process_runs_at_once() -> None:
    ran: list[int] = []
    with beside(lambda: ran.append(1) or len(ran), worth_it=False) as wait:
        assert ran == [1]  # done before waiting: no process was started
        assert wait() == 1
