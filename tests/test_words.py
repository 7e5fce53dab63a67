"""The word counter on Indonesian text: reduplication, numbers, rupiah, punctuation, Markdown,
odd spaces."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lomba.render.document import paste_text
from lomba.words import count_words, plain_text
from tests.conftest import edit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anak-anak bermain kupu-kupu", 3),
        ("Rp1.250.000 per bulan", 3),
        ("naik 25% dari 2016 ke 2018", 6),
        ("e-KTP dan KTP-el", 3),
        ("biaya — dan & juga / lain", 4),
        ("2017–2019", 1),
        ("kata\u00a0dengan\u00a0spasi tak putus", 5),
        ("zero\u200bwidth", 1),
        ("**tebal** dan *miring* dan __garis__", 5),
        ("- satu butir\n- dua butir\n1. tiga\n2. empat", 8),  # "1." is pasted, and counted
        ("# Judul\n\nIsi paragraf.", 3),
        ("[tautan](https://contoh.go.id) saja", 3),  # pasted as "tautan (https://…) saja"
        ("  \n\t ", 0),
        ("\"Kutipan,\" katanya (dalam kurung).", 4),
        ("Sehari-hari, warga berobat.", 3),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


def test_plain_text_removes_markup_but_keeps_words() -> None:
    assert plain_text("- **SI BUNDA** menurunkan *kematian*") == "SI BUNDA menurunkan kematian"


def test_paste_text_keeps_list_markers_and_reflows_paragraphs() -> None:
    assert paste_text("1. **Satu**\n2. Dua") == "1. Satu\n2. Dua"
    assert paste_text("baris satu\nbaris dua\n\n- butir") == "baris satu baris dua\n\n- butir"


def _reference_count(markdown: str) -> int:
    """The counter as first written (one string per token), kept to check the fast path."""
    import re

    text = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\(([^)\s]*)\)",
                  lambda m: f"{m[1]} ({m[2]})" if m[2] and m[2] != m[1] else m[1], text)
    return len(text.split()) - len(re.findall(r"\s(?:[^\w\s]|_)+(?=\s)", f" {text} "))


ALPHABET = "ab Z9 0\t\n\r\x0b\x0c\x1c\x1f.)-*_#[]()&/%:;,'\"–é\u00a0\u200b"
PIECES = ["1. ", "12) ", "- ", "* ", "**", "__", "_", "# ", "[a](b)", "](", "\n", "  ", "Rp1.250",
          "anak-anak", "2017–2019", "e-KTP", " / ", " — ", "9.", "x)"]


@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=ALPHABET, max_size=6)),
                max_size=40).map("".join))
@settings(max_examples=3000, deadline=None)
def test_fast_count_equals_the_reference(text: str) -> None:
    assert count_words(text) == _reference_count(text)


@given(st.text(max_size=200))
@settings(max_examples=1000, deadline=None)
def test_fast_count_equals_the_reference_on_any_text(text: str) -> None:
    assert count_words(text) == _reference_count(text)


def _pair_findings(root, entry: str, competition: str) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    import json

    from tests.conftest import run
    out = run("check", "--json", entry, cwd=root).output
    return [d for d in json.loads(out)["diagnostics"] if d.get("competition") == competition]


def test_a_text_that_fits_by_words_but_not_by_tokens_is_warned(sample) -> None:  # type: ignore[no-untyped-def]
    entry = sample / "entries/dinkes/si-bunda.yaml"
    text = entry.read_text(encoding="utf-8")
    start = text.index("      keselarasan_kategori: |\n")
    end = text.index("      dampak_evaluasi: |\n", start)
    bullets = "".join(f"        - butir{i} sesuai\n" for i in range(46))  # 92 words, 138 tokens
    entry.write_text(text[:start] + "      keselarasan_kategori: |\n" + bullets + text[end:],
                     encoding="utf-8")
    found = _pair_findings(sample, "entries/dinkes/si-bunda.yaml", "sinovik/2019")
    (warned,) = [d for d in found if d["path"] == "kompetisi.sinovik.bagian.keselarasan_kategori"
                 and d["code"].startswith("words-")]
    assert (warned["code"], warned["severity"]) == ("words-over-tokens", "warning")
    assert "92 kata" in warned["message"] and "melihat 138" in warned["message"]
    assert "Kurangi 38 kata" in warned["message"]


def test_a_text_just_over_a_stated_minimum_gets_a_margin_warning(sample) -> None:  # type: ignore[no-untyped-def]
    entry = sample / "entries/dinkes/si-bunda.yaml"
    edit(entry, "  iga:\n    ikut: true\n", "  iga:\n    edisi: 2026\n    ikut: true\n")
    found = _pair_findings(sample, "entries/dinkes/si-bunda.yaml", "iga/2026")
    (near,) = [d for d in found if d["code"] == "words-near-min"]
    assert near["severity"] == "warning" and near["path"] == "narasi.rancang_bangun"
    assert "305 kata, hanya 5 di atas minimal 300" in near["message"]
    assert "paling sedikit 15 kata" in near["message"]
    # A borrowed minimum (IGA 2019) is not enforced, so it asks for no margin either.
    assert not [d for d in _pair_findings(sample, "entries/disdik/guru-kunjung.yaml",
                                          "iga/2019") if d["code"] == "words-near-min"]
