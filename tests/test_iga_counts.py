"""The IID estimate counts only the innovations its edition assesses (entered in it, at a stage
it takes, in its window), says which it left out and why, and never proposes an idea."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import run

SIMULATION = "  inovasi_edisi: 2019\n"


def _skor(root: Path) -> dict:  # type: ignore[type-arg]
    result = run("skor", "--json", cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _files(data: dict) -> list[str]:  # type: ignore[type-arg]
    return sorted(i["file"] for i in data["innovations"])


def test_an_idea_entered_in_the_iga_is_not_counted(sample: Path) -> None:
    before = _skor(sample)
    assert before["simulated_from"] == 2019 and before["claimed"]["n"] == 4
    _edit(sample / "entries/dinkes/si-bunda.yaml", "tahapan: penerapan", "tahapan: ide")
    after = _skor(sample)
    assert "entries/dinkes/si-bunda.yaml" not in _files(after)
    assert after["claimed"]["n"] == 3
    assert after["claimed"]["sid_total"] == before["claimed"]["sid_total"] - 46
    (left,) = after["excluded"]
    assert left["file"] == "entries/dinkes/si-bunda.yaml"
    assert left["reason"].startswith("tahapan ide tidak dinilai")


def test_without_a_simulation_only_the_editions_own_entrants_count(sample: Path) -> None:
    _edit(sample / "lomba.yaml", SIMULATION, "")
    data = _skor(sample)
    assert data["simulated_from"] is None and data["innovations"] == []
    assert {x["reason"] for x in data["excluded"]} == {"ikut IGA 2019, bukan IGA 2026"}
    # ... and an entry entered only in IGA 2019 hears nothing of IGA 2026's indicators.
    found = json.loads(run("check", "--json", "entries/rsud/andalan.yaml",
                           cwd=sample).output)["diagnostics"]
    assert not [d for d in found if d.get("competition") == "iga/2026"]


def test_an_entrant_of_the_edition_counts_only_inside_its_window(sample: Path) -> None:
    _edit(sample / "lomba.yaml", SIMULATION, "")
    entry = sample / "entries/dinkes/si-bunda.yaml"
    _edit(entry, "  iga:\n    ikut: true\n", "  iga:\n    edisi: 2026\n    ikut: true\n")
    data = _skor(sample)
    (left,) = [x for x in data["excluded"] if x["file"] == "entries/dinkes/si-bunda.yaml"]
    assert left["reason"] == "penerapan dan pengembangan di luar jendela 2024–2025"
    # Developed again in 2024: inside the window, counted.
    _edit(entry, "  pengembangan: 2019-03-18", "  pengembangan: 2024-05")
    data = _skor(sample)
    assert _files(data) == ["entries/dinkes/si-bunda.yaml"]
    assert data["claimed"]["sid_total"] == 46


def test_the_suggestion_to_add_innovations_never_proposes_an_idea(sample: Path) -> None:
    data = _skor(sample)
    more = next(a for a in data["suggestions"] if a["kind"] == "jumlah")
    assert "bukan ide" in more["text"]
    assert more["change"]["tahapan"] == ["inisiatif", "uji coba", "penerapan"]
    # The workspace's own candidates: innovations not entered, at a stage the IGA takes.
    ideas = {"entries/distan/klinik-tani.yaml", "entries/kec-talang-jaya/layanan-malam.yaml"}
    candidates = {c["file"] for c in data["candidates"]}
    assert candidates and not candidates & ideas
    assert set(more["change"]["calon"]) <= candidates
    named = re.search(r"calon di ruang kerja: (.*)$", more["text"])
    assert named and "KLINIK" not in named.group(1).upper()


def test_the_score_view_and_the_dashboard_say_what_was_left_out(sample: Path) -> None:
    _edit(sample / "entries/dinkes/si-bunda.yaml", "tahapan: penerapan", "tahapan: ide")
    out = run("skor", cwd=sample).output
    assert "Simulasi: inovasi yang ikut IGA 2019 dinilai dengan aturan IGA 2026" in out
    assert "Tidak dihitung" in out and "tahapan ide tidak dinilai" in out
    assert run("build", cwd=sample).exit_code in (0, 1)
    page = (sample / "build/index.html").read_text(encoding="utf-8")
    left = re.search(r'<p id="tidak-dihitung">(.*?)</p>', page, re.S)
    assert left and "SI BUNDA" in left.group(1) and "tahapan ide" in left.group(1)
    assert "inovasi yang ikut IGA 2019 (simulasi" in page
