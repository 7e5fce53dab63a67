"""A small document model that templates produce and every writer understands.

Keeping the model small (headings, paragraphs with bold/italic, lists, tables, images, links,
page breaks) is what lets one DOCX writer and one HTML writer serve every competition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from lomba.load.files import Blob

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    """A hyperlink's target (the run's text is its label)."""


@dataclass
class Paragraph:
    runs: list[Run]
    style: str | None = None
    align: Literal["left", "center", "right", "justify"] | None = None


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class ListBlock:
    ordered: bool
    items: list[list[Run]]
    start: int = 1
    """The number of the first item, as written (a list resumed after a nested one goes on)."""
    level: int = 0
    """Nesting depth: 0 for a top-level list."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    total: list[str] | None = None
    widths: list[float] | None = None


@dataclass
class Image:
    """An embedded picture: its bytes, read once from a confined file, never a path."""

    blob: Blob
    caption: str


@dataclass
class Link:
    label: str
    url: str


@dataclass
class PageBreak:
    pass


@dataclass
class Question:
    """A section heading as the form asks it, with its limits, shown before the answer."""

    number: str | None
    title: str
    question: str | None
    words: int
    limit: str | None


Block = Paragraph | Heading | ListBlock | Table | Image | Link | PageBreak | Question


@dataclass
class Cover:
    logo: Blob | None
    kicker: str
    title: str
    subtitle: str | None
    lines: list[str]
    footer: list[str]


@dataclass
class Document:
    """One rendered document: its metadata and its blocks in order."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str
    created: str
    header: str
    draft: bool
    cover: Cover | None
    blocks: list[Block]
    annex: list[Block] = field(default_factory=list)
    """The blocks outside the narrative sections (profile and tables), for the HTML preview."""


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark (markdown-it-py: linear time, so no input can make it slow), with tables.
    Made at first use: most answers never need it (the fast paths below read them), and
    importing it is a fiftieth of a command's start."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


SECTION_HEADING_BASE = 3
"""The level of a heading written inside a section's answer (the document's own parts and the
section titles take levels 1 and 2)."""


def paste_text(markdown: str) -> str:
    """Text to paste into a portal's plain text box: paragraphs reflowed (a line break inside a
    paragraph is only how the YAML was wrapped), emphasis removed, list numbers as written,
    links as ``text (url)``, table rows as cells separated by `` | ``. (Parsed as a section's
    answer is, so the document and its copy text share one parse.)"""
    out = []
    for block in parse_markdown(markdown, heading_base=SECTION_HEADING_BASE):
        if isinstance(block, Paragraph):
            out.append(_plain(block.runs))
        elif isinstance(block, ListBlock):
            indent = "   " * block.level
            out.append("\n".join(
                indent + (f"{n}. " if block.ordered else "- ") + _plain(item)
                for n, item in enumerate(block.items, start=block.start)))
        elif isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, Table):
            out.append("\n".join(" | ".join(row) for row in [block.header, *block.rows]))
    return "\n\n".join(out)


def _plain(runs: list[Run]) -> str:
    return "".join(f"{r.text} ({r.url})" if r.url and r.url != r.text else r.text
                   for r in runs)


def parse_inline(text: str) -> list[Run]:
    """``**tebal**``, ``*miring*`` and ``[teks](url)`` into runs; everything else literal."""
    tokens = markdown_parser().parseInline(text)
    return _runs(tokens[0].children or []) if tokens else []


def parse_markdown(text: str, *, heading_base: int = 2) -> list[Block]:
    """CommonMark into blocks: paragraphs (lines joined, as Markdown does), lists that keep the
    numbers as written and nest (a nested list is its own block one level deeper, and the outer
    list goes on from the number it reached), headings, tables, and inline bold, italic and
    links. Nothing the user wrote is dropped: raw HTML and code are kept as text.

    The blocks are shared between calls with the same text (an entry's answer is parsed for its
    document, its preview and each competition it enters): callers must not change them.
    """
    return list(_parse_markdown(text, heading_base))


_MARKUP_CHAR_RE = re.compile(
    r"[*_`\[\]<>&\\|#~!\t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f"
    r"\u205f\u3000\ufeff]")
_BLOCK_START_RE = re.compile(r"\n[ \t]*(?:[-+=]|\d+[.)]|\t| {4})")
"""A line that could start a list, a setext underline or code, found after a ``\\n``: a
pattern that opens with a literal is searched for that character first, several times faster
than trying ``re.M``'s ``^`` at every position."""


def _holds_markup(text: str) -> bool:
    """Whether CommonMark could read ``text`` as more than paragraphs: a markup character, or
    whitespace it treats differently from a space, anywhere, or a line that could start a
    block (after any of CommonMark's line endings, a lone ``\\r`` too)."""
    if _MARKUP_CHAR_RE.search(text):
        return True
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BLOCK_START_RE.search("\n" + text) is not None


