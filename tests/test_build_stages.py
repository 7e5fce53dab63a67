"""A build says when each long step begins (the check of how many entries, the documents, the
desk, the PDFs), and a terminal shows the check and the desk from a thousand entries on, and
any PDFs, in the user's language: at national scale the check is most of a minute without a
bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from lomba.build import run_build
from lomba.cli.summary import STAGE_MIN, _Bar
from lomba.errors import LombaError
from lomba.load.discover import entry_names
from tests.conftest import edit, require_tool

VERDES = "entries/dinsos/verdes.yaml"


def recorded(root: Path, **options: object) -> tuple[list[tuple[str, int]], int]:
    """The steps a build told, in order (rendering as ``render``), and how many documents it
    looked at."""
    events: list[tuple[str, int]] = []
    result = run_build(root, jobs=1, start=lambda n: events.append(("render", n)),
                       stage=lambda step, n: events.append((step, n)), **options)
    return events, len(result.outcomes)


def test_each_kind_of_build_tells_its_steps_in_order(sample: Path) -> None:
    entries = len(entry_names(sample))
    assert entries > 5

    events, pairs = recorded(sample)
    assert events == [("check", entries), ("render", pairs), ("desk", entries)]
    assert pairs > entries  # entries enter more than one competition

    assert recorded(sample) == ([], 0)  # nothing changed: no step at all

    # One entry changed: only it is checked, and the desk is made with its facts alone (the
    # others' rows are kept), so a small build of a large workspace shows no desk line.
    edit(sample / VERDES, "1.870 pengaduan", "1.871 pengaduan")
    events, pairs = recorded(sample)
    assert events == [("check", 1), ("render", pairs), ("desk", 1)]

    # That entry named: checked alone, and no desk.
    edit(sample / VERDES, "1.871 pengaduan", "1.872 pengaduan")
    events, pairs = recorded(sample, entries=[VERDES])
    assert events == [("check", 1), ("render", pairs)] and pairs >= 1

    # One competition chosen: every entry checked, no desk (the desk is a whole build's).
    events, pairs = recorded(sample, competitions=["iga"])
    assert events == [("check", entries), ("render", pairs)]


def shown(lang: str, *steps: tuple[str, int], terminal: bool = True) -> list[str]:
    out = io.StringIO()
    bar = _Bar(Console(file=out, force_terminal=True, width=200) if terminal else None,
               "Menyusun dokumen", lang)
    for step, count in steps:
        bar.stage(step, count)
    return out.getvalue().splitlines()


def test_the_terminal_shows_the_long_steps_with_the_count_as_people_write_it() -> None:
    steps = [("check", 36742), ("desk", 36742), ("pdf", 2)]
    assert shown("id", *steps) == [
        "Memeriksa 36.742 inovasi...",
        "Menyusun dasbor, rekap, dan status dari 36.742 inovasi yang diperiksa...",
        "Membuat 2 PDF lewat LibreOffice..."]
    assert shown("en", *steps) == [
        "Checking 36,742 innovations...",
        "Making the dashboard, recap and status from the 36,742 innovations checked...",
        "Making 2 PDFs with LibreOffice..."]
    assert shown("en", ("pdf", 1)) == ["Making 1 PDF with LibreOffice..."]


def test_short_steps_and_other_outputs_show_nothing() -> None:
    assert shown("id", ("check", STAGE_MIN - 1), ("desk", 1), ("pdf", 0)) == []
    assert shown("id", ("check", STAGE_MIN)) == [f"Memeriksa {STAGE_MIN:,} inovasi...".replace(
        ",", ".")]
    # Output to a file or a pipe (no terminal): nothing, as for the bar itself.
    assert shown("id", ("check", 36742), ("pdf", 5), terminal=False) == []


def test_a_pdf_build_tells_how_many_pdfs_libreoffice_makes(sample: Path) -> None:
    require_tool("soffice", "libreoffice-writer-nogui", "needed to convert DOCX to PDF")
    entries = len(entry_names(sample))
    events, pairs = recorded(sample, pdf=True)
    documents = sorted((sample / "build").rglob("*.docx"))
    assert events == [("check", entries), ("render", pairs), ("desk", entries),
                      ("pdf", len(documents))]
    assert len(list((sample / "build").rglob("*.pdf"))) == len(documents)
    # One entry changed: only its documents that changed are converted again.
    stamps = {p: p.stat().st_mtime_ns for p in documents}
    edit(sample / "entries" / "dinkes" / "si-bunda.yaml", "Angka kematian ibu",
         "Angka kematian ibu hamil")
    events, _ = recorded(sample, pdf=True)
    again = [p for p in documents if p.stat().st_mtime_ns != stamps[p]]
    assert events[-1] == ("pdf", len(again)) and 1 <= len(again) < len(documents)
    assert all(p.name == "si-bunda.docx" for p in again)


def test_a_missing_libreoffice_is_said_before_the_check(sample: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """At national scale the check is most of a minute: `--pdf` without LibreOffice stops
    before it, not after."""
    monkeypatch.setenv("LOMBA_SOFFICE", str(sample / "tidak-ada" / "soffice"))
    events: list[tuple[str, int]] = []
    with pytest.raises(LombaError):
        run_build(sample, pdf=True, stage=lambda step, n: events.append((step, n)))
    assert events == []
