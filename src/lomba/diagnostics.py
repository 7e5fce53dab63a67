"""Diagnostics: the one record every problem lomba finds is reported as.

A diagnostic carries a stable ``code`` and its parameters rather than a finished sentence, so the
same problem can be shown in Bahasa Indonesia or English (see :mod:`lomba.messages`) and tested
without depending on wording.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from lomba.messages import render_message

PathItem = str | int


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place: file, 1-based line and column, and the field path inside it."""

    file: str
    line: int
    column: int
    path: tuple[PathItem, ...]
    severity: Severity
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    value: Any = field(default=None, compare=False, hash=False)
    competition: str | None = None
    """The competition edition (``sinovik/2019``) this finding belongs to; None when it belongs
    to the whole file. A finding of one edition blocks only that edition's documents."""

    @property
    def for_entry(self) -> bool:
        """Does this finding concern the whole file (every competition it enters)?"""
        return self.competition is None

    @property
    def dotted_path(self) -> str:
        return format_path(self.path)

    def message(self, lang: str = "id") -> str:
        return render_message(self.code, self.params, lang)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.dotted_path,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message(lang),
        }
        if self.value is not None:
            out["value"] = _jsonable(self.value)
        if self.competition is not None:
            out["competition"] = self.competition
        return out

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def share_parts(diagnostics: Iterable[Diagnostic]) -> None:
    """Let findings share their equal parts (file name, field path, competition, parameters):
    a large workspace repeats the same few findings in every entry (five warnings each in a
    national one), and each kept its own copies, a fifth of what a checked workspace holds.
    In place, as a finding's parts are never changed once it is made."""
    names: dict[Any, Any] = {}
    params: dict[tuple[Any, ...], dict[str, Any]] = {}
    for d in diagnostics:
        for attribute in ("file", "path", "competition"):
            value = getattr(d, attribute)
            shared = names.setdefault(value, value)
            if shared is not value:
                object.__setattr__(d, attribute, shared)
        key = tuple(d.params.items())
        try:
            same = params.setdefault(key, d.params)
        except TypeError:  # a value that cannot be compared by hash (a list): kept as it is
            continue
        if same is not d.params:
            object.__setattr__(d, "params", same)


def format_path(path: Iterable[PathItem]) -> str:
    """``("tim", 0, "nama")`` -> ``tim[0].nama``: the way a user would point at a YAML field."""
    out = ""
    for item in path:
        if isinstance(item, int):
            out += f"[{item}]"
        else:
            out += ("." if out else "") + str(item)
    return out


def short_value(value: Any, limit: int = 60) -> str:
    """A one-line preview of the value found, for messages."""
    text = value if isinstance(value, str) else json.dumps(_jsonable(value), ensure_ascii=False)
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def relative_name(path: Path, root: Path | None) -> str:
    """Show files relative to the workspace root, the way users and editors refer to them."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


@dataclass
class Report:
    """All diagnostics of one run, in a stable order."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    _by_file: dict[str, list[Diagnostic]] | None = field(default=None, repr=False)
    _indexed: int = field(default=-1, repr=False)

    def add(self, diag: Diagnostic) -> None:
        self.diagnostics.append(diag)
        self._by_file = None

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(diags)
        self._by_file = None

    def keep(self, wanted: Callable[[Diagnostic], bool]) -> None:
        """Keep only the diagnostics ``wanted`` accepts (e.g. those of the files asked for)."""
        self.diagnostics = [d for d in self.diagnostics if wanted(d)]
        self._by_file = None

    def for_file(self, name: str) -> list[Diagnostic]:
        """The diagnostics of one file (indexed once, not scanned per call)."""
        if self._by_file is None or self._indexed != len(self.diagnostics):
            index: dict[str, list[Diagnostic]] = {}
            for d in self.diagnostics:
                index.setdefault(d.file, []).append(d)
            self._by_file = index
            self._indexed = len(self.diagnostics)
        return self._by_file.get(name, [])

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        seen: set[tuple[Any, ...]] = set()
        out = []
        for d in sorted(self.diagnostics, key=Diagnostic.sort_key):
            key = (d.file, d.line, d.column, d.path, d.code, d.competition,
                   tuple(sorted((k, repr(v)) for k, v in d.params.items())))
            if key not in seen:
                seen.add(key)
                out.append(d)
        return out
