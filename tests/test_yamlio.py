"""The YAML layer: positions, YAML 1.1 surprises, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lomba.load.yamlio import (
    MAX_FILE_BYTES,
    YamlLoadError,
    dump_yaml,
    load_yaml_file,
    parse_yaml,
)


def test_positions_are_recorded_for_values_and_keys() -> None:
    loaded = parse_yaml("nama: A\ntim:\n  - nama: Budi\n    peran: ketua\n", "x.yaml")
    assert loaded.values[("nama",)] == (1, 7)
    assert loaded.keys[("tim",)] == (2, 1)
    assert loaded.values[("tim", 0, "peran")] == (4, 12)
    assert loaded.position(("tim", 0, "missing")) == (3, 5)


def test_only_true_and_false_are_booleans() -> None:
    data = parse_yaml("a: no\nb: yes\nc: true\nd: False\ne: on\n", "x.yaml").data
    assert data == {"a": "no", "b": "yes", "c": True, "d": False, "e": "on"}


def test_leading_zeros_dates_and_odd_numbers_stay_text() -> None:
    data = parse_yaml(
        "tel: 0734421234\nnip: 196705121992031006\ntgl: 2019-07-25\nsex: 1:30\nf: 2.5\nh: 0x1F\n",
        "x.yaml",
    ).data
    assert data == {
        "tel": "0734421234", "nip": 196705121992031006, "tgl": "2019-07-25", "sex": "1:30",
        "f": 2.5, "h": "0x1F",
    }


def test_quoted_scalars_are_always_text() -> None:
    assert parse_yaml('a: "12"\nb: \'true\'\n', "x.yaml").data == {"a": "12", "b": "true"}


def test_duplicate_keys_are_reported_with_first_line() -> None:
    loaded = parse_yaml("a: 1\nb: 2\na: 3\n", "x.yaml")
    (diag,) = loaded.diagnostics
    assert (diag.code, diag.line, diag.column, diag.params["first_line"]) == (
        "yaml-duplicate-key", 3, 1, 1)
    assert loaded.data == {"a": 1, "b": 2}, "the first value is kept, the duplicate is not used"


def test_billion_laughs_is_bounded() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(YamlLoadError) as exc:
        parse_yaml("\n".join(lines), "x.yaml")
    assert exc.value.diagnostic.code == "yaml-alias-limit"


def test_small_aliases_are_allowed() -> None:
    data = parse_yaml("a: &x {k: 1}\nb: *x\n", "x.yaml").data
    assert data == {"a": {"k": 1}, "b": {"k": 1}}


@pytest.mark.parametrize("text", [
    "a: " + "[" * 5000 + "]" * 5000,           # beyond libyaml's own limit
    "a: " + "[" * 700 + "]" * 700,             # within it, beyond Python's recursion limit
    "a: " + "{a: " * 900 + "1" + "}" * 900,
    "\n".join(" " * i + f"a{i}:" for i in range(1000)),  # block nesting
])
def test_deep_nesting_is_an_error_not_a_crash(text: str) -> None:
    with pytest.raises(YamlLoadError) as exc:
        parse_yaml(text, "x.yaml")
    assert exc.value.diagnostic.code == "yaml-too-deep"


def test_a_long_plain_list_is_not_called_an_alias_bomb() -> None:
    with pytest.raises(YamlLoadError) as exc:
        parse_yaml("sdgs: [" + ",".join(["1"] * 100_001) + "]", "x.yaml")
    assert exc.value.diagnostic.code == "yaml-too-many-values"


@pytest.mark.parametrize("digits", [41, 4301, 5000])
def test_an_integer_too_long_to_be_a_quantity_stays_text(digits: int) -> None:
    data = parse_yaml(f"a: {'9' * digits}\nb: 12\n", "x.yaml").data
    assert data == {"a": "9" * digits, "b": 12}


def test_raw_control_character_is_positioned() -> None:
    with pytest.raises(YamlLoadError) as exc:
        parse_yaml("a: b\nc: x\x07y\n", "x.yaml")
    d = exc.value.diagnostic
    assert (d.code, d.line, d.column) == ("control-char", 2, 5)


def test_escaped_control_character_names_the_field() -> None:
    loaded = parse_yaml('narasi:\n  hasil: "naik\\x0bturun"\n', "x.yaml")
    (diag,) = loaded.diagnostics
    assert diag.code == "control-char"
    assert diag.path == ("narasi", "hasil")
    assert (diag.line, diag.column, diag.params["index"]) == (2, 10, 5)


def test_non_mapping_keys_are_rejected() -> None:
    with pytest.raises(YamlLoadError) as exc:
        parse_yaml("? [a, b]\n: c\n", "x.yaml")
    assert exc.value.diagnostic.code == "yaml-key-type"


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    with pytest.raises(YamlLoadError) as exc:
        load_yaml_file(big, "big.yaml")
    assert exc.value.diagnostic.code == "file-too-large"


def test_bom_is_accepted(tmp_path: Path) -> None:
    f = tmp_path / "bom.yaml"
    f.write_bytes("\ufeffa: 1\n".encode())
    assert load_yaml_file(f, "bom.yaml").data == {"a": 1}


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(YamlLoadError) as exc:
        load_yaml_file(tmp_path / "nope.yaml", "nope.yaml")
    assert exc.value.diagnostic.code == "file-missing"
    with pytest.raises(YamlLoadError) as exc:
        load_yaml_file(tmp_path, "dir")
    assert exc.value.diagnostic.code == "file-unreadable"


def test_comment_only_file_is_empty() -> None:
    with pytest.raises(YamlLoadError) as exc:
        parse_yaml("# hanya komentar\n", "x.yaml")
    assert exc.value.diagnostic.code == "file-empty"


number_like = st.text(alphabet="0123456789eE+-._abcfxo:~ntruyNTRUY", max_size=20)


@settings(max_examples=2000, deadline=None)
@given(st.lists(number_like | st.text(st.characters(min_codepoint=32, max_codepoint=126),
                                      max_size=20), max_size=5))
def test_what_lomba_writes_it_reads_back_as_the_same_text(texts: list[str]) -> None:
    """``dump_yaml`` quotes every string lomba would read as another type (PyYAML, following
    YAML 1.1, writes ``1234567e89012345`` bare; lomba reads it as a number)."""
    data = {"surat": [{"sidik": text, "rantai": text[::-1]} for text in texts]}
    assert parse_yaml(dump_yaml(data), "x.yaml").data == data


def test_a_digest_that_looks_like_a_number_stays_text() -> None:
    for digest in ("1234567e89012345", "0e12345678901234", "12345678901234e5", "1e2"):
        assert parse_yaml(dump_yaml({"rantai": digest}), "x.yaml").data == {"rantai": digest}
