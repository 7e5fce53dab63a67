"""Messages a user can follow: a hint that names a field, applied literally, clears its finding;
"did you mean" proposes only a close, valid choice; no message says "expected: -"."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from lomba.model.vocab import URUSAN_ALL
from lomba.validate.validation import closest
from tests.conftest import edit, run

ENTRY = Path("entries/dinkes/posyandu-remaja.yaml")
COMPETITIONS = {"sinovik": 2019, "iga": 2019, "rai": 2019, "inagara": 2019, "budhipraja": 2019}
TEXT = " ".join(["Puskesmas melayani remaja setiap Sabtu di balai desa dengan kader terlatih."]
                * 30)


def _findings(root: Path) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(run("check", "--json", str(ENTRY), cwd=root).output)["diagnostics"]


def _set(data: dict, dotted: str, value: str) -> None:  # type: ignore[type-arg]
    keys = dotted.split(".")
    for key in keys[:-1]:
        data = data.setdefault(key, {})
    data[keys[-1]] = value


def test_every_fill_in_hint_applied_literally_clears_its_finding(workspace: Path) -> None:
    path = workspace / ENTRY
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["narasi"] = {"ringkasan": data["narasi"]["ringkasan"]}
    data["indikator_kinerja"] = []
    data["kompetisi"] = {key: {"edisi": year} for key, year in COMPETITIONS.items()}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    empty = [d for d in _findings(workspace) if d["code"] == "section-empty"]
    assert len(empty) >= 10, "the hints under test"
    for finding in empty:
        hint = finding["message"].split("Isi `")[1].split("`")[0]
        before = path.read_text(encoding="utf-8")
        fixed = yaml.safe_load(before)
        _set(fixed, hint, TEXT)
        path.write_text(yaml.safe_dump(fixed, allow_unicode=True), encoding="utf-8")
        still = [d for d in _findings(workspace) if d["code"] == "section-empty"
                 and d.get("competition") == finding["competition"]
                 and d["message"] == finding["message"]]
        assert still == [], f"following `{hint}` did not clear: {finding['message']}"
        path.write_text(before, encoding="utf-8")


def test_did_you_mean_only_a_close_valid_choice() -> None:
    assert closest("perumahan", list(URUSAN_ALL)) == "perumahan rakyat dan kawasan permukiman"
    assert closest("kesehatn", list(URUSAN_ALL)) == "kesehatan"
    assert closest("transportasi", list(URUSAN_ALL)) is None, "nothing close: no guess"


def test_no_message_offers_a_dash_as_the_choices(workspace: Path) -> None:
    path = workspace / ENTRY
    edit(path, "nama: Posyandu Remaja Sehat Bersama", "nama:")
    out = run("check", str(ENTRY), cwd=workspace).output
    assert "[empty-required-value] nama" in out and "Isi dengan teks." in out
    assert ": -." not in out


def test_one_schema_error_does_not_hide_the_files_other_problems(sample: Path) -> None:
    path = sample / "entries" / "dinkes" / "si-bunda.yaml"
    text = path.read_text(encoding="utf-8")
    assert "unsur: swasta" in text or "unsur: masyarakat" in text
    text = text.replace("unsur: swasta", "unsur: lainnya", 1).replace(
        "unsur: masyarakat", "unsur: lainnya", 1)
    text = text.replace("  ringkasan: |\n", "  ringkasan: |\n" + "    kata " * 400 + "\n", 1)
    text = text.replace("kepanjangan: Sistem Informasi Ibu Hamil dan Bersalin\n", "", 1)
    path.write_text(text, encoding="utf-8")
    found = json.loads(run("check", "--json", "entries/dinkes/si-bunda.yaml",
                           cwd=sample).output)["diagnostics"]
    codes = {d["code"] for d in found}
    assert "invalid-choice" in codes
    assert "words-over" in codes, "a competition's finding, still reported"
    assert "acronym-no-expansion" in codes, "an entry finding, still reported"
    assert not [d for d in found if d["path"].startswith("pemangku_kepentingan")
                and d["code"] != "invalid-choice"], "nothing caused by setting the value aside"
    status = json.loads(run("status", "--json", cwd=sample).output)
    row = next(e for e in status["entries"] if e["file"] == "entries/dinkes/si-bunda.yaml")
    assert {c["state"] for c in row["competitions"].values()} == {"tidak-terbaca"}
