"""A whole build after a few entries changed loads only those (``build/delta.py``) and leaves
``build/`` exactly as a build that loads every entry: documents, desk, letters and the record of
each pair, after every kind of edit; and edits that reach other entries take the whole path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lomba.build import BuildResult, run_build
from lomba.build.delta import STATE_FILE, load
from tests.conftest import edit, run

SKIP = (".cache/", ".lomba-build.json", ".lomba.lock")


def outputs(root: Path) -> dict[str, bytes]:
    """Every file a build leaves in ``build/`` (its caches and bookkeeping aside)."""
    top = root / "build"
    return {p.relative_to(top).as_posix(): p.read_bytes() for p in sorted(top.rglob("*"))
            if p.is_file() and not p.relative_to(top).as_posix().startswith(SKIP)}


def pairs(result: BuildResult) -> list[tuple[object, ...]]:
    return [(p.entry, p.ref, p.label, p.state, p.files, p.reason.code if p.reason else None,
             p.more, p.written) for p in result.pairs]


def twin(root: Path, where: Path) -> Path:
    """A copy of the workspace and its build/ whose kept facts are gone: it builds the
    whole way."""
    shutil.copytree(root, where, symlinks=True)
    (where / STATE_FILE).unlink(missing_ok=True)
    return where


VERDES = "entries/dinsos/verdes.yaml"
GURU = "entries/disdik/guru-kunjung.yaml"
HASIL = ("  hasil: |\n    Selama uji coba semester pertama 2019 di lima dusun, 118 anak kelas 1–3 "
         "belajar di balai\n    dusun; kehadiran rata-rata 91% dan tidak ada anak yang putus "
         "sekolah.\n")

# (what changes, file, old text, new text, whether only that entry is loaded)
STEPS = [
    ("narasi", VERDES, "1.870 pengaduan", "1.871 pengaduan", True),
    ("judul baru yang unik", VERDES, "nama: Verifikasi Data Terpadu Kesejahteraan Sosial melalui",
     "nama: Verifikasi Data Terpadu Kesejahteraan Sosial lewat", True),
    ("level indikator IGA", GURU, "nomor: 32\n    level: 2", "nomor: 32\n    level: 1", True),
    ("bagian wajib dikosongkan", GURU, HASIL, "", True),
    ("RAI dilengkapi", "entries/pdam/air-prabayar.yaml",
     "TODO: jelaskan rancangan teknis meter prabayar dan pembelian token.",
     "Meter prabayar dipasang di rumah pelanggan; token dibeli di loket dan agen desa.", True),
    ("bagian wajib diisi lagi", GURU, "  manfaat: |\n", HASIL + "  manfaat: |\n", True),
    # What reaches other entries or the region-level document: the whole path.
    ("judul kembar", VERDES, "nama: Verifikasi Data Terpadu Kesejahteraan Sosial lewat "
     "Musyawarah Desa", "nama: Guru Kunjung Dusun Terpencil", False),
    ("judul tidak kembar lagi", VERDES, "nama: Guru Kunjung Dusun Terpencil",
     "nama: Verifikasi Data Terpadu Kesejahteraan Sosial melalui Musyawarah Desa", False),
    ("anggota Budhipraja", "entries/dinkes/si-bunda.yaml", "\nnarasi:\n",
     "\nnarasi:\n  # diperbarui\n", False),
    ("berkas tidak sah", "entries/disdukcapil/laksa-desa.yaml", "\nnarasi:\n",
     "\nwarna: merah\nnarasi:\n", False),
    ("berkas sah lagi", "entries/disdukcapil/laksa-desa.yaml", "\nwarna: merah\nnarasi:\n",
     "\nnarasi:\n", False),
]


def test_each_edit_builds_what_a_whole_build_builds(sample: Path, tmp_path: Path) -> None:
    first = run_build(sample)
    assert not first.spec_errors and (sample / STATE_FILE).is_file()
    entries = len(first.facts)
    seen_letters = set()
    for i, (what, name, old, new, alone) in enumerate(STEPS):
        edit(sample / name, old, new)
        other = twin(sample, tmp_path / f"twin-{i}")
        mine, whole = run_build(sample), run_build(other)
        assert mine.ws is not None and whole.ws is not None
        assert len(mine.ws.entries) == (1 if alone else entries), what
        assert len(whole.ws.entries) == entries, what
        assert sorted(outputs(sample)) == sorted(outputs(other)), what
        assert outputs(sample) == outputs(other), what
        assert pairs(mine) == pairs(whole), what
        seen_letters.add(tuple(n for n in outputs(sample) if n.startswith("surat/draf/")))
        # The next build is a no-op for both, and the kept facts were written again.
        assert (sample / STATE_FILE).is_file(), what
        assert run_build(sample).noop, what
    # Some step changed who gets a letter (the RAI was completed), and a build from nothing
    # makes exactly what the edits left (but the documents once set aside in usang/).
    assert len(seen_letters) > 1
    kept = {n: b for n, b in outputs(sample).items() if not n.startswith("usang/")}
    assert any(n.startswith("usang/") for n in outputs(sample))
    run_build(sample, fresh=True)
    assert outputs(sample) == kept


def test_the_summary_of_a_build_of_one_changed_entry_is_a_whole_builds(sample: Path,
                                                                       tmp_path: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    other = twin(sample, tmp_path / "twin")
    mine, whole = run("build", cwd=sample), run("build", cwd=other)
    assert mine.exit_code == whole.exit_code == 0
    assert mine.output == whole.output
    assert "dilewati: entries/dinsos/verdes.yaml" in mine.output  # kept pairs are listed too
    mine, whole = run("build", "--json", cwd=sample), run("build", "--json", cwd=other)
    assert mine.output == whole.output


@pytest.mark.parametrize("damage", ["missing", "garbage", "foreign"])
def test_a_missing_or_damaged_record_means_the_whole_path(sample: Path, damage: str) -> None:
    run_build(sample)
    state = sample / STATE_FILE
    if damage == "missing":
        state.unlink()
    elif damage == "garbage":
        state.write_bytes(b"{not json")
    else:
        state.write_text('{"lomba": "another version", "context": "x"}', encoding="utf-8")
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == len(result.facts) == 13


def test_an_output_deleted_by_hand_is_made_again(sample: Path) -> None:
    """The kept facts never hide a missing file: the whole path makes it again."""
    run_build(sample)
    gone = sample / "build" / "sinovik-2019" / "disdukcapil" / "laksa-desa.docx"
    assert gone.is_file()
    gone.unlink()
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    result = run_build(sample)
    assert gone.is_file()
    assert result.ws is not None and len(result.ws.entries) == 13


def test_a_changed_photo_means_the_whole_path(sample: Path) -> None:
    """Evidence under entries/ is in the kept context: a replaced file is looked at again."""
    run_build(sample)
    photos = [p for p in (sample / "entries").rglob("*") if p.suffix in (".png", ".jpg")]
    assert photos
    photos[0].write_bytes(photos[0].read_bytes())  # same bytes, new time: looked at again
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == 13


def test_an_interrupted_build_leaves_no_record(sample: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The record is removed when a build starts and written when it ends: a build that
    stops half-way leaves none, and the next one takes the whole path."""
    run_build(sample)
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr("lomba.build._forget_removed", broken)
    with pytest.raises(KeyboardInterrupt):
        run_build(sample)
    assert load(sample) is None
    monkeypatch.undo()
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == 13


