"""Expected faults reach the user as one message naming the path and what to do, exit 1, never a
traceback, and leave every earlier output as it was."""

from __future__ import annotations

import errno
import itertools
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import lomba.fileio
from lomba.cli import main
from lomba.load.reference import builtin_reference, reference_problem
from lomba.plan.incremental import build_lock
from tests.conftest import edit

DOCX = Path("build/sinovik-2019/dinkes/si-bunda.docx")


def invoke(cwd: Path, *args: str):  # type: ignore[no-untyped-def]
    """The CLI as a user runs it: exceptions are not re-raised into the test."""
    return CliRunner().invoke(main, ["-C", str(cwd), *args])


def outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in (root / "build").rglob("*") if p.is_file() and ".cache" not in p.parts
            and p.suffix in (".docx", ".html")}


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "disk penuh"),
                                             (errno.EACCES, "tidak punya izin"),
                                             (errno.EROFS, "hanya-baca")])
def test_a_write_fault_during_build_is_a_message(sample: Path, monkeypatch: pytest.MonkeyPatch,
                                                 code: int, words: str) -> None:
    assert invoke(sample, "build").exit_code == 0
    before = outputs(sample)
    entry = sample / "entries/dinkes/si-bunda.yaml"
    edit(entry, "Angka kematian ibu", "Angka kematian ibu hamil")
    def failing(fd: int, data: bytes) -> None:
        os.write(fd, data[:len(data) // 2])  # half the file, then the fault
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(lomba.fileio, "_write_all", failing)
    result = invoke(sample, "build")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert words in result.output and "build/" in result.output
    assert outputs(sample) == before, "nothing half-written, nothing lost"
    assert not list((sample / "build").rglob("*.tmp"))


def test_a_temporary_name_left_by_a_process_with_the_same_id_is_passed_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lomba.fileio, "_TEMP_NUMBERS", itertools.count(7))
    target = tmp_path / "build" / "a.docx"
    target.parent.mkdir()
    taken = target.parent / f".a.docx.{os.getpid()}-7.tmp"
    taken.write_bytes(b"left by a killed run")
    lomba.fileio.atomic_write_bytes(target, b"new", durable=False)
    assert target.read_bytes() == b"new"
    assert taken.read_bytes() == b"left by a killed run"
    assert sorted(p.name for p in target.parent.iterdir()) == [taken.name, "a.docx"]


def test_a_write_makes_its_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "build" / "sinovik-2019" / "dinkes" / "a.docx"
    lomba.fileio.atomic_write_bytes(target, b"\n\r\n" * 3)
    assert target.read_bytes() == b"\n\r\n" * 3, "bytes as given, newlines untouched"


def test_a_write_fault_in_english(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lomba.fileio, "atomic_write_bytes", failing)
    result = invoke(sample, "--lang", "en", "build")
    assert result.exit_code == 1
    assert "the disk is full while writing" in result.output


def test_a_busy_lock_is_a_message(sample: Path) -> None:
    from lomba.plan import incremental

    with build_lock(sample), pytest.raises(incremental.LockBusy) as caught, \
            build_lock(sample, wait=0.2):
        pass
    assert "Build lain masih berjalan" in caught.value.message("id")


def test_outside_a_workspace_is_a_message(tmp_path: Path) -> None:
    for command in ("build", "check", "status", "surat"):
        result = invoke(tmp_path, command, *(["teguran"] if command == "surat" else []))
        assert result.exit_code == 2, "a command run in the wrong place is a usage error"
        assert "lomba init" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _docx_without(part: str) -> bytes:
    import io
    import zipfile

    from lomba.load.reference import builtin_reference

    source = zipfile.ZipFile(builtin_reference())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
    return out.getvalue()


def test_lombas_own_reference_passes_the_check_it_is_spared_at_run_time() -> None:
    """The packaged reference is read without the check (it is part of lomba): it must pass."""
    assert reference_problem(builtin_reference().read_bytes()) is None


@pytest.mark.parametrize("content", [
    b"", b"bukan docx", b"PK\x03\x04rusak", _docx_without("word/styles.xml"),
    _docx_without("word/document.xml"), _docx_without("word/numbering.xml"),
    _docx_without("word/_rels/document.xml.rels"),
], ids=["empty", "text", "broken-zip", "no-styles", "no-document", "no-numbering", "no-rels"])
def test_a_damaged_reference_document_is_found_by_check_and_refused_by_build(
        sample: Path, content: bytes) -> None:
    (sample / "templates" / "referensi.docx").write_bytes(content)
    check = invoke(sample, "check")
    assert check.exit_code == 1
    assert "templates/referensi.docx:1:1: galat [reference-invalid]" in check.output
    build = invoke(sample, "build")
    assert build.exit_code == 1
    assert "dokumen acuan" in build.output
    assert build.exception is None or isinstance(build.exception, SystemExit)
    assert not list((sample / "build").rglob("*.docx"))


@pytest.mark.parametrize("template", ["{{ 1/0 }}", "{% for x in %}", "{{ tidak_ada.apa }}x",
                                      "{% include 'lain.j2' %}"])
def test_a_failing_letter_template_is_a_located_message(sample: Path, template: str) -> None:
    folder = sample / "templates" / "surat"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "teguran.md.j2").write_text("Baris satu\n" + template + "\n", encoding="utf-8")
    register = sample / "surat" / "register.yaml"
    before = register.read_bytes() if register.exists() else None
    result = invoke(sample, "surat", "teguran")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "templates/surat/teguran.md.j2:" in result.output
    assert "templat surat gagal" in result.output
    assert (register.read_bytes() if register.exists() else None) == before, \
        "no number is issued for a letter that was not written"


