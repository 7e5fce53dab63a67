"""A digest of lomba's own code and built-in data, for cache keys.

Caches (parsed files, remembered checks, the build manifest) are keyed on this rather than on
the version string: a new or changed check, template or writer changes the digest, so no cache
can hand back a result that the current code would not produce.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-1 over every source and data file of the installed package (names and bytes)."""
    digest = hashlib.sha1()
    top = os.fspath(PACKAGE)
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, top).replace(os.sep, "/").encode())
            with open(path, "rb") as fh:
                digest.update(hashlib.sha1(fh.read()).digest())
    return digest.hexdigest()
