"""Killed at any moment (kill -9), lomba leaves nothing corrupt: after two dozen kills at random
points in `build` and `surat`, one more build gives exactly the files a clean build gives, and
the register has never handed out a number twice."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import run

KILLS = 26
OPDS = ["dishub", "dinsos", "bpkad", "distan", "dpmptsp", "bag-organisasi", "pdam"]


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "build").rglob("*")
            if p.is_file() and ".cache" not in p.parts and not p.name.startswith(".")
            and "teguran" not in p.parts}


@pytest.mark.skipif(sys.platform == "win32" or bool(os.environ.get("LOMBA_WINDOWS_MODE")),
                    reason="SIGKILL is POSIX (Windows' own lock is released by the kernel)")
def test_two_dozen_kills_leave_nothing_corrupt(sample: Path, tmp_path: Path) -> None:
    rng = random.Random(20261201)
    (sample / "surat" / "register.yaml").unlink()
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    original = entry.read_text(encoding="utf-8")
    def lomba(*command: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "lomba", "-C", str(sample), *command],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # How long each run takes here, so that the kills land inside runs, at random points.
    took = {}
    for command in (("build", "--clean"), ("build",), ("surat", "teguran", "dishub")):
        if command == ("build",):
            entry.write_text(original + "\n", encoding="utf-8")
        started = time.monotonic()
        lomba(*command).wait(timeout=300)
        took[command[:2]] = time.monotonic() - started
    killed = 0
    # Rounds go on until KILLS runs were killed mid-way (a run that finished before its kill,
    # on a machine busier than when it was timed, does not count), within a bound.
    for i in range(KILLS * 2):
        if killed >= KILLS:
            break
        # Each round changes an entry, so there is work to interrupt.
        entry.write_text(original.replace("Angka kematian ibu", f"Angka kematian ibu ({i})", 1),
                         encoding="utf-8")
        command = [("surat", "teguran", OPDS[i % len(OPDS)]), ("build", "--clean"),
                   ("build",)][i % 3]
        proc = lomba(*command)
        time.sleep(rng.uniform(0.02, 0.85) * took[command[:2]])
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
    assert killed >= 20, f"only {killed} runs were still going when killed ({took})"
    for path in (sample / "build").rglob("*"):
        if path.suffix in (".docx", ".xlsx") and not path.name.startswith("."):
            with zipfile.ZipFile(path) as z:
                assert z.testzip() is None, f"{path} is corrupt"
    entry.write_text(original, encoding="utf-8")
    assert run("build", cwd=sample).exit_code == 0
    assert not list((sample / "build").rglob(".*.tmp")), "leftovers are cleaned"
    clean = tmp_path / "clean"
    shutil.copytree(sample, clean, ignore=shutil.ignore_patterns("build"))
    assert run("build", cwd=clean).exit_code == 0
    assert _outputs(sample) == _outputs(clean)
    register = sample / "surat" / "register.yaml"
    if register.exists():
        lines = yaml.safe_load(register.read_text(encoding="utf-8"))["surat"]
        numbers = [line["nomor"] for line in lines]
        assert len(numbers) == len(set(numbers)), "no number handed out twice"
    checked = run("check", cwd=sample)
    assert "register-" not in checked.output
