"""Compiled Jinja templates kept in ``build/.cache/`` between commands.

Every command is a new process, and compiling the dashboard, the preview and the competitions'
section templates again each time is a tenth of a one-entry build at 10,000 entries. Jinja's
own bytecode cache keeps the compiled code (Python's ``marshal``, as ``__pycache__`` does) with a
checksum of the template's source: changed source is compiled again. Each file's key here also
holds the environment it was compiled for, Jinja's version and lomba's code digest, so code
compiled by another lomba, or for another environment's filters and escaping, is never used.

The cache is on only inside :func:`lomba.load.cache.kept_in`, in that workspace's own
``build/.cache/``; a file that cannot be read or written is simply compiled again, never a
reason to fail.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from lomba.fingerprint import code_digest
from lomba.load.cache import cache_file, workspace_in_use, write_cache_file


class TemplateCode(jinja2.BytecodeCache):
    """The bytecode cache of one environment, named by ``tag``."""

    def __init__(self, tag: str) -> None:
        self.tag = tag

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = f"{self.tag}\0{name}\0{jinja2.__version__}\0{code_digest()}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()

    def _name(self, bucket: Bucket) -> Path:
        return Path("build") / ".cache" / f"templat-{bucket.key}.bin"

    def load_bytecode(self, bucket: Bucket) -> None:
        root = workspace_in_use()
        path = cache_file(root, self._name(bucket)) if root is not None else None
        try:
            data = path.read_bytes() if path is not None else None
        except OSError:
            return
        if data:
            try:
                bucket.bytecode_from_string(data)
            except Exception:
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        root = workspace_in_use()
        if root is not None:
            write_cache_file(root, self._name(bucket), bucket.bytecode_to_string())

    def compiled(self, env: jinja2.Environment, source: str, name: str) -> jinja2.Template:
        """``source`` compiled in ``env`` as a template named ``name`` (also its file name in
        tracebacks), from the cache when it holds this source's code."""
        bucket = self.get_bucket(env, name, name, source)
        code: Any = bucket.code
        if code is None:
            code = env.compile(source, name=name, filename=name)
            bucket.code = code
            self.set_bucket(bucket)
        return env.template_class.from_code(env, code, env.make_globals(None))
