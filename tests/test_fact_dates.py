"""Dates at the precision written: a year, a month or a day are all facts; documents print no
more than was written, and rules decide on the whole span or say they cannot."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest

from lomba.locale import waktu
from lomba.model.common import Waktu, parse_waktu
from tests.conftest import run

VERDES = Path("entries/dinsos/verdes.yaml")
SI_BUNDA = Path("entries/dinkes/si-bunda.yaml")


@pytest.mark.parametrize(("written", "shown", "earliest", "latest"), [
    (2017, "2017", date(2017, 1, 1), date(2017, 12, 31)),
    ("2017", "2017", date(2017, 1, 1), date(2017, 12, 31)),
    ("2017-11", "November 2017", date(2017, 11, 1), date(2017, 11, 30)),
    ("2016-02", "Februari 2016", date(2016, 2, 1), date(2016, 2, 29)),
    ("2017-11-02", "2 November 2017", date(2017, 11, 2), date(2017, 11, 2)),
])
def test_a_date_keeps_its_precision(written: object, shown: str, earliest: date,
                                    latest: date) -> None:
    value = parse_waktu(written)
    assert isinstance(value, Waktu)
    assert waktu(value) == shown
    assert (value.earliest, value.latest) == (earliest, latest)


def _set_start(sample: Path, entry: Path, value: str) -> None:
    path = sample / entry
    text = path.read_text(encoding="utf-8")
    lines = [f"  penerapan: {value}" if line.startswith("  penerapan: ") else line
             for line in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_year_only_start_prints_the_year_not_the_first_of_january(sample: Path) -> None:
    _set_start(sample, SI_BUNDA, "2017")
    found = json.loads(run("check", "--json", str(SI_BUNDA), cwd=sample).output)["diagnostics"]
    assert not [d for d in found if d["severity"] == "error"]
    assert run("build", cwd=sample).exit_code == 0
    document = docx.Document(str(sample / "build/sinovik-2019/dinkes/si-bunda.docx"))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert ["Waktu mulai penerapan", "2017"] in rows
    assert not any("1 Januari 2017" in cell for row in rows for cell in row)


def _codes(sample: Path, entry: Path) -> dict[str, str]:
    found = json.loads(run("check", "--json", str(entry), cwd=sample).output)["diagnostics"]
    return {d["code"]: d["severity"] for d in found if d.get("competition") == "sinovik/2019"}


def test_age_rules_decide_on_the_whole_span(sample: Path) -> None:
    # KIPP 2019: one year before 21 April 2019, so a start by 21 April 2018.
    _set_start(sample, VERDES, "2017")              # the whole of 2017 is old enough
    assert "too-young" not in _codes(sample, VERDES)
    _set_start(sample, VERDES, "2018-06")           # all of June 2018 is too late
    # (KIPP 2019's one-year rule is borrowed from 2018: a breach is a warning that says so)
    assert _codes(sample, VERDES).get("too-young-borrowed") == "warning"
    _set_start(sample, VERDES, "2018")              # January counts, December does not
    codes = _codes(sample, VERDES)
    assert not {"too-young", "too-young-borrowed"} & set(codes)
    assert codes.get("date-too-vague") == "warning"
    out = run("check", str(VERDES), cwd=sample).output
    assert "`2018`" in out and "Tulis bulannya" in out


def test_stage_dates_out_of_order_only_when_certain(sample: Path) -> None:
    path = sample / SI_BUNDA
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  uji_coba: 2017-02-01", "  uji_coba: 2017")
                    .replace("  penerapan: 2017-07-03", "  penerapan: 2017-03"), encoding="utf-8")
    found = json.loads(run("check", "--json", str(SI_BUNDA), cwd=sample).output)["diagnostics"]
    assert "dates-order" not in {d["code"] for d in found}, "2017 may be before March 2017"
    path.write_text(text.replace("  penerapan: 2017-07-03", "  penerapan: 2016"),
                    encoding="utf-8")
    found = json.loads(run("check", "--json", str(SI_BUNDA), cwd=sample).output)["diagnostics"]
    assert "dates-order" in {d["code"] for d in found}


def test_a_day_first_date_gets_the_exact_fix(sample: Path) -> None:
    _set_start(sample, SI_BUNDA, "03-07-2017")
    out = run("check", str(SI_BUNDA), cwd=sample).output
    assert "Maksud Anda `2017-07-03`?" in out
    _set_start(sample, SI_BUNDA, "2017-07-03")
    assert "invalid-fact-date" not in run("check", str(SI_BUNDA), cwd=sample).output
