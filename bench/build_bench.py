"""Benchmark `lomba check` and `lomba build` at several sizes, against plain python-docx.

For each size N (innovations across 40 OPD, each entering SINOVIK 2019 and IGA 2019, so 2N
documents) it prints: a build from nothing (no outputs, no cache: wall time and CPU per
document); check time without the parse cache, on the first run (which also fills the cache)
and warm; a cold build (every output rebuilt, the caches an earlier check left kept: wall time,
documents per second and CPU per document); no-op rebuild; rebuild after one entry changes
(the whole build, documents and desk: with the others' facts kept, after a title edit, with the
documents made and the entries loaded, and after an edit of its summary, which no desk file
shows, with the desk files written; then the baseline, every entry loaded as before the facts
were kept; then in a new process, start-up included, the median of three); that entry's
documents alone, as `watch` makes them first after a save (in a warm process) and as `lomba
build FILE` does (a new process, the median of three); rebuild after one competition template
changes; peak memory. In the same process it then renders the same documents with lomba's
DOCX writer and with a plain python-docx baseline (a new ``Document()`` per file, paragraphs
and tables added, saved) and prints the ratio. Beside each row it prints what one new file
costs on this disk (a cold build writes two per document; it varies several-fold with the
disk's state, from about 0.01 to 0.3 ms on the same machine).

Each size runs in its own process so that peak memory is that size's alone.
Usage: python bench/build_bench.py --sizes 100,1000,10000 (or --nasional 36742: the national
run, with plain python-docx on a sample of its documents as the same run's baseline, and the
wall time, CPU and parent's memory of each stage: the check, the documents, the desk)
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from installed import as_installed
from lomba.build import run_build
from lomba.check.workspace import load_workspace
from lomba.load.reference import reference_bytes, reference_for
from lomba.render.compose import compose
from lomba.render.document import Heading, ListBlock, Paragraph, Question, Table
from lomba.validate.competitions import builtin_templates
from lomba.write.docx_writer import render_docx


def cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024


def own_peak_mb() -> float:
    """This process's peak resident memory so far (not its workers')."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Stages:
    """Where a build's time and memory go, from the build's own callbacks: the check (until
    rendering starts), the documents (until the desk begins), then the desk and the build's
    records. Each boundary notes the wall clock, the CPU of this process and of its ended
    workers (the check's and the documents' worker processes have ended by the next boundary,
    so each stage's CPU is its own), and this process's peak memory so far."""

    def __init__(self) -> None:
        self.marks: dict[str, tuple[float, float, float]] = {}
        self.mark("mulai")

    def mark(self, name: str) -> None:
        self.marks[name] = (time.perf_counter(), cpu(), own_peak_mb())

    def start(self, _documents: int) -> None:
        self.mark("periksa")

    def stage(self, step: str, _count: int) -> None:
        if step == "desk":
            self.mark("dokumen")

    def line(self) -> str:
        """The stages as the benchmark prints them (after :meth:`mark` of ``"akhir"``)."""
        names = ["mulai", "periksa", "dokumen", "akhir"]
        labels = ["pemeriksaan", "penyusunan dokumen", "meja kerja dan catatan build"]
        parts = []
        for label, a, b in zip(labels, names[:-1], names[1:], strict=True):
            (t0, c0, _), (t1, c1, m1) = self.marks[a], self.marks[b]
            parts.append(f"{label} {t1 - t0:.1f} s (CPU {c1 - c0:.1f} s; memori proses induk "
                         f"sampai {m1:.0f} MB)")
        return "; ".join(parts)


