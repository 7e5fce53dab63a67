"""A rule's confidence decides its severity, and a document says on its first page what in its
edition is inferred or borrowed rather than stated by the edition's own sources."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from lomba.diagnostics import Report
from lomba.validate.competitions import Registry
from tests.conftest import run


def _first_page(path: Path) -> list[str]:
    """The paragraphs before the first numbered part (the cover and the first-page note)."""
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    return paragraphs[:next(i for i, t in enumerate(paragraphs) if t.startswith("I. "))]


def test_an_inferred_edition_says_so_on_its_first_page_and_in_check(sample: Path) -> None:
    assert run("build", cwd=sample).exit_code in (0, 1)
    page = _first_page(sample / "build/inagara-2019/disdukcapil/laksa-desa.docx")
    note = "\n".join(page)
    assert "Catatan sumber aturan" in note
    assert "Tidak ada sumber yang menunjukkan babak Inagara 2019" in note
    assert 'Bagian "Latar Belakang dan Masalah (Diagnose)" (disimpulkan dari: Tahapan ' \
        "Laboratorium Inovasi" in note
    found = json.loads(run("check", "--json", "entries/disdukcapil/laksa-desa.yaml",
                           cwd=sample).output)["diagnostics"]
    (inferred,) = [d for d in found if d["code"] == "edition-inferred"]
    assert inferred["severity"] == "warning" and inferred["competition"] == "inagara/2019"


def test_a_borrowed_limit_is_named_on_the_first_page_only_where_it_is_borrowed(
        sample: Path) -> None:
    assert run("build", "--force", "--kompetisi", "iga", cwd=sample).exit_code in (0, 1)
    built = sample / "build"
    (iga2019,) = built.glob("iga-2019/bpkad/sipadu-aset*.docx")
    assert any('Batas minimal 300 kata bagian "Rancang Bangun' in t and "iga/2021" in t
               for t in _first_page(iga2019))
    # From 2021 on the sources state the minimum: IGA 2026 documents carry no such note.
    for path in built.glob("iga-2026/**/*.docx"):
        assert not any("Catatan sumber aturan" in t for t in _first_page(path)), path


def test_iga_2023_and_2026_state_the_300_word_minimum_themselves() -> None:
    registry = Registry(None, Report())
    for year, borrowed in ((2019, "iga/2021"), (2023, None), (2026, None)):
        spec = registry.get("iga", year).spec
        (design,) = [b for b in spec.bagian if b.id == "rancang_bangun"]
        assert design.kata_min == 300 and design.batas_dipinjam == borrowed, year


def test_a_limit_only_an_inference_supports_is_a_warning_that_says_so(sample: Path) -> None:
    assert run("kompetisi", "salin", "sinovik/2019", cwd=sample).exit_code == 0
    spec = sample / "templates" / "sinovik" / "2019" / "spec.yaml"
    text = spec.read_text(encoding="utf-8")
    # One source of lomba's own inference; the summary section cites only it, with a tiny cap.
    text = text.replace("sumber:\n", "sumber:\n  - id: dugaan\n    judul: Dugaan lomba\n"
                        "    keyakinan: inferensi\n", 1)
    spec.write_text(text, encoding="utf-8")
    registry = Registry(sample, Report())
    first = registry.get("sinovik", 2019).spec.bagian[0]
    text = text.replace(f"  - id: {first.id}\n", f"  - id: {first.id}\n    kata_maks: 5\n"
                        "    sumber: [dugaan]\n", 1)
    spec.write_text(text, encoding="utf-8")
    found = json.loads(run("check", "--json", "entries/dinkes/si-bunda.yaml",
                           cwd=sample).output)["diagnostics"]
    mine = [d for d in found if d.get("competition") == "sinovik/2019"
            and d["code"] in ("words-over", "words-limit-inferred")]
    assert [(d["code"], d["severity"]) for d in mine] == [("words-limit-inferred", "warning")]
    assert "disimpulkan" in mine[0]["message"]
    assert run("check", "--strict", "entries/dinkes/si-bunda.yaml", cwd=sample).exit_code == 1
    # The same limit from a real source is an error.
    spec.write_text(text.replace("    sumber: [dugaan]\n", "", 1), encoding="utf-8")
    found = json.loads(run("check", "--json", "entries/dinkes/si-bunda.yaml",
                           cwd=sample).output)["diagnostics"]
    assert [d["severity"] for d in found if d["code"] == "words-over"
            and d.get("competition") == "sinovik/2019"] == ["error"]


def test_an_attachment_only_an_inference_asks_for_is_a_warning(sample: Path) -> None:
    assert run("kompetisi", "salin", "sinovik/2019", cwd=sample).exit_code == 0
    spec = sample / "templates" / "sinovik" / "2019" / "spec.yaml"
    text = spec.read_text(encoding="utf-8").replace(
        "sumber:\n", "sumber:\n  - id: dugaan\n    judul: Dugaan lomba\n"
        "    keyakinan: inferensi\n", 1)
    item = ("  - kode: surat-kesediaan\n    nama: Surat kesediaan direplikasi\n"
            "    jenis: bukti\n    jenis_bukti: [surat]\n    sumber: [dugaan]\n")
    assert "\nlampiran:\n" in text and "\n\ntata_letak:" in text
    spec.write_text(text.replace("\n\ntata_letak:", "\n" + item + "\ntata_letak:", 1),
                    encoding="utf-8")
    found = json.loads(run("check", "--json", "entries/dinkes/si-bunda.yaml",
                           cwd=sample).output)["diagnostics"]
    mine = [(d["code"], d["severity"]) for d in found if "Surat kesediaan" in d["message"]]
    assert mine == [("attachment-missing-inferred", "warning")]
