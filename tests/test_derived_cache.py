"""Values worked out from content alone, kept in ``build/.cache/`` between commands
(``lomba.load.cache.derived``): taken only for the same bytes and the same lomba; a damaged file
is worked out again; and what lomba reads of the reference document is kept this way without
changing a document or letting a broken reference through."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest

import lomba.load.cache
import lomba.load.reference
import lomba.write.ooxml
from lomba.build import run_build
from lomba.check.workspace import load_workspace
from lomba.load.cache import derived, kept_in


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "build" / ".cache").mkdir(parents=True)
    return tmp_path


def counted(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def make() -> object:
        calls.append(1)
        return value
    return calls, make


def test_kept_for_the_same_bytes_and_worked_out_for_others(root: Path) -> None:
    calls, make = counted({"a": [1, (2, b"x")]})
    with kept_in(root):
        assert derived("uji.bin", b"isi", make) == {"a": [1, (2, b"x")]}
        assert derived("uji.bin", b"isi", make) == {"a": [1, (2, b"x")]}
        assert len(calls) == 1
        derived("uji.bin", b"isi lain", make)
        assert len(calls) == 2


def test_another_lomba_works_it_out_again(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls, make = counted(7)
    with kept_in(root):
        derived("uji.bin", b"isi", make)
        monkeypatch.setattr(lomba.load.cache, "code_digest", lambda: "lomba-lain")
        derived("uji.bin", b"isi", make)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"\x00\x01sampah", marshal.dumps([1, 2, 3]),
                                    marshal.dumps(("kunci-lain", 5)), None])
def test_a_damaged_file_is_worked_out_again(root: Path, damage: bytes | None) -> None:
    calls, make = counted([1, 2])
    with kept_in(root):
        derived("uji.bin", b"isi", make)
    path = root / "build" / ".cache" / "uji.bin"
    whole = path.read_bytes()
    path.write_bytes(whole[:5] if damage is None else damage)
    with kept_in(root):
        assert derived("uji.bin", b"isi", make) == [1, 2]
    assert len(calls) == 2 and path.read_bytes() == whole


def test_outside_a_workspace_nothing_is_kept(root: Path) -> None:
    calls, make = counted(1)
    derived("uji.bin", b"isi", make)
    derived("uji.bin", b"isi", make)
    assert len(calls) == 2 and not (root / "build" / ".cache" / "uji.bin").exists()
    with kept_in(root):  # a value that is not plain data is returned, not kept
        assert derived("uji.bin", b"isi", lambda: {1, 2}.__iter__) is not None
    assert not (root / "build" / ".cache" / "uji.bin").exists()


def forget_in_memory() -> None:
    """As a new process: what this one read of the reference is forgotten."""
    lomba.load.reference._reference_bytes.cache_clear()
    lomba.write.ooxml.load_reference.cache_clear()


def test_the_reference_read_once_makes_the_same_documents(sample: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(sample, twin)
    forget_in_memory()
    run_build(sample)
    shutil.copytree(sample / "build" / ".cache", twin / "build" / ".cache")
    forget_in_memory()

    def refuse(*_args: object) -> None:
        raise AssertionError("worked out again")
    monkeypatch.setattr(lomba.load.reference, "reference_problem", refuse)
    monkeypatch.setattr(lomba.write.ooxml, "_load_reference", refuse)
    run_build(twin)

    def files(root: Path) -> dict[str, bytes]:
        top = root / "build"
        return {p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*")
                if p.is_file() and ".cache" not in p.parts and p.name != ".lomba-build.json"}
    assert files(twin) == files(sample)


def test_a_broken_reference_is_refused_whatever_was_kept(sample: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    forget_in_memory()
    run_build(sample)  # the shipped reference, found whole and kept
    (sample / "templates").mkdir(exist_ok=True)
    (sample / "templates" / "referensi.docx").write_bytes(b"PK\x03\x04 bukan docx")
    forget_in_memory()
    with kept_in(sample):
        ws = load_workspace(sample)
    assert [d.code for d in ws.report.errors if d.file.endswith("referensi.docx")] == \
        ["reference-invalid"]
