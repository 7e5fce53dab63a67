"""Markdown as CommonMark: no number or year is eaten, lists keep the numbers written, links
are links and tables are tables, in the DOCX, the HTML preview and the copy text alike; and for
any paragraphs, every word of the source reaches the document and the copy text."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import date

import docx
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lomba.load.reference import builtin_reference, reference_bytes
from lomba.render.document import (
    Document,
    ListBlock,
    Paragraph,
    Table,
    parse_markdown,
    paste_text,
)
from lomba.words import count_words
from lomba.write.docx_writer import render_docx

REFERENCE = reference_bytes(builtin_reference())


def _docx(markdown: str) -> bytes:
    document = Document(title="t", author="a", subject="s", keywords="k", language="id-ID",
                        created=f"{date(2026, 1, 1).isoformat()}T00:00:00", header="h",
                        draft=False, cover=None, blocks=parse_markdown(markdown))
    return render_docx(document, REFERENCE)


def _docx_text(data: bytes) -> str:
    """The text as Word shows it, list numbers included (Word draws them from the numbering
    definitions: start value plus the item's position)."""
    doc = docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        numbering = z.read("word/numbering.xml").decode()
    starts = {num: int(start) for num, start in re.findall(
        r'<w:num w:numId="(\d+)"><w:abstractNumId [^>]*/><w:lvlOverride w:ilvl="0">'
        r'<w:startOverride w:val="(\d+)"/>', numbering)}
    seen: dict[str, int] = {}
    parts = []
    for p in doc.paragraphs:
        num = p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if num and num[0] in starts:
            shown = starts[num[0]] + seen.get(num[0], 0)
            seen[num[0]] = seen.get(num[0], 0) + 1
            parts.append(f"{shown}. {p.text}")
        else:
            parts.append(p.text)
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_a_year_at_the_start_of_a_wrapped_line_is_kept() -> None:
    text = "Angka kematian ibu turun pada tahun\n2016. Angka itu dicatat dinas.\n"
    blocks = parse_markdown(text)
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    assert "tahun 2016. Angka" in paste_text(text)
    assert "tahun 2016. Angka" in _docx_text(_docx(text))
    assert count_words(paste_text(text)) == count_words(text) == 11


def test_list_numbers_as_written_and_after_a_nested_list() -> None:
    text = "3. tiga\n4. empat\n   - rinci\n5. lima\n"
    blocks = parse_markdown(text)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [(b.ordered, b.start, b.level, len(b.items)) for b in lists] == [
        (True, 3, 0, 2), (False, 1, 1, 1), (True, 5, 0, 1)]
    assert paste_text(text) == "3. tiga\n4. empat\n\n   - rinci\n\n5. lima"
    with zipfile.ZipFile(io.BytesIO(_docx(text))) as z:
        numbering = z.read("word/numbering.xml").decode()
    starts = re.findall(r'<w:startOverride w:val="(\d+)"/>', numbering)
    assert starts[-2:] == ["3", "5"], "Word shows 3, 4 … 5, as written"


def test_links_are_links_everywhere() -> None:
    text = "Lihat [laman SI BUNDA](https://sibunda.example.go.id/data?id=1&x=2) untuk data."
    assert paste_text(text) == ("Lihat laman SI BUNDA (https://sibunda.example.go.id/data?id=1&x=2)"
                                " untuk data.")
    data = _docx(text)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
    assert 'Target="https://sibunda.example.go.id/data?id=1&amp;x=2"' in rels
    assert "<w:hyperlink" in body and "laman SI BUNDA" in body
    from lomba.write.html_writer import block_html
    assert '<a href="https://sibunda.example.go.id/data?id=1&amp;x=2">laman SI BUNDA</a>' in \
        block_html(parse_markdown(text)[0])


def test_tables_are_tables() -> None:
    text = "| Tahun | Kasus |\n|---|---|\n| 2016 | 11 |\n| 2018 | 4 |\n"
    (table,) = parse_markdown(text)
    assert isinstance(table, Table)
    assert table.header == ["Tahun", "Kasus"] and table.rows == [["2016", "11"], ["2018", "4"]]
    doc = docx.Document(io.BytesIO(_docx(text)))
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows][1] == ["2016", "11"]
    assert paste_text(text) == "Tahun | Kasus\n2016 | 11\n2018 | 4"


