"""The IID formula against the reference's worked examples, and its edge cases."""

from __future__ import annotations

import pytest

from lomba.diagnostics import Report
from lomba.scoring.iga import RulesUnknown, band, compute_index
from lomba.validate.competitions import Registry

YANDAS = ["pendidikan", "kesehatan", "pekerjaan umum dan penataan ruang",
          "perumahan rakyat dan kawasan permukiman",
          "ketenteraman ketertiban umum dan pelindungan masyarakat", "sosial"]


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    edition = Registry(None, Report()).get("iga", 2026)
    assert edition is not None and edition.spec.indeks is not None
    return edition.spec.indeks


def test_worked_example_five_of_six_urusan(rules) -> None:  # type: ignore[no-untyped-def]
    # SPD 40; 20 innovations of SID 70 covering 5 of the 6 urusan: 40 + 70 + 7.6 = 117.6
    result = compute_index(rules, 40, [70] * 20, (YANDAS[:5] * 4))
    assert result.average == 70 and result.count_score == pytest.approx(7.6)
    assert round(result.iid, 2) == 47.04
    assert result.band == "Inovatif"


def test_worked_example_four_urusan_closes_the_gate(rules) -> None:  # type: ignore[no-untyped-def]
    result = compute_index(rules, 40, [70] * 20, YANDAS[:4] * 5)
    assert not result.gate_ok and result.count_score == 0
    assert round(result.iid, 2) == 44.0


def test_worked_example_divisor_floor(rules) -> None:  # type: ignore[no-untyped-def]
    # SPD 40; 8 innovations of SID 80: 640 / 12 = 53.33; count 3.04; total 96.37 -> 38.55
    result = compute_index(rules, 40, [80] * 8, YANDAS)
    assert result.divisor == 12
    assert round(result.iid, 2) == 38.55
    assert result.band == "Kurang Inovatif"
    weaker = compute_index(rules, 40, [80] * 8 + [20] * 4, YANDAS)
    assert weaker.iid > result.iid, "below the floor, even weak innovations raise the average"


def test_no_innovation_and_one_innovation(rules) -> None:  # type: ignore[no-untyped-def]
    assert compute_index(rules, 0, [], []).iid == 0
    assert compute_index(rules, 0, [], []).band == "Tidak Dapat Dinilai"
    nothing = compute_index(rules, 40, [], [])
    assert nothing.average == 0 and nothing.iid == pytest.approx(16.0)
    one = compute_index(rules, 40, [111], ["kesehatan"])
    assert one.divisor == 12 and one.average == pytest.approx(9.25)
    assert one.count_score == 0, "one urusan does not pass the gate"


def test_more_than_the_cap(rules) -> None:  # type: ignore[no-untyped-def]
    result = compute_index(rules, 63, [111] * 250, YANDAS * 42)
    assert result.count_score == pytest.approx(76.0), "MIN(n, 200) x 0.38"
    assert result.iid == pytest.approx(100.0)
    assert result.band == "Sangat Inovatif"


@pytest.mark.parametrize(("iid", "expected"), [
    (65.01, "Sangat Inovatif"), (65.0, "Inovatif"), (65.004, "Inovatif"),
    (40.01, "Inovatif"), (40.0, "Kurang Inovatif"), (0.01, "Kurang Inovatif"),
    (0.0, "Tidak Dapat Dinilai"),
])
def test_band_boundaries(rules, iid: float, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert band(rules, iid) == expected


def test_an_edition_without_known_rules_says_so() -> None:
    edition = Registry(None, Report()).get("iga", 2023)
    assert edition is not None and edition.spec.indeks is not None
    with pytest.raises(RulesUnknown, match="tidak ditemukan"):
        compute_index(edition.spec.indeks, 40, [70], ["kesehatan"])