def plain_python_docx(document, *, same_content: bool = True) -> bytes:  # type: ignore[no-untyped-def]
    """The baseline: what a script using python-docx directly would do for the same content:
    the properties, the header line, the cover with its logo, every block with its photos,
    saved. ``same_content=False`` is the earlier, smaller baseline that left out the cover,
    the header, the properties and the pictures (printed beside, for comparison)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches

    from lomba.render.document import Image, Link, PageBreak

    out = docx.Document()
    if same_content:
        props = out.core_properties
        props.title, props.author, props.subject = document.title, document.author, \
            document.subject
        props.keywords, props.language = document.keywords, document.language
        header = out.sections[0].header.paragraphs[0]
        header.text = document.header
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        cover = document.cover
        if cover is not None:
            out.add_paragraph()
            out.add_paragraph()
            if cover.logo is not None:
                out.add_picture(io.BytesIO(cover.logo.data), width=Inches(1.4))
                out.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for text, style in [(cover.kicker.upper(), None), (cover.title, "Title"),
                                *([(cover.subtitle, "Subtitle")] if cover.subtitle else []),
                                *[(line, None) for line in cover.lines]]:
                out.add_paragraph(text, style=style).alignment = WD_ALIGN_PARAGRAPH.CENTER
            for line in cover.footer:
                p = out.add_paragraph()
                p.add_run(line).bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            out.add_page_break()
    else:
        out.add_heading(document.title, 0)
    for block in document.blocks:
        if isinstance(block, Heading):
            out.add_heading(block.text, level=block.level)
        elif isinstance(block, Question):
            out.add_heading(block.title, level=2)
            if block.question:
                out.add_paragraph(block.question)
        elif isinstance(block, Paragraph):
            p = out.add_paragraph()
            for run in block.runs:
                r = p.add_run(run.text)
                r.bold, r.italic = run.bold, run.italic
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.add_paragraph("".join(r.text for r in item),
                                  style="List Number" if block.ordered else "List Bullet")
        elif isinstance(block, Table):
            rows = [block.header, *block.rows, *([block.total] if block.total else [])]
            table = out.add_table(rows=len(rows), cols=len(block.header))
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    table.cell(i, j).text = value
        elif same_content and isinstance(block, Image):
            out.add_picture(io.BytesIO(block.blob.data), width=Inches(4))
            out.add_paragraph(block.caption, style="Caption")
        elif same_content and isinstance(block, Link):
            out.add_paragraph(f"{block.label} ({block.url})")
        elif same_content and isinstance(block, PageBreak):
            out.add_page_break()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def file_cost(folder: Path, files: int = 400) -> float:
    """Milliseconds of CPU (the process's own and the kernel's for it) to write one new 40 KB
    file in ``folder`` through lomba's atomic writer, a piece of work between files as in a
    build. It varies several-fold with the disk's state, and a cold build writes two files
    per document, so the benchmark prints it beside the build figures."""
    from lomba.fileio import atomic_write_bytes

    probe = folder / ".probe"
    data = os.urandom(20_000) * 2
    spent = 0.0
    try:
        for i in range(files):
            zlib.compress(data, 6)  # the work between two files
            c0 = cpu()
            atomic_write_bytes(probe / f"f{i:04d}.docx", data, durable=False)
            spent += cpu() - c0
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return spent / files * 1000


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(runs: int, before, fn) -> float:  # type: ignore[no-untyped-def]
    """The median time of ``fn`` over ``runs`` runs, ``before`` called ahead of each."""
    times = []
    for _ in range(runs):
        before()
        times.append(timed(fn))
    return statistics.median(times)


WORK = Path(__file__).resolve().parent / ".work"


def national(n: int, jobs: int, keep: Path | None = None) -> None:
    """National scale: ``n`` innovations rendered for the IGA only, one document each.
    ``keep``: generate the workspace there (once) and keep it, to time the build again."""
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        t0 = time.perf_counter()
        root = (keep or Path(tmp)) / "ws"
        if not (root / "lomba.yaml").is_file():
            generate(root, n, competitions=("iga",))
        shutil.rmtree(root / "build", ignore_errors=True)  # cold: no outputs, no parse cache
        t_gen = time.perf_counter() - t0
        per_file = file_cost(root)
        c0 = cpu()
        holder = {}
        stages = Stages()
        t_build = timed(lambda: holder.setdefault("r", run_build(
            root, jobs=jobs, start=stages.start, stage=stages.stage)))
        stages.mark("akhir")
        docs = sum(len([p for p in o.written if p.suffix == ".docx"])
                   for o in holder["r"].outcomes)
        used = cpu() - c0
        peak = peak_mb()
        ws = holder["r"].ws
        pairs = sample_readiness(ws, 100)
        documents = sample_documents(ws, 100, pairs)
        reference = reference_bytes(reference_for(root))
        holder.clear()  # the baseline runs in a process that holds only these documents
        ws = None
        gc.collect()
        plain_python_docx(documents[0])  # its imports and template, warm
        plain = timed(lambda: [plain_python_docx(d) for d in documents]) / len(documents)
        text = timed(lambda: [plain_python_docx(d, same_content=False)
                              for d in documents]) / len(documents)
        least = floor_parts(pairs, documents, reference, per_file / 1000)
        print(f"nasional: {n} inovasi, {docs} dokumen IGA dalam {t_build:.0f} s "
              f"({t_build / 60:.1f} menit; {docs / t_build:.0f} dok/s, CPU {used / docs * 1000:.1f}"
              f" ms/dok, memori puncak {peak:.0f} MB); pembuatan data uji {t_gen:.0f} s; "
              f"satu berkas baru di disk ini {per_file:.2f} ms CPU", flush=True)
        print(f"nasional, pembanding pada proses yang sama: python-docx polos {plain * 1000:.1f} "
              f"ms/dok (contoh {len(documents)} dokumen yang sama), yaitu {plain * docs:.0f} s CPU "
              f"untuk semua dokumen; build lomba dari nol, semua keluaran: "
              f"{plain * docs / used:.1f}x (tanpa sampul, kepala halaman dan gambar: "
              f"{text * 1000:.1f} ms/dok, {text * docs / used:.1f}x)", flush=True)
        floor = sum(least.values())
        print(f"nasional, batas bawah pada jam ini (contoh yang sama, satu inti, "
              f"tercepat dari {FLOOR_RUNS}): "
              f"{floor * 1000:.2f} ms CPU per inovasi ("
              + ", ".join(f"{name} {t * 1000:.2f} ms" for name, t in least.items())
              + f"), yaitu {floor * n / jobs:.0f} s untuk {n} inovasi pada {jobs} inti "
              f"yang bekerja penuh tanpa jeda; build lomba: {used / n * 1000:.2f} ms CPU per "
              f"inovasi, {used / n / floor:.1f}x batas itu; target 60 s", flush=True)
        print(f"nasional, per tahap: {stages.line()}; proses anak sampai "
              f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB",
              flush=True)


FLOOR_RUNS = 5
"""Runs of each part of the national floor, of which the fastest counts."""


def floor_parts(pairs, documents, reference: bytes,  # type: ignore[no-untyped-def]
                new_file: float) -> dict[str, float]:
    """Seconds per innovation, part by part, that no build of it can go below with this stack:
    its file read, loaded by libyaml without positions and validated by the model (no
    diagnostic, no rule, no cache); its document, already composed, made into bytes by lomba's
    own DOCX and HTML writers; the two new files. Each part is one process's time on one core,
    which is its CPU time (the files were just read; nothing waits), except the new files,
    whose CPU :func:`file_cost` measured. Each part is the fastest of :data:`FLOOR_RUNS` runs:
    the machine's speed wanders within a minute, and a floor is the least it took. A target
    below their sum times the entries, over the cores, cannot be met in that hour by making
    lomba's own work cheaper."""
    import yaml

    from lomba.model.innovation import Inovasi
    from lomba.write.html_writer import render_html

    def load() -> None:
        for r in pairs:
            Inovasi.model_validate(yaml.load(r.entry.path.read_bytes().decode("utf-8"),
                                             Loader=yaml.CSafeLoader))

    load()  # the validator is built on first use
    count = len(pairs)

    def least(fn) -> float:  # type: ignore[no-untyped-def]
        return min(timed(fn) for _ in range(FLOOR_RUNS)) / count

    return {
        "baca, muat, validasi": least(load),
        "DOCX": least(lambda: [render_docx(d, reference) for d in documents]),
        "HTML": least(lambda: [render_html(d, r).encode("utf-8")
                               for d, r in zip(documents, pairs, strict=True)]),
        "dua berkas baru": 2 * new_file,
    }