def test_unclosed_emphasis_in_a_long_text_keeps_every_word() -> None:
    text = " ".join(f"*kata{i} _x{i}" for i in range(8000))  # about 120 KB, nothing closed
    assert len(text) > 100_000
    pasted = paste_text(text)
    assert count_words(pasted) == count_words(text) == 16000


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789ÀéŠ", min_size=1, max_size=9)
separators = st.sampled_from([" ", " ", " ", "\n", ". ", ", ", " - ", ": ", " (", ") "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(words, separators), min_size=1, max_size=40),
       st.sampled_from(["", "1. ", "- ", "2016. ", "**", "# "]))
def test_every_word_of_the_source_reaches_the_document_and_the_copy_text(
        pairs: list[tuple[str, str]], lead: str) -> None:
    source = lead + "".join(w + s for w, s in pairs)
    # A number that opens a line as "N. " or "N) " is a list item's marker: Word numbers the
    # items itself (1, 2, 3 from the list's first number, "00" as 0), as CommonMark does.
    starts = [not lead if i == 0 else pairs[i - 1][1] == "\n" for i in range(len(pairs))]
    expected = [w for (w, s), first in zip(pairs, starts, strict=True)
                if not (first and w.isdigit() and s in (". ", ") "))]
    pasted = paste_text(source)
    body = _docx_text(_docx(source))
    for word in expected:
        assert word in pasted, (word, source, pasted)
        assert word in body, (word, source)
    assert count_words(pasted) == count_words(source), "the count is of what is pasted"


plain_chars = st.text(alphabet="abcdefgh ijk0123456789,.:;()%'\"-=+\n\r\t\u00a0é", max_size=200)


@settings(max_examples=1000, deadline=None)
@given(plain_chars)
@example("Langkah\r- daftar")  # a lone \r ends a line for CommonMark: a list follows
@example("Langkah\r1. daftar")
def test_the_plain_text_fast_path_reads_as_commonmark(text: str) -> None:
    from lomba.render.document import commonmark, markdown_parser, plain_paragraphs
    fast = plain_paragraphs(text)
    if fast is None:
        return
    slow = commonmark(text)
    # the same paragraphs (the slow path, forced by a leading paragraph, is CommonMark's)
    assert [b.runs[0].text for b in fast if isinstance(b, Paragraph)] == \
        ["".join(r.text for r in b.runs) for b in slow if isinstance(b, Paragraph)], \
        (text, markdown_parser().parse(text))


bold_pieces = st.lists(st.sampled_from(
    ["**", "**Bidan**", "**Ibu hamil.**", "**é 2019**", "**a\nb)**", " **½**", "a", "Bidan",
     "é", "2019", " ", " ", " ", "\n", "\n\n", "  \n", ".", ",", ":", ")", "(", "!", "-",
     "'", "\u00a0", "*", "_", "1. ", "\t", "\r", "\r\n"]), max_size=30).map("".join)


def reads_as_commonmark(fast_path: Callable[[str], object], text: str) -> None:
    """Whatever ``fast_path`` accepts, it parses block for block and run for run as the full
    CommonMark parse."""
    from lomba.render.document import commonmark, markdown_parser
    fast = fast_path(text)
    if fast is not None:
        assert fast == commonmark(text), (text, markdown_parser().parse(text))


@settings(max_examples=3000, deadline=None)
@given(bold_pieces)
@example("**Bidan**\r- a")
def test_the_bold_fast_path_reads_as_commonmark(text: str) -> None:
    from lomba.render.document import strong_paragraphs
    reads_as_commonmark(strong_paragraphs, text)


