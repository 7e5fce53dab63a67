"""The word counter on Indonesian text: reduplication, numbers, rupiah, punctuation, Markdown,
odd spaces."""

from __future__ import annotations

import pytest

from lomba.render.document import paste_text
from lomba.words import count_words, plain_text


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
        ("- satu butir\n- dua butir\n1. tiga\n2. empat", 6),
        ("# Judul\n\nIsi paragraf.", 3),
        ("[tautan](https://contoh.go.id) saja", 2),
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