def test_a_cache_file_that_cannot_be_written_does_not_fail_the_build(sample: Path) -> None:
    """A cache is never a reason for a command to fail: a folder where the build keeps its
    record (made by hand, or by another program) only means there is no record."""
    assert invoke(sample, "build").exit_code == 0
    state = sample / "build" / ".cache" / "build-keadaan.json"
    state.unlink()
    state.mkdir()
    edit(sample / "entries" / "dinsos" / "verdes.yaml", "1.870 pengaduan", "1.871 pengaduan")
    result = invoke(sample, "build")
    assert result.exit_code == 0, result.output
    assert state.is_dir()


def test_what_a_killed_command_left_is_cleared_by_the_next_build(sample: Path) -> None:
    """A command killed while it held the lock (here: `lomba surat`, which leaves no record
    of its own) leaves the lock's mark; the next build walks build/ for its temporary files,
    even where the last whole build finished and the next one loads only what changed."""
    from lomba.build import run_build
    from lomba.build.delta import STATE_FILE
    from lomba.plan.incremental import HELD

    run_build(sample)
    assert (sample / STATE_FILE).is_file() and not (sample / HELD).exists()
    leftover = sample / "build" / "surat" / ".surat-dinkes.docx.k1ll3d.tmp"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"PK\x03\x04 half a letter")
    (sample / HELD).touch()  # as a killed holder of the lock leaves it
    edit(sample / "entries/dinsos/verdes.yaml", "1.870 pengaduan", "1.871 pengaduan")
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == 1  # the changed entry alone
    assert not leftover.exists()
    assert not (sample / HELD).exists()
    # `lomba check` writes its caches without the lock: what a killed one left there goes too.
    cached = sample / "build" / ".cache" / ".entries-index.json.k1ll3d.tmp"
    cached.write_bytes(b"{")
    edit(sample / "entries/dinsos/verdes.yaml", "1.871 pengaduan", "1.872 pengaduan")
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == 1
    assert not cached.exists()


def _dies(index: int) -> None:
    os._exit(3)  # as the kernel's out-of-memory killer would end it: no cleanup, no message


def test_a_worker_process_that_dies_is_a_message(sample: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import lomba.build
    from lomba.parallel import fork_context

    if fork_context() is None:
        pytest.skip("no fork here: documents are rendered in this process")
    assert invoke(sample, "build", "--jobs", "1").exit_code == 0
    before = outputs(sample)
    monkeypatch.setattr(lomba.build, "_render_index", _dies)
    result = invoke(sample, "build", "--clean", "--jobs", "2")  # every document to render
    assert result.exit_code == 1
    assert "Traceback" not in result.output and not isinstance(result.exception, RuntimeError)
    assert "proses pekerja berhenti mendadak" in result.output and "LOMBA_SERIAL=1" in result.output
    assert not list((sample / "build").rglob("*.tmp"))
    monkeypatch.undo()
    assert invoke(sample, "build", "--jobs", "2").exit_code == 0  # run again, as it says
    assert outputs(sample) == before
