"""The benchmark scripts run end to end (their figures are read by people, not asserted)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def bench(script: str, *args: str) -> list[str]:
    """The lines a benchmark script prints, after it ran to the end without an error."""
    result = subprocess.run([sys.executable, f"bench/{script}", *args], cwd=REPO,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def test_check_bench_runs() -> None:
    row = bench("check_bench.py", "--sizes", "15", "--repeat", "1")[-1].split()
    assert row[0] == "15" and row[1].endswith("s")


def test_build_bench_runs_with_its_baseline() -> None:
    row = bench("build_bench.py", "--sizes", "12", "--sample", "3", "--jobs", "1")[-1]
    assert row.split()[0] == "12" and row.rstrip().endswith("x")


def test_pdf_bench_runs_with_its_baseline() -> None:
    rows = bench("pdf_bench.py", "--entries", "2", "--baseline", "1", "--jobs", "1")
    assert rows[0].startswith("4 dokumen") and rows[-1].rstrip().endswith("x")


def test_watch_bench_runs_with_its_baseline() -> None:
    rows = bench("watch_bench.py", "--entries", "6", "--rounds", "1")
    assert rows[0].startswith("6 inovasi") and rows[-1].rstrip().endswith("x")


def test_national_bench_runs_with_its_baseline() -> None:
    rows = bench("build_bench.py", "--nasional", "8", "--jobs", "1")
    assert rows[0].startswith("nasional: 8 inovasi, 8 dokumen IGA")
    assert "python-docx polos" in rows[1] and rows[1].rstrip().endswith("x")


def test_write_cost_bench_runs_both_ways() -> None:
    rows = bench("write_cost_bench.py", "--entries", "6", "--rounds", "1", "--jobs", "1")
    assert rows[0].startswith("6 inovasi IGA") and "12 berkas baru" in rows[1]
