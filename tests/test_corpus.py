"""A messy-reality corpus: eleven innovations modelled on published public sources (each file
names its source), entered as a new user would, with their real gaps and oddities (year-only
and month-only dates, decimal commas and thousands dots, a stand-in left in a field, a table, a
link, a partner OPD, a regional award). Each is checked and built; the documents are compared
with golden text, and no word or number of the source text is lost."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml

from tests.conftest import GOLDEN, run

CORPUS = Path(__file__).parent / "corpus"
ENTRIES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("entries/*/*.yaml"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("korpus") / "ws"
    shutil.copytree(CORPUS, root)
    checked = run("check", cwd=root)
    assert checked.exit_code == 1 and "Traceback" not in checked.output
    result = run("build", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    return root


def test_the_corpus_is_real_and_large_enough() -> None:
    assert len(ENTRIES) >= 10
    for name in ENTRIES:
        head = (CORPUS / name).read_text(encoding="utf-8").split("\n", 3)
        assert head[0].startswith("# Dimodelkan dari") and "http" in "".join(head[:3]), name


def test_every_finding_points_into_its_file(built: Path) -> None:
    import json

    found = json.loads(run("check", "--json", cwd=built).output)["diagnostics"]
    assert found
    for d in found:
        if d["file"].startswith("lomba:"):
            continue
        lines = (built / d["file"]).read_text(encoding="utf-8").count("\n") + 1
        assert 1 <= d["line"] <= lines, d


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [" | ".join(c.text for c in r.cells) for t in document.tables for r in t.rows]
    return "\n".join(parts)


def _documents(built: Path, entry: str) -> list[Path]:
    slug = Path(entry).stem
    opd = Path(entry).parent.name
    return sorted(built.glob(f"build/*/{opd}/{slug}*.docx"))


def _asked_fields(root: Path, data: dict) -> set[str]:  # type: ignore[type-arg]
    """The narrative fields the forms of the entry's competitions print."""
    from lomba.diagnostics import Report
    from lomba.validate.competitions import Registry
    registry = Registry(root, Report())
    asked: set[str] = set()
    for key, entered in (data.get("kompetisi") or {}).items():
        edition = registry.get(key, (entered or {}).get("edisi") or 2025)
        for source, _ in edition.templates.values():
            asked |= set(re.findall(r"narasi\.(\w+)", source))
    return asked


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_document_is_golden_and_keeps_every_word(built: Path, entry: str) -> None:
    documents = _documents(built, entry)
    assert documents, f"{entry}: no document"
    data = yaml.safe_load((built / entry).read_text(encoding="utf-8"))
    for path in documents:
        text = _text(path)
        golden = GOLDEN / "corpus" / f"{path.parent.parent.name}-{path.stem}.txt"
        if os.environ.get("LOMBA_UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text + "\n", encoding="utf-8")
        assert text + "\n" == golden.read_text(encoding="utf-8"), golden.name
        assert "None" not in text, f"{path.name}: an unknown value printed as None"
    every = "\n".join(_text(p) for p in documents)
    flat = " ".join(every.split())
    asked = _asked_fields(built, data)
    for field, value in (data.get("narasi") or {}).items():
        if field not in asked:
            continue  # no form of its competitions asks for it
        for word in re.findall(r"[^\s*|\[\]()]+", str(value)):
            word = word.strip(".,;:")
            if word and not set(word) <= set("-|—"):
                assert word in flat, f"{entry}: `{word}` of narasi.{field} is lost"
