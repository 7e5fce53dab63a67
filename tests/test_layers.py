"""The stages import in one direction: load → validate → scoring → check → render → write →
plan → desk → build → author → cli, over a foundation (errors, diagnostics, messages, locale,
words, fingerprint, fileio, model) that imports no stage. Walks every import in the source,
those inside functions and under TYPE_CHECKING included: no upward imports, no import inside a
function except the CLI's lazy loading of its commands, and no cycles among runtime imports."""

from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "lomba"
STAGES = ["load", "validate", "scoring", "check", "render", "write", "plan", "desk", "build",
          "author", "cli"]
FOUNDATION_PACKAGES = {"model"}
LAZY_ALLOWED = {"cli"}
"""Stages whose functions may import lomba modules (to keep start-up fast), never upward."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    if module == "lomba.__main__":  # ``python -m lomba`` is the command line's other door
        return STAGES.index("cli")
    parts = module.split(".")
    if len(parts) < 2 or parts[1] in FOUNDATION_PACKAGES or parts[1] not in STAGES:
        return -1
    return STAGES.index(parts[1])


def imports(path: Path) -> list[tuple[str, int, bool, bool]]:
    """(imported lomba module, line, inside a function, only for type checking) for every
    import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int, bool, bool]] = []
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            typing_only |= {n.lineno for n in ast.walk(node) if hasattr(n, "lineno")}

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0 \
                    and child.module.split(".")[0] == "lomba":
                base = child.module
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    target = sub if (SRC.parent / sub.replace(".", "/")).with_suffix(".py") \
                        .exists() or (SRC.parent / sub.replace(".", "/")).is_dir() else base
                    found.append((target, child.lineno, in_function,
                                  child.lineno in typing_only))
            elif isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, in_function, child.lineno in typing_only)
                             for a in child.names if a.name.split(".")[0] == "lomba")
            visit(child, inner)

    visit(tree, False)
    return found


MODULES = {module_name(p): p for p in SRC.rglob("*.py")}
GRAPH = {name: imports(path) for name, path in MODULES.items()}


def test_every_module_belongs_to_a_stage_or_the_foundation() -> None:
    top = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert top <= set(STAGES) | FOUNDATION_PACKAGES | {"data"}, top


def test_no_stage_imports_a_later_stage() -> None:
    upward = [f"{name}:{line} imports {target}"
              for name, found in GRAPH.items() for target, line, _, _ in found
              if layer(target) > layer(name)]
    assert upward == []


def test_no_import_inside_a_function_outside_the_cli() -> None:
    lazy = [f"{name}:{line} imports {target}"
            for name, found in GRAPH.items() for target, line, inner, _ in found
            if inner and name.split(".")[1:2] and name.split(".")[1] not in LAZY_ALLOWED
            and name != "lomba.__main__"]  # the door imports the command line after pausing GC
    assert lazy == []


def test_no_import_cycles() -> None:
    """Runtime imports only: an import for type annotations alone runs nothing."""
    edges = {name: {t if t in MODULES else t.rsplit(".", 1)[0]
                    for t, _, _, typing in found if not typing} - {name}
             for name, found in GRAPH.items()}
    # A package's __init__ importing its own submodules is how packages work, not a cycle.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if nxt not in MODULES:
                continue
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt):], nxt]
                if not _package_to_own_child(cycle):
                    cycles.append(cycle)
            elif nxt not in state:
                walk(nxt, [*stack, nxt])
        state[node] = 2

    for name in sorted(MODULES):
        if name not in state:
            walk(name, [name])
    assert cycles == []


def _package_to_own_child(cycle: list[str]) -> bool:
    """A cycle only through a package and its own submodule importing the package's name."""
    return all(a.startswith(b + ".") or b.startswith(a + ".") for a, b in pairwise(cycle))


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_package(stage: str) -> None:
    assert (SRC / stage / "__init__.py").is_file()
