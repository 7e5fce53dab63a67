"""A cache record of a few big maps, written as what changed since its base.

The records a whole build keeps for the next one (the kept facts, the desk's row memos) hold a
value per entry: ten thousand of them. After one entry changed, writing each record whole again
was a tenth of the build. So a record is two files in ``build/.cache/``: a base, written whole
now and then, and a patch beside it (``<name>.tambal.json``) that holds what differs from the
base (keys changed or added, keys gone, and the few values outside the maps). The patch names
the base it belongs to by a random serial the base holds, and the record is whole only when both
are there and match: removing the patch is enough to forget a record, and a patch never lands
on another base. Once the patch would hold more than a sixteenth of the record, the record is
written as a new base with an empty patch. Read back, it is the record that was written, key
for key (tests compare).

Like every cache here it is JSON, never code, and best effort: missing, damaged or not whole,
it is simply not there.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from lomba.load.cache import cache_file, write_cache_file

PATCH_SUFFIX = ".tambal.json"


def patch_name(name: Path) -> Path:
    """Where the patch of the record ``name`` (``build/.cache/x.json``) lives."""
    return name.with_name(name.name.removesuffix(".json") + PATCH_SUFFIX)


@dataclass(frozen=True)
class Base:
    """The base a record was read from: its serial, and its maps as the base holds them (what
    the next patch is worked out against)."""

    serial: str
    maps: dict[str, dict[str, Any]]


def read(root: Path, name: Path, maps: tuple[str, ...]) -> tuple[dict[str, Any], Base] | None:
    """The record ``name`` (under ``root``) as last written, base and patch merged, each map a
    dict of its own (the caller may change them); None when it is missing, unreadable or not
    whole."""
    path, patch_path = cache_file(root, name), cache_file(root, patch_name(name))
    if path is None or patch_path is None:
        return None
    try:
        base = orjson.loads(path.read_bytes())
        patch = orjson.loads(patch_path.read_bytes())
        serial, record = base["serial"], base["record"]
        if type(serial) is not str or patch["base"] != serial or not isinstance(record, dict):
            return None
        merged = {**record, **patch["top"]}
        kept: dict[str, dict[str, Any]] = {}
        for key in maps:
            own, changed, gone = record[key], patch["set"][key], patch["gone"][key]
            if not (isinstance(own, dict) and isinstance(changed, dict)
                    and isinstance(gone, list)):
                return None
            kept[key] = own
            fresh = {**own, **changed}
            for item in gone:
                fresh.pop(item, None)
            merged[key] = fresh
        return merged, Base(serial, kept)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


_ABSENT = object()


_EXACT = (str, int, bool, type(None))
"""Types whose equal values of the same type are written alike."""


def _same(was: Any, now: Any) -> bool:
    """Whether two values read back alike: equal is not enough (``1 == True == 1.0``)."""
    kind = type(now)
    if type(was) is not kind:
        return False
    if kind in _EXACT:
        return was == now
    return was == now and orjson.dumps(was) == orjson.dumps(now)


def write(root: Path, name: Path, record: dict[str, Any], maps: tuple[str, ...],
          base: Base | None) -> None:
    """Keep ``record`` as ``name``: as a patch against ``base`` (what :func:`read` gave, when
    the base file is still the one read, which the build's lock ensures) while the patch stays
    small, else whole. Values are compared, so a map's values must not have been changed in
    place since they were read (replace them). Best effort, like every cache: a record that
    cannot be written whole is forgotten."""
    try:
        _write(root, name, record, maps, base)
    except TypeError:  # not JSON (orjson's error is a TypeError): not kept
        forget(root, name)


def _write(root: Path, name: Path, record: dict[str, Any], maps: tuple[str, ...],
           base: Base | None) -> None:
    if base is not None:
        changed: dict[str, dict[str, Any]] = {}
        gone: dict[str, list[str]] = {}
        size = count = 0
        for key in maps:
            own, new = base.maps[key], record[key]
            changed[key] = {k: v for k, v in new.items()
                            if (was := own.get(k, _ABSENT)) is not v and not _same(was, v)}
            gone[key] = [k for k in own if k not in new]
            count += len(changed[key]) + len(gone[key])
            size += len(new)
        if count <= max(64, size // 16):
            top = {k: v for k, v in record.items() if k not in maps}
            if not write_cache_file(root, patch_name(name), orjson.dumps(
                    {"base": base.serial, "top": top, "set": changed, "gone": gone})):
                forget(root, name)
            return
    serial = secrets.token_hex(8)
    # The base first: the old patch, naming the old serial, no longer fits it.
    if not (write_cache_file(root, name, whole(serial, record, maps))
            and write_cache_file(root, patch_name(name), orjson.dumps(
                {"base": serial, "top": {}, "set": {k: {} for k in maps},
                 "gone": {k: [] for k in maps}}))):
        forget(root, name)


def whole(serial: str, record: dict[str, Any], maps: tuple[str, ...]) -> Iterator[bytes]:
    """``{"serial": serial, "record": record}`` as JSON, one value of each map at a time: a map
    of a row per entry is tens of megabytes at national scale, which one ``orjson.dumps``
    would hold whole. Not JSON (a key that is no string, say): a ``TypeError``, as orjson's."""
    yield b'{"serial":' + orjson.dumps(serial) + b',"record":{'
    for n, (key, value) in enumerate(record.items()):
        yield (b"," if n else b"") + _key(key)
        if key not in maps:
            yield orjson.dumps(value)
            continue
        if not isinstance(value, dict):
            raise TypeError(key)
        yield b"{"
        for m, (item, held) in enumerate(value.items()):
            yield (b"," if m else b"") + _key(item) + orjson.dumps(held)
        yield b"}"
    yield b"}}"


def _key(key: Any) -> bytes:
    if type(key) is not str:
        raise TypeError(key)
    return orjson.dumps(key) + b":"


def on_disk(root: Path, name: Path) -> bool:
    """Whether both files of the record are there (whole or not, it is not read)."""
    return all(os.path.isfile(root / part) for part in (name, patch_name(name)))


def forget(root: Path, name: Path) -> None:
    """Make the record not whole (its patch goes; the base stays for the next patch)."""
    path = cache_file(root, patch_name(name))
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()
