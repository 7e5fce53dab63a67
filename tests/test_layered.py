"""A record kept as a base and a patch (``load/layered.py``) reads back as the record written,
key for key and type for type, whatever sequence of writes led to it; a patch is written only
against the base it was worked out from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from lomba.load import layered

NAME = Path("build") / ".cache" / "catatan.json"
MAPS = ("facts", "tokens")


def record(n: int, **changes: Any) -> dict[str, Any]:
    facts = {f"entries/e{i}.yaml": [f"judul {i}", i, [2016, 2017], {"siap": True}]
             for i in range(n)}
    return {"lomba": "v1", "desk_rows": "abc", "facts": facts,
            "tokens": {name: f"{i}:1" for i, name in enumerate(facts)}, **changes}


def read_back(root: Path) -> tuple[dict[str, Any], layered.Base]:
    found = layered.read(root, NAME, MAPS)
    assert found is not None
    return found


def test_a_record_written_whole_reads_back(tmp_path: Path) -> None:
    layered.write(tmp_path, NAME, record(10), MAPS, None)
    assert read_back(tmp_path)[0] == record(10)
    assert (tmp_path / layered.patch_name(NAME)).is_file()


def test_a_few_changes_are_a_patch_and_the_base_is_left_as_it_was(tmp_path: Path) -> None:
    layered.write(tmp_path, NAME, record(200), MAPS, None)
    base_bytes = (tmp_path / NAME).read_bytes()
    raw, base = read_back(tmp_path)
    raw["facts"]["entries/e3.yaml"] = ["judul baru", 3, [2016], {"siap": False}]
    del raw["facts"]["entries/e4.yaml"], raw["tokens"]["entries/e4.yaml"]
    raw["facts"]["entries/baru.yaml"] = ["baru", 0, [], {}]
    raw["desk_rows"] = "def"
    layered.write(tmp_path, NAME, raw, MAPS, base)
    assert (tmp_path / NAME).read_bytes() == base_bytes
    patch = orjson.loads((tmp_path / layered.patch_name(NAME)).read_bytes())
    assert set(patch["set"]["facts"]) == {"entries/e3.yaml", "entries/baru.yaml"}
    assert patch["gone"] == {"facts": ["entries/e4.yaml"], "tokens": ["entries/e4.yaml"]}
    again, _ = read_back(tmp_path)
    assert again == raw and again["desk_rows"] == "def"
    assert "entries/e4.yaml" not in again["facts"]


def test_a_value_equal_but_of_another_type_is_written(tmp_path: Path) -> None:
    """``1 == True == 1.0`` in Python; JSON tells them apart, and so must the patch."""
    layered.write(tmp_path, NAME, record(5), MAPS, None)
    raw, base = read_back(tmp_path)
    raw["facts"]["entries/e1.yaml"] = ["judul 1", True, [2016.0, 2017], {"siap": 1}]
    layered.write(tmp_path, NAME, raw, MAPS, base)
    again, _ = read_back(tmp_path)
    fact = again["facts"]["entries/e1.yaml"]
    assert fact[1] is True and type(fact[2][0]) is float and fact[3]["siap"] == 1
    assert type(fact[3]["siap"]) is int


def test_many_changes_make_a_new_base(tmp_path: Path) -> None:
    layered.write(tmp_path, NAME, record(100), MAPS, None)
    base_bytes = (tmp_path / NAME).read_bytes()
    raw, base = read_back(tmp_path)
    raw["facts"] = {name: ["lain", 0, [], {}] for name in raw["facts"]}
    layered.write(tmp_path, NAME, raw, MAPS, base)
    assert (tmp_path / NAME).read_bytes() != base_bytes
    patch = orjson.loads((tmp_path / layered.patch_name(NAME)).read_bytes())
    assert patch["set"] == {"facts": {}, "tokens": {}}
    assert read_back(tmp_path)[0] == raw


def test_a_forgotten_record_is_not_read_and_its_base_serves_the_next_patch(
        tmp_path: Path) -> None:
    layered.write(tmp_path, NAME, record(100), MAPS, None)
    raw, base = read_back(tmp_path)
    layered.forget(tmp_path, NAME)
    assert layered.read(tmp_path, NAME, MAPS) is None
    assert layered.on_disk(tmp_path, NAME) is False
    raw["tokens"]["entries/e0.yaml"] = "9:9"
    layered.write(tmp_path, NAME, raw, MAPS, base)
    assert read_back(tmp_path)[0] == raw


def test_a_patch_of_another_base_is_not_read(tmp_path: Path) -> None:
    """An older base put back by hand (or a copy) does not take a newer base's patch."""
    layered.write(tmp_path, NAME, record(100), MAPS, None)
    old_base = (tmp_path / NAME).read_bytes()
    raw, base = read_back(tmp_path)
    raw["facts"] = {}
    layered.write(tmp_path, NAME, raw, MAPS, base)  # a new base
    (tmp_path / NAME).write_bytes(old_base)
    assert layered.read(tmp_path, NAME, MAPS) is None


