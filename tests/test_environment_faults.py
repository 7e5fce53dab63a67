"""Real environment faults on a real (small) file system: a full disk, a read-only disk, folders
that are files. Where this machine cannot mount one (not root, or no tmpfs), the same runs go
through an injected writer that fails as the kernel would, so no case is skipped."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import lomba.fileio
import lomba.validate.competitions
from lomba.cli import main
from lomba.errors import LombaError
from lomba.fileio import WriteLog
from lomba.plan.incremental import HELD
from tests.conftest import REPO


def invoke(cwd: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["-C", str(cwd), *args])


class Disk:
    """A tiny tmpfs mounted for one test, or (where mounting is not allowed) a fault injected
    into lomba's writer after ``budget`` bytes: the same effect on lomba's side."""

    def __init__(self, mount: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path = mount
        self.monkeypatch = monkeypatch
        mount.mkdir()
        self.real = not os.environ.get("LOMBA_TEST_NO_MOUNT") and shutil.which("mount") \
            is not None and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs",
                                            str(mount)], capture_output=True, check=False
                                           ).returncode == 0
        self.injected: int | None = None

    def _remount(self, options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(self.path)], check=True,
                       capture_output=True)

    def fill(self, room_kb: int) -> None:
        """Leave about ``room_kb`` of free space."""
        if self.real:
            free = shutil.disk_usage(self.path).free - room_kb * 1024
            with open(self.path / ".filler", "wb") as fh:
                try:
                    while free > 0:
                        free -= fh.write(b"\0" * min(free, 1 << 20))
                    fh.flush()
                except OSError:
                    pass
        else:
            self._inject(errno.ENOSPC, room_kb * 1024)

    def read_only(self) -> None:
        if self.real:
            self._remount("ro")
        else:
            self._inject(errno.EROFS, 0)

    def restore(self) -> None:
        if self.real:
            self._remount("rw")
            (self.path / ".filler").unlink(missing_ok=True)
        else:
            self.monkeypatch.undo()

    def _inject(self, code: int, budget: int) -> None:
        real = lomba.fileio._atomic_write
        left = [budget]

        def write(target: Path, data: bytes, durable: bool) -> None:
            left[0] -= len(data)
            if left[0] < 0:
                raise OSError(code, os.strerror(code))
            real(target, data, durable)
        self.monkeypatch.setattr(lomba.fileio, "_atomic_write", write)
        real_copy = shutil.copyfile

        def copy(source: Path, target: Path) -> object:
            left[0] -= os.path.getsize(source)
            if left[0] < 0:
                raise OSError(code, os.strerror(code))
            return real_copy(source, target)
        self.monkeypatch.setattr(lomba.validate.competitions.shutil, "copyfile", copy)

    def close(self) -> None:
        if self.real:
            subprocess.run(["umount", "-l", str(self.path)], capture_output=True, check=False)


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    d = Disk(tmp_path / "disk", monkeypatch)
    try:
        yield d
    finally:
        d.close()


def _workspace(disk: Disk) -> Path:
    root = disk.path / "ws"
    root.mkdir()
    for name in ("lomba.yaml", "entries", "templates", "surat", "daerah"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    return root


def _all_outputs_open(root: Path) -> None:
    for path in (root / "build").rglob("*"):
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                assert z.testzip() is None, path
    assert not [p for p in (root / "build").rglob(".*.tmp")], "no temporary file left"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "build").rglob("*")
            if p.is_file() and ".cache" not in p.parts and not p.name.startswith(".")}


def test_a_full_disk_during_build_is_a_message_and_a_rebuild_is_identical(
        disk: Disk, tmp_path: Path) -> None:
    root = _workspace(disk)
    disk.fill(300)
    result = invoke(root, "build")
    assert result.exit_code == 1, result.output
    assert "disk penuh" in result.output and "build/" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _all_outputs_open(root)
    disk.restore()
    assert invoke(root, "build").exit_code == 0
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("build"))
    assert invoke(clean, "build").exit_code == 0
    assert _snapshot(root) == _snapshot(clean), "the interrupted build left no trace"


@pytest.mark.parametrize("command", [("surat", "teguran", "dishub"), ("new", "dinkes", "baru"),
                                     ("jadwal", "--ics", "jadwal.ics"),
                                     ("kompetisi", "salin", "sinovik/2019"), ("schema",)])
def test_a_full_disk_elsewhere_is_a_message_and_nothing_half_made(disk: Disk,
                                                                  command: tuple[str, ...]) -> None:
    root = _workspace(disk)
    shutil.rmtree(root / "schema", ignore_errors=True)
    register = (root / "surat" / "register.yaml").read_bytes()
    disk.fill(0 if command[0] != "surat" else 30)
    result = invoke(root, *command)
    assert result.exit_code == 1, result.output
    assert "disk penuh" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (root / "surat" / "register.yaml").read_bytes() == register, "no number recorded"
    assert not (root / "templates" / "sinovik").exists(), "no half-copied edition"
    assert not (root / "entries" / "dinkes" / "baru.yaml").exists()
    assert not [p for p in root.rglob("*.tmp")]
    disk.restore()
    assert invoke(root, *command).exit_code == 0, "it can be redone"


@pytest.mark.parametrize("command", [("build",), ("surat", "teguran", "dishub"),
                                     ("new", "dinkes", "baru"), ("schema",)])
def test_a_read_only_disk_is_a_message(disk: Disk, command: tuple[str, ...]) -> None:
    root = _workspace(disk)
    shutil.rmtree(root / "schema", ignore_errors=True)
    disk.read_only()
    result = invoke(root, *command)
    assert result.exit_code == 1, result.output
    assert "hanya-baca" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("folder", ["build", "build/sinovik-2019", "surat", "build/surat"])
def test_a_file_where_a_folder_belongs_is_a_message(sample: Path, folder: str) -> None:
    shutil.rmtree(sample / folder, ignore_errors=True)
    (sample / folder).parent.mkdir(parents=True, exist_ok=True)
    (sample / folder).write_text("bukan folder", encoding="utf-8")
    command = ("surat", "teguran", "dishub") if "surat" in folder else ("build",)
    result = invoke(sample, *command)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert folder.split("/")[0] in result.output


def test_temporary_files_of_a_killed_run_are_cleaned_by_the_next(sample: Path) -> None:
    assert invoke(sample, "build").exit_code == 0
    leftovers = [sample / "build" / "sinovik-2019" / "dinkes" / ".si-bunda.docx.k1ll3d.tmp",
                 sample / "build" / ".index.html.x.tmp",
                 sample / "build" / ".cache" / ".entries-index.json.x.tmp"]  # a killed check
    for path in leftovers:
        path.write_bytes(b"PK\x03\x04 half")
    (sample / HELD).touch()  # what a build killed while it held the lock leaves
    register_leftover = sample / "surat" / ".register.yaml.abc.tmp"
    register_leftover.write_text("surat: [", encoding="utf-8")
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    entry.write_text(entry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert invoke(sample, "build").exit_code == 0
    assert not any(p.exists() for p in leftovers)
    assert invoke(sample, "surat", "teguran", "dishub").exit_code == 0
    assert not register_leftover.exists()
    assert (sample / "entries" / "dinkes" / "si-bunda.yaml").exists(), "only temporary files"


def _whole(target: Path, log: lomba.fileio.WriteLog) -> None:
    lomba.fileio.write_if_changed(target, b"abc", log)


def _pieces(target: Path, log: lomba.fileio.WriteLog) -> None:
    lomba.fileio.write_text_if_changed(target, iter(["a", "", "bc"]), log)


@pytest.mark.parametrize("write", [_whole, _pieces])
@pytest.mark.parametrize("old", [None, b"abc", b"abd", b"abcdef", "folder"])
def test_a_file_is_written_exactly_when_its_bytes_differ(tmp_path: Path, old: object,
                                                         write: Callable) -> None:
    """Same size and other bytes, another size, none there, or a folder in its place: only a
    file that holds the bytes already is left untouched, whether they come whole or in
    pieces; no temporary file is left either way."""
    target = tmp_path / "hasil.txt"
    if old == "folder":
        target.mkdir()
    elif isinstance(old, bytes):
        target.write_bytes(old)
        os.utime(target, ns=(10**18, 10**18))
    log = lomba.fileio.WriteLog()
    if old == "folder":
        with pytest.raises(LombaError):
            write(target, log)
        assert [p.name for p in tmp_path.iterdir()] == ["hasil.txt"]
        return
    write(target, log)
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.txt"]
    assert target.read_bytes() == b"abc"
    if old == b"abc":
        assert log.unchanged == [target] and log.written == []
        assert target.stat().st_mtime_ns == 10**18
    else:
        assert log.written == [target] and log.unchanged == []


@pytest.mark.parametrize("old", ["", "ñ" * 10 + "abc", "ñ" * 10 + "abd", "ñ" * 10 + "abcd"])
def test_text_in_pieces_is_compared_and_written_across_batches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str) -> None:
    """Batches smaller than the text: a difference in the last batch is still seen, and what
    is written is the text, character for character (a letter of two bytes split by no
    batch)."""
    monkeypatch.setattr(lomba.fileio, "STREAM_BATCH", 4)
    target = tmp_path / "halaman.html"
    text = "ñ" * 10 + "abc"
    if old:
        target.write_text(old, encoding="utf-8")
    log = lomba.fileio.WriteLog()
    lomba.fileio.write_text_if_changed(target, iter(list(text)), log)
    assert target.read_text(encoding="utf-8") == text
    assert (log.unchanged if old == text else log.written) == [target]


def test_a_piece_that_cannot_be_made_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "halaman.html"
    target.write_text("versi lama", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "versi baru, separuh"
        raise RuntimeError("rusak")

    for write in (lambda: lomba.fileio.write_text_if_changed(target, pieces(), WriteLog()),
                  lambda: lomba.fileio.atomic_write_pieces(
                      target, (p.encode() for p in pieces()))):
        with pytest.raises(RuntimeError):
            write()
        assert target.read_text(encoding="utf-8") == "versi lama"
        assert [p.name for p in tmp_path.iterdir()] == ["halaman.html"]