def test_the_bold_fast_path_takes_bold_lead_ins_and_leaves_the_rest() -> None:
    from lomba.render.document import Run, strong_paragraphs
    found = strong_paragraphs("**Pendaftaran.** Bidan desa\nmendaftar. **Ibu hamil**: aman.")
    assert found == (Paragraph([Run("Pendaftaran.", bold=True), Run(" Bidan desa mendaftar. "),
                                Run("Ibu hamil", bold=True), Run(": aman.")]),)
    for other in ("a**b**", "**a**b", "** a**", "*a*", "1. **a**", "**a** [b](c)", "***a***"):
        assert strong_paragraphs(other) is None, other


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(words, separators), min_size=1, max_size=40),
       st.sampled_from(["", "1. ", "- ", "2016. ", "**", "# "]))
def test_the_token_count_is_what_a_whitespace_counter_sees_in_the_copy_text(
        pairs: list[tuple[str, str]], lead: str) -> None:
    from lomba.words import count_tokens
    source = lead + "".join(w + s for w, s in pairs)
    pasted = paste_text(source)
    assert count_tokens(source) == len(pasted.split()), (source, pasted)
    assert count_tokens(source) >= count_words(source)


list_pieces = st.lists(st.sampled_from(
    ["- ", "1. ", "2. ", "1. ", "0. ", "007. ", "2019. ", "1234567890. ", "-", "1.", "1)", "+ ",
     "**", "**Bidan**", "**Ibu hamil.**", "**a\nb)**", " **½**", ")", "!",
     "* ", "a", "Bidan desa", "é 2019", "(a)", " ", " ", "  ", "\n", "\n", "\n\n", "\n\n\n",
     "  \n", "\n ", "\n  ", "\n    ", ".", ",", ":", "-", "=", "#", "**", "\t", "\u00a0",
     "\r\n", "\r"]), max_size=40).map("".join)


list_lines = st.lists(st.tuples(
    st.sampled_from(["- ", "1. ", "2. ", "3. ", "10. ", "", "", "1.", "-"]),
    st.sampled_from(["a", "Bidan desa", "b c", "2019", "é", "x.", "**Bidan**: a",
                     "**a** b **c.**", "a**b**", "**a"]),
    st.sampled_from(["\n", "\n", "\n\n", "  \n", "\n\n\n"])), max_size=12).map(
    lambda lines: "".join(marker + text + end for marker, text, end in lines))
"""Whole lines: an item's marker or none, its text, and the line's end."""


@settings(max_examples=5000, deadline=None)
@given(list_pieces | list_lines)
def test_the_list_fast_path_reads_as_commonmark(text: str) -> None:
    from lomba.render.document import list_paragraphs
    reads_as_commonmark(list_paragraphs, text)


def test_the_list_fast_path_takes_plain_steps_and_leaves_the_rest() -> None:
    from lomba.render.document import ListBlock, Run, list_paragraphs
    found = list_paragraphs("Langkah:\n1. Bidan mendaftar\nibu hamil.\n2. Dokter memeriksa.\n\n"
                            "- satu\n2. dua\n\nSelesai 2019.\n2. bukan daftar")
    assert found == (
        Paragraph([Run("Langkah:")]),
        ListBlock(True, [[Run("Bidan mendaftar ibu hamil.")], [Run("Dokter memeriksa.")]], 1),
        ListBlock(False, [[Run("satu")]], 1), ListBlock(True, [[Run("dua")]], 2),
        Paragraph([Run("Selesai 2019. 2. bukan daftar")]))
    for other in ("- a\n  - b", "1. *a*", "- a\n    b", "* a", "1) a", "- [a](b)", "-a\n- b",
                  "- a**b**"):
        assert list_paragraphs(other) is None, other
