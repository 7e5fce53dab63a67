"""The date on a document: per edition when set, else the workspace's or the build's; and a
warning when it is after the edition's deadline or before the facts the document reports."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from tests.conftest import edit, run

ENTRY = Path("entries/dinkes/si-bunda.yaml")


def _footer_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for s in document.sections for p in s.footer.paragraphs) + \
        "\n".join(p.text for p in document.paragraphs)


def test_a_date_per_edition_and_a_warning_after_its_deadline(sample: Path) -> None:
    config = sample / "lomba.yaml"
    edit(config, "tanggal_dokumen: 2019-04-01",
         "tanggal_dokumen: 2019-04-01\n"
        "tanggal_dokumen_edisi:\n  sinovik/2019: 2019-05-02", -1)
    found = json.loads(run("check", "--json", str(ENTRY), cwd=sample).output)["diagnostics"]
    late = [d for d in found if d["code"] == "document-after-deadline"]
    assert [d["competition"] for d in late] == ["sinovik/2019"]
    assert "21 April 2019" in late[0]["message"] and "2 Mei 2019" in late[0]["message"]
    assert run("build", cwd=sample).exit_code == 0
    assert "2 Mei 2019" in _footer_text(sample / "build/sinovik-2019/dinkes/si-bunda.docx")
    assert "1 April 2019" in _footer_text(sample / "build/rai-2019/dinkes/si-bunda.docx")


def test_a_fact_after_the_document_date_is_questioned(sample: Path) -> None:
    path = sample / ENTRY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  pengembangan: 2019-03-18", "  pengembangan: 2019-11"),
                    encoding="utf-8")
    found = json.loads(run("check", "--json", str(ENTRY), cwd=sample).output)["diagnostics"]
    facts = [d for d in found if d["code"] == "fact-after-document"]
    assert facts and all(d["path"] == "tanggal.pengembangan" for d in facts)
    assert "November 2019" in facts[0]["message"]
