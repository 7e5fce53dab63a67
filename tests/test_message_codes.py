"""Every message code the code uses is in the catalogue, in both languages, with the same
placeholders: a misspelt code fails here, not in front of a user."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from lomba.messages import CATALOGUE, WORDS

SRC = Path(__file__).resolve().parent.parent / "src" / "lomba"
CODE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
CALLS = {"render_message", "say", "diag", "Diagnostic", "LombaError", "UsageError", "_error",
         "YamlLoadError", "__init__"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def used_codes() -> dict[str, str]:
    """Code -> where it is first used, for every code-shaped string given to a call that
    takes a message code."""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in CALLS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                            and CODE.fullmatch(arg.value):
                        found.setdefault(arg.value, f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_every_code_used_is_in_the_catalogue() -> None:
    used = used_codes()
    assert len(used) > 60, "the scan finds the codes"
    missing = {code: where for code, where in used.items() if code not in CATALOGUE}
    assert missing == {}


def test_both_languages_take_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    differ = {code: (fields(i), fields(e)) for code, (i, e) in CATALOGUE.items()
              if fields(i) != fields(e)}
    assert differ == {}


def test_a_misspelt_code_would_be_found(tmp_path: Path) -> None:
    """The scan reads calls as they are written (a guard against the scan itself rotting)."""
    tree = ast.parse('render_message("tidak-ada-kode-ini", {}, "id")')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert _name(call.func) == "render_message"
    assert "tidak-ada-kode-ini" not in CATALOGUE


def test_every_word_used_is_in_the_word_list() -> None:
    """Labels and column headings (``word("key", lang)``) come from the same catalogue."""
    missing = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == "word" and node.args \
                    and isinstance(node.args[0], ast.Constant) \
                    and node.args[0].value not in WORDS:
                missing[node.args[0].value] = f"{path.relative_to(SRC)}:{node.lineno}"
    assert missing == {}
