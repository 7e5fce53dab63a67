"""How diagnostics are shown: one line each, like a compiler, or JSON for scripts."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable

import click

from lomba.diagnostics import Diagnostic, Report, Severity, short_value
from lomba.jsonout import json_document
from lomba.messages import fill, word


def use_color(stream: object = None) -> bool:
    """Colour on a terminal, unless ``NO_COLOR`` is set; always with ``FORCE_COLOR``
    (no-color.org and force-color.org, which rich's tables honour too)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream if stream is not None else sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def format_diagnostic(d: Diagnostic, lang: str, *, color: bool = False) -> str:
    """``file:line:col: galat [code] path: message`` — clickable in editors and terminals."""
    sev = word(str(d.severity), lang)
    if color:
        sev = click.style(sev, fg="red" if d.severity is Severity.ERROR else "yellow", bold=True)
    message = d.message(lang)
    if d.value is not None and not isinstance(d.value, (dict, list)):
        preview = short_value(d.value)
        if preview not in message:
            label = "nilai" if lang != "en" else "value"
            message += f" [{label}: {preview}]"
    where = f"{d.dotted_path}: " if d.path else ""
    return (visible(f"{d.file}:{d.line}:{d.column}: ") + sev
            + visible(f" [{d.code}] {where}{message}"))


_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str) -> str:
    """A message line with every control character shown as its code: a value copied from a
    PDF is seen for what it is, and no escape sequence in a file can drive the terminal."""
    return _CONTROL_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def summary_line(report: Report, lang: str) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    if not errors and not warnings:
        return fill(word("all_good", lang), files=report.files_checked)
    return fill(word("summary", lang), errors=errors, warnings=warnings,
                                        files=report.files_checked)


def diagnostics_json(report: Report, diags: Iterable[Diagnostic], lang: str) -> str:
    return json_document("check", {
        "diagnostics": [d.to_dict(lang) for d in diags],
        "errors": len(report.errors), "warnings": len(report.warnings),
        "files_checked": report.files_checked,
    })
