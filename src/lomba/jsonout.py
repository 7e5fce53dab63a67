"""The one shape of every machine-readable output (``--json`` and ``build/status.json``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

JSON_SCHEMA_VERSION = 1
"""Every JSON output is an object with English keys, this version and the command; the version
rises when a key changes meaning or goes away (new keys may appear without it)."""


_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS


def json_document(command: str, payload: dict[str, Any]) -> str:
    """Indented, UTF-8 as written (no ``\\u`` escapes for Indonesian or other letters). orjson:
    the standard encoder took three quarters of a second for a 10,000-entry status."""
    return orjson.dumps({"schema_version": JSON_SCHEMA_VERSION, "command": command, **payload},
                        option=_OPTIONS).decode("utf-8")


def json_item(value: Any) -> str:
    """``value`` as :func:`json_document` writes an item of a list under a top-level key."""
    return orjson.dumps(value, option=_OPTIONS).decode("utf-8").replace("\n", "\n    ")


def json_document_listing(command: str, payload: dict[str, Any], key: str,
                          items: list[str]) -> str:
    """:func:`json_document`, with ``payload[key]`` the list of ``items``, each already written
    by :func:`json_item` (so that items kept from an earlier document are not encoded again)."""
    return "".join(json_listing_pieces(command, payload, key, items))


def json_listing_pieces(command: str, payload: dict[str, Any], key: str,
                        items: list[str]) -> Iterator[str]:
    """:func:`json_document_listing` in pieces, to be written as they come (a listing of a
    national-scale workspace is tens of megabytes)."""
    text = json_document(command, {**payload, key: []})
    # Only the key itself starts a line with two spaces and a quote: in a string value, a line
    # break and a quote are escaped, and deeper keys are indented further.
    empty = f'\n  "{key}": []'
    if not items or empty not in text:
        yield text
        return
    head, _, tail = text.partition(empty)
    yield f'{head}\n  "{key}": [\n    '
    for n, item in enumerate(items):
        yield f",\n    {item}" if n else item
    yield "\n  ]" + tail
