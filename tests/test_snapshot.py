"""Build exactly what was checked: one snapshot of the entry bytes, confined files, a build that
never deletes or writes outside ``build/``, and a broken entry that is a finding, not an
absence."""

from __future__ import annotations

import base64
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

import lomba.build
from lomba.build import run_build
from lomba.fingerprint import code_digest
from tests.conftest import edit, run

SI_BUNDA = Path("entries/dinkes/si-bunda.yaml")
DOCX = Path("build/sinovik-2019/dinkes/si-bunda.docx")
DRAFT = Path("build/sinovik-2019/dinkes/si-bunda-DRAF.docx")
NEW_TEXT = "TEKS-YANG-BELUM-DIPERIKSA"


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def docx_media(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("word/media/")]


def edit_after_check(monkeypatch: pytest.MonkeyPatch, sample: Path, *,
                     drop_cache: bool) -> None:
    """Once the build has checked the workspace, the innovator saves an edit."""
    original = lomba.build.load_workspace

    def load_then_edit(root: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        ws = original(root, *args, **kwargs)
        path = sample / SI_BUNDA
        edit(path, "Angka kematian ibu", f"{NEW_TEXT} <w:bad/> Angka kematian ibu")
        if drop_cache:
            shutil.rmtree(sample / "build" / ".cache")
        return ws

    monkeypatch.setattr(lomba.build, "load_workspace", load_then_edit)


def test_an_edit_after_the_check_is_not_rendered(sample: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    edit_after_check(monkeypatch, sample, drop_cache=False)
    run_build(sample, jobs=1)
    text = docx_text(sample / DOCX)
    assert "Angka kematian ibu" in text
    assert NEW_TEXT not in text, "the document holds the bytes that were checked"


def test_an_edit_after_the_check_without_a_cache_skips_the_entry(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_after_check(monkeypatch, sample, drop_cache=True)
    result = run_build(sample, jobs=1)
    refused = [o for o in result.outcomes if o.readiness.entry.display == SI_BUNDA.as_posix()]
    assert refused and all(o.skipped_reason is not None
                           and o.skipped_reason.code == "entry-changed" for o in refused)
    assert not (sample / DOCX).exists()
    others = [o for o in result.outcomes if o.readiness.entry.display != SI_BUNDA.as_posix()]
    assert any(o.written for o in others)


# -- confined files ------------------------------------------------------------------------------

SECRET = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02" \
    + b"\x00\x00\x00RAHASIA-DI-LUAR-RUANG-KERJA"


def _outside(sample: Path) -> Path:
    secret = sample.parent / "rahasia" / "rahasia.png"
    secret.parent.mkdir(exist_ok=True)
    secret.write_bytes(SECRET)
    return secret


def _photo_ref(sample: Path, how: str) -> str:
    secret = _outside(sample)
    if how == "absolute":
        return secret.as_posix()
    if how == "parent":
        return "../../../rahasia/rahasia.png"
    link = sample / "entries/dinkes/foto/tautan.png"
    link.symlink_to(secret)
    return "foto/tautan.png"


def _point_outside(sample: Path, written: str, how: str) -> None:
    """SI BUNDA's file reference ``written`` replaced by one that leads outside the workspace."""
    path = sample / SI_BUNDA
    text = path.read_text(encoding="utf-8")
    assert f"berkas: {written}" in text
    path.write_text(text.replace(f"berkas: {written}", f"berkas: {_photo_ref(sample, how)}", 1),
                    encoding="utf-8")


def _assert_not_embedded(sample: Path) -> None:
    for path in (sample / "build").rglob("*.docx"):
        assert all(SECRET not in m for m in docx_media(path)), path
    encoded = base64.b64encode(SECRET).decode()
    for path in (sample / "build").rglob("*.html"):
        assert encoded not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("how", ["absolute", "parent", "symlink"])
def test_a_photo_outside_the_workspace_is_never_embedded(sample: Path, how: str,
                                                         force: bool) -> None:
    _point_outside(sample, "foto/bidan-mendaftar.png", how)
    check = run("check", cwd=sample)
    assert check.exit_code == 1 and "si-bunda.yaml" in check.output
    result = run("build", *(["--force"] if force else []), cwd=sample)
    assert result.exit_code == 0, result.output
    _assert_not_embedded(sample)
    if force:
        draft = sample / DRAFT
        assert draft.is_file()
        assert "foto tidak disertakan" in docx_text(draft)
        assert len(docx_media(draft)) == 2, "the logo and the other photo only"


@pytest.mark.parametrize("how", ["absolute", "parent", "symlink"])
def test_a_logo_outside_the_workspace_is_never_embedded(sample: Path, how: str) -> None:
    secret = _outside(sample)
    if how == "absolute":
        ref = secret.as_posix()
    elif how == "parent":
        ref = "../rahasia/rahasia.png"
    else:
        (sample / "templates/tautan.png").symlink_to(secret)
        ref = "templates/tautan.png"
    config = sample / "lomba.yaml"
    edit(config, "logo: templates/logo.png", f"logo: {ref}", -1)
    assert run("check", cwd=sample).exit_code == 1
    for args in (("build",), ("build", "--force")):
        run(*args, cwd=sample)
        _assert_not_embedded(sample)
    assert (sample / DOCX).is_file(), "documents are still made, without the refused logo"


# -- a broken entry ------------------------------------------------------------------------------

def test_a_yaml_typo_keeps_the_earlier_documents_and_says_why(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    before = (sample / DOCX).read_bytes()
    path = sample / SI_BUNDA
    edit(path, "nama: ", "nama:: ")
    result = run("build", cwd=sample)
    assert (sample / DOCX).read_bytes() == before, "a typo never deletes a good document"
    assert "usang, dibiarkan (berkas inovasinya tidak terbaca: entries/dinkes/si-bunda.yaml)" \
        in result.output
    assert "dihapus" not in result.output
    status = json.loads(run("status", "--json", cwd=sample).output)
    row = next(i for i in status["entries"] if i["file"] == SI_BUNDA.as_posix())
    assert row["opd"] == "dinkes"
    assert {c["state"] for c in row["competitions"].values()} == {"tidak-terbaca"}
    recap = json.loads(run("rekap", "--json", cwd=sample).output)["opd"]
    dinkes = next(o for o in recap if o["opd"] == "dinkes")
    assert any("tidak terbaca" in k for k in dinkes["missing"])
    assert not any("belum ada inovasi" in k for k in dinkes["missing"])
    # Fixed again: the document is current, and nothing is stale any more.
    edit(path, "nama:: ", "nama: ")
    result = run("build", cwd=sample)
    assert "usang" not in result.output
    assert (sample / DOCX).read_bytes() == before


def test_a_removed_entry_still_removes_its_documents(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    (sample / SI_BUNDA).unlink()
    result = run("build", cwd=sample)
    assert not (sample / DOCX).exists()
    assert "dihapus" in result.output


# -- the build folder ----------------------------------------------------------------------------

def test_a_tampered_manifest_deletes_nothing_outside_build(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    victims = [sample.parent / "korban.docx", sample / "lomba.yaml", sample / SI_BUNDA,
               sample / "templates" / "korban.html"]
    for victim in victims[:1] + victims[3:]:
        victim.write_text("jangan dihapus", encoding="utf-8")
    outside = sample.parent / "luar"
    outside.mkdir()
    (outside / "korban.docx").write_text("jangan dihapus", encoding="utf-8")
    (sample / "build" / "tautan").symlink_to(outside)
    victims.append(outside / "korban.docx")
    manifest_path = sample / "build" / ".lomba-build.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["lomba"] == code_digest()
    listed = ["../korban.docx", str(victims[0]), "build/../lomba.yaml",
              SI_BUNDA.as_posix(), "build/../templates/korban.html", "build/tautan/korban.docx",
              "build\\..\\lomba.yaml"]
    manifest["outputs"].update({p: "0" * 40 for p in listed})
    manifest["tree"] = None
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    result = run("build", cwd=sample)
    assert result.exit_code == 0, result.output
    for victim in victims:
        assert victim.is_file(), victim
    assert (sample / DOCX).is_file()


def test_a_symlinked_build_folder_is_refused(sample: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "di-tempat-lain"
    elsewhere.mkdir()
    (elsewhere / "penting.txt").write_text("isi", encoding="utf-8")
    (sample / "build").symlink_to(elsewhere)
    for args in (("build",), ("build", "--clean")):
        result = run(*args, cwd=sample)
        assert result.exit_code == 1
        assert "tautan simbolik" in result.output
        assert "Traceback" not in result.output
    assert sorted(os.listdir(elsewhere)) == ["penting.txt"]


def test_build_being_a_file_is_a_message(sample: Path) -> None:
    (sample / "build").write_text("bukan folder", encoding="utf-8")
    result = run("build", cwd=sample)
    assert result.exit_code == 1
    assert "bukan folder" in result.output
    assert (sample / "build").read_text(encoding="utf-8") == "bukan folder"


@pytest.mark.parametrize("name", ["templates/surat/teguran.md.j2", "templates/referensi.docx"])
def test_a_template_linked_from_outside_is_refused(sample: Path, name: str) -> None:
    secret = sample.parent / "rahasia.txt"
    secret.write_text("RAHASIA NEGARA", encoding="utf-8")
    link = sample / name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)
    link.symlink_to(secret)
    command = ("surat", "teguran") if name.endswith(".j2") else ("build",)
    result = run(*command, cwd=sample)
    assert result.exit_code == 1
    assert "luar ruang kerja" in result.output and name in result.output
    assert "Traceback" not in result.output
    for path in (sample / "build").rglob("*.docx"):
        assert b"RAHASIA" not in path.read_bytes()


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("how", ["absolute", "parent", "symlink"])
def test_evidence_outside_the_workspace_blocks_and_is_never_read(sample: Path, how: str,
                                                                 force: bool) -> None:
    _point_outside(sample, "bukti/laporan-evaluasi-2018.pdf", how)
    found = json.loads(run("check", "--json", cwd=sample).output)["diagnostics"]
    assert any(d["file"] == SI_BUNDA.as_posix() and d["code"].startswith("evidence-")
               and "competition" not in d for d in found), "an entry-wide finding"
    result = run("build", *(["--force"] if force else []), cwd=sample)
    assert result.exit_code == 0, result.output
    _assert_not_embedded(sample)
    assert (sample / DRAFT).is_file() == force, "without --force the entry is held back"
    assert not (sample / DOCX).exists(), "never under a final document's name"


@pytest.mark.parametrize("remembered", [False, True])
def test_a_checked_entry_keeps_its_tables_only_where_a_later_stage_reads_them(
        sample: Path, remembered: bool) -> None:
    """After its check an entry holds no narrative, and, unless a region-level document lists
    it (whose templates may read any field of its members), no indicator, budget or team table
    either: a national workspace is held in memory at once. Its documents still show them all,
    from the entry reloaded for rendering. The same whether its findings were remembered."""
    from lomba.check.workspace import load_workspace

    if remembered:
        load_workspace(sample)  # the findings are remembered for the load below
    ws = load_workspace(sample)
    entries = {e.display: e for e in ws.entries}
    laksa, member = entries["entries/disdukcapil/laksa-desa.yaml"], entries[SI_BUNDA.as_posix()]
    assert laksa.light and member.light
    assert laksa.model is not None and member.model is not None
    assert laksa.model.indikator_kinerja == [] and laksa.model.anggaran == []
    assert laksa.model.narasi.ringkasan is None
    assert member.model.indikator_kinerja  # si-bunda enters Budhipraja 2019
    assert laksa.full(sample).model.indikator_kinerja  # type: ignore[union-attr]
    run_build(sample)
    html = sample / "build" / "inagara-2019" / "disdukcapil" / "laksa-desa.html"
    assert "Kepemilikan KTP elektronik" in html.read_text(encoding="utf-8")


def test_light_entries_share_their_field_name_sets_and_keep_their_values(sample: Path) -> None:
    """Once checked, entries hold one set of given field names per distinct set (pydantic
    keeps one per model), and their values are those of the entry read again in full."""
    from pydantic import BaseModel

    from lomba.check.workspace import load_workspace

    ws = load_workspace(sample, jobs=1)
    light = [e for e in ws.entries if e.light and e.model is not None]
    assert len(light) > 5
    holders: dict[frozenset[str], set[int]] = {}
    stack: list[BaseModel] = [e.model for e in light if e.model is not None]
    while stack:
        model = stack.pop()
        names = model.__pydantic_fields_set__
        holders.setdefault(frozenset(names), set()).add(id(names))
        for value in model.__dict__.values():
            items = value.values() if isinstance(value, dict) else \
                value if isinstance(value, list) else [value]
            stack.extend(v for v in items if isinstance(v, BaseModel))
    assert holders and all(len(ids) == 1 for ids in holders.values())
    empty = {id(v) for e in light if e.model is not None
             for v in e.model.__dict__.values() if isinstance(v, list) and not v}
    assert len(empty) == 1, "one empty list for all"
    name, shared = next((k, v) for k, v in light[0].model.__dict__.items()  # type: ignore[union-attr]
                        if isinstance(v, list) and not v)
    for change in (lambda: shared.append(1), lambda: shared.extend([1]),
                   lambda: shared.insert(0, 1)):
        with pytest.raises(TypeError):
            change()
    assert shared == [] and light[0].model.model_dump()[name] == []  # type: ignore[union-attr]
    for entry in light:
        full = entry.full(sample)
        assert full.model is not None and entry.model is not None
        assert entry.model.nama == full.model.nama and entry.model.tanggal == full.model.tanggal
        assert entry.model.kompetisi.keys() == full.model.kompetisi.keys()