@pytest.mark.parametrize("name", [".arsip", "build"])
def test_evidence_the_fingerprint_skips_is_looked_at(sample: Path, name: str) -> None:
    """Evidence in a hidden folder is not in the tree's fingerprint; the kept record stats it
    itself, so replacing it still brings the whole path (and a build without that change
    still loads only the edited entry). In a folder named like a tool's (`build`), it is in
    the fingerprint, which brings the whole path the same way."""
    folder = sample / "entries" / "disdik" / name
    folder.mkdir()
    shutil.copy2(sample / "entries" / "disdik" / "bukti" / "sk-kelas-jauh.pdf",
                 folder / "sk-lama.pdf")
    edit(sample / GURU, "bukti:\n  - berkas: bukti/sk-kelas-jauh.pdf\n",
         f"bukti:\n  - berkas: {name}/sk-lama.pdf\n    jenis: SK\n    judul: SK lama\n"
         "  - berkas: bukti/sk-kelas-jauh.pdf\n")
    run_build(sample)
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == 1
    (folder / "sk-lama.pdf").write_bytes(b"%PDF-1.4\n% diganti\n")
    edit(sample / VERDES, "1.871 pengaduan", "1.872 pengaduan")
    result = run_build(sample)
    assert result.ws is not None and len(result.ws.entries) == 13


@pytest.mark.parametrize("selective", [
    {"entries": [VERDES], "force": True},
    {"competitions": ["sinovik"], "force": True},
    {"entries": [VERDES]},
])
def test_a_build_of_some_entries_is_looked_at_again(sample: Path, tmp_path: Path,
                                                    selective: dict) -> None:  # type: ignore[type-arg]
    """A build of some entries (forced drafts, say) changes build/ without changing any entry
    file; the next whole build looks at those entries again and leaves build/ as a whole
    build does (the drafts go: build/ shows the present)."""
    run_build(sample)
    run_build(sample, **selective)
    if selective.get("force"):
        assert (sample / "build" / "sinovik-2019" / "dinsos" / "verdes-DRAF.docx").is_file()
    edit(sample / GURU, "nomor: 32\n    level: 2", "nomor: 32\n    level: 1")
    other = twin(sample, tmp_path / "twin")
    mine, whole = run_build(sample), run_build(other)
    assert outputs(sample) == outputs(other)
    assert pairs(mine) == pairs(whole)
    assert not (sample / "build" / "sinovik-2019" / "dinsos" / "verdes-DRAF.docx").exists()
    assert mine.ws is not None
    loaded = {e.display for e in mine.ws.entries}
    assert GURU in loaded and (VERDES in loaded or len(loaded) == 13)


def test_an_edit_the_desk_does_not_show_leaves_the_desk_alone(sample: Path,
                                                             tmp_path: Path) -> None:
    """A narrative edit changes no fact the desk shows: the dashboard, recap and status made
    from the same facts are the ones in build/, and are not made again; a changed state is."""
    run_build(sample)
    desk = sample / "build" / "status.json"
    before = desk.stat().st_mtime_ns
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    result = run_build(sample)
    assert result.desk == [] and desk.stat().st_mtime_ns == before
    assert len(result.previews) == 9  # the summary still counts the letter previews
    edit(sample / GURU, HASIL, "")  # its IGA document is no longer ready
    other = twin(sample, tmp_path / "twin")
    result = run_build(sample)
    assert sample / "build" / "status.json" in result.desk
    run_build(other)
    assert outputs(sample) == outputs(other)
