"""The parse cache: a warm load says exactly what a cold one says, and a damaged cache file is
never worse than no cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lomba.cache import CACHE_DIR, ParseCache
from lomba.yamlio import load_yaml_file
from tests.conftest import run

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


def check_json(root: Path) -> list[dict]:  # type: ignore[type-arg]
    result = run("check", "--json", cwd=root)
    return json.loads(result.output)


def test_warm_check_reports_what_a_cold_check_reports(sample: Path) -> None:
    (sample / "entries" / "dinkes" / "rusak.yaml").write_text(BROKEN, encoding="utf-8")
    cold = check_json(sample)
    assert list((sample / CACHE_DIR).glob("*.json")), "the first check fills the cache"
    warm = check_json(sample)
    assert warm == cold
    broken = [d for d in warm if d["file"].endswith("rusak.yaml")]
    assert {(d["line"], d["column"]) for d in broken} >= {(5, 8), (9, 5)}, \
        "positions deep in the file come back from the cache"


def test_cached_positions_are_decoded_only_when_asked(sample: Path) -> None:
    path = sample / "entries" / "dinkes" / "rusak.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    cold = load_yaml_file(path, "rusak.yaml")
    ParseCache(sample).load(path, "rusak.yaml")
    warm = ParseCache(sample).load(path, "rusak.yaml")
    assert isinstance(warm.lazy_positions, str), "still JSON text after loading"
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
def test_a_damaged_cache_file_never_changes_the_result(sample: Path, damage) -> None:  # type: ignore[no-untyped-def]
    (sample / "entries" / "dinkes" / "rusak.yaml").write_text(BROKEN, encoding="utf-8")
    cold = check_json(sample)
    for item in (sample / CACHE_DIR).glob("*.json"):
        item.write_text(damage(item.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("check", "--json", cwd=sample)
    diagnostics = json.loads(result.output)
    assert diagnostics == cold, "an unreadable cache file is parsed again from the YAML"


def test_prune_removes_what_no_file_uses(sample: Path) -> None:
    check_json(sample)
    folder = sample / CACHE_DIR
    before = {p.name for p in folder.glob("*.json")}
    (sample / "entries" / "rsud" / "andalan.yaml").unlink()
    check_json(sample)
    after = {p.name for p in folder.glob("*.json")}
    assert len(after) == len(before) - 1 and after < before


def test_positions_damaged_after_the_size_check_fall_back_to_the_top() -> None:
    from lomba.yamlio import LoadedYaml

    loaded = LoadedYaml(file="x.yaml", data={}, lazy_positions="[[[[" + " " * 10)
    assert loaded.position(("narasi", "ringkasan")) == (1, 1)
