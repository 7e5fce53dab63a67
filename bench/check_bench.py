"""Benchmark `lomba check` against a plain baseline on the same files, in the same run.

Baseline: ``yaml.safe_load`` (libyaml) plus pydantic validation, with no positions, no
diagnostics and no cross-checks: the least any validator must do. The ratio shows what lomba's
precise error reporting costs. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from installed import as_installed
from lomba.check.workspace import load_workspace
from lomba.desk.status import compliance, readiness_matrix
from lomba.model.innovation import Inovasi
from lomba.model.workspace import Workspace


def baseline(root: Path) -> int:
    Workspace.model_validate(yaml.load((root / "lomba.yaml").read_text(), Loader=yaml.CSafeLoader))
    count = 0
    for path in sorted((root / "entries").rglob("*.yaml")):
        Inovasi.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
        count += 1
    return count


def status(root: Path) -> None:
    """What `lomba status` and `lomba rekap` compute."""
    ws = load_workspace(root)
    readiness_matrix(ws)
    compliance(ws)


def one_file(root: Path) -> None:
    """A pre-commit hook's run: one entry edited, then `lomba check` of that file, as a whole
    process (start-up included)."""
    entry = sorted((root / "entries").rglob("*.yaml"))[0]
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("\nnama: ", "\nnama: Diubah ", 1), encoding="utf-8")
    try:
        subprocess.run([sys.executable, "-m", "lomba", "-C", str(root), "check", str(entry)],
                       capture_output=True, check=False, timeout=300)
    finally:
        entry.write_text(text, encoding="utf-8")


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000", help="comma-separated entry counts")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(as_installed())
    print(f"{'entri':>7} {'check':>8} {'validasi':>9} {'status':>8} {'baseline':>9} "
          f"{'rasio':>6} {'per entri':>10} {'1 berkas':>9}")
    print("  check = lomba check lengkap (skema, rujukan, kelengkapan, dan kesiapan setiap lomba)")
    print("  validasi = tanpa kesiapan lomba; status = check + matriks kesiapan + kepatuhan OPD")
    print("  baseline = yaml.load (libyaml) + pydantic saja, pada berkas yang sama")
    print("  1 berkas = `lomba check BERKAS` sebagai proses utuh (termasuk start-up), sesudah satu "
          "berkas diubah; bandingkan dengan kolom check")
    for n in (int(s) for s in args.sizes.split(",")):
        work = Path(__file__).resolve().parent / ".work"
        work.mkdir(exist_ok=True)
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            root = generate(Path(tmp) / "ws", n)
            ws = load_workspace(root)
            assert not ws.report.errors, ws.report.errors[:3]
            t_lomba = timed(lambda root=root: load_workspace(root), args.repeat)
            t_valid = timed(lambda root=root: load_workspace(root, competitions=False),
                            args.repeat)
            t_status = timed(lambda root=root: status(root), args.repeat)
            t_base = timed(lambda root=root: baseline(root), args.repeat)
            t_one = timed(lambda root=root: one_file(root), args.repeat)
            print(f"{n:>7} {t_lomba:>7.2f}s {t_valid:>8.2f}s {t_status:>7.2f}s {t_base:>8.2f}s "
                  f"{t_lomba / t_base:>6.2f} {t_lomba / n * 1000:>8.2f}ms {t_one:>8.2f}s")


if __name__ == "__main__":
    main()
