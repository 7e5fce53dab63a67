"""The ``lomba`` command's door: the console script and ``python -m lomba`` (the usual way in
where the script is not on PATH, as on Windows) both run :func:`run`.

A command is one short process, so two things Python does for a long-lived one are skipped:

- the cycle collector during the imports: they make a few hundred thousand objects and no
  garbage, and each collection walked them all again (a tenth of start-up);
- freeing the heap object by object at exit (a 10,000-entry build holds a million objects,
  tens of milliseconds to free): the output streams are flushed, then the process ends at once
  and the system takes its memory back. Every file a command writes is closed (and renamed
  into place) before the command returns, and every worker process it started has ended.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys


def run() -> None:
    """Run the command line and end the process with its exit code."""
    gc.disable()
    try:
        from lomba.cli import main
    finally:
        gc.enable()
    try:
        main(prog_name="lomba")
        code = 0
    except SystemExit as exc:
        code = _exit_code(exc.code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # closed, or none
            stream.flush()
    os._exit(code)


def _exit_code(code: object) -> int:
    """``sys.exit``'s argument as the process's exit code, as Python itself turns it into one."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


if __name__ == "__main__":
    run()