def _paragraph_texts(text: str) -> list[str]:
    """Text without block markup as CommonMark reads it: paragraphs split at blank lines, each
    one's lines joined by a space."""
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in re.split(r"\r\n|\r|\n", text):  # CommonMark's line endings, nothing else
        content = line.strip(" \t")  # and its blanks: a no-break space is text
        if content:
            lines.append(content)
        elif lines:
            paragraphs.append(" ".join(lines))
            lines = []
    if lines:
        paragraphs.append(" ".join(lines))
    return paragraphs


def plain_paragraphs(text: str) -> tuple[Block, ...] | None:
    """The parse of text that holds no Markdown at all (no markup character, no line that
    could start a list, heading, quote or code block): paragraphs split at blank lines, lines
    joined by a space, exactly as CommonMark reads it. None for anything else. Most answers
    with no list or emphasis are this, at a fraction of a full parse's cost."""
    if _holds_markup(text):
        return None
    return tuple(Paragraph([Run(paragraph)]) for paragraph in _paragraph_texts(text))


_CLOSE_BEFORE = frozenset(".,:;!?)")
"""What may follow a closing ``**`` that ends a word (CommonMark: then it cannot open)."""


def strong_paragraphs(text: str) -> tuple[Block, ...] | None:
    """The parse of paragraphs whose only markup is ``**bold**`` as :func:`_strong_runs` takes
    it. None for anything else. Most answers written with bold lead-ins are this."""
    if "***" in text or _holds_markup(text.replace("**", "")):
        return None
    blocks: list[Block] = []
    for paragraph in _paragraph_texts(text):
        runs = _strong_runs(paragraph)
        if runs is None:
            return None
        blocks.append(Paragraph(runs))
    return tuple(blocks)


def _strong_runs(paragraph: str) -> list[Run] | None:
    """The runs of one paragraph's text (lines joined) whose only markup is ``**bold**``, each
    pair opening after a space (or at the start) before a letter or digit, and closing after a
    letter, digit or ``.,:;!?)`` before a space, the end, or one of those marks right after a
    letter or digit: the cases in which CommonMark's emphasis rules can only pair them in
    order. None for anything else (the caller has refused ``***`` and every other markup)."""
    parts = paragraph.split("**")
    if len(parts) % 2 == 0:
        return None
    runs: list[Run] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            runs.append(Run(part))
            continue
        before, after, last = parts[i - 1][-1:], parts[i + 1][:1], part[-1:]
        if before not in ("", " ") or not part[0].isalnum() \
                or not (last.isalnum() or last in _CLOSE_BEFORE) \
                or not (after in ("", " ") or (after in _CLOSE_BEFORE and last.isalnum())):
            return None
        runs.append(Run(part, bold=True))
    return [r for r in runs if r.text]


_ITEM_RE = re.compile(r"(?:(-)|([0-9]{1,9})\.) (?=[^ \t])")
"""A list item's marker as :func:`list_paragraphs` takes it: ``-`` or a number and ``.``, one
space, then text."""


def list_paragraphs(text: str) -> tuple[Block, ...] | None:
    """The parse of paragraphs and one-level lists (``- ``, or a number and ``. ``, at the
    start of an unindented line) whose only markup is ``**bold**`` as :func:`_strong_runs`
    takes it. As CommonMark reads them: a line that is not an item goes on the paragraph or
    item above it, a blank line ends a paragraph, an ordered item interrupts a paragraph only
    from 1, and a list goes on while its items keep their kind. None for anything else. Most
    answers written as steps are this."""
    lines = []
    for line in re.split(r"\r\n|\r|\n", text):
        content = line.rstrip(" \t")
        if content[:1] == " ":
            return None  # an indented line: continuation, nesting or code, left to CommonMark
        lines.append((line, content, _ITEM_RE.match(content)))
    # the text without the items' markers and bold: any markup left (or a tab) is CommonMark's
    bare = "\n".join(raw[m.end():] if m else raw for raw, _, m in lines)
    if "***" in bare or _holds_markup(bare.replace("**", "")):
        return None
    # Paragraphs as their lines, lists as (ordered, start, each item's lines).
    groups: list[list[str] | tuple[bool, int, list[list[str]]]] = []
    para: list[str] | None = None
    items: list[list[str]] | None = None
    kind = ""  # the open list's marker: "-" or "."
    blank = False
    for _, content, item in lines:
        if not content:
            blank, para = True, None
            continue
        if item is not None:
            marker = "-" if item.group(1) else "."
            if para is not None and marker == "." and int(item.group(2)) != 1:
                para.append(content)  # "2. ..." inside a paragraph is its text
            elif items is not None and kind == marker:
                items.append([content[item.end():]])
            else:  # a new list (an item of the other kind starts one, even right after one)
                kind, para, items = marker, None, [[content[item.end():]]]
                groups.append((marker == ".", int(item.group(2) or 1), items))
        elif items is not None and not blank:
            items[-1].append(content)  # a line of the item's text, not indented
        elif para is not None:
            para.append(content)
        else:
            items, para = None, [content]
            groups.append(para)
        blank = False
    blocks: list[Block] = []
    for group in groups:
        if isinstance(group, list):
            runs = _strong_runs(" ".join(group))
            if runs is None:
                return None
            blocks.append(Paragraph(runs))
            continue
        ordered, first, lines_of_items = group
        item_runs = [_strong_runs(" ".join(item)) for item in lines_of_items]
        if any(r is None for r in item_runs):
            return None
        blocks.append(ListBlock(ordered, [r for r in item_runs if r is not None], first))
    return tuple(blocks)


