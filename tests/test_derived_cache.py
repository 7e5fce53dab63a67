"""Values worked out from content alone, kept in ``build/.cache/`` between commands
(``lomba.load.cache.derived``): taken only for the same bytes and the same lomba; a damaged or
foreign file is worked out again; and what lomba reads of the reference document, kept this
way, makes the same documents."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

import lomba.load.cache
import lomba.write.ooxml
from lomba.build import run_build
from lomba.load.cache import derived, kept_in
from lomba.load.reference import builtin_reference
from lomba.write.ooxml import _as_data, _from_data, _load_reference


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "build" / ".cache").mkdir(parents=True)
    return tmp_path


def counted(value: object) -> tuple[list[int], Any]:
    calls: list[int] = []

    def make() -> object:
        calls.append(1)
        return value
    return calls, make


def test_kept_for_the_same_bytes_and_worked_out_for_others(root: Path) -> None:
    calls, make = counted({"a": [1, (2, "x")]})
    with kept_in(root):
        first = derived("uji.json", b"isi", make)
        assert derived("uji.json", b"isi", make) == first == {"a": [1, [2, "x"]]}
        assert len(calls) == 1
        derived("uji.json", b"isi lain", make)
        assert len(calls) == 2


def test_another_lomba_works_it_out_again(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls, make = counted(7)
    with kept_in(root):
        derived("uji.json", b"isi", make)
        monkeypatch.setattr(lomba.load.cache, "code_digest", lambda: "lomba-lain")
        derived("uji.json", b"isi", make)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"\x00\x01sampah", b"[1, 2, 3]", b'{"key": "lain"}',
                                    b'{"key": "lain", "value": 5}', None])
def test_a_damaged_file_is_worked_out_again(root: Path, damage: bytes | None) -> None:
    calls, make = counted([1, 2])
    with kept_in(root):
        derived("uji.json", b"isi", make)
    path = root / "build" / ".cache" / "uji.json"
    whole = path.read_bytes()
    path.write_bytes(whole[:5] if damage is None else damage)
    with kept_in(root):
        assert derived("uji.json", b"isi", make) == [1, 2]
    assert len(calls) == 2 and path.read_bytes() == whole


def test_outside_a_workspace_nothing_is_kept(root: Path) -> None:
    calls, make = counted(1)
    derived("uji.json", b"isi", make)
    derived("uji.json", b"isi", make)
    assert len(calls) == 2 and not (root / "build" / ".cache" / "uji.json").exists()
    with kept_in(root):  # a value that is not JSON is returned as made, not kept
        assert derived("uji.json", b"isi", lambda: {1, 2}) == {1, 2}
    assert not (root / "build" / ".cache" / "uji.json").exists()


def test_the_reference_as_kept_is_the_reference() -> None:
    reference = _load_reference(builtin_reference().read_bytes())
    assert _from_data(orjson.loads(orjson.dumps(_as_data(reference)))) == reference


def _mutations() -> list[tuple[str, Any]]:
    def members(value: Any) -> Any:
        return lambda kept: {**kept, "members": value(kept["members"])}
    return [
        ("a missing field", lambda kept: {k: v for k, v in kept.items() if k != "section"}),
        ("a field more", lambda kept: {**kept, "lain": 1}),
        ("text that is not", lambda kept: {**kept, "section": 5}),
        ("a number that is not", lambda kept: {**kept, "next_num": "5"}),
        ("a bool for a number", lambda kept: {**kept, "text_width": True}),
        ("a style that is not text", lambda kept: {**kept, "styles": {"Normal": 1}}),
        ("an order that is not a list", lambda kept: {**kept, "order": "abc"}),
        ("a member too short", members(lambda m: [m[0][:4], *m[1:]])),
        ("a member's bytes not base64", members(lambda m: [[*m[0][:3], "@@@", m[0][4]],
                                                           *m[1:]])),
        ("members not a list", members(lambda m: {"a": 1})),
        ("not a mapping", lambda kept: [kept]),
    ]


@pytest.mark.parametrize(("what", "change"), _mutations(), ids=[w for w, _ in _mutations()])
def test_a_kept_reference_of_another_shape_is_not_taken(what: str, change: Any) -> None:
    kept = orjson.loads(orjson.dumps(_as_data(_load_reference(
        builtin_reference().read_bytes()))))
    assert _from_data(change(kept)) is None, what


def test_the_reference_read_once_makes_the_same_documents(sample: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(sample, twin)
    lomba.write.ooxml.load_reference.cache_clear()  # as in a new process
    run_build(sample)
    assert (sample / "build" / ".cache" / "referensi-ooxml.json").is_file()
    shutil.copytree(sample / "build" / ".cache", twin / "build" / ".cache")
    lomba.write.ooxml.load_reference.cache_clear()

    def refuse(*_args: object) -> None:
        raise AssertionError("read again")
    monkeypatch.setattr(lomba.write.ooxml, "_load_reference", refuse)
    run_build(twin)

    def files(root: Path) -> dict[str, bytes]:
        top = root / "build"
        return {p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*")
                if p.is_file() and ".cache" not in p.parts and p.name != ".lomba-build.json"}
    assert files(twin) == files(sample)


def test_a_foreign_kept_reference_changes_nothing(sample: Path, tmp_path: Path) -> None:
    """A file under the right name and key but of another shape (damaged, or made elsewhere)
    is read again from the document, never taken."""
    twin = tmp_path / "twin"
    shutil.copytree(sample, twin)
    lomba.write.ooxml.load_reference.cache_clear()
    run_build(sample)
    kept = twin / "build" / ".cache" / "referensi-ooxml.json"
    kept.parent.mkdir(parents=True)
    real = orjson.loads((sample / "build" / ".cache" / "referensi-ooxml.json").read_bytes())
    kept.write_bytes(orjson.dumps({"key": real["key"], "value": {"section": 1}}))
    lomba.write.ooxml.load_reference.cache_clear()
    run_build(twin)
    for docx in (sample / "build").rglob("*.docx"):
        assert (twin / docx.relative_to(sample)).read_bytes() == docx.read_bytes()
