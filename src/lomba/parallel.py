"""Worker processes, where the platform can fork them.

Checks and renders run in forked workers that inherit the loaded workspace instead of receiving
it pickled. Where ``fork`` does not exist (Windows) the same work runs in one process, with the
same results; ``LOMBA_SERIAL=1`` asks for that anywhere (the test suite runs once so).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from lomba.errors import LombaError


def fork_context() -> BaseContext | None:
    """The ``fork`` start method, or None where there is none, where the program has chosen
    another start method (``spawn``, as on Windows), or where serial work is asked for."""
    if os.environ.get("LOMBA_SERIAL") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return None
    return multiprocessing.get_context("fork")


@contextmanager
def workers_watched() -> Iterator[None]:
    """A worker process that died (killed, or out of memory) as a failure the user can act on,
    not a traceback. What it was writing is not half-written: every write is atomic."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield
    except BrokenProcessPool:
        raise LombaError("worker-lost") from None


T = TypeVar("T")

# The work a process started by :func:`beside` runs: set before it forks, so it is inherited,
# never pickled (it holds the loaded workspace).
_BESIDE: list[Callable[[], Any]] = []


def _run_beside() -> Any:
    return _BESIDE[-1]()


@contextmanager
def beside(work: Callable[[], T], *, worth_it: bool = True) -> Iterator[Callable[[], T]]:
    """Start ``work`` in a forked process while the block goes on; the block gets a function
    that waits for its result (an exception it raised is raised there). The work never
    outlives the block, even one that fails: it writes where the caller's lock allows. Where
    there is no fork, where a process cannot be started, or where the work is too small to be
    ``worth_it`` one, it runs here, at once, with the same result."""
    context = fork_context() if worth_it else None
    pool = None
    if context is not None:
        from concurrent.futures import ProcessPoolExecutor

        _BESIDE.append(work)
        try:
            pool = ProcessPoolExecutor(1, mp_context=context)
            future = pool.submit(_run_beside)
        except OSError:  # no process to be had (a limit on processes or memory): here, then
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            pool = None
            _BESIDE.remove(work)
    if pool is None:
        result = work()
        yield lambda: result
        return
    try:
        with workers_watched():
            yield future.result
    finally:
        pool.shutdown(wait=True)
        _BESIDE.remove(work)


def return_freed_memory() -> None:
    """Hand the memory freed inside the heap back to the system (glibc's ``malloc_trim``), so
    that the process stops counting it and a process forked next does not start with it.
    Nothing where the C library has no such call (Windows, macOS, musl)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # only here: national-scale builds alone call this

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return
    trim(0)
