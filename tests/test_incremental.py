"""Incremental, parallel and concurrent builds."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path

import orjson
import pytest

from lomba.build import run_build
from lomba.load.discover import entry_names
from lomba.plan.incremental import LockBusy, build_lock
from tests.conftest import edit, run


def outputs(root: Path) -> dict[str, bytes]:
    build = root / "build"
    return {p.relative_to(build).as_posix(): p.read_bytes()
            for p in sorted(build.rglob("*")) if p.is_file()
            and not p.relative_to(build).as_posix().startswith(".")}


def test_noop_rebuild_loads_nothing(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("build", cwd=sample).exit_code == 0
    import lomba.check.workspace

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a no-op build must not load the workspace")

    monkeypatch.setattr(lomba.check.workspace, "load_workspace", forbidden)
    result = run_build(sample)
    assert result.noop


def test_one_entry_change_rebuilds_only_its_documents(sample: Path) -> None:
    first = run_build(sample)
    assert not first.noop
    entry = sample / "entries" / "rsud" / "andalan.yaml"
    edit(entry, "menunggu rata-rata 186 menit", "menunggu rata-rata 185 menit", -1)
    second = run_build(sample)
    rendered = {(o.readiness.entry.display, o.readiness.edition.ref)
                for o in second.outcomes if o.rendered_now}
    assert rendered == {("entries/rsud/andalan.yaml", ref)
                        for ref in ("iga/2019", "rai/2019", "sinovik/2019")}
    written = sorted(p.relative_to(sample / "build").as_posix()
                     for o in second.outcomes for p in o.written)
    # The changed sentence is in the SINOVIK summary only; the other two come out the same.
    assert written == ["sinovik-2019/rsud/andalan.docx", "sinovik-2019/rsud/andalan.html"]


def test_template_change_rebuilds_that_competition_only(sample: Path) -> None:
    run_build(sample)
    target = sample / "templates" / "rai" / "2019"
    from lomba.validate.competitions import builtin_templates

    shutil.copytree(builtin_templates() / "rai" / "2019", target)
    spec = target / "spec.yaml"
    edit(spec, "judul: Manfaat\n", "judul: Manfaat bagi Masyarakat\n", -1)
    result = run_build(sample)
    rebuilt = {o.readiness.edition.ref for o in result.outcomes if o.rendered_now}
    assert rebuilt == {"rai/2019"}
    assert {o.readiness.edition.ref for o in result.outcomes if o.written} == {"rai/2019"}


def test_removing_an_entry_removes_its_outputs(sample: Path) -> None:
    run_build(sample)
    doc = sample / "build" / "sinovik-2019" / "rsud" / "andalan.docx"
    assert doc.is_file()
    (sample / "entries" / "rsud" / "andalan.yaml").unlink()
    result = run_build(sample)
    assert not doc.exists() and not doc.with_suffix(".html").exists()
    assert doc in result.removed


def test_clean_rebuilds_everything_with_the_same_bytes(sample: Path) -> None:
    run_build(sample)
    before = outputs(sample)
    (sample / "build" / "stray.txt").write_text("lama", encoding="utf-8")
    result = run("build", "--clean", cwd=sample)
    assert result.exit_code == 0
    after = outputs(sample)
    assert after == before, "no stray file left, every output the same"


def test_parallel_build_matches_serial(sample: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(sample, twin)
    assert run("build", "--jobs", "1", cwd=sample).exit_code == 0
    # Enough documents for the worker pool: force drafts too.
    run_build(twin, jobs=2)
    run_build(sample, jobs=1, fresh=True)
    assert outputs(twin) == outputs(sample)
    parallel = run_build(twin, force=True, jobs=2, fresh=True)
    serial = run_build(sample, force=True, jobs=1, fresh=True)
    assert sum(o.rendered_now for o in parallel.outcomes) >= 8, "enough for the worker pool"
    assert outputs(twin) == outputs(sample)
    assert [o.written for o in serial.outcomes] == [
        [sample / p.relative_to(twin) for p in o.written] for o in parallel.outcomes]


def _hold(root: str, seconds: float, ready: object) -> None:
    with build_lock(Path(root)):
        ready.set()  # type: ignore[attr-defined]
        time.sleep(seconds)


def test_a_second_build_waits_for_the_first(workspace: Path) -> None:
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold, args=(str(workspace), 1.5, ready))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(LockBusy), build_lock(workspace, wait=0.3):
            pass
        waited = []
        start = time.monotonic()
        result = run_build(workspace, on_wait=lambda: waited.append(True))
        assert waited and time.monotonic() - start >= 0.5
        assert not result.noop
    finally:
        holder.join(10)


def test_interrupted_build_recovers(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lomba.write.formats as builder

    calls = {"n": 0}
    original = builder.render_docx

    def flaky(*args: object, **kwargs: object) -> bytes:
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "render_docx", flaky)
    with pytest.raises(KeyboardInterrupt):
        run_build(sample, jobs=1)
    monkeypatch.setattr(builder, "render_docx", original)
    assert not [p for p in (sample / "build").rglob("*.tmp")]
    run_build(sample, jobs=1)
    reference = sample.parent / "reference"
    shutil.copytree(sample, reference)
    run_build(reference, jobs=1, fresh=True)
    assert outputs(sample) == outputs(reference)


def test_parallel_check_matches_serial(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lomba.check.workspace
    from lomba.check.workspace import load_workspace

    serial = load_workspace(sample, jobs=1)
    monkeypatch.setattr(lomba.check.workspace, "PARALLEL_MIN", 2)
    parallel = load_workspace(sample, jobs=2)

    def summary(ws):  # type: ignore[no-untyped-def]
        return (
            [d.to_dict() for d in ws.report.sorted()],
            [(e.display, e.model.model_dump() if e.model else None) for e in ws.entries],
            [(r.entry.display, r.edition.ref, [(s.bagian.id, s.words) for s in r.sections],
              [d.to_dict() for d in r.diagnostics]) for r in ws.readiness],
        )

    assert summary(parallel) == summary(serial)
    assert len(parallel.readiness) == len(serial.readiness) > 10
    # And a build from the parallel check gives the same files.
    from lomba.build import build as render

    twin = sample.parent / "twin"
    shutil.copytree(sample, twin)
    render(parallel, parallel.readiness)
    serial_twin = load_workspace(twin, jobs=1)
    render(serial_twin, serial_twin.readiness)
    assert outputs(sample) == outputs(twin)


@pytest.mark.parametrize("folder", ["build", "node_modules"])
def test_an_entry_in_a_folder_named_like_a_tool_is_still_watched(sample: Path,
                                                                  folder: str) -> None:
    """Every entry file lomba checks is in the tree's fingerprint, whatever its folder is
    called: an edit to it is never taken for an unchanged tree."""
    moved = sample / "entries" / "dinsos" / folder / "verdes.yaml"
    moved.parent.mkdir()
    (sample / "entries" / "dinsos" / "verdes.yaml").rename(moved)
    first = run_build(sample)
    assert any(o.readiness.entry.path == moved for o in first.outcomes)
    edit(moved, "1.870 pengaduan", "1.871 pengaduan")
    again = run_build(sample)
    assert not again.noop
    assert again.ws is not None
    assert [e.path for e in again.ws.entries] == [moved]  # looked at again, and alone


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_the_tree_lines_list_each_file_once_in_a_stable_order(tmp_path: Path) -> None:
    """A folder's files, then its folders, each by name; hidden and skipped folders and links
    to folders left out, a link to a file taken as the file, a link to nothing left out."""
    from lomba.load.stats import stat_lines

    top = tmp_path / "entries"
    for name in ("b.yaml", "a.yaml", "z/c.yaml", "z/y/d.yaml", "m/e.yaml", ".git/x",
                 ".hidden/f.yaml", "build/g.yaml", "node_modules/h.yaml"):
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_text(name, encoding="utf-8")
    (top / "tautan-berkas.yaml").symlink_to(top / "a.yaml")
    (top / "tautan-folder").symlink_to(top / "z", target_is_directory=True)
    (top / "patah.yaml").symlink_to(top / "tidak-ada.yaml")

    def names(skip: tuple[str, ...] | None = None) -> list[str]:
        lines = stat_lines(top, "entries") if skip is None else stat_lines(top, "entries", skip)
        return [line.split("\t")[0] for line in lines]

    assert names() == ["entries/a.yaml", "entries/b.yaml", "entries/tautan-berkas.yaml",
                       "entries/m/e.yaml", "entries/z/c.yaml", "entries/z/y/d.yaml"]
    assert names(()) == ["entries/a.yaml", "entries/b.yaml", "entries/tautan-berkas.yaml",
                         "entries/build/g.yaml", "entries/m/e.yaml",
                         "entries/node_modules/h.yaml", "entries/z/c.yaml",
                         "entries/z/y/d.yaml"]
    size = len("a.yaml")
    line = stat_lines(top, "entries")[0]
    assert line.split("\t")[1] == str(size)
    assert line.split("\t")[2] == str((top / "a.yaml").stat().st_mtime_ns)
    assert stat_lines(tmp_path / "tidak-ada", "x") == []
    # The entry files met on the way are the ones entry_names lists (the broken link too,
    # which no line holds, and the other suffix), in the same order.
    (top / "m" / "lain.yml").write_text("x", encoding="utf-8")
    (top / "m" / "catatan.txt").write_text("x", encoding="utf-8")
    listed: dict[str, str] = {}
    stat_lines(top, "entries", (), names=listed)
    assert list(listed.items()) == list(entry_names(tmp_path).items())
    assert "entries/patah.yaml" in listed and "entries/m/lain.yml" in listed
    assert "entries/m/catatan.txt" not in listed and "entries/.hidden/f.yaml" not in listed
    # One listing gives the same names as os.walk finds them, and each one's size and time as
    # a stat of its own would (a link to nothing: "-").
    from lomba.load.stats import entry_listing, stat_token

    walked = {}
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.endswith((".yaml", ".yml")):
                path = os.path.join(folder, f)
                walked[os.path.relpath(path, tmp_path).replace(os.sep, "/")] = path
    names_listed, tokens = entry_listing(tmp_path)
    assert list(names_listed.items()) == list(entry_names(tmp_path).items()) \
        == sorted(walked.items())
    assert tokens == {name: stat_token(path) for name, path in names_listed.items()}
    assert tokens["entries/patah.yaml"] == "-" and tokens["entries/a.yaml"] != "-"


def test_a_build_record_with_malformed_values_keeps_only_the_text_ones(tmp_path: Path) -> None:
    from lomba.plan.incremental import MANIFEST, Manifest
    (tmp_path / MANIFEST).parent.mkdir(parents=True)
    whole = Manifest(tree="t", register="r", outputs={"build/a.docx": "k1"},
                     sources={"build/a.docx": "entries/a.yaml"}, desk=["build/index.html"])
    whole.save(tmp_path)
    assert Manifest.load(tmp_path) == whole
    raw = orjson.loads((tmp_path / MANIFEST).read_bytes())
    raw["outputs"].update({"build/b.docx": 3, "build/c.docx": None, "build/d.docx": ["k"]})
    raw["sources"]["build/e.docx"] = {"x": 1}
    (tmp_path / MANIFEST).write_bytes(orjson.dumps(raw))
    loaded = Manifest.load(tmp_path)
    assert loaded.outputs == {"build/a.docx": "k1"}
    assert loaded.sources == {"build/a.docx": "entries/a.yaml"}
    (tmp_path / MANIFEST).write_bytes(orjson.dumps({**raw, "outputs": [1, 2]}))
    assert Manifest.load(tmp_path) == Manifest()  # not a mapping at all: nothing is trusted


def test_a_build_flushes_nothing_to_the_disk_but_the_letter_register(sample: Path,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Everything a build writes can be made again, so nothing waits for the disk (a flush
    waits for all the system has to write: seconds after a large build); `lomba surat`, which
    gives out letter numbers, still flushes the register."""
    import os

    flushed: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (flushed.append(fd), real(fd))[1])
    run_build(sample)
    edit(sample / "entries" / "dinsos" / "verdes.yaml", "1.870 pengaduan", "1.871 pengaduan")
    run_build(sample)
    assert flushed == []
    result = run("surat", "teguran", cwd=sample)
    assert result.exit_code == 0, result.output
    assert flushed
