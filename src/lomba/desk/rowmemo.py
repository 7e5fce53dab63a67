"""Each entry's rows in the desk's files, kept from one whole build to the next.

Every desk file is mostly a row per entry (the dashboard's matrix, the recap's sheet and CSV,
the status). A row depends on the entry's facts and on the competitions in use (the columns),
nothing else: numbers that run across rows (the reasons' notes, the sheet's row numbers) are
left as gaps and filled in when the rows are put together. So after a few entries changed, the
desk takes the other entries' rows as the last build made them, from the same facts, instead of
making ten thousand again; the files are the same as if every row were made anew.

A memo is trusted only for the entries the build says are unchanged since the build that wrote
it (``plan``), only under the same columns and the same lomba, and only for rows of the right
shape. It lives in ``build/.cache/`` and is only a cache: unreadable, foreign or missing,
every row is made. After a few entries changed, their rows alone are written
(``load/layered.py``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import orjson

from lomba.fingerprint import code_digest
from lomba.load import layered

T = TypeVar("T")


@dataclass(frozen=True)
class MemoPlan:
    """Which kept rows a desk may take: those of ``reuse``, from the memo named ``kept``; the
    memo it writes is named ``made`` (the build keeps that name beside the entries' facts)."""

    made: str = field(default_factory=lambda: secrets.token_hex(8))
    kept: str | None = None
    reuse: frozenset[str] = frozenset()


@dataclass
class RowMemo:
    """One desk side's rows by entry: those taken from the last build, and those made now."""

    name: Path
    plan: MemoPlan
    key: Any
    kept: dict[str, Any]
    rows: dict[str, Any] = field(default_factory=dict)
    base: layered.Base | None = None
    """The memo on disk that was read (the new one is written as a patch of it)."""

    @classmethod
    def open(cls, root: Path, name: str, plan: MemoPlan | None, key: Hashable) -> RowMemo:
        """The memo ``build/.cache/<name>``, for rows under ``key`` (the columns)."""
        path = Path("build") / ".cache" / name
        plan = plan or MemoPlan()
        key = orjson.loads(orjson.dumps(key))  # as it reads back: lists, not tuples
        found = layered.read(root, path, ("rows",)) if plan.kept and plan.reuse else None
        if found is None:
            return cls(path, plan, key, {})
        raw, base = found
        fits = raw.get("lomba") == code_digest() and raw.get("id") == plan.kept \
            and raw.get("key") == key
        return cls(path, plan, key, raw["rows"] if fits else {}, base=base)

    def row(self, entry: str, make: Callable[[], T], fits: Callable[[Any], bool]) -> T:
        """The entry's row: kept, when the plan says its facts are those it was made from and
        it has the shape ``fits`` checks (a memo damaged by hand is made again, not trusted)."""
        found = self.kept.get(entry) if entry in self.plan.reuse else None
        if found is None or not fits(found):
            found = make()
        self.rows[entry] = found
        return found

    def save(self, root: Path) -> None:
        """Best effort: a memo that cannot be written means every row is made next time. After
        a few entries changed, only their rows are written (``load/layered.py``)."""
        layered.write(root, self.name, {"lomba": code_digest(), "id": self.plan.made,
                                        "key": self.key, "rows": self.rows},
                      ("rows",), self.base)


def strings(value: Any, least: int = 0) -> bool:
    """Whether ``value`` is a list of at least ``least`` strings (a kept row's pieces)."""
    return isinstance(value, list) and len(value) >= least and only(value, str)


def only(values: list[Any], kind: type) -> bool:
    """Whether every one of ``values`` is exactly of ``kind`` (not a subclass: a bool is no
    int). Checked in C: a desk checks a hundred thousand kept pieces."""
    return set(map(type, values)) <= {kind}
