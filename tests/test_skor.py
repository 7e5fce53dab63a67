"""`lomba skor` on the sample workspace: hand-checkable figures, claims against evidence, and
suggestions that deliver exactly what they promise when applied."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from lomba.author.samplefiles import make_pdf
from tests.conftest import edit, run


def skor(root: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = run("skor", "--json", *args, cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_sample_score_recomputed_by_hand(sample: Path) -> None:
    data = skor(sample)
    assert data["edition"] == "iga/2026"
    sid = {i["file"]: i["sid"] for i in data["innovations"]}
    # SI BUNDA: 16 L2 (Perbup) 3x2 + 17 L3 (SK) 2x3 + 31 L1 (PKS) 3x1 + 32 L2 (laporan) 2x2
    #           + 33 L3 3x3 + 34 L3 2x3 + 35 L3 (video link) 4x3 = 6+6+3+4+9+6+12 = 46
    assert sid["entries/dinkes/si-bunda.yaml"] == 46
    # ANDALAN: 16 L1 (SK) 3 + 17 L1 (SK) 2 + 28 L3 (SOP) 6 + 32 claimed 3 with no evidence 0
    #          + 33 claimed 2 with a survey, which does not support it, 0 + 34 L2 (survei) 4 = 15
    assert sid["entries/rsud/andalan.yaml"] == 15
    # GURU KUNDUS: 16 L1 3 + 17 L1 2 + 32 L2 4 + 33 L1 3 = 12; SIPADU ASET claims nothing: 0
    assert sid["entries/disdik/guru-kunjung.yaml"] == 12
    assert sid["entries/bpkad/sipadu-aset.yaml"] == 0
    claimed = data["claimed"]
    # SPD from lomba.yaml: 3+3+2+2+2 + 0.75*2*2 + 1.5*2 + 1.5*2 + 1.5*3 + 1 + 0.75*2*3
    #                      + 0.75*1 + 2*1 + 1 + 1 = 35.75
    assert claimed["spd"] == pytest.approx(35.75)
    # 4 innovations: average = 73 / MAX(12, 4) = 6.083; only kesehatan and pendidikan of the six
    # basic-service urusan are covered, so the count score is 0.
    assert (claimed["sid_total"], claimed["n"], claimed["divisor"]) == (73, 4, 12)
    assert claimed["affairs_covered"] == ["pendidikan", "kesehatan"]
    assert claimed["count_score"] == 0
    # (35.75 + 73/12) / 250 * 100 = 16.73
    assert claimed["iid"] == 16.73 and claimed["band"] == "Kurang Inovatif"
    # Verified: only accepted evidence counts: SI BUNDA 16 + 17 = 12, ANDALAN 28 = 6.
    verified = data["verified"]
    assert verified["sid_total"] == 18
    assert verified["iid"] == pytest.approx(round((35.75 + 18 / 12) / 2.5, 2))


def test_claims_beyond_the_evidence_are_warned(sample: Path) -> None:
    check = json.loads(run("check", "--json", "entries/rsud/andalan.yaml",
                            cwd=sample).output)["diagnostics"]
    unsupported = [d for d in check if d["code"] == "iga-claim-unsupported"]
    assert [(d["path"], d["severity"]) for d in unsupported] == [
        ("indikator_iga[3].level", "warning"), ("indikator_iga[4].level", "warning")]
    assert "Tambahkan bukti jenis: laporan, tangkapan layar" in unsupported[1]["message"]


def _apply(root: Path, action: dict) -> None:  # type: ignore[type-arg]
    """Carry out a suggestion on the files, the way a user would."""
    change = action["change"]
    if action["kind"] == "spd":
        config = root / "lomba.yaml"
        text = config.read_text(encoding="utf-8")
        code = change["spd"]
        pattern = rf'(?m)^    "?{re.escape(code)}"?: {change["dari"]}$'
        if re.search(pattern, text):
            text = re.sub(pattern, f'    "{code}": {change["ke"]}', text)
        else:
            text = text.replace("  spd:\n", f'  spd:\n    "{code}": {change["ke"]}\n', 1)
        config.write_text(text, encoding="utf-8")
    elif action["kind"] in ("jumlah", "urusan"):
        urusan = change["urusan"] if action["kind"] == "urusan" else \
            ["perencanaan"] * change["tambah"]
        for i, u in enumerate(urusan):
            folder = root / "entries" / "bappeda"
            (folder / "bukti").mkdir(parents=True, exist_ok=True)
            (folder / "bukti" / f"sk-{i}.pdf").write_bytes(make_pdf("SK"))
            (folder / "bukti" / f"laporan-{i}.pdf").write_bytes(make_pdf("Laporan"))
            (folder / f"baru-{i}.yaml").write_text(f"""nama: Inovasi Tambahan {i}
