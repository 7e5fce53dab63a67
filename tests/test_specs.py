"""Competition editions: shipped specs are valid and sourced, copies win, mistakes are located."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lomba.diagnostics import Report
from lomba.validate.competitions import Registry, builtin_templates, total_weight
from tests.conftest import edit, run

SHIPPED = {"sinovik/2019", "sinovik/2020", "sinovik/2021", "sinovik/2022", "sinovik/2023",
           "sinovik/2025", "iga/2019", "iga/2023", "iga/2026", "inagara/2019",
           "budhipraja/2019", "rai/2019"}


def registry(root: Path | None = None) -> tuple[Registry, Report]:
    report = Report()
    return Registry(root, report), report


def test_shipped_editions_load_without_problems() -> None:
    reg, report = registry()
    assert {e.ref for e in reg.all()} == SHIPPED
    assert report.diagnostics == []


def test_every_rule_cites_a_listed_source() -> None:
    reg, _ = registry()
    for edition in reg.all():
        spec = edition.spec
        ids = {s.id for s in spec.sumber}
        assert ids, edition.ref
        for bagian in spec.bagian:
            assert bagian.sumber and set(bagian.sumber) <= ids, (edition.ref, bagian.id)
        for t in spec.tenggat:
            assert t.sumber and set(t.sumber) <= ids, (edition.ref, t.kode)
        for item in spec.lampiran:
            assert set(item.sumber) <= ids
            assert item.sumber or item.catatan, (edition.ref, item.kode)


def test_sinovik_2019_has_the_nine_weighted_questions() -> None:
    reg, _ = registry()
    spec = reg.get("sinovik", 2019).spec
    assert [b.nomor for b in spec.bagian] == [None, "1", "2", "3", "4", "5", "6a", "6b", "7a",
                                              "7b", "7c", "8", "9"]
    assert total_weight(spec) == 100
    limits = {b.id: b.kata_maks for b in spec.bagian}
    assert limits["ringkasan"] == 300 and limits["inovatif"] == 100
    assert spec.kelayakan.usia_minimal_tahun == 1
    assert spec.tenggat_by_code()["pendaftaran"].tanggal.isoformat() == "2019-04-21"


def test_unknown_values_stay_unset() -> None:
    reg, _ = registry()
    s2025 = reg.get("sinovik", 2025).spec
    assert all(b.kata_maks is None and b.kata_min is None and b.bobot is None
               for b in s2025.bagian), "2025 figures are contradictory: guidance only"
    assert all(b.kata_acuan for b in s2025.bagian)
    assert s2025.kelayakan.usia_minimal_tahun is None
    for ref in ("inagara/2019", "budhipraja/2019"):
        spec = reg.get(*ref.split("/")[0:1], int(ref.split("/")[1])).spec
        assert all(b.kata_maks is None and b.bobot is None for b in spec.bagian)
        assert spec.disimpulkan, f"{ref} says on every document what is inferred"
    assert all(b.inferensi for b in reg.get("inagara", 2019).spec.bagian)
    budhipraja = reg.get("budhipraja", 2019).spec
    assert budhipraja.satuan == "pemda" and budhipraja.untuk_pemda == ["kabupaten", "kota"]
    # Strategy, programmes and results are what nominees present (news); the rest is inferred.
    assert {b.id for b in budhipraja.bagian if not b.inferensi} == {"strategi", "program", "hasil"}
    video = next(item for item in reg.get("sinovik", 2019).spec.lampiran if item.kode == "video")
    assert video.durasi_maks_menit is None and not video.wajib


def test_iga_2026_indicators() -> None:
    reg, _ = registry()
    spec = reg.get("iga", 2026).spec
    assert [i.nomor for i in spec.indikator] == list(range(16, 36))
    assert sum(i.bobot for i in spec.indikator) == 37
    assert {i.nomor for i in spec.indikator if i.wajib} == {16, 17, 32, 33, 35}
    assert all(len(i.level) == 3 for i in spec.indikator)
    # Extends iga/2019: the profile sections are inherited, the window is its own.
    assert [b.id for b in spec.bagian] == ["rancang_bangun", "tujuan", "manfaat", "hasil"]
    assert spec.kelayakan.jendela_penerapan.mulai.isoformat() == "2024-01-01"


def _copy_spec(workspace: Path, ref: str) -> Path:
    key, edition = ref.split("/")
    target = workspace / "templates" / key / edition
    shutil.copytree(builtin_templates() / key / edition, target)
    return target / "spec.yaml"


def test_workspace_copy_wins(workspace: Path) -> None:
    spec = _copy_spec(workspace, "rai/2019")
    edit(spec, "nama: Rencana Aksi Inovasi 2019",
         "nama: Rencana Aksi Inovasi Kabupaten Contoh", -1)
    reg, report = registry(workspace)
    assert reg.get("rai", 2019).spec.nama == "Rencana Aksi Inovasi Kabupaten Contoh"
    assert reg.get("rai", 2019).display == "templates/rai/2019/spec.yaml"
    assert not report.diagnostics


def test_spec_mistakes_are_located(workspace: Path) -> None:
    spec = _copy_spec(workspace, "rai/2019")
    text = spec.read_text(encoding="utf-8")
    text = text.replace("    sumber: [pp38-2017]\n  - id: tujuan",
                        "    sumber: [pp38]\n  - id: tujuan")
    text = text.replace("judul: Manfaat\n", "judul: Manfaat\n    kata_maks: banyak\n")
    spec.write_text(text, encoding="utf-8")
    result = run("check", "--json", cwd=workspace)
    assert result.exit_code == 1
    found = {(d["file"], d["code"], d["path"]) for d in json.loads(result.output)["diagnostics"]}
    assert ("templates/rai/2019/spec.yaml", "wrong-type", "bagian[3].kata_maks") in found
    line = text.splitlines().index("    kata_maks: banyak") + 1
    assert any(d["line"] == line for d in json.loads(result.output)["diagnostics"])


def test_template_errors_name_the_file_and_line(workspace: Path) -> None:
    spec = _copy_spec(workspace, "rai/2019")
    text = spec.read_text(encoding="utf-8")
    broken = text.replace("{% else -%}\n      {{ bagian.indikator_keberhasilan }}",
                          "{% else -%}\n      {{ bagian.indikator_keberhasilan | nosuchfilter }}")
    spec.write_text(broken, encoding="utf-8")
    result = run("check", "--json", cwd=workspace)
    (d,) = [d for d in json.loads(result.output)["diagnostics"] if d["code"] == "template-error"]
    assert d["file"] == "templates/rai/2019/spec.yaml"
    assert d["line"] == broken.splitlines().index(
        "      {{ bagian.indikator_keberhasilan | nosuchfilter }}") + 1
    assert "nosuchfilter" in d["message"]

    undefined = text.replace("{{ i.nama }}:", "{{ i.namaa }}:")
    spec.write_text(undefined, encoding="utf-8")
    result = run("check", "--json", cwd=workspace)
    (d,) = [d for d in json.loads(result.output)["diagnostics"] if d["code"] == "template-error"]
    assert d["line"] == next(i for i, line in enumerate(undefined.splitlines(), 1)
                             if "{{ i.namaa }}:" in line)
    assert "namaa" in d["message"]
    build = run("build", cwd=workspace)
    assert build.exit_code == 1
    assert "[template-error]" in build.output
    assert not list((workspace / "build").glob("rai-*/**/*.docx")), "that competition: nothing"
    assert (workspace / "build" / "index.html").is_file(), "the desk still shows the rest"


def test_new_edition_by_copying_a_folder_and_editing_yaml(workspace: Path) -> None:
    source = builtin_templates() / "sinovik" / "2019"
    target = workspace / "templates" / "sinovik" / "2020"
    shutil.copytree(source, target)
    spec = target / "spec.yaml"
    spec.write_text(spec.read_text(encoding="utf-8")
                    .replace("edisi: 2019", "edisi: 2020")
                    .replace("tanggal: 2019-04-21", "tanggal: 2020-04-26"), encoding="utf-8")
    entry = workspace / "entries" / "dinkes" / "posyandu-remaja.yaml"
    edit(entry, "kompetisi:\n", "kompetisi:\n  sinovik:\n    edisi: 2020\n", -1)
    assert "sinovik/2020" in run("kompetisi", cwd=workspace).output
    result = run("check", "--json", cwd=workspace)
    codes = {(d["code"], d["file"]) for d in json.loads(result.output)["diagnostics"]}
    assert ("section-empty", "entries/dinkes/posyandu-remaja.yaml") in codes
    assert all("2020" in d["message"] for d in json.loads(result.output)["diagnostics"]
               if d["code"] == "section-empty")
    forced = run("build", "--force", "--kompetisi", "sinovik", cwd=workspace)
    assert forced.exit_code == 0, forced.output
    assert (workspace / "build" / "sinovik-2020" / "dinkes" / "posyandu-remaja-DRAF.docx"
            ).is_file()
