"""build/ shows the present: a document whose pair stopped being ready is moved aside, a draft
is named DRAF and goes once the pair is ready, and the summary says what moved."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run

ENTRY = Path("entries/dinkes/si-bunda.yaml")
FINAL = Path("build/sinovik-2019/dinkes/si-bunda.docx")
DRAFT = Path("build/sinovik-2019/dinkes/si-bunda-DRAF.docx")
ASIDE = Path("build/usang/sinovik-2019/dinkes/si-bunda.docx")


def _too_long(sample: Path) -> str:
    """Make the SINOVIK summary too long (a SINOVIK finding only); returns the old text."""
    path = sample / ENTRY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  ringkasan: |\n", "  ringkasan: |\n" + "    kata " * 400
                                 + "\n", 1), encoding="utf-8")
    return text


def test_a_document_that_stopped_being_ready_is_moved_aside(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code == 0
    final = (sample / FINAL).read_bytes()
    old = _too_long(sample)
    result = run("build", cwd=sample)
    assert not (sample / FINAL).exists(), "no longer next to the final documents"
    assert (sample / ASIDE).read_bytes() == final, "kept, out of the way"
    assert not (sample / FINAL.with_suffix(".html")).exists()
    assert "dipindahkan: build/sinovik-2019/dinkes/si-bunda.docx → build/usang/" in result.output
    assert (sample / "build/rai-2019/dinkes/si-bunda.docx").is_file(), "other competitions stay"
    # Forced: a draft, named as one; fixed: the final again, and the draft gone.
    assert run("build", "--force", cwd=sample).exit_code == 0
    assert (sample / DRAFT).is_file() and not (sample / FINAL).exists()
    (sample / ENTRY).write_text(old, encoding="utf-8")
    result = run("build", cwd=sample)
    assert (sample / FINAL).is_file() and not (sample / DRAFT).exists()
    assert "dihapus" in result.output or "removed" in result.output


def test_the_dashboard_links_only_final_documents(sample: Path) -> None:
    _too_long(sample)
    assert run("build", "--force", cwd=sample).exit_code == 0
    page = (sample / "build" / "index.html").read_text(encoding="utf-8")
    assert "si-bunda-DRAF" not in page
    assert 'href="rai-2019/dinkes/si-bunda.docx"' in page