@lru_cache(maxsize=1024)
def _parse_markdown(text: str, heading_base: int) -> tuple[Block, ...]:
    for fast in (plain_paragraphs, strong_paragraphs, list_paragraphs):
        blocks = fast(text)
        if blocks is not None:
            return blocks
    return commonmark(text, heading_base)


def commonmark(text: str, heading_base: int = 2) -> tuple[Block, ...]:
    """The full CommonMark parse (see :func:`parse_markdown`)."""
    tokens = markdown_parser().parse(text)
    blocks: list[Block] = []
    lists: list[ListBlock] = []  # the open lists, outermost first
    open_item = False  # an item opened and its text not yet seen
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            open_item = False
            if lists and lists[-1].items:  # a nested list: the outer one resumes after it
                outer = lists[-1]
                lists[-1] = ListBlock(outer.ordered, [], outer.start + len(outer.items),
                                      outer.level)
            written = tok.attrGet("start") if kind == "ordered_list_open" else None
            start = int(written) if written is not None else 1
            lists.append(ListBlock(kind == "ordered_list_open", [], start, len(lists)))
            blocks.append(lists[-1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if lists:  # the outer list continues in a new block after the nested one
                blocks.append(lists[-1])
        elif kind == "list_item_open":
            lists[-1].items.append([])  # even an empty item: its number is text the user wrote
            open_item = True
        elif kind == "inline" and lists:
            runs = _runs(tok.children or [])
            current = lists[-1]
            if open_item or not current.items:
                if not current.items:
                    current.items.append([])
                current.items[-1] = runs
                open_item = False
            else:  # a second paragraph in the same item (or one after a nested list)
                current.items[-1] = [*current.items[-1], Run(" "), *runs]
        elif kind == "inline":
            prev = tokens[i - 1].type if i else ""
            if prev == "heading_open":
                level = int(tokens[i - 1].tag[1])
                blocks.append(Heading(tok.content.strip(),
                                      min(heading_base + level - 1, 3)))
            elif prev == "paragraph_open":
                blocks.append(Paragraph(_runs(tok.children or [])))
        elif kind == "table_open":
            i, table = _table(tokens, i)
            blocks.append(table)
            continue
        elif kind in ("fence", "code_block", "html_block"):
            blocks.append(Paragraph([Run(tok.content.rstrip("\n"))]))
        i += 1
    return tuple(b for b in blocks if not isinstance(b, ListBlock) or b.items)


def _table(tokens: list[Token], i: int) -> tuple[int, Table]:
    """A GFM table from ``table_open`` at ``i``; returns the index after it."""
    rows: list[list[str]] = []
    row: list[str] = []
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row = []
        elif tok.type == "inline":
            row.append(_plain(_runs(tok.children or [])))
        elif tok.type == "tr_close":
            rows.append(row)
        i += 1
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    return i + 1, Table(header, body)


def _runs(children: list[Token]) -> list[Run]:
    """Inline tokens into runs; a line break inside a paragraph is a space."""
    runs: list[Run] = []
    bold = italic = 0
    url: str | None = None
    for tok in children:
        kind = tok.type
        if kind == "text" or kind == "code_inline" or kind == "html_inline":
            runs.append(Run(tok.content, bool(bold), bool(italic), url))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bool(bold), bool(italic), url))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            url = str(tok.attrGet("href") or "")
        elif kind == "link_close":
            url = None
        elif kind == "image":
            runs.append(Run(tok.content or str(tok.attrGet("src") or ""), False, False,
                            str(tok.attrGet("src") or "") or None))
    merged: list[Run] = []
    for r in runs:  # adjacent runs of the same look are one run
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].url) == \
                (r.bold, r.italic, r.url):
            merged[-1] = Run(merged[-1].text + r.text, r.bold, r.italic, r.url)
        else:
            merged.append(r)
    return [r for r in merged if r.text]
