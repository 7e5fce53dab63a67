"""`lomba build ENTRY` checks that entry alone (the others come from the entry index) and makes
exactly the documents, with exactly the bytes, that a build of the whole workspace makes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import lomba.check.index
import lomba.check.workspace
from lomba.build import run_build
from tests.conftest import edit, run

ENTRY = "entries/dinkes/si-bunda.yaml"


def _edit(root: Path) -> None:
    path = root / ENTRY
    edit(path, "ibu hamil", "ibu hamil dan ibu nifas")


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "build").rglob("*")) if p.suffix in (".docx", ".html")}


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The entry files read from now on (by the check or by the index refresh)."""
    seen: list[str] = []
    original = lomba.check.workspace.load_document

    def spy(path, display, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(display)
        return original(path, display, *args, **kwargs)

    monkeypatch.setattr(lomba.check.workspace, "load_document", spy)
    monkeypatch.setattr(lomba.check.index, "load_document", spy)
    return seen


@pytest.mark.parametrize("named", [ENTRY, "dinkes/si-bunda", "si-bunda"])
def test_one_entry_is_checked_alone_and_built_as_a_whole_build_would(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str) -> None:
    run_build(sample)
    whole = tmp_path / "whole"
    shutil.copytree(sample, whole)
    _edit(sample)
    _edit(whole)
    seen = _loads(monkeypatch)
    result = run_build(sample, entries=[named])
    assert [d for d in seen if d.startswith("entries/")] == [ENTRY]  # the others not read
    made = sorted({o.readiness.entry.display for o in result.outcomes})
    assert made == [ENTRY]
    assert any(o.written for o in result.outcomes)
    run_build(whole)
    ours, theirs = _outputs(sample), _outputs(whole)
    for name, data in ours.items():
        if "si-bunda" in name:
            assert data == theirs[name], name
    assert {n for n in ours if "si-bunda" in n} == {n for n in theirs if "si-bunda" in n}


def test_a_whole_build_after_one_entry_is_the_same_as_from_nothing(
        sample: Path, tmp_path: Path) -> None:
    run_build(sample)
    _edit(sample)
    run_build(sample, entries=[ENTRY])
    again = run_build(sample)  # the desk catches up; the entry's documents are current
    assert not again.noop
    assert not [p for o in again.outcomes for p in o.written]
    fresh = tmp_path / "fresh"
    shutil.copytree(sample, fresh)
    shutil.rmtree(fresh / "build")
    run_build(fresh)
    ours, theirs = _outputs(sample), _outputs(fresh)
    assert ours.keys() == theirs.keys()
    assert [n for n in ours if ours[n] != theirs[n]] == []


def test_an_unknown_entry_is_still_a_usage_error(sample: Path) -> None:
    result = run("build", "tidak-ada", cwd=sample)
    assert result.exit_code == 2
    assert "tidak-ada" in result.output


def test_a_selective_build_says_the_desk_waits_for_a_whole_build(sample: Path) -> None:
    whole = run("build", cwd=sample)
    assert "tanpa pilihan" not in whole.output
    _edit(sample)
    index = (sample / "build" / "index.html").read_bytes()
    one = run("build", "si-bunda", cwd=sample)
    assert one.exit_code == 0
    assert "dasbor, rekap dan pratinjau surat diperbarui pada `lomba build` tanpa pilihan" \
        in one.output
    assert (sample / "build" / "index.html").read_bytes() == index  # not touched


@pytest.mark.parametrize("json_output", [False, True])
def test_a_named_entry_that_cannot_be_read_is_an_error_and_keeps_its_documents(
        sample: Path, json_output: bool) -> None:
    run("build", cwd=sample)
    document = sample / "build" / "sinovik-2019" / "dinkes" / "si-bunda.docx"
    before = document.read_bytes()
    with (sample / ENTRY).open("a", encoding="utf-8") as fh:
        fh.write("nama: [rusak\n")
    result = run("build", "si-bunda", *(["--json"] if json_output else []), cwd=sample)
    assert result.exit_code == 1  # nothing can be built of what was asked: never a silent 0
    if json_output:
        body = json.loads(result.stdout)
        assert [d["file"] for d in body["unreadable"]] == [ENTRY]
        assert "build/sinovik-2019/dinkes/si-bunda.docx" in {s["file"] for s in body["stale"]}
    else:
        assert f"{ENTRY}:" in result.output and "galat [yaml-" in result.output
        assert "usang, dibiarkan" in result.output
        assert "1 berkas inovasi yang diminta tidak terbaca" in result.output
    assert document.read_bytes() == before


def test_a_selection_that_matches_no_pair_says_so(sample: Path) -> None:
    path = sample / ENTRY
    edit(path, "    ikut: true\n", "    ikut: false\n", -1)
    result = run("build", "si-bunda", cwd=sample)
    assert result.exit_code == 0
    assert "Tidak ada pasangan inovasi dan kompetisi yang cocok dengan pilihan ini" \
        in result.output
    made = run("build", "andalan", cwd=sample)
    assert "Tidak ada pasangan" not in made.output
