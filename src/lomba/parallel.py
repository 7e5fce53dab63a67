"""Worker processes, where the platform can fork them.

Checks and renders run in forked workers that inherit the loaded workspace instead of receiving
it pickled. Where ``fork`` does not exist (Windows) the same work runs in one process, with the
same results; ``LOMBA_SERIAL=1`` asks for that anywhere (the test suite runs once so).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.context import BaseContext
from typing import Any, TypeVar


def fork_context() -> BaseContext | None:
    """The ``fork`` start method, or None where there is none, where the program has chosen
    another start method (``spawn``, as on Windows), or where serial work is asked for."""
    if os.environ.get("LOMBA_SERIAL") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return None
    return multiprocessing.get_context("fork")


T = TypeVar("T")

# The work a process started by :func:`beside` runs: set before it forks, so it is inherited,
# never pickled (it holds the loaded workspace).
_BESIDE: list[Callable[[], Any]] = []


def _run_beside() -> Any:
    return _BESIDE[-1]()


def beside(work: Callable[[], T], *, worth_it: bool = True) -> Callable[[], T]:
    """Start ``work`` in a forked process and go on; the function returned waits for its
    result (an exception it raised is raised there). Where there is no fork, or where the
    work is too small to be ``worth_it`` a process, it runs here, at once, with the same
    result."""
    context = fork_context() if worth_it else None
    if context is None:
        result = work()
        return lambda: result
    from concurrent.futures import ProcessPoolExecutor

    _BESIDE.append(work)
    pool = ProcessPoolExecutor(1, mp_context=context)
    try:
        future = pool.submit(_run_beside)
    except BaseException:
        _BESIDE.pop()
        pool.shutdown(cancel_futures=True)
        raise

    def wait() -> T:
        try:
            return future.result()
        finally:
            pool.shutdown()
            _BESIDE.remove(work)

    return wait
