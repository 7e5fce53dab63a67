"""The one shape of every machine-readable output (``--json`` and ``build/status.json``)."""

from __future__ import annotations

import json
from typing import Any

JSON_SCHEMA_VERSION = 1
"""Every JSON output is an object with English keys, this version and the command; the version
rises when a key changes meaning or goes away (new keys may appear without it)."""


def json_document(command: str, payload: dict[str, Any]) -> str:
    return json.dumps({"schema_version": JSON_SCHEMA_VERSION, "command": command, **payload},
                      ensure_ascii=False, indent=2)