opd: bappeda
bentuk: pelayanan publik
jenis: digital
inisiator: OPD
tahapan: {change["tahapan"][-1]}
urusan: {{utama: {u}}}
video: https://youtu.be/baru{i}
bukti:
  - {{berkas: bukti/sk-{i}.pdf, jenis: SK}}
  - {{berkas: bukti/laporan-{i}.pdf, jenis: laporan}}
indikator_iga:
  - {{nomor: 16, level: 1, bukti: [bukti/sk-{i}.pdf]}}
  - {{nomor: 17, level: 1, bukti: [bukti/sk-{i}.pdf]}}
  - {{nomor: 32, level: 1, bukti: [bukti/laporan-{i}.pdf]}}
  - {{nomor: 33, level: 1, bukti: [bukti/laporan-{i}.pdf]}}
  - {{nomor: 35, level: 1}}
kompetisi:
  iga: {{ikut: false}}
""".replace("ikut: false", "ikut: true"), encoding="utf-8")
    else:
        raise AssertionError(f"unknown action {action}")


def test_applying_the_top_suggestion_raises_the_index_by_what_it_said(sample: Path) -> None:
    before = skor(sample)
    top = before["suggestions"][0]
    assert top["kind"] == "jumlah", "with 4 of 12 innovations, the divisor costs most"
    _apply(sample, top)
    after = skor(sample)
    gained = after["claimed"]["total"] / 2.5 - before["claimed"]["total"] / 2.5
    assert gained == pytest.approx(top["iid_gain"], abs=1e-3)


@pytest.mark.parametrize("rank", [1, 2])
def test_applying_other_suggestions_too(sample: Path, rank: int) -> None:
    before = skor(sample)
    action = before["suggestions"][rank]
    _apply(sample, action)
    after = skor(sample)
    gained = (after["claimed"]["total"] - before["claimed"]["total"]) / 2.5
    assert gained == pytest.approx(action["iid_gain"], abs=1e-3), action["text"]


def test_score_in_the_iga_document_and_the_dashboard(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    # IGA 2019's own indicators are not known: its document has no table scored on 2026's.
    old = docx.Document(str(sample / "build/iga-2019/dinkes/si-bunda.docx"))
    assert not any("Skor SID" in c.text for t in old.tables for r in t.rows for c in r.cells)
    html = (sample / "build" / "index.html").read_text(encoding="utf-8")
    assert 'id="iid-diklaim"><strong>16,73</strong> · Kurang Inovatif' in html
    assert 'id="iid-terverifikasi"><strong>14,9</strong>' in html
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    edit(entry, "  iga:\n    ikut: true\n", "  iga:\n    edisi: 2026\n")
    run("build", "--force", "-k", "iga", str(entry.relative_to(sample)), cwd=sample)
    (path,) = sample.glob("build/iga-2026/dinkes/si-bunda*.docx")
    document = docx.Document(str(path))
    table = document.tables[-2]
    assert [c.text for c in table.rows[0].cells] == [
        "No.", "Indikator", "Bobot", "Klaim", "Bukti", "✓", "Skor", "Berkas"]
    assert [c.text for c in table.rows[-1].cells][6:] == ["46", "terverifikasi: 12"]


def test_unknown_rules_are_said_not_guessed(sample: Path) -> None:
    result = run("skor", "--edisi", "2023", cwd=sample)
    assert result.exit_code == 1
    assert "aturan indeks IGA 2023 belum diketahui" in result.output
    assert run("skor", "--edisi", "2019", cwd=sample).exit_code == 1


def test_an_iga_2023_document_carries_2023s_own_indicators_unscored(sample: Path) -> None:
    entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
    edit(entry, "  iga:\n    ikut: true\n", "  iga:\n    edisi: 2023\n")
    run("build", "--force", "-k", "iga", str(entry.relative_to(sample)), cwd=sample)
    (path,) = sample.glob("build/iga-2023/dinkes/si-bunda*.docx")
    document = docx.Document(str(path))
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "No."]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    # The 2022-25 wording ("Penggunaan IT", not 2026's "Alat Kerja"), no weight, no score.
    assert rows["19"][1] == "Penggunaan IT" and rows["19"][2] == "—" and rows["19"][6] == "—"
    # SI BUNDA claims level 2 for indicator 16 with a Perbup: 2023's ladder names SK levels
    # and "Perkada atau Perda" at 3; with no evidence kinds known, its evidence supports the claim.
    assert rows["16"][3:6] == ["2", "2", "2"]
    assert not any("Skor SID" in c.text for r in table.rows for c in r.cells)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Penilaian mandiri menurut indikator IGA 2023: bobotnya tidak diketahui" in text
