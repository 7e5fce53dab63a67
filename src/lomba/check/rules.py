"""The registry of check rules: each rule has a name, the scope its findings belong to, the codes
it may report, and one signature, ``run(context, subject) -> findings``.

Scopes decide what a finding blocks:

- ``workspace``: runs once per load (subject ``None``), on ``lomba.yaml`` and the specs;
- ``entry``: runs on each schema-valid entry; its findings block every competition it enters;
- ``pair``: runs on each (entry, competition edition) pair, after its sections are rendered;
  its findings name the edition and block that document only;
- ``finish``: runs once after every entry (duplicate titles, deadlines); never remembered.

Adding a check is adding a function and one :func:`rule` line. The registry's digest (names,
scopes, codes and the source of each rule's module) is part of the remembered-checks key, so a
new or changed rule is seen at once on a warm cache.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from lomba.diagnostics import Diagnostic

Scope = Literal["workspace", "entry", "pair", "finish"]
Run = Callable[[Any, Any], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    name: str
    scope: Scope
    codes: tuple[str, ...]
    run: Run


RULES: list[Rule] = []


def rule(name: str, scope: Scope, *codes: str) -> Callable[[Run], Run]:
    """Register ``run`` as the rule ``name`` (a decorator); a second rule of one name replaces
    the first, so a workspace or test can override a built-in rule."""

    def register(run: Run) -> Run:
        RULES[:] = [r for r in RULES if r.name != name]
        RULES.append(Rule(name, scope, codes, run))
        return run

    return register


def unregister(name: str) -> None:
    RULES[:] = [r for r in RULES if r.name != name]


def rules_for(scope: Scope) -> list[Rule]:
    return [r for r in RULES if r.scope == scope]


def rules_digest() -> str:
    """What the registered rules are, as a digest: their names, scopes, codes, and the source
    text of each rule's module (a changed rule body changes it)."""
    digest = hashlib.sha1()
    for r in RULES:
        digest.update(f"{r.name}\t{r.scope}\t{','.join(r.codes)}\t".encode())
        digest.update(f"{r.run.__module__}.{r.run.__qualname__}\n".encode())
        digest.update(_module_source_digest(r.run))
    return digest.hexdigest()


_SOURCES: dict[str, bytes] = {}


def _module_source_digest(run: Run) -> bytes:
    module = inspect.getmodule(run)
    name = getattr(module, "__name__", "?")
    if name not in _SOURCES:
        try:
            source = inspect.getsource(module) if module is not None else ""
        except (OSError, TypeError):
            source = repr(getattr(run, "__code__", run))
        _SOURCES[name] = hashlib.sha1(source.encode()).digest()
    return _SOURCES[name]
