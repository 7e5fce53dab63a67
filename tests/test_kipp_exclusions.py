"""KIPP exclusions as the sources state them: a national KIPP award of the listed ranks, or the
national Top 99 twice; a provincial round of KIPP does not exclude."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run

ENTRY = Path("entries/rsud/andalan.yaml")


def _with_awards(sample: Path, awards: str) -> list[str]:
    path = sample / ENTRY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\npenghargaan:\n" + awards, encoding="utf-8")
    found = json.loads(run("check", "--json", str(ENTRY), cwd=sample).output)["diagnostics"]
    return [d["code"] for d in found if d.get("competition") == "sinovik/2019"]


@pytest.mark.parametrize(("awards", "excluded"), [
    ("  - {kompetisi: KIPP, tahun: 2017, peringkat: Top 40, tingkat: nasional}\n", True),
    ("  - {kompetisi: KIPP Provinsi Sumsel, tahun: 2018, peringkat: Top 40, tingkat: provinsi}\n",
     False),
    ("  - {kompetisi: KIPP, tahun: 2016, peringkat: Top 99, tingkat: nasional}\n", False),
    ("  - {kompetisi: KIPP, tahun: 2016, peringkat: Top 99, tingkat: nasional}\n"
     "  - {kompetisi: KIPP, tahun: 2018, peringkat: Top 99, tingkat: nasional}\n", True),
])
def test_kipp_exclusions_follow_the_sources(sample: Path, awards: str, excluded: bool) -> None:
    assert "penghargaan:" not in (sample / ENTRY).read_text(encoding="utf-8")
    codes = _with_awards(sample, awards)
    assert ("excluded-by-award" in codes) == excluded, codes
