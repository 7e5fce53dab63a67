"""Benchmark `lomba watch`: from an entry's save to its new document, and to the new desk.

A workspace of N innovations (each entering SINOVIK 2019 and IGA 2019) is built, then
`lomba watch` runs on it as a person would leave it running. Each round edits one entry and
measures, by polling the files, how long after the save its DOCX and then the dashboard change.
The baseline, in the same run: the same edit followed by a whole `lomba build` in a new process
(what a person waited for before `watch` made the saved entry's documents first). Prints
figures; asserts nothing.

Usage: python bench/watch_bench.py --entries 10000 --rounds 5 [--simpan DIR]
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from installed import as_installed

WORK = Path(__file__).resolve().parent / ".work"
LOMBA = [sys.executable, "-m", "lomba"]


def _edit(entry: Path, round_: int) -> None:
    """A new title: it shows in the document and on the dashboard alike."""
    text = entry.read_text(encoding="utf-8")
    entry.write_text(re.sub(r"^nama: (.*?)(?: \(versi \d+\))?$",
                            lambda m: f"nama: {m.group(1)} (versi {round_})", text, count=1,
                            flags=re.M), encoding="utf-8")


def _changed(path: Path, before: bytes | None, deadline: float) -> float | None:
    """Wait until ``path`` holds other bytes than ``before``; the moment it did, or None."""
    while time.perf_counter() < deadline:
        try:
            now = path.read_bytes()
        except OSError:
            now = None
        if now is not None and now != before:
            return time.perf_counter()
        time.sleep(0.005)
    return None


def _reader(proc: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.put(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--simpan", type=Path, metavar="DIR",
                        help="generate the workspace in DIR once and keep it")
    args = parser.parse_args()
    print(as_installed())
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        root = (args.simpan or Path(tmp)) / "ws"
        if not (root / "lomba.yaml").is_file():
            generate(root, args.entries)
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "LOMBA_LANG": "id"}
        subprocess.run([*LOMBA, "-C", str(root), "build"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        entry = sorted((root / "entries").rglob("*.yaml"))[0]
        document = next(d for d in (root / "build" / f"{c}-2019" / entry.parent.name
                                    / f"{entry.stem}.docx" for c in ("iga", "sinovik"))
                        if d.is_file())
        dashboard = root / "build" / "index.html"

        # Baseline: save, then a whole build in a new process.
        whole = []
        for i in range(args.rounds):
            _edit(entry, 100 + i)
            start = time.perf_counter()
            subprocess.run([*LOMBA, "-C", str(root), "build"], check=True, env=env,
                           stdout=subprocess.DEVNULL)
            whole.append(time.perf_counter() - start)

        proc = subprocess.Popen([*LOMBA, "-C", str(root), "watch"], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, env=env)
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_reader, args=(proc, lines), daemon=True).start()
        to_document, to_desk = [], []
        try:
            while "Mengawasi" not in lines.get(timeout=600):
                pass
            time.sleep(1.0)  # the watcher's own start
            for i in range(args.rounds):
                before_doc, before_desk = document.read_bytes(), dashboard.read_bytes()
                _edit(entry, i)
                saved = time.perf_counter()
                done = _changed(document, before_doc, saved + 300)
                desk = _changed(dashboard, before_desk, saved + 300)
                if done is None or desk is None:
                    raise SystemExit("watch did not rebuild within 300 s")
                to_document.append(done - saved)
                to_desk.append(desk - saved)
                while True:  # the round is over when watch says so
                    line = lines.get(timeout=300)
                    if "berkas diperbarui" in line and "dokumen" not in line:
                        break
        finally:
            proc.send_signal(signal.SIGINT if sys.platform != "win32" else signal.CTRL_C_EVENT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if args.simpan is None:
            shutil.rmtree(root, ignore_errors=True)
    print(f"{args.entries} inovasi, {args.rounds} kali simpan; median (terkecil–terbesar)")
    print(f"build lengkap setelah simpan (pembanding): {statistics.median(whole):.2f} s "
          f"({min(whole):.2f}–{max(whole):.2f})")
    print(f"watch: simpan sampai dokumen baru:         {statistics.median(to_document):.2f} s "
          f"({min(to_document):.2f}–{max(to_document):.2f})")
    print(f"watch: simpan sampai dasbor baru:          {statistics.median(to_desk):.2f} s "
          f"({min(to_desk):.2f}–{max(to_desk):.2f})")
    print(f"rasio (build lengkap / dokumen lewat watch): "
          f"{statistics.median(whole) / statistics.median(to_document):.1f}x")


if __name__ == "__main__":
    main()
