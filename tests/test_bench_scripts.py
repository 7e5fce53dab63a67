"""The benchmark scripts run end to end (their figures are read by people, not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO


def bench(script: str, *args: str) -> list[str]:
    """The lines a benchmark script prints, after it ran to the end without an error."""
    result = subprocess.run([sys.executable, f"bench/{script}", *args], cwd=REPO,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def compiled_first(rows: list[str]) -> list[str]:
    """A benchmark that times new `lomba` processes first compiles lomba's modules, as pip
    does at installation, says so, and leaves the bytecode where a new process finds it."""
    assert rows[0].startswith("bytecode lomba disiapkan seperti pada pemasangan pip"), rows[0]
    assert "tidak dapat" not in rows[0]
    cached = REPO / "src" / "lomba" / "check" / "__pycache__"
    tag = sys.implementation.cache_tag
    assert (cached / f"workspace.{tag}.pyc").is_file()
    assert (REPO / "src" / "lomba" / "desk" / "__pycache__" / f"outputs.{tag}.pyc").is_file()
    return rows[1:]


def test_check_bench_runs() -> None:
    rows = compiled_first(bench("check_bench.py", "--sizes", "15", "--repeat", "1"))
    row = rows[-1].split()
    assert row[0] == "15" and row[1].endswith("s")


def test_build_bench_runs_with_its_baseline() -> None:
    rows = compiled_first(bench("build_bench.py", "--sizes", "12", "--sample", "3", "--jobs", "1"))
    assert rows[-1].split()[0] == "12" and rows[-1].rstrip().endswith("x")
    assert any(re.search(r"build dingin, seluruh proses dan semua keluaran, [\d.]+ ms CPU per "
                         r"dokumen, .* pada 3 dokumen yang sama: [\d.]+ ms dengan isi yang sama "
                         r"\([\d.]+x\)", row) for row in rows)


def test_pdf_bench_runs_with_its_baseline() -> None:
    rows = bench("pdf_bench.py", "--entries", "2", "--baseline", "1", "--jobs", "1")
    assert rows[0].startswith("4 dokumen") and rows[-1].rstrip().endswith("x")


def test_watch_bench_runs_with_its_baseline() -> None:
    rows = compiled_first(bench("watch_bench.py", "--entries", "6", "--rounds", "1"))
    assert rows[0].startswith("6 inovasi") and rows[-1].rstrip().endswith("x")


def test_national_bench_runs_with_its_baseline() -> None:
    rows = bench("build_bench.py", "--nasional", "8", "--jobs", "1")
    assert rows[0].startswith("nasional: 8 inovasi, 8 dokumen IGA")
    assert "python-docx polos" in rows[1] and re.search(
        r"semua keluaran: [\d.]+x \(tanpa sampul, kepala halaman dan gambar: [\d.]+ ms/dok, "
        r"[\d.]+x\)$", rows[1].rstrip())
    # The least any build of that volume takes this hour: its parts, their sum, over the cores.
    floor = re.fullmatch(
        r"nasional, batas bawah pada jam ini \(contoh yang sama, satu inti, tercepat dari 5\): "
        r"([\d.]+) ms CPU "
        r"per inovasi \(baca, muat, validasi ([\d.]+) ms, DOCX ([\d.]+) ms, HTML ([\d.]+) ms, "
        r"dua berkas baru ([\d.]+) ms\), yaitu \d+ s untuk 8 inovasi pada 1 inti yang bekerja "
        r"penuh tanpa jeda; build lomba: [\d.]+ ms CPU per inovasi, [\d.]+x batas itu; "
        r"target 60 s", rows[2].rstrip())
    assert floor, rows[2]
    total, *parts = map(float, floor.groups())
    assert all(p > 0 for p in parts) and abs(sum(parts) - total) <= 0.03
    # Where the time and the memory went, stage by stage (the check, the documents, the desk).
    assert re.fullmatch(
        r"nasional, per tahap: pemeriksaan [\d.]+ s \(CPU [\d.]+ s; memori proses induk sampai "
        r"\d+ MB\); penyusunan dokumen [\d.]+ s \(CPU [\d.]+ s; memori proses induk sampai "
        r"\d+ MB\); meja kerja dan catatan build [\d.]+ s \(CPU [\d.]+ s; memori proses induk "
        r"sampai \d+ MB\); proses anak sampai \d+ MB", rows[3].rstrip())


def test_write_cost_bench_runs_both_ways() -> None:
    rows = bench("write_cost_bench.py", "--entries", "6", "--rounds", "1", "--jobs", "1")
    assert rows[0].startswith("6 inovasi IGA") and "12 berkas baru" in rows[1]


def test_the_baseline_measures_the_documents_the_build_wrote(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Both writers are timed on the documents the build wrote, sections and all: lomba's
    writer turns each sampled document into the very bytes of the built DOCX (composed from the
    checked entries, which keep counts and not text, they would hold their tables alone)."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import build_bench
        from generate import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    from lomba.build import run_build
    from lomba.check.workspace import load_workspace
    from lomba.load.reference import reference_bytes, reference_for
    from lomba.plan.pairs import output_files
    from lomba.render.document import Question
    from lomba.write.docx_writer import render_docx

    root = generate(tmp_path / "ws", 6)
    run_build(root, jobs=1)
    ws = load_workspace(root, jobs=1)
    assert all(e.light for e in ws.entries)
    pairs = build_bench.sample_pairs(ws, 4)
    documents = build_bench.sample_documents(ws, 4)
    reference = reference_bytes(reference_for(root))
    assert len(pairs) == len(documents) == 4
    for pair, document in zip(pairs, documents, strict=True):
        answered = [s for s in pair.sections if s.words]
        assert len([b for b in document.blocks if isinstance(b, Question)]) == len(answered) > 3
        built = root / next(n for n in output_files(pair) if n.endswith(".docx"))
        assert render_docx(document, reference) == built.read_bytes()
        assert build_bench.plain_python_docx(document)[:2] == b"PK"
