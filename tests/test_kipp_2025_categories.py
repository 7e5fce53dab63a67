"""KIPP 2025's categories in the official wording the sources give."""

from __future__ import annotations

from lomba.diagnostics import Report
from lomba.validate.competitions import Registry


def test_kipp_2025_category_names_follow_the_sources() -> None:
    report = Report()
    spec = Registry(None, report).get("sinovik", 2025).spec
    names = {k.kode: k.nama for k in spec.kategori}
    assert names["pemberantasan-kemiskinan"] == "Pemberantasan kemiskinan"
    assert "pengentasan-kemiskinan" not in names
    assert names["pelestarian-lingkungan"] == "Pelestarian lingkungan hidup"
    assert names["makan-bergizi"] == "Pelaksanaan program makan bergizi"
    assert names["kesetaraan-gender"].startswith("Penguatan kesetaraan gender")
    assert not any("terpotong" in n for n in names.values())
    assert not [d for d in report.diagnostics if d.severity.value == "error"]
