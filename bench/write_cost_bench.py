"""How much of a build is creating its files: the same cold build of N innovations (IGA only,
a DOCX and an HTML preview each) with its documents written, and with them composed and
rendered but not written, each in a new process; prints the CPU of each, user and kernel,
and what one new file cost. On this machine's disk that cost changes from minute to minute
(from about 0.01 to 2 ms), which moves every build figure with it.

Usage: python bench/write_cost_bench.py --entries 2000
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

WORK = Path(__file__).resolve().parent / ".work"


def one(root: Path, write: bool, jobs: int) -> None:
    """A cold build of ``root`` in this process; prints user and kernel CPU and documents."""
    import lomba.build
    from lomba.fileio import WriteLog

    if not write:
        def composed_only(target: Path, data: bytes, outcome: WriteLog) -> None:
            outcome.written.append(target)  # rendered in full, then not written
        lomba.build.write_if_changed = composed_only  # type: ignore[assignment]
    shutil.rmtree(root / "build", ignore_errors=True)
    result = lomba.build.run_build(root, jobs=jobs)
    files = sum(len(o.written) for o in result.outcomes)
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{me.ru_utime + kids.ru_utime:.2f} {me.ru_stime + kids.ru_stime:.2f} {files}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, not args.no_write, args.jobs)
        return
    from generate import generate

    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        root = generate(Path(tmp) / "ws", args.entries, competitions=("iga",))
        print(f"{args.entries} inovasi IGA, build dingin di proses baru, {args.jobs} proses; "
              "CPU pengguna + kernel (s)")
        for _ in range(args.rounds):  # alternating, as the disk's cost drifts
            figures = {}
            for write in (True, False):
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(root), "--jobs", str(args.jobs),
                     *([] if write else ["--no-write"])],
                    check=True, capture_output=True, text=True).stdout.split()
                figures[write] = (float(out[0]), float(out[1]), int(out[2]))
            (u1, s1, files), (u0, s0, _) = figures[True], figures[False]
            print(f"  menulis berkas: {u1:.1f} + {s1:.1f}; tanpa menulis: {u0:.1f} + {s0:.1f}; "
                  f"{files} berkas baru, masing-masing {(u1 + s1 - u0 - s0) / files * 1000:.2f}"
                  " ms CPU", flush=True)


if __name__ == "__main__":
    main()
