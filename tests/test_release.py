"""A whole build of a large workspace lets go of the entries' models before the desk
(``build._release``, for memory at national scale): what it makes, says and keeps for the next
build is what a build that holds them makes, says and keeps."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

import lomba.build
import lomba.parallel
from lomba.build import run_build
from lomba.build.delta import load
from lomba.validate.snapshot import EntryChanged
from tests.conftest import edit, run
from tests.test_build_delta import VERDES, outputs


def test_letting_go_of_the_models_changes_nothing_a_user_sees_or_the_next_build_reads(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held = shutil.copytree(sample, tmp_path / "held", symlinks=True)

    def build(root: Path, release: bool, *args: str) -> str:
        monkeypatch.setattr(lomba.build, "RELEASE_MIN", 0 if release else 10**9)
        result = run("build", *args, cwd=root)
        assert result.exit_code == 0, result.output
        return result.output

    assert build(sample, True, "--json") == build(held, False, "--json")
    assert outputs(sample) == outputs(held)
    mine, theirs = load(sample), load(held)
    assert mine is not None and theirs is not None
    assert mine.cross == theirs.cross and len(mine.cross) == 13
    # (The facts name each entry's file by its absolute path too.)
    assert json.dumps(mine.facts).replace(str(sample), "~") \
        == json.dumps(theirs.facts).replace(str(held), "~")
    assert mine.tokens == theirs.tokens
    # The next build, of the one entry changed, reads what was kept: the same again.
    for root in (sample, held):
        edit(root / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    assert build(sample, True) == build(held, False)
    assert outputs(sample) == outputs(held)


def test_a_large_whole_build_lets_go_of_every_model_and_a_small_one_keeps_them(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lomba.build, "RELEASE_MIN", 13)
    result = run_build(sample, fresh=True)
    assert result.ws is not None and len(result.ws.entries) == 13
    assert all(e.released and e.model is None and e.loaded is None for e in result.ws.entries)
    monkeypatch.setattr(lomba.build, "RELEASE_MIN", 14)
    result = run_build(sample, fresh=True)
    assert result.ws is not None
    assert not any(e.released for e in result.ws.entries)
    assert all(e.model is not None for e in result.ws.entries)


def test_a_pdf_build_keeps_the_models(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``--pdf`` build names its PDFs from the entries after the desk: it lets go of
    nothing."""
    monkeypatch.setattr(lomba.build, "RELEASE_MIN", 0)
    monkeypatch.setattr(lomba.build, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(lomba.build, "_make_pdfs", lambda *args, **kwargs: [])
    result = run_build(sample, pdf=True)
    assert result.ws is not None and not any(e.released for e in result.ws.entries)


def test_freed_memory_is_handed_back_only_where_there_is_glibc(
        monkeypatch: pytest.MonkeyPatch) -> None:
    lomba.parallel.return_freed_memory()  # here (Linux, glibc): the call itself
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr("ctypes.CDLL", None)  # would fail if it were reached
    lomba.parallel.return_freed_memory()


def test_an_entry_let_go_of_is_given_back_whole_from_the_bytes_checked(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the build, a caller that reads an entry (a benchmark composing documents, say)
    still gets it whole, from the very bytes that were checked: an edit since is not taken,
    and without the parse cache's record of those bytes it is said."""
    monkeypatch.setattr(lomba.build, "RELEASE_MIN", 0)
    result = run_build(sample, fresh=True)
    assert result.ws is not None
    entry = next(e for e in result.ws.entries if e.display == VERDES)
    assert entry.released and entry.digest
    whole = entry.full(sample)
    assert whole.model is not None and "1.870 pengaduan" in str(whole.model.narasi)
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    assert "1.870 pengaduan" in str(entry.full(sample).model.narasi)  # type: ignore[union-attr]
    shutil.rmtree(sample / "build" / ".cache")
    with pytest.raises(EntryChanged):
        entry.full(sample)
