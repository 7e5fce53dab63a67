"""A small document model that templates produce and every writer understands.

Keeping the model small (headings, paragraphs with bold/italic, lists, tables, images, links,
page breaks) is what lets one DOCX writer and one HTML writer serve every competition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from lomba.load.files import Blob


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


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


# ``_(?<!\w_)`` is ``(?<!\w)_`` written so that every alternative starts with a literal: the
# regex engine then skips ahead to the next ``*`` or ``_`` instead of trying each position.
_INLINE_RE = re.compile(r"(\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__|"
                        r"\*(?=\S)(.+?)(?<=\S)\*|_(?<!\w_)(?=\S)(.+?)(?<=\S)_(?!\w))", re.S)
_LIST_ITEM_RE = re.compile(r"^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$")
_HEADING_LINE_RE = re.compile(r"^(#{1,3})\s+(.*)$")


def paste_text(markdown: str) -> str:
    """Text to paste into a portal's plain text box: paragraphs reflowed (a line break inside a
    paragraph is only how the YAML was wrapped), emphasis removed, list markers kept."""
    out = []
    for block in parse_markdown(markdown):
        if isinstance(block, Paragraph):
            out.append("".join(r.text for r in block.runs))
        elif isinstance(block, ListBlock):
            out.append("\n".join(
                (f"{i}. " if block.ordered else "- ") + "".join(r.text for r in item)
                for i, item in enumerate(block.items, start=1)))
        elif isinstance(block, Heading):
            out.append(block.text)
    return "\n\n".join(out)


def parse_inline(text: str) -> list[Run]:
    """``**tebal**`` and ``*miring*`` (or ``__``/``_``) into runs; everything else is literal."""
    if "*" not in text and "_" not in text:
        return [Run(text)] if text else []
    runs: list[Run] = []
    pos = 0
    for match in _INLINE_RE.finditer(text):
        if match.start() > pos:
            runs.append(Run(text[pos:match.start()]))
        bold_text = match.group(2) or match.group(3)
        if bold_text is not None:
            runs.extend(Run(r.text, bold=True, italic=r.italic) for r in parse_inline(bold_text))
        else:
            inner = match.group(4) or match.group(5) or ""
            runs.extend(Run(r.text, bold=r.bold, italic=True) for r in parse_inline(inner))
        pos = match.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return [r for r in runs if r.text]


def parse_markdown(text: str, *, heading_base: int = 2) -> list[Block]:
    """Light Markdown: paragraphs separated by blank lines, ``-``/``1.`` lists, ``#`` headings.

    Lines inside a paragraph are joined with spaces (as Markdown does); a new list always starts
    its numbering again at 1. The blocks are shared between calls with the same text (an
    entry's answer is parsed for its document, its preview and each competition it enters):
    callers must not change them.
    """
    return list(_parse_markdown(text, heading_base))


@lru_cache(maxsize=64)
def _parse_markdown(text: str, heading_base: int) -> tuple[Block, ...]:
    blocks: list[Block] = []
    para: list[str] = []
    items: list[list[str]] = []
    ordered: bool | None = None

    def flush_para() -> None:
        if para:
            blocks.append(Paragraph(parse_inline(" ".join(s.strip() for s in para))))
            para.clear()

    def flush_list() -> None:
        nonlocal ordered
        if items:
            runs = [parse_inline(" ".join(p.strip() for p in it)) for it in items]
            blocks.append(ListBlock(bool(ordered), runs))
            items.clear()
        ordered = None

    for line in text.splitlines():
        if not line.strip():
            flush_para()
            flush_list()
            continue
        item = _LIST_ITEM_RE.match(line)
        heading = _HEADING_LINE_RE.match(line.strip())
        if item:
            flush_para()
            is_ordered = item.group(2) is not None
            if ordered is not None and is_ordered != ordered:
                flush_list()
            ordered = is_ordered
            items.append([item.group(3)])
        elif heading:
            flush_para()
            flush_list()
            blocks.append(Heading(heading.group(2).strip(),
                                  min(heading_base + len(heading.group(1)) - 1, 3)))
        elif items and line.startswith((" ", "\t")):
            items[-1].append(line)
        else:
            flush_list()
            para.append(line)
    flush_para()
    flush_list()
    return tuple(blocks)