def test_a_patch_that_cannot_be_written_leaves_no_record(tmp_path: Path) -> None:
    layered.write(tmp_path, NAME, record(100), MAPS, None)
    raw, base = read_back(tmp_path)
    patch = tmp_path / layered.patch_name(NAME)
    patch.unlink()
    patch.mkdir()  # a folder where the patch goes: it cannot be written
    raw["tokens"]["entries/e0.yaml"] = "9:9"
    layered.write(tmp_path, NAME, raw, MAPS, base)
    assert layered.read(tmp_path, NAME, MAPS) is None


def test_a_record_that_is_not_json_is_not_kept(tmp_path: Path) -> None:
    layered.write(tmp_path, NAME, record(3), MAPS, None)
    raw, base = read_back(tmp_path)
    raw["facts"]["entries/e0.yaml"] = {1, 2}  # a set: JSON has none
    layered.write(tmp_path, NAME, raw, MAPS, base)
    assert layered.read(tmp_path, NAME, MAPS) is None


def test_damaged_files_are_no_record(tmp_path: Path) -> None:
    layered.write(tmp_path, NAME, record(3), MAPS, None)
    patch = tmp_path / layered.patch_name(NAME)
    good = patch.read_bytes()
    for damage in (b"", b"{", b"[]", b'{"base": 1}', good.replace(b'"set"', b'"sat"')):
        patch.write_bytes(damage)
        assert layered.read(tmp_path, NAME, MAPS) is None
    patch.write_bytes(good.replace(b'"set":{"facts":{}', b'"set":{"facts":[]'))
    assert layered.read(tmp_path, NAME, MAPS) is None


values = st.recursive(st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2)
                      | st.text(max_size=3),
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=2), inner, max_size=3), max_leaves=6)
maps = st.dictionaries(st.sampled_from([f"k{i}" for i in range(40)]), values, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(maps, maps, values), min_size=1, max_size=6))
def test_any_sequence_of_writes_reads_back_as_the_last_record(
        tmp_path_factory: Any, steps: list[tuple[dict, dict, Any]]) -> None:
    root = tmp_path_factory.mktemp("w")
    base = None
    for facts, tokens, top in steps:
        written = {"top": top, "facts": facts, "tokens": tokens}
        layered.write(root, NAME, written, MAPS, base)
        raw, base = read_back(root)
        assert orjson.dumps(raw, option=orjson.OPT_SORT_KEYS) == \
            orjson.dumps(written, option=orjson.OPT_SORT_KEYS)


def test_a_whole_record_is_written_as_one_json_document(tmp_path: Path) -> None:
    """Written a value at a time, the base is the JSON of the whole record: the same value
    as one ``orjson.dumps`` of it."""
    layered.write(tmp_path, NAME, record(50), MAPS, None)
    written = orjson.loads((tmp_path / NAME).read_bytes())
    assert written["record"] == record(50)
    assert b"".join(layered.whole("s", record(3), MAPS)) == orjson.dumps(
        {"serial": "s", "record": record(3)})


def test_a_whole_record_with_a_key_json_cannot_hold_is_not_kept(tmp_path: Path) -> None:
    """A key that is no string (orjson refuses it) found halfway through the base: no record,
    and no half-written base or temporary file left."""
    layered.write(tmp_path, NAME, record(3), MAPS, None)
    bad = record(100)
    bad["facts"][7] = ["tujuh"]
    layered.write(tmp_path, NAME, bad, MAPS, None)
    assert layered.read(tmp_path, NAME, MAPS) is None
    assert {p.name for p in (tmp_path / NAME).parent.iterdir()} == {NAME.name}
    assert orjson.loads((tmp_path / NAME).read_bytes())["record"] == record(3)
