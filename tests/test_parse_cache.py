"""The parse cache: a warm load says exactly what a cold one says, and a damaged cache file is
never worse than no cache."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from lomba.load.cache import CACHE_FILE, OLD_CACHE_DIR, ParseCache
from lomba.load.yamlio import load_yaml_file
from tests.conftest import REPO, run

BROKEN = """\
nama: Inovasi dengan Kesalahan
opd: dinkes
tahapan: penerapan
tanggal:
  ide: 2018-13-01
tim:
  - nama: Sari
    peran: ketua
    warna: biru
"""


def stored(root: Path) -> dict[str, bytes]:
    with sqlite3.connect(root / CACHE_FILE) as db:
        return dict(db.execute("SELECT digest, body FROM parsed"))


def check_json(root: Path) -> list[dict]:  # type: ignore[type-arg]
    result = run("check", "--json", cwd=root)
    return json.loads(result.output)["diagnostics"]


def test_warm_check_reports_what_a_cold_check_reports(sample: Path) -> None:
    (sample / "entries" / "dinkes" / "rusak.yaml").write_text(BROKEN, encoding="utf-8")
    cold = check_json(sample)
    assert stored(sample), "the first check fills the cache"
    warm = check_json(sample)
    assert warm == cold
    broken = [d for d in warm if d["file"].endswith("rusak.yaml")]
    assert {(d["line"], d["column"]) for d in broken} >= {(5, 8), (9, 5)}, \
        "positions deep in the file come back from the cache"


def test_cached_positions_are_decoded_only_when_asked(sample: Path) -> None:
    path = sample / "entries" / "dinkes" / "rusak.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    cold = load_yaml_file(path, "rusak.yaml")
    first = ParseCache(sample)
    first.load(path, "rusak.yaml")
    first.flush()
    warm = ParseCache(sample).load(path, "rusak.yaml")
    assert isinstance(warm.lazy_positions, bytes), "still JSON text after loading"
    warm.release(keep=[("nama",)])
    assert warm.position(("nama",)) == cold.position(("nama",)) == (1, 7)
    assert warm.position(("nama",), key=True) == (1, 1)
    again = ParseCache(sample).load(path, "rusak.yaml")
    assert again.position(("tim", 0, "warna")) == cold.position(("tim", 0, "warna")) == (9, 12)
    assert again.values == cold.values and again.keys == cold.keys


@pytest.mark.parametrize("damage", [
    lambda text: "",
    lambda text: "not json at all",
    lambda text: text[: len(text) // 2],
    lambda text: text.replace('"format":"', '"format":"0.0.0-', 1),
    lambda text: text.rsplit("\n", 1)[0] + "\n[[[",
])
def test_a_damaged_cache_record_never_changes_the_result(sample: Path, damage) -> None:  # type: ignore[no-untyped-def]
    (sample / "entries" / "dinkes" / "rusak.yaml").write_text(BROKEN, encoding="utf-8")
    cold = check_json(sample)
    with sqlite3.connect(sample / CACHE_FILE) as db:
        db.executemany("UPDATE parsed SET body = ? WHERE digest = ?",
                       [(damage(body.decode()).encode(), digest)
                        for digest, body in stored(sample).items()])
    assert check_json(sample) == cold, "an unreadable record is parsed again from the YAML"
    assert check_json(sample) == cold


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\xff" * 5000,
                                     b"garbage " * 1000])
def test_a_damaged_cache_file_is_rebuilt(sample: Path, content: bytes) -> None:
    cold = check_json(sample)
    (sample / CACHE_FILE).write_bytes(content)
    assert check_json(sample) == cold
    specs = len(list(REPO.joinpath("src/lomba/data/templates").rglob("spec.yaml")))
    entries = len(list((sample / "entries").rglob("*.yaml")))
    assert entries < len(stored(sample)) <= entries + specs, "the cache is whole again"


def test_deleting_build_while_running_does_not_lose_the_cache(sample: Path) -> None:
    import shutil

    check_json(sample)
    shutil.rmtree(sample / "build")
    check_json(sample)  # the same process: its open connection is to a deleted file
    assert stored(sample)


def test_prune_removes_what_no_file_uses(sample: Path) -> None:
    old = sample / OLD_CACHE_DIR
    old.mkdir(parents=True)
    (old / f"{'0' * 40}.json").write_text("{}", encoding="utf-8")
    check_json(sample)
    before = set(stored(sample))
    (sample / "entries" / "rsud" / "andalan.yaml").unlink()
    check_json(sample)
    after = set(stored(sample))
    assert len(after) == len(before) - 1 and after < before
    assert not old.exists(), "the one-file-per-entry cache of earlier versions is removed"


def test_positions_damaged_after_the_size_check_fall_back_to_the_top() -> None:
    from lomba.load.yamlio import LoadedYaml

    loaded = LoadedYaml(file="x.yaml", data={}, lazy_positions=b"[[[[" + b" " * 10)
    assert loaded.position(("narasi", "ringkasan")) == (1, 1)


@pytest.mark.parametrize(("text", "cached"), [
    ("a: 1.5", True), ("a: [1, {b: 2}]", True), ("a: 1e999", False), ("1: x", False),
    ("a: 99999999999999999999999", False),
])
def test_only_what_json_gives_back_unchanged_is_cached(text: str, cached: bool) -> None:
    from lomba.load.cache import _decode, _encode
    from lomba.load.yamlio import parse_yaml

    loaded = parse_yaml(text, "x.yaml")
    body = _encode(loaded)
    assert (body is not None) is cached
    if body is not None:
        again = _decode(body, "x.yaml")
        assert again is not None and again.data == loaded.data


def test_a_cache_held_by_another_process_is_waited_for_not_destroyed(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lomba.load.cache

    cold = check_json(sample)
    rows = stored(sample)
    inode = (sample / CACHE_FILE).stat().st_ino
    monkeypatch.setattr(lomba.load.cache, "BUSY_TIMEOUT", 0.2)
    lomba.load.cache._CONNECTIONS.clear()
    holder = sqlite3.connect(sample / CACHE_FILE, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another lomba in the middle of a long write
    try:
        assert check_json(sample) == cold, "the check goes on without the cache"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (sample / CACHE_FILE).stat().st_ino == inode, "not deleted and made again"
    assert stored(sample) == rows, "and left whole"
