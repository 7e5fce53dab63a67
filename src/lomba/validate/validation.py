"""Validate loaded YAML against a model, turning pydantic's errors into positioned diagnostics.

Errors are translated by pydantic's stable error *type*, never by its English text, into lomba's
own codes; the message catalogue then words them in the user's language.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lomba.diagnostics import Diagnostic, PathItem, Severity, short_value
from lomba.load.yamlio import LoadedYaml
from lomba.messages import Suggestion, WordRef
from lomba.model.common import KODE_PATTERN

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "whole number",
    "int_parsing": "whole number",
    "int_from_float": "whole number",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "true/false",
    "bool_parsing": "true/false",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
}
_RANGE = {
    "greater_than_equal": ("ge", "≥ {}"),
    "greater_than": ("gt", "> {}"),
    "less_than_equal": ("le", "≤ {}"),
    "less_than": ("lt", "< {}"),
}
_CUSTOM = {
    "lomba_date": "invalid-date",
    "lomba_waktu": "invalid-fact-date",
    "lomba_quantity": "invalid-quantity",
    "lomba_years": "invalid-years",
    "lomba_rupiah": "invalid-rupiah",
    "lomba_rupiah_fraction": "rupiah-fraction",
    "lomba_url": "invalid-url",
    "lomba_email": "invalid-email",
}


def validate(loaded: LoadedYaml, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``loaded.data`` as ``model``; every error becomes one diagnostic."""
    if not isinstance(loaded.data, dict):
        found = WordRef("list") if isinstance(loaded.data, list) else WordRef("text")
        diag = Diagnostic(
            loaded.file, 1, 1, (), Severity.ERROR, "file-not-mapping", {"found": found}
        )
        return None, [diag]
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, [to_diagnostic(loaded, model, err) for err in exc.errors(include_url=False)]


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[PathItem, ...]:
    """Pydantic locations may carry validator names; keep only the steps that exist in the data
    (plus a final missing key)."""
    out: list[PathItem] = []
    node = data
    for i, item in enumerate(loc):
        in_dict = isinstance(node, dict) and item in node
        in_list = isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node)
        if in_dict or in_list:
            node = node[item]
            out.append(item)
        elif i == len(loc) - 1 and isinstance(item, str) and isinstance(node, dict):
            out.append(item)
    return tuple(out)


def to_diagnostic(
    loaded: LoadedYaml, model: type[BaseModel], err: Any
) -> Diagnostic:
    etype: str = err["type"]
    path = _data_path(loaded.data, tuple(err["loc"]))
    value = err.get("input")
    ctx = err.get("ctx") or {}
    params: dict[str, Any] = {}
    at_key = False
    if etype == "extra_forbidden":
        code = "unknown-field"
        name = str(path[-1]) if path else ""
        allowed = sorted(fields_at(model, path[:-1]))
        params = {"field": name, "suggestion": Suggestion(closest(name, allowed)),
                  "allowed": ", ".join(allowed)}
        at_key = True
        value = None
    elif etype == "missing":
        code = "missing-field"
        params = {"field": str(path[-1]) if path else ""}
        value = None
        line, column = loaded.position(path[:-1])
        return Diagnostic(loaded.file, line, column, path, Severity.ERROR, code, params)
    elif value is None and path and etype != "none_required":
        code = "empty-required"
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if allowed:
            params = {"field": str(path[-1]), "allowed": list_choices(allowed)}
        else:  # no choices to name: say what kind of value instead of "-"
            code = "empty-required-value"
            params = {"field": str(path[-1]),
                      "expected": WordRef(_TYPE_WORDS.get(etype, "text"))}
    elif etype in _TYPE_WORDS:
        code = "wrong-type"
        params = {"expected": WordRef(_TYPE_WORDS[etype]), "found": describe(value)}
    elif etype in ("literal_error", "enum"):
        code = "invalid-choice"
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        params = {"found": value, "suggestion": Suggestion(closest(str(value), allowed)),
                  "allowed": list_choices(allowed)}
    elif etype in _CUSTOM:
        code = _CUSTOM[etype]
        params = {"found": short_value(value),
                  "suggestion": Suggestion(ctx.get("fix") or None)}
    elif etype in _RANGE:
        key, fmt = _RANGE[etype]
        code = "out-of-range"
        params = {"found": value, "constraint": fmt.format(ctx.get(key))}
    elif etype in ("string_too_short", "too_short"):
        code = "too-short"
        params = {"min": ctx.get("min_length", 1)}
    elif etype in ("string_too_long", "too_long"):
        code = "too-long"
        params = {"max": ctx.get("max_length", "?")}
    elif etype.startswith("decimal"):
        code = "invalid-rupiah"
        params = {"found": short_value(value)}
    elif etype == "string_pattern_mismatch" and ctx.get("pattern") == KODE_PATTERN:
        code = "code-invalid"
        params = {"found": short_value(value)}
    elif etype == "string_pattern_mismatch":
        code = "invalid-value"
        params = {"detail": f"`{short_value(value)}` ≠ {ctx.get('pattern')}"}
    else:
        code = "invalid-value"
        params = {"detail": err.get("msg", etype)}
    line, column = loaded.position(path, key=at_key)
    return Diagnostic(loaded.file, line, column, path, Severity.ERROR, code, params, value)


def list_choices(options: list[str], limit: int = 8) -> str:
    """Name the valid choices; a long list is cut short (the editor schema has them all)."""
    if len(options) <= limit:
        return ", ".join(options)
    return "; ".join(options[:limit]) + f"; … (+{len(options) - limit})"


def describe(value: Any) -> Any:
    """How a found value is named in a message: its kind and a short preview."""
    if value is None:
        return WordRef("empty")
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"`{value}`"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    return f"`{short_value(value)}`"


def closest(word: str, options: list[str]) -> str | None:
    """The option closest to what the user typed, if any is close enough to be a typo."""
    lowered = {o.lower(): o for o in options}
    typed = " ".join(word.lower().split())
    if typed in lowered:
        return lowered[typed]
    # What was typed begins a valid choice ("perumahan" -> "perumahan rakyat dan kawasan
    # permukiman"): that one, not a similar-looking other word ("pertanahan").
    starting = [o for o in lowered if o.startswith(typed + " ")] if len(typed) >= 4 else []
    if len(starting) == 1:
        return lowered[starting[0]]
    # A typo is a few keystrokes away; a different word that merely looks alike is not
    # proposed ("transportasi" is not "transmigrasi").
    allowed = max(1, len(typed) // 4)
    best = min(lowered, key=lambda o: (_edits(typed, o, allowed + 1), o), default=None)
    if best is not None and _edits(typed, best, allowed + 1) <= allowed:
        return lowered[best]
    return None


def _edits(a: str, b: str, cap: int) -> int:
    """Edit distance (insert, delete, replace, swap two neighbours), counted up to ``cap``."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) >= cap:
            return cap
        previous2, previous = previous, current
    return min(previous[-1], cap)


def fields_at(model: type[BaseModel], path: tuple[PathItem, ...]) -> list[str]:
    """The field names a model allows at ``path``, for "did you mean" suggestions."""
    annotation: Any = model
    for item in path:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(item))
            if field is None:
                return []
            annotation = field.annotation
        elif typing.get_origin(annotation) in (list, dict):
            annotation = typing.get_args(annotation)[-1]
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated to the type that holds fields."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation
