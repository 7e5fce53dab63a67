"""The desk after a few entries changed takes the other entries' rows from the last build's memo
(``desk/rowmemo.py``), only when they are rows of the same facts; whatever the memo holds, the
files are those a build that makes every row writes."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from lomba.build import run_build
from lomba.desk.outputs import DASHBOARD_ROWS, RECAP_ROWS
from lomba.jsonout import json_document, json_document_listing, json_item
from lomba.load import layered
from tests.conftest import edit
from tests.test_build_delta import GURU, VERDES, outputs, twin

MEMOS = [Path("build") / ".cache" / name for name in (DASHBOARD_ROWS, RECAP_ROWS)]
TITLE = ("nama: Verifikasi Data Terpadu Kesejahteraan Sosial melalui",
         "nama: Verifikasi Data Terpadu Kesejahteraan Sosial lewat")
GURU_NAME = "Guru Kunjung Dusun Terpencil"


def read_memo(root: Path, memo: Path) -> dict:
    found = layered.read(root, memo, ("rows",))
    assert found is not None
    return found[0]


def write_memo(root: Path, memo: Path, raw: dict) -> None:
    """Write a memo whole, as a build that made every row would."""
    layered.write(root, memo, raw, ("rows",), None)


def mark_rows(root: Path, entry: str) -> None:
    """Put a mark in place of ``entry``'s name in its kept rows (its dashboard row, CSV line,
    sheet row and status item)."""
    for memo in MEMOS:
        raw = read_memo(root, memo)
        text = orjson.dumps(raw["rows"][entry]).decode()
        assert GURU_NAME in text
        raw["rows"][entry] = orjson.loads(text.replace(GURU_NAME, "TANDA-MEMO"))
        write_memo(root, memo, raw)


def desk_text(root: Path) -> str:
    build = root / "build"
    return "".join((build / name).read_text(encoding="utf-8-sig")
                   for name in ("index.html", "rekap.csv", "status.json"))


def edited_builds_as_a_whole_build(root: Path, tmp_path: Path, old: str, new: str) -> None:
    """Change verdes' title from ``old`` to ``new``; the build that loads only that entry leaves
    ``build/`` exactly as a twin's build of every entry."""
    edit(root / VERDES, old, new)
    other = twin(root, tmp_path / "twin")
    mine = run_build(root)
    assert mine.ws is not None and len(mine.ws.entries) == 1
    run_build(other)
    assert outputs(root) == outputs(other)


def test_a_build_of_one_changed_entry_takes_the_others_rows_from_the_memo(
        sample: Path) -> None:
    run_build(sample)
    assert all((sample / memo).is_file() for memo in MEMOS)
    mark_rows(sample, GURU)
    edit(sample / VERDES, *TITLE)
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == 1  # the changed entry alone
    text = desk_text(sample)
    # The unchanged entry's rows are the kept ones (here, marked), in every desk file...
    assert text.count("TANDA-MEMO") == 3 and GURU_NAME not in text
    # ...and the changed entry's are made anew.
    assert "Kesejahteraan Sosial lewat" in text
    assert "Kesejahteraan Sosial melalui" not in text
    # A build of every entry makes every row: the mark is gone.
    run_build(sample, fresh=True)
    text = desk_text(sample)
    assert "TANDA-MEMO" not in text and text.count(GURU_NAME) == 3


def test_rows_of_another_build_are_not_taken(sample: Path, tmp_path: Path) -> None:
    """A memo left from an earlier build (not the one whose facts are kept) is not trusted."""
    run_build(sample)
    mark_rows(sample, GURU)
    earlier = {part: (sample / part).read_bytes() for memo in MEMOS
               for part in (memo, layered.patch_name(memo))}
    edit(sample / VERDES, *TITLE)
    run_build(sample)  # takes the marked rows, and writes a memo of its own
    for memo, data in earlier.items():
        (sample / memo).write_bytes(data)
    edited_builds_as_a_whole_build(sample, tmp_path, TITLE[1], TITLE[0])
    assert "TANDA-MEMO" not in desk_text(sample)


@pytest.mark.parametrize("damage", ["missing", "garbage", "other columns", "other lomba"])
def test_a_memo_that_does_not_fit_means_every_row_is_made(sample: Path, tmp_path: Path,
                                                          damage: str) -> None:
    run_build(sample)
    for memo in MEMOS:
        path = sample / memo
        if damage == "missing":
            path.unlink()
        elif damage == "garbage":
            path.write_bytes(b'{"rows": [')
        else:
            raw = read_memo(sample, memo)
            if damage == "other columns":
                raw["key"] = ["sinovik/2019"]
            else:
                raw["lomba"] = "another version"
            raw["rows"] = {name: "rusak" for name in raw["rows"]}
            write_memo(sample, memo, raw)
    edited_builds_as_a_whole_build(sample, tmp_path, *TITLE)
    # and the memo is whole again for the next build
    assert all(len(read_memo(sample, m)["rows"]) == 13 for m in MEMOS)


@pytest.mark.parametrize("shape", [None, 7, "teks", [], [["a"], 1], [[], ""], [1, 2, 3, 4],
                                   ["", [""], [1] * 11, ""], ["", ["a", "b"], ["x"] * 11, ""],
                                   ["", ["a", "b"], [1, 2], ""]])
def test_kept_rows_of_the_wrong_shape_are_made_again(sample: Path, tmp_path: Path,
                                                     shape: object) -> None:
    """A memo of the right build whose rows were damaged by hand: those rows are made again
    (never a traceback, never a wrong file)."""
    run_build(sample)
    for memo in MEMOS:
        raw = read_memo(sample, memo)
        raw["rows"] = {name: shape for name in raw["rows"]}
        write_memo(sample, memo, raw)
    edited_builds_as_a_whole_build(sample, tmp_path, *TITLE)


@pytest.mark.parametrize("entries", [
    [],
    [{"file": "a.yaml", "name": 'judul "entries": [] di dalam', "n": 1}],
    [{"file": "b.yaml", "name": "dua\nbaris", "cells": {"iga/2026": {"state": "siap"}},
      "list": [], "empty": {}},
     {"file": "c.yaml", "name": "Ñ ünïcode —", "nested": {"entries": []}}],
])
def test_a_status_put_together_from_items_is_the_whole_document(entries: list[dict]) -> None:
    payload = {"date": "2026-12-01", "competitions": [{"ref": "iga/2026", "entries": []}],
               "entries": entries, "region_documents": []}
    together = json_document_listing("status", payload, "entries",
                                     [json_item(item) for item in entries])
    assert together == json_document("status", payload)
    assert json.loads(together)["entries"] == entries
