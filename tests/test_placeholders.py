"""Stand-ins are findings everywhere, lomba.yaml included, and never reach a letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from lomba.check.completeness import find_placeholder
from tests.conftest import run

ENTRY = Path("entries/dinkes/si-bunda.yaml")


@pytest.mark.parametrize("text", ["-", " - ", "—", "(belum diisi)", "belum ada", "n/a", "N/A",
                                  "(nama belum diketahui)", "TBD", "menyusul", "...",
                                  "to be filled", "[belum ditentukan]", "?"])
def test_stand_ins_are_found(text: str) -> None:
    assert find_placeholder(text) is not None


@pytest.mark.parametrize("text", ["Tidak ada biaya tambahan bagi warga.", "2018", "-5 persen",
                                  "Belum ada aplikasi serupa di provinsi ini sebelum 2017.",
                                  "Dinas Kesehatan", "ANDALAN"])
def test_content_is_not_a_stand_in(text: str) -> None:
    assert find_placeholder(text) is None


def test_a_dash_does_not_fill_a_required_section(sample: Path) -> None:
    path = sample / ENTRY
    text = path.read_text(encoding="utf-8")
    start = text.index("      kebaruan: |")  # the SINOVIK text of the entry
    end = text.index("      replikasi: |", start)
    path.write_text(text[:start] + '      kebaruan: "-"\n' + text[end:], encoding="utf-8")
    out = run("check", str(ENTRY), cwd=sample).output
    assert "[section-placeholder] kompetisi.sinovik.narasi.kebaruan" in out
    assert run("build", "-k", "sinovik", str(ENTRY), cwd=sample).exit_code == 0
    assert not (sample / "build" / "sinovik-2019" / "dinkes" / "si-bunda.docx").exists()


def test_a_stand_in_in_lomba_yaml_never_reaches_a_letter(sample: Path) -> None:
    config = sample / "lomba.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      nama: dr. Hendra Wijaya, M.Kes.",
                                   '      nama: "(nama belum diketahui)"', 1), encoding="utf-8")
    checked = run("check", cwd=sample)
    assert checked.exit_code == 1 and "[config-placeholder]" in checked.output
    letter = run("surat", "teguran", "dishub", cwd=sample)
    assert letter.exit_code == 1 and "[config-placeholder]" in letter.output
    assert not (sample / "build" / "surat" / "teguran").exists()
