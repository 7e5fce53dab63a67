"""`lomba check FILE` checks that file alone, with what it needs of the others from the index:
its findings are exactly those of a whole check, whatever state the index is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from lomba.check.index import INDEX_FILE
from lomba.check.workspace import load_workspace
from tests.conftest import REPO


def _found(root: Path, name: str, *, alone: bool) -> list[tuple]:  # type: ignore[type-arg]
    # use_cache=False takes the whole-workspace path: every entry loaded and checked.
    ws = load_workspace(root, [root / name], use_cache=alone)
    return sorted((d.file, d.line, d.column, d.code, d.message("en"), d.competition)
                  for d in ws.report.diagnostics)


ENTRIES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "entries").rglob("*.yaml"))


@pytest.mark.parametrize("name", ENTRIES)
def test_one_file_alone_finds_what_the_whole_check_finds(sample: Path, name: str) -> None:
    load_workspace(sample)  # a whole check writes the index
    assert (sample / INDEX_FILE).is_file()
    assert _found(sample, name, alone=True) == _found(sample, name, alone=False)


def test_duplicate_titles_are_found_through_the_index_even_when_it_is_stale(
        sample: Path) -> None:
    load_workspace(sample)
    first, second = "entries/dinkes/si-bunda.yaml", "entries/disdik/guru-kunjung.yaml"
    other = sample / second
    title = "Sistem Informasi Ibu Hamil dan Bersalin"
    # Another entry takes SI BUNDA's name after the index was written: the index is stale.
    other.write_text(other.read_text(encoding="utf-8").replace(
        "\nnama: ", f"\nnama: {title}\nnama_lama: ", 1).replace("nama_lama: ", "# ", 1),
        encoding="utf-8")
    alone = _found(sample, first, alone=True)
    assert [f for f in alone if f[3] == "title-duplicate"]
    assert second in next(f[4] for f in alone if f[3] == "title-duplicate")
    assert alone == _found(sample, first, alone=False)
    # No index at all, or a damaged one: rebuilt, same findings.
    (sample / INDEX_FILE).unlink()
    assert _found(sample, first, alone=True) == alone
    (sample / INDEX_FILE).write_bytes(b"{not json")
    assert _found(sample, first, alone=True) == alone


def test_a_new_entry_not_yet_indexed_is_seen(sample: Path) -> None:
    load_workspace(sample)
    source = sample / "entries/dinkes/si-bunda.yaml"
    (sample / "entries/dinkes/si-bunda-salinan.yaml").write_text(
        source.read_text(encoding="utf-8"), encoding="utf-8")
    alone = _found(sample, "entries/dinkes/si-bunda.yaml", alone=True)
    assert any(f[3] == "title-duplicate" and "si-bunda-salinan" in f[4] for f in alone)
    assert alone == _found(sample, "entries/dinkes/si-bunda.yaml", alone=False)


def test_no_cache_is_written_through_a_link_out_of_build(sample: Path,
                                                                  tmp_path: Path) -> None:
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (sample / "build").mkdir(exist_ok=True)
    (sample / "build" / ".cache").symlink_to(outside, target_is_directory=True)
    load_workspace(sample)
    assert list(outside.iterdir()) == [], "no index, parse cache or remembered checks written"
    name = "entries/dinkes/si-bunda.yaml"
    assert _found(sample, name, alone=True) == _found(sample, name, alone=False)
