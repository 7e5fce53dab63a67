"""Findings in the formats CI systems show on the line they concern: GitHub Actions workflow
commands, GitLab Code Quality reports and SARIF 2.1.0 (GitHub code scanning and others)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from lomba import __version__
from lomba.diagnostics import Diagnostic, Severity

FORMATS = ("text", "json", "github", "gitlab", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _github_escape(text: str, *, prop: bool = False) -> str:
    """GitHub's workflow-command escaping: ``%``, CR and LF always; ``:`` and ``,`` in
    properties."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github(diags: Iterable[Diagnostic], lang: str) -> str:
    """One ``::error`` or ``::warning`` command per finding."""
    lines = []
    for d in diags:
        kind = "error" if d.severity is Severity.ERROR else "warning"
        props = ",".join(f"{k}={_github_escape(str(v), prop=True)}" for k, v in (
            ("file", d.file), ("line", d.line), ("col", d.column), ("title", d.code)))
        lines.append(f"::{kind} {props}::{_github_escape(d.message(lang))}")
    return "\n".join(lines)


def _fingerprint(d: Diagnostic) -> str:
    """Stable across runs and languages, and independent of the line (a finding keeps its
    identity when lines are added above it)."""
    return hashlib.sha256("|".join([d.file, d.dotted_path, d.code, d.competition or "",
                                    d.message("en")]).encode("utf-8")).hexdigest()


def gitlab(diags: Iterable[Diagnostic], lang: str) -> str:
    """A GitLab Code Quality report (a JSON array of issues)."""
    return json.dumps([{
        "description": d.message(lang),
        "check_name": d.code,
        "fingerprint": _fingerprint(d),
        "severity": "major" if d.severity is Severity.ERROR else "minor",
        "location": {"path": d.file, "lines": {"begin": d.line}},
    } for d in diags], ensure_ascii=False, indent=2)


def sarif(diags: Iterable[Diagnostic], lang: str) -> str:
    """A SARIF 2.1.0 log with one run of lomba."""
    diags = list(diags)
    codes = sorted({d.code for d in diags})
    results = [{
        "ruleId": d.code,
        "ruleIndex": codes.index(d.code),
        "level": "error" if d.severity is Severity.ERROR else "warning",
        "message": {"text": d.message(lang)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": d.file, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": d.line, "startColumn": d.column}}}],
        "partialFingerprints": {"lomba/v1": _fingerprint(d)},
    } for d in diags]
    return json.dumps({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lomba", "version": __version__,
                                "rules": [{"id": code} for code in codes]}},
            "results": results,
        }],
    }, ensure_ascii=False, indent=2)
