"""Each file in golden/bad/ breaks the example entry one way; its diagnostics are golden.

Regenerate after an intended change with LOMBA_UPDATE_GOLDEN=1, then review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lomba.check.workspace import load_workspace
from lomba.cli.output import format_diagnostic
from tests.conftest import GOLDEN

CASES = sorted((GOLDEN / "bad").glob("*.yaml"))


def diagnostics_for(workspace: Path, case: Path) -> str:
    target = workspace / "entries" / "dinkes" / case.name
    shutil.copyfile(case, target)
    ws = load_workspace(workspace)
    name = f"entries/dinkes/{case.name}"
    lines = [format_diagnostic(d, "id") for d in ws.report.sorted() if d.file == name]
    lines += [format_diagnostic(d, "en") for d in ws.report.sorted() if d.file == name]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input_diagnostics_are_golden(workspace: Path, case: Path) -> None:
    got = diagnostics_for(workspace, case)
    expected_file = case.with_suffix(".expected")
    if os.environ.get("LOMBA_UPDATE_GOLDEN"):
        expected_file.write_text(got, encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8")
    assert " galat [" in got, "every bad input must produce at least one error"


def test_every_case_has_expectations() -> None:
    expected = {p.stem for p in (GOLDEN / "bad").glob("*.expected")}
    assert expected == {c.stem for c in CASES}


def test_bad_inputs_exit_1_without_traceback(workspace: Path) -> None:
    from tests.conftest import run

    for case in CASES:
        target = workspace / "entries" / "dinkes" / case.name
        shutil.copyfile(case, target)
        result = run("check", str(target), cwd=workspace)
        assert result.exit_code == 1, (case.name, result.output)
        assert "Traceback" not in result.output
        target.unlink()