def sample_pairs(ws, sample: int) -> list:  # type: ignore[no-untyped-def]
    """``sample`` of the workspace's ready pairs, spread over it."""
    step = max(1, len(ws.readiness) // sample)
    return [r for r in ws.readiness[::step] if r.ready][:sample]


def sample_readiness(ws, sample: int) -> list:  # type: ignore[no-untyped-def]
    """:func:`sample_pairs` with their sections' text, from the full entry (the checked one
    keeps counts, not text), as the build composed and previewed them."""
    from lomba.check.competition import with_text

    return [with_text(r, r.entry.full(ws.root), ws.config) for r in sample_pairs(ws, sample)]


def sample_documents(ws, sample: int, pairs=None) -> list:  # type: ignore[no-untyped-def]
    """The documents of :func:`sample_readiness` (or of ``pairs`` from it), composed as the
    build composed them, for the same run's baseline: a figure can then be read apart from the
    machine's speed that hour."""
    from lomba.plan.pairs import make_context

    ctx = make_context(ws, False)
    return [compose(r, ws.config, ws.root, ws.config.document_date(r.edition.ref, ws.today),
                    iga_spec=ctx.iga_spec)
            for r in (pairs if pairs is not None else sample_readiness(ws, sample))]


def one(n: int, jobs: int, sample: int) -> None:
    # On the project's own disk, not /tmp: file creation there can be ten times slower.
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        root = generate(Path(tmp) / "ws", n)
        result = None

        def build_all() -> None:
            nonlocal result
            result = run_build(root, jobs=jobs, fresh=True)

        # From nothing: no outputs and no cache, as the first build of a new clone.
        c0 = cpu()
        t_zero = timed(build_all)
        cpu_zero = cpu() - c0
        peak = peak_mb()  # of a build (parent or any worker), before anything else runs
        result = None  # (it holds the loaded workspace)
        shutil.rmtree(root / "build")
        t_check_cold = timed(lambda: load_workspace(root, use_cache=False))
        t_check_first = timed(lambda: load_workspace(root))  # also fills the parse cache
        t_check_warm = timed(lambda: load_workspace(root))
        per_file = file_cost(root)
        # Cold: every output rebuilt (as --clean), the caches an earlier check left kept.
        c0 = cpu()
        t_cold = timed(build_all)
        cpu_cold = cpu() - c0
        peak = max(peak, peak_mb())
        docs = sum(len([p for p in o.written if p.suffix == ".docx"]) for o in result.outcomes)
        written = sum(len(o.written) for o in result.outcomes)
        result = None
        t_noop = timed(lambda: run_build(root, jobs=jobs))
        entry = next((root / "entries").rglob("*.yaml"))
        name = entry.relative_to(root).as_posix()

        def change() -> None:
            """The same entry's title changed again (to a title no other entry has)."""
            text = entry.read_text(encoding="utf-8")
            titles = ("Inovasi Pelayanan Nomor", "Inovasi Layanan Nomor")
            old, new = titles if titles[0] in text else titles[::-1]
            entry.write_text(text.replace(old, new, 1), encoding="utf-8")

        def change_text() -> None:
            """The same entry's summary changed (a fact no desk file shows)."""
            text = entry.read_text(encoding="utf-8")
            old, new = "  ringkasan: '", "  ringkasan: 'Diperbarui. "
            if new in text:
                old, new = new, old
            entry.write_text(text.replace(old, new, 1), encoding="utf-8")

        one_entry = {}

        def after_entry() -> None:
            one_entry["r"] = run_build(root, jobs=jobs)

        # A whole build after one entry changed: only that entry loaded, the others' facts
        # kept (build/delta.py); then, as the baseline, the same with the kept facts removed
        # (every entry loaded, the desk made from all of them, as before).
        change()
        t_entry = timed(after_entry)
        n_entry = sum(o.rendered_now for o in one_entry["r"].outcomes)
        loaded = len(one_entry["r"].ws.entries)
        one_entry.clear()
        change_text()  # the desk made from the same facts is the one in build/
        t_entry_text = timed(after_entry)
        desk_text = len(one_entry["r"].desk)
        one_entry.clear()
        change()
        (root / "build" / ".cache" / "build-keadaan.json").unlink()
        t_entry_all = timed(after_entry)
        one_entry.clear()
        # The whole build in a new process, start-up included (`lomba build` after a save):
        # the median of three, each after its own edit (one process's time varies by a tenth).
        t_entry_cli = median_of(3, change, lambda: subprocess.run(
            [sys.executable, "-m", "lomba", "-C", str(root), "build"], check=True,
            stdout=subprocess.DEVNULL))
        # That entry's documents alone: as `watch` makes them first (in this warm process),
        # and as `lomba build FILE` does (a new process, start-up included).
        change()
        t_watch = timed(lambda: run_build(root, jobs=jobs, entries=[name]))
        t_named = median_of(3, change, lambda: subprocess.run(
            [sys.executable, "-m", "lomba", "-C", str(root), "build", name],
            check=True, stdout=subprocess.DEVNULL))
        run_build(root, jobs=jobs)  # the desk catches up before the template run
        target = root / "templates" / "iga" / "2019"
        shutil.copytree(builtin_templates() / "iga" / "2019", target)
        spec = target / "spec.yaml"
        spec.write_text(spec.read_text(encoding="utf-8").replace(
            "judul: Hasil Inovasi", "judul: Hasil dan Dampak Inovasi"), encoding="utf-8")
        t_template = timed(lambda: run_build(root, jobs=jobs))

        # Writer against baseline, same documents, same process, one core.
        ws = load_workspace(root)
        reference = reference_bytes(reference_for(root))
        # The documents the build wrote, their sections' text included (the checked entries
        # keep only counts: composed from them, a document would hold its tables alone).
        documents = sample_documents(ws, sample)
        # Both writers then run in a process that holds only these documents: a loaded
        # workspace left in memory would slow the baseline's many small objects (each
        # collection walks the whole heap) and flatter lomba.
        ws = None
        gc.collect()
        render_docx(documents[0], reference)  # warm caches as a build does
        t_lomba = timed(lambda: [render_docx(d, reference) for d in documents]) / len(documents)
        t_plain = timed(lambda: [plain_python_docx(d) for d in documents]) / len(documents)
        t_text = timed(lambda: [plain_python_docx(d, same_content=False)
                                for d in documents]) / len(documents)
        per_doc = cpu_cold / max(docs, 1)
        print(f"{'':>6} build dingin, seluruh proses dan semua keluaran, {per_doc * 1000:.2f} ms "
              f"CPU per dokumen, terhadap python-docx polos pada {len(documents)} dokumen yang "
              f"sama: {t_plain * 1000:.1f} ms dengan isi yang sama ({t_plain / per_doc:.1f}x), "
              f"{t_text * 1000:.1f} ms tanpa sampul, kepala halaman dan gambar "
              f"({t_text / per_doc:.1f}x)")
        print(f"{'':>6} satu berkas baru di disk ini: {per_file:.2f} ms CPU; build dingin menulis "
              f"{written} berkas ({written / max(docs, 1):.1f} per dokumen)")
        print(f"{n:>6} {t_check_cold:>7.2f}s {t_check_first:>7.2f}s {t_check_warm:>7.2f}s "
              f"{t_zero:>7.1f}s {cpu_zero / max(docs, 1) * 1000:>6.1f}ms {t_cold:>7.1f}s "
              f"{docs / t_cold:>7.0f} {cpu_cold / max(docs, 1) * 1000:>7.1f}ms "
              f"{t_noop:>6.2f}s {t_entry:>6.2f}s ({n_entry}; {loaded}) "
              f"{t_entry_text:>6.2f}s ({desk_text}) {t_entry_all:>6.2f}s "
              f"{t_entry_cli:>6.2f}s {t_watch:>6.2f}s {t_named:>6.2f}s "
              f"{t_template:>7.1f}s "
              f"{peak:>6.0f}MB {t_lomba * 1000:>6.2f}ms {t_plain * 1000:>7.2f}ms "
              f"{t_plain / t_lomba:>6.1f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=100,
                        help="documents in the writer-vs-baseline comparison")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--nasional", type=int, metavar="N",
                        help="only the national-scale run: N innovations for the IGA (36742)")
    parser.add_argument("--simpan", type=Path, metavar="DIR",
                        help="with --nasional: generate the workspace in DIR once and keep it")
    args = parser.parse_args()
    if args.one:
        one(args.one, args.jobs, args.sample)
        return
    if args.nasional:
        national(args.nasional, args.jobs, args.simpan)
        return
    print(as_installed())
    print(f"{os.cpu_count()} inti; build memakai {args.jobs} proses. 2 dokumen per inovasi "
          "(SINOVIK 2019 dan IGA 2019), masing-masing DOCX dan HTML.")
    print(f"{'N':>6} {'check':>8} {'check':>8} {'check':>8} {'build':>8} {'CPU/dok':>8} "
          f"{'build':>8} {'dok/s':>7} {'CPU/dok':>9} {'no-op':>7} {'1 entri':>14} "
          f"{'1 entri':>11} {'1 entri':>7} {'1 entri':>7} {'watch':>7} {'build':>7} "
          f"{'templat':>8} {'memori':>8} {'lomba':>8} {'python-docx':>9} {'rasio':>7}")
    print(f"{'':>6} {'tanpa':>8} {'pertama':>8} {'hangat':>8} {'dari nol':>8} {'':>8} "
          f"{'dingin':>8} {'':>7} {'':>9} {'':>7} {'judul':>14} {'ringkasan':>11} "
          f"{'semua':>7} {'proses':>7} {'dokumen':>7} {'ENTRI':>7} {'berubah':>8} "
          f"{'puncak':>8} {'per dok':>8} {'per dok':>9}")
    print(f"{'':>6} {'cache':>8} {'(+cache)':>8} {'':>8} {'':>8} {'':>8} {'':>7} {'':>9} "
          f"{'':>7} {'(dok; dimuat)':>14} {'(desk)':>11} {'dimuat':>7} {'baru':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, "--one", str(size), "--jobs", str(args.jobs),
                        "--sample", str(args.sample)], check=True)


if __name__ == "__main__":
    main()
