"""A content-addressed cache of parsed entry files, so an unchanged tree loads fast.

Parsing YAML with positions is most of the cost of `check`, `status` and `build`. The result of
parsing depends only on the file's bytes and on lomba's version, so it is stored under
``build/.cache/parse/<sha1 of the bytes>.json`` and reused whenever the same bytes are seen again
(an edit, a rename or a checkout of an older version all just work). JSON, not pickle: a cache
directory that came from elsewhere can at worst be wrong data, which is then re-validated by the
models as any YAML would be, never code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from lomba import __version__
from lomba.diagnostics import Diagnostic, Severity
from lomba.fileio import atomic_write_text
from lomba.yamlio import LoadedYaml, _read, parse_yaml, placeholder_hint

CACHE_DIR = Path("build") / ".cache" / "parse"
FORMAT = f"{__version__}/2"


def _json_safe(value: Any) -> bool:
    """Would JSON give this value back unchanged? (It turns non-text keys into text.)"""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_safe(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_safe(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _encode(loaded: LoadedYaml) -> str | None:
    """Three JSON lines (compact JSON never holds a raw newline): a header with the
    diagnostics and the top-level positions, the data, and every position. Positions are most
    of the decoding cost and are rarely needed, so they are decoded only on demand."""
    if not _json_safe(loaded.data):
        return None
    diags = []
    for d in loaded.diagnostics:
        if not all(isinstance(v, (str, int, float, bool)) or v is None for v in d.params.values()):
            return None
        diags.append([d.line, d.column, list(d.path), str(d.severity), d.code, d.params, d.value])
    keys = loaded.keys
    top = [[path[0], *value, *keys.get(path, value)] for path, value in loaded.values.items()
           if len(path) == 1 and isinstance(path[0], str)]
    positions = _dumps([[[list(k), v] for k, v in loaded.values.items()],
                        [[list(k), v] for k, v in keys.items()]])
    header = {"format": FORMAT, "diagnostics": diags, "hint": loaded.may_hold_placeholder,
              "top": top, "size": len(positions)}
    return "\n".join((_dumps(header), _dumps(loaded.data), positions))


def _decode(text: str, display: str) -> LoadedYaml | None:
    try:
        head, data, positions = text.split("\n", 2)
        raw: dict[str, Any] = json.loads(head)
        if raw.get("format") != FORMAT or len(positions) != raw["size"]:
            return None  # another version's, or cut short: parsed again from the YAML
        loaded = LoadedYaml(file=display, data=json.loads(data),
                            may_hold_placeholder=bool(raw["hint"]), lazy_positions=positions)
        loaded.shallow = {name: ((vl, vc), (kl, kc)) for name, vl, vc, kl, kc in raw["top"]}
        loaded.diagnostics = [
            Diagnostic(display, line, column, tuple(path), Severity(sev), code, params, value)
            for line, column, path, sev, code, params, value in raw["diagnostics"]]
        return loaded
    except (ValueError, KeyError, TypeError, IndexError):
        return None


class ParseCache:
    """Parsed files by content hash, under a workspace's ``build/.cache``."""

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def load(self, path: Path, display: str) -> LoadedYaml:
        """Like :func:`lomba.yamlio.load_yaml_file`, from the cache when the bytes are known."""
        text, raw = _read(path, display)
        digest = hashlib.sha1(raw).hexdigest()
        self.used.add(digest)
        cached = self.folder / f"{digest}.json"
        with contextlib.suppress(OSError):
            loaded = _decode(cached.read_text(encoding="utf-8"), display)
            if loaded is not None:
                self.hits += 1
                loaded.digest = digest
                return loaded
        self.misses += 1
        loaded = parse_yaml(text, display, may_hold_placeholder=placeholder_hint(raw))
        loaded.digest = digest
        encoded = _encode(loaded)
        if encoded is not None:
            with contextlib.suppress(OSError):
                atomic_write_text(cached, encoded)
        return loaded

    def prune(self) -> None:
        """Remove entries no file uses any more (after a load of the whole workspace)."""
        if not self.folder.is_dir():
            return
        for item in self.folder.glob("*.json"):
            if item.stem not in self.used:
                with contextlib.suppress(OSError):
                    os.unlink(item)

