"""Remembered checks: an unchanged entry is not checked again, and what is recalled is exactly
what a fresh check finds, until anything the checks read changes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import lomba.check.workspace
from lomba.check.checker import Checker
from lomba.check.workspace import LoadedWorkspace, load_workspace
from lomba.validate.competitions import builtin_templates

ENTRY = Path("entries") / "rsud" / "andalan.yaml"


def summary(ws: LoadedWorkspace) -> tuple[object, ...]:
    return (
        [d.to_dict() for d in ws.report.sorted()],
        [(e.display, e.model.model_dump() if e.model else None) for e in ws.entries],
        [(r.entry.display, r.edition.ref, [(s.bagian.id, s.words) for s in r.sections],
          [d.to_dict() for d in r.diagnostics], r.template_failed) for r in ws.readiness],
    )


def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The entries that get checked from now on (not recalled)."""
    seen: list[str] = []
    original = Checker.entry

    def spy(self: Checker, entry) -> None:  # type: ignore[no-untyped-def]
        seen.append(entry.display)
        original(self, entry)

    monkeypatch.setattr(Checker, "entry", spy)
    return seen


def fresh(root: Path) -> tuple[object, ...]:
    return summary(load_workspace(root, use_cache=False))


def test_recalled_findings_equal_a_fresh_check(sample: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_workspace(sample)
    seen = checked(monkeypatch)
    again = load_workspace(sample)
    assert seen == [], "nothing changed: no entry is checked again"
    assert summary(again) == summary(first) == fresh(sample)
    assert any(r.errors for r in again.readiness), "the sample's problems are recalled too"


def test_only_the_changed_entry_is_checked_again(sample: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    load_workspace(sample)
    entry = sample / ENTRY
    entry.write_text(entry.read_text(encoding="utf-8") + "\n# catatan\n", encoding="utf-8")
    seen = checked(monkeypatch)
    again = load_workspace(sample)
    assert seen == [ENTRY.as_posix()]
    assert summary(again) == fresh(sample)


def test_a_removed_evidence_file_is_noticed(sample: Path) -> None:
    before = load_workspace(sample)
    evidence = sorted((sample / ENTRY.parent / "bukti").iterdir())[0]
    evidence.unlink()
    after = load_workspace(sample)
    assert summary(after) == fresh(sample) != summary(before)
    assert any(evidence.name in str(d.params) or evidence.name in str(d.value)
               for d in after.report.for_file(ENTRY.as_posix()))


def test_lomba_yaml_date_and_specs_are_part_of_the_memory(sample: Path) -> None:
    load_workspace(sample)
    config = sample / "lomba.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("tanggal_dokumen: 2019-04-01", "tanggal_dokumen: 2014-04-01"),
                      encoding="utf-8")
    assert summary(load_workspace(sample)) == fresh(sample)
    config.write_text(text, encoding="utf-8")
    own = sample / "templates" / "sinovik" / "2019"
    shutil.copytree(builtin_templates() / "sinovik" / "2019", own)
    spec = own / "spec.yaml"
    spec.write_text(re.sub(r"kata_maks: \d+", "kata_maks: 5", spec.read_text(encoding="utf-8"),
                           count=1), encoding="utf-8")
    changed = load_workspace(sample)
    assert summary(changed) == fresh(sample)
    assert any(d.code == "words-over" for r in changed.readiness for d in r.diagnostics)


def test_parallel_check_recalls_the_same(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lomba.check.workspace, "PARALLEL_MIN", 2)
    first = load_workspace(sample, jobs=2)
    again = load_workspace(sample, jobs=2)
    assert summary(again) == summary(first) == fresh(sample)


def test_a_new_rule_is_seen_on_a_warm_cache(sample: Path) -> None:
    """Remembered findings are keyed on the rules, not on the version string: a rule added
    after the cache was filled reports at once, and removing it again takes its finding away."""
    from lomba.check.rules import rule, unregister
    from lomba.diagnostics import Diagnostic, Severity

    load_workspace(sample)  # fills the cache
    load_workspace(sample)
    try:
        @rule("test-no-kepanjangan", "entry", "placeholder")
        def _new(ctx, entry):  # type: ignore[no-untyped-def]
            return [Diagnostic(entry.display, 1, 1, (), Severity.WARNING, "placeholder",
                               {"found": "NEW-RULE"})]

        ws = load_workspace(sample)
        found = [d for d in ws.report.diagnostics if d.params.get("found") == "NEW-RULE"]
        assert len(found) == len(ws.entries) == 13
    finally:
        unregister("test-no-kepanjangan")
    ws = load_workspace(sample)
    assert not [d for d in ws.report.diagnostics if d.params.get("found") == "NEW-RULE"]


def test_checking_one_file_alone_keeps_what_the_others_remember(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_workspace(sample)  # every entry checked and remembered, the index written
    load_workspace(sample, [sample / ENTRY])  # one file alone, from the index
    seen = checked(monkeypatch)
    load_workspace(sample)
    assert seen == []  # nothing checked again: the other entries' records were kept
