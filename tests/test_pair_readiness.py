"""Readiness per (entry, competition) pair: a finding of one competition blocks only that
competition's document; a finding of the entry as a whole blocks all of them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run

SI_BUNDA = Path("entries/dinkes/si-bunda.yaml")


def _too_long_for_sinovik(sample: Path) -> None:
    """SI BUNDA's SINOVIK summary of 400 words: over SINOVIK 2019's 300-word limit, and used by
    no other competition."""
    path = sample / SI_BUNDA
    text = path.read_text(encoding="utf-8")
    words = " ".join(["pelayanan"] * 400)
    text = text.replace("    narasi:\n", f"    narasi:\n      ringkasan: \"{words}\"\n", 1)
    path.write_text(text, encoding="utf-8")


def test_an_error_of_one_competition_leaves_the_others_built(sample: Path) -> None:
    _too_long_for_sinovik(sample)
    result = run("build", cwd=sample)
    assert result.exit_code == 0, result.output
    build = sample / "build"
    assert not (build / "sinovik-2019/dinkes/si-bunda.docx").exists()
    assert (build / "iga-2019/dinkes/si-bunda.docx").is_file()
    assert (build / "rai-2019/dinkes/si-bunda.docx").is_file()
    skipped = [line for line in result.output.splitlines()
               if line.startswith("dilewati: entries/dinkes/si-bunda.yaml")]
    assert len(skipped) == 1, result.output
    assert "sinovik/2019" in skipped[0] and "400" in skipped[0]


def test_status_and_recap_read_the_same_pair_readiness(sample: Path) -> None:
    _too_long_for_sinovik(sample)
    data = json.loads(run("status", "--json", cwd=sample).output)
    row = next(i for i in data["entries"] if i["file"] == SI_BUNDA.as_posix())
    assert row["competitions"]["sinovik/2019"]["state"] == "belum"
    assert row["competitions"]["sinovik/2019"]["code"] == "words-over"
    assert row["competitions"]["rai/2019"]["state"] in ("siap", "peringatan")
    assert row["competitions"]["iga/2019"]["state"] in ("siap", "peringatan")
    recap = json.loads(run("rekap", "--json", cwd=sample).output)["opd"]
    dinkes = next(o for o in recap if o["opd"] == "dinkes")
    assert dinkes["action_plan_complete"] is True, \
        "a SINOVIK word count does not make the RAI incomplete"


def test_check_json_names_the_competition_of_a_pair_finding(sample: Path) -> None:
    _too_long_for_sinovik(sample)
    found = json.loads(run("check", "--json", cwd=sample).output)["diagnostics"]
    over = [d for d in found if d["code"] == "words-over"]
    assert over and all(d["competition"] == "sinovik/2019" for d in over)
    missing = [d for d in found if d["code"] == "evidence-missing"]
    assert all("competition" not in d for d in missing)


def _missing_evidence(sample: Path) -> None:
    """SI BUNDA's first evidence file renamed to one that does not exist: an entry-wide error."""
    path = sample / SI_BUNDA
    text = path.read_text(encoding="utf-8")
    first = text.index("berkas: ") + len("berkas: ")
    end = text.index("\n", first)
    path.write_text(text[:first] + "bukti/tidak-ada.pdf" + text[end:], encoding="utf-8")


def test_an_error_of_the_entry_blocks_every_competition(sample: Path) -> None:
    _missing_evidence(sample)
    result = run("build", cwd=sample)
    for ref in ("sinovik-2019", "iga-2019", "rai-2019"):
        assert not (sample / "build" / ref / "dinkes/si-bunda.docx").exists()
    assert result.output.count("dilewati: entries/dinkes/si-bunda.yaml") == 3


def test_every_skip_line_names_its_competition(sample: Path) -> None:
    _missing_evidence(sample)
    lines = [line for line in run("build", cwd=sample).output.splitlines()
             if line.startswith("dilewati: entries/dinkes/si-bunda.yaml")]
    named = sorted(ref for ref in ("sinovik/2019", "iga/2019", "rai/2019")
                   for line in lines if ref in line)
    assert named == ["iga/2019", "rai/2019", "sinovik/2019"], lines
