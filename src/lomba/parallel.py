"""Worker processes, where the platform can fork them.

Checks and renders run in forked workers that inherit the loaded workspace instead of receiving
it pickled. Where ``fork`` does not exist (Windows) the same work runs in one process, with the
same results; ``LOMBA_SERIAL=1`` asks for that anywhere (the test suite runs once so).
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import BaseContext


def fork_context() -> BaseContext | None:
    """The ``fork`` start method, or None where there is none, where the program has chosen
    another start method (``spawn``, as on Windows), or where serial work is asked for."""
    if os.environ.get("LOMBA_SERIAL") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return None
    return multiprocessing.get_context("fork")
