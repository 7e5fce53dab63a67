"""A build from nothing makes each ready pair's documents during the check (``build/staged.py``)
and keeps them only when the checks across entries leave the pair as it was: the files are
those of a build that makes every document afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lomba.check.workspace
from lomba.build import run_build
from lomba.build.staged import StagedDocuments, Stager
from lomba.errors import LombaError
from lomba.fileio import TEMP_SUFFIX
from lomba.parallel import fork_context
from tests.conftest import edit
from tests.test_group_quota import _copies

TAKEN = "entries/bappeda/bidik.yaml"
"""Its title is given to another entry: an error found only once every entry is checked."""
SHARER = "entries/dinkes/si-bunda.yaml"


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in (root / "build").rglob("*") if p.is_file() and ".cache" not in p.parts}


def _leftovers(root: Path) -> list[Path]:
    return [p for p in (root / "build").rglob("*") if p.name.endswith(TEMP_SUFFIX)]


def _crosses(sample: Path) -> list[str]:
    """Findings the check of each entry alone cannot see: a title two entries hold, and a
    group over its quota (a warning each of those entries' previews lists)."""
    copies = _copies(sample, 11)

    def title(name: str) -> str:
        return next(line for line in (sample / name).read_text(encoding="utf-8").splitlines()
                    if line.startswith("nama: "))

    edit(sample / SHARER, title(SHARER), title(TAKEN))
    return copies


def _taken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """(entry, put in place) for each pair whose staged documents the build looked at."""
    seen: list[tuple[str, bool]] = []
    take = StagedDocuments.take

    def spy(self: StagedDocuments, ws, readiness):  # type: ignore[no-untyped-def]
        log = take(self, ws, readiness)
        seen.append((readiness.entry.display, log is not None))
        return log

    monkeypatch.setattr(StagedDocuments, "take", spy)
    return seen


@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
@pytest.mark.parametrize("workers", [False, True], ids=["one-process", "workers"])
def test_a_staged_build_makes_what_a_build_without_staging_makes(
        sample: Path, monkeypatch: pytest.MonkeyPatch, workers: bool, force: bool) -> None:
    """With ``force``, the pairs the checks across entries stop are made as drafts: never
    from what was staged as final."""
    if workers and fork_context() is None:
        pytest.skip("no fork here: the check runs in one process")
    if workers:
        monkeypatch.setattr(lomba.check.workspace, "PARALLEL_MIN", 2)
    copies = _crosses(sample)
    twin = sample.parent / "twin"
    shutil.copytree(sample, twin)
    taken = _taken(monkeypatch)
    staged = run_build(sample, jobs=2, force=force)
    assert not _leftovers(sample)

    put = {entry for entry, kept in taken if kept}
    dropped = {entry for entry, kept in taken if not kept}
    assert "entries/bag-organisasi/rapor-kinerja.yaml" in put
    # The quota's warning is in each copy's preview: what was staged without it is dropped.
    assert set(copies) <= dropped
    # The entries sharing a title are not ready: their staged documents are never put out.
    assert TAKEN not in put and SHARER not in put
    made = [name for name in _outputs(sample) if "bappeda/bidik" in name]
    assert all("DRAF" in name for name in made) and bool(made) == force, made

    monkeypatch.setattr(Stager, "__call__", lambda self, *args: [])
    plain = run_build(twin, jobs=2, force=force)
    assert _outputs(sample) == _outputs(twin)
    assert [(p.entry, p.state, p.files) for p in staged.pairs] == \
        [(p.entry, p.state, p.files) for p in plain.pairs]
    assert len(_outputs(sample)) > 40


def test_staged_documents_are_dropped_when_the_build_fails(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing staged is left behind, and nothing staged is put in place, when the build stops
    after the check (here: a content key that cannot be made)."""

    def broken(*_args: object) -> str:
        raise LombaError("io-disk-full", path="build/x")

    monkeypatch.setattr(lomba.build, "pair_key", broken)
    with pytest.raises(LombaError):
        run_build(sample)
    assert not _leftovers(sample)
    assert not [p for p in (sample / "build").rglob("*.docx")]


def test_a_second_build_uses_the_documents_of_the_first(sample: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a build with no recorded outputs stages: the next one finds them current."""
    run_build(sample)
    calls: list[str] = []
    monkeypatch.setattr(Stager, "__call__",
                        lambda self, ws, entry, *args: calls.append(entry.display) or [])
    edit(sample / "entries/bappeda/bidik.yaml", "\nnama: ", "\nnama: Baru ")
    run_build(sample)
    assert calls == []


def test_nothing_staged_is_left_when_lomba_yaml_stops_the_build(sample: Path) -> None:
    """Every entry looked ready to its own check, so its documents were staged; then an error
    in lomba.yaml, which every document uses, stops the build: none of them stays."""
    edit(sample / "lomba.yaml", "  logo: templates/logo.png", "  logo: templates/tidak-ada.png")
    with pytest.raises(LombaError) as stopped:
        run_build(sample)
    assert stopped.value.code == "config-errors"
    assert not _leftovers(sample)
    assert not [p for p in (sample / "build").rglob("*") if p.suffix in (".docx", ".html")]
