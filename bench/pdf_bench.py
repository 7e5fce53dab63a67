"""Benchmark PDF conversion: lomba's batches (one LibreOffice process per core, profiles kept)
against the naive way (one LibreOffice process per document), on the same documents, in the
same run.

It builds a generated workspace of N innovations (each entering SINOVIK 2019 and IGA 2019, so
2N documents), then converts: the baseline, one ``soffice --convert-to pdf`` process per document
for a sample of them (its per-document time is the mean); lomba's ``convert`` cold (new profiles)
and warm (profiles kept, as every build after the first). It prints documents per second and
the speed-up over the baseline. Needs LibreOffice.

Usage: python bench/pdf_bench.py --entries 500 --baseline 20 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from lomba.build import run_build
from lomba.write.pdf import convert, find_soffice

WORK = Path(__file__).resolve().parent / ".work"


def one_process_per_document(soffice: str, documents: list[Path], profile: Path) -> float:
    """The baseline: a new LibreOffice process for every document (its profile made once, so
    only the per-process start is counted, as a script looping over files would do)."""
    start = time.perf_counter()
    for docx in documents:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
                       capture_output=True, check=True, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--baseline", type=int, default=10,
                        help="documents converted one process each (the mean is used)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    soffice = find_soffice()
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        root = generate(Path(tmp) / "ws", args.entries)
        result = run_build(root, jobs=args.jobs, fresh=True)
        documents = sorted(p for o in result.outcomes for p in [*o.written, *o.unchanged]
                           if p.suffix == ".docx")
        n = len(documents)
        sample = documents[:max(1, min(args.baseline, n))]
        base_profile = Path(tmp) / "profil-dasar"
        one_process_per_document(soffice, sample[:1], base_profile)  # make the profile once
        for pdf in root.rglob("*.pdf"):
            pdf.unlink()
        t_base = one_process_per_document(soffice, sample, base_profile) / len(sample)
        for pdf in root.rglob("*.pdf"):
            pdf.unlink()
        work = Path(tmp) / "kerja"
        start = time.perf_counter()
        made = convert(documents, work, args.jobs)
        t_cold = time.perf_counter() - start
        assert len(made) == n, (len(made), n)
        for pdf in made:
            pdf.unlink()
        start = time.perf_counter()
        convert(documents, work, args.jobs)
        t_warm = time.perf_counter() - start
        shutil.rmtree(root / "build", ignore_errors=True)
    base_total = t_base * n
    print(f"{n} dokumen, {args.jobs} proses LibreOffice")
    print(f"{'cara':<42}{'waktu':>10}{'dok/s':>9}{'x':>7}")
    print(f"{'satu proses per dokumen (dasar, rerata)':<42}{base_total:>9.1f}s"
          f"{n / base_total:>9.1f}{1:>6.1f}x")
    for label, t in (("lomba, batch per inti, profil baru", t_cold),
                     ("lomba, batch per inti, profil tersimpan", t_warm)):
        print(f"{label:<42}{t:>9.1f}s{n / t:>9.1f}{base_total / t:>6.1f}x")


if __name__ == "__main__":
    main()
