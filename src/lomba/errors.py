"""Program failures: one base class, rendered once by the CLI.

A problem in the user's files is a :class:`~lomba.diagnostics.Diagnostic`, collected and reported
with all the others. A failure that stops a command (the build folder is a symlink, the disk is
full, another build holds the lock) is a :class:`LombaError`: a message code from the catalogue
with its parameters, optionally the diagnostics that caused it, and an exit code. The CLI prints
it in the user's language; nothing below the CLI prints or exits.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from typing import Any

from lomba.diagnostics import Diagnostic
from lomba.messages import render_message


class LombaError(Exception):
    """A failure the user can act on; never shown as a traceback."""

    exit_code = 1

    def __init__(self, code: str, diagnostics: Sequence[Diagnostic] = (), /,
                 **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        self.diagnostics = list(diagnostics)

    def message(self, lang: str = "id") -> str:
        return render_message(self.code, self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        # Whole across a process boundary (a forked worker's failure is the parent's to say).
        return (_rebuilt, (type(self), self.code, self.diagnostics, self.params))


def _rebuilt(cls: type[LombaError], code: str, diagnostics: list[Diagnostic],
             params: dict[str, Any]) -> LombaError:
    error = cls.__new__(cls)
    Exception.__init__(error, code)
    error.code, error.diagnostics, error.params = code, diagnostics, params
    return error


class UsageError(LombaError):
    """The command was called wrongly (an unknown filter, an option out of range)."""

    exit_code = 2


def os_error(exc: OSError, path: str | os.PathLike[str] | None = None) -> LombaError:
    """An operating-system failure while reading or writing, as a message that names the path
    and what to do (disk full, permission, read-only, not a folder)."""
    where = str(path if path is not None else (exc.filename or "?"))
    code = {
        errno.ENOSPC: "io-disk-full",
        errno.EDQUOT: "io-disk-full",
        errno.EACCES: "io-permission",
        errno.EPERM: "io-permission",
        errno.EROFS: "io-read-only",
        errno.ENOTDIR: "io-not-folder",
        errno.EISDIR: "io-is-folder",
    }.get(exc.errno or 0, "io-failed")
    return LombaError(code, path=where, reason=exc.strerror or str(exc))
