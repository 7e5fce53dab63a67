"""`lomba check`, `init`, `new`: exit codes, output forms, languages, where it runs from."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import edit, run


def test_init_then_check_passes(workspace: Path) -> None:
    result = run("check", cwd=workspace)
    assert result.exit_code == 0, result.output
    assert "Semua 2 berkas sah, tanpa galat." in result.output


def test_init_refuses_to_overwrite(workspace: Path) -> None:
    before = (workspace / "lomba.yaml").read_bytes()
    (workspace / "lomba.yaml").write_text("# milik pengguna\n", encoding="utf-8")
    result = run("init", str(workspace))
    assert result.exit_code == 1
    assert "sudah ada" in result.output
    assert (workspace / "lomba.yaml").read_text(encoding="utf-8") == "# milik pengguna\n"
    assert before != (workspace / "lomba.yaml").read_bytes()


def test_check_works_from_a_subfolder(workspace: Path, monkeypatch) -> None:
    monkeypatch.chdir(workspace / "entries" / "dinkes")
    result = run("check")
    assert result.exit_code == 0, result.output


def test_outside_a_workspace_says_what_to_do(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert "lomba init" in result.output


def test_wrong_usage_exits_2(workspace: Path) -> None:
    assert run("check", "--nope", cwd=workspace).exit_code == 2
    assert run("-C", str(workspace / "tidak-ada"), "check").exit_code == 2


def test_json_output_has_the_documented_keys(workspace: Path) -> None:
    entry = workspace / "entries" / "dinkes" / "posyandu-remaja.yaml"
    edit(entry, "jenis: non digital", "jenis: nondigital", -1)
    result = run("check", "--json", cwd=workspace)
    assert result.exit_code == 1
    (item,) = json.loads(result.output)["diagnostics"]
    assert set(item) >= {"file", "line", "column", "path", "severity", "code", "message"}
    assert item["file"] == "entries/dinkes/posyandu-remaja.yaml"
    assert (item["line"], item["column"], item["path"]) == (17, 8, "jenis")
    assert (item["severity"], item["code"]) == ("error", "invalid-choice")
    assert "Maksud Anda `non digital`?" in item["message"]


def test_english_by_flag_and_environment(workspace: Path, monkeypatch) -> None:
    entry = workspace / "entries" / "dinkes" / "posyandu-remaja.yaml"
    entry.write_text(entry.read_text(encoding="utf-8") + "warna: merah\n", encoding="utf-8")
    english = run("--lang", "en", "check", cwd=workspace)
    assert "error [unknown-field] warna: unknown field `warna`" in english.output
    monkeypatch.setenv("LOMBA_LANG", "en")
    assert "unknown field" in run("check", cwd=workspace).output
    assert "tidak dikenal" in run("check", "--lang", "id", cwd=workspace).output


def test_strict_fails_on_warnings(workspace: Path) -> None:
    entry = workspace / "entries" / "dinkes" / "posyandu-remaja.yaml"
    edit(entry, "1. Puskesmas melatih", "1. TODO Puskesmas melatih", -1)
    assert run("check", cwd=workspace).exit_code == 0
    strict = run("check", "--strict", cwd=workspace)
    assert strict.exit_code == 1
    assert "peringatan [placeholder] narasi.cara_kerja" in strict.output


def test_check_named_file_reports_only_it(workspace: Path) -> None:
    other = workspace / "entries" / "dinkes" / "rusak.yaml"
    other.write_text("nama: [\n", encoding="utf-8")
    good = workspace / "entries" / "dinkes" / "posyandu-remaja.yaml"
    assert run("check", str(good), cwd=workspace).exit_code == 0
    assert run("check", str(other), cwd=workspace).exit_code == 1
    missing = run("check", "entries/dinkes/tidak-ada.yaml", cwd=workspace)
    assert missing.exit_code == 1
    assert "[path-not-found]" in missing.output


def test_new_scaffolds_an_entry_with_every_field(workspace: Path) -> None:
    result = run("new", "dinkes", "antrean-daring", "--nama", "Antrean Daring", cwd=workspace)
    assert result.exit_code == 0, result.output
    path = workspace / "entries" / "dinkes" / "antrean-daring.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/inovasi.schema.json")
    from lomba.model.innovation import Inovasi
    for field in Inovasi.model_fields:
        assert f"\n{field}:" in text, field
    check = run("check", "--json", cwd=workspace)
    codes = {(d["path"], d["code"]) for d in json.loads(check.output)["diagnostics"]}
    assert codes == {("bentuk", "empty-required"), ("jenis", "empty-required"),
                     ("urusan.utama", "empty-required")}
    again = run("new", "dinkes", "antrean-daring", cwd=workspace)
    assert again.exit_code == 1
    assert path.read_text(encoding="utf-8") == text


def test_new_rejects_unknown_opd_and_bad_slug(workspace: Path) -> None:
    result = run("new", "dinkess", "x", cwd=workspace)
    assert result.exit_code == 1
    assert "Maksud Anda `dinkes`?" in result.output
    assert run("new", "dinkes", "Nama Salah", cwd=workspace).exit_code == 2


def test_broken_lomba_yaml_is_reported(workspace: Path) -> None:
    config = workspace / "lomba.yaml"
    edit(config, "tahun_kerja: 2019", "tahun_kerja: dua ribu", -1)
    result = run("check", cwd=workspace)
    assert result.exit_code == 1
    assert "lomba.yaml:39:14: galat [wrong-type] tahun_kerja" in result.output


def test_the_progress_bar_shows_on_a_terminal_for_many_documents_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The bar (and its module) comes when a build has twenty documents or more to look at,
    and only where a person watches a terminal."""
    import io

    from lomba.cli.summary import progress_bar

    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with progress_bar("id") as bar:
        bar.start(3)
        assert bar.progress is None
    with progress_bar("id") as bar:
        bar.start(25)
        assert bar.progress is not None
        for _ in range(25):
            bar.advance(None)
        task = bar.progress.tasks[0]
        assert (task.completed, task.total) == (25, 25)
    assert not bar.progress.live.is_started
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    with progress_bar("id") as bar:
        bar.start(25)
        assert bar.progress is None
