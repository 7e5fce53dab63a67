"""Counting words the way the competitions' forms and Microsoft Word count them.

The rule, documented because every limit depends on it:

1. Count the text as it will be pasted into the form, which is the copy text lomba shows
   (:func:`lomba.render.document.paste_text`): emphasis, ``#`` and bullets are gone, list
   numbers stay ("1." is typed into the box, and counted), and a link ``[teks](url)`` is pasted
   as ``teks (url)``. The copy text and the count always agree.
2. No-break and other odd spaces count as spaces; zero-width characters are removed.
3. A word is a run of non-space characters that contains at least one letter or digit. So a
   hyphenated reduplication ("anak-anak", "kupu-kupu") is one word, as Word counts it; so are
   "Rp1.250.000", "25%", "e-KTP" and "2017–2019"; a lone dash, "&" or "/" is no word.
"""

from __future__ import annotations

import re

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES_RE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LIST_MARK_RE = re.compile(r"^\s*[-*+]\s+", re.M)
_HEADING_RE = re.compile(r"^\s*#{1,6}\s+", re.M)
_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", re.S)
_WORD_RE = re.compile(r"\S+")
_HAS_ALNUM_RE = re.compile(r"[^\W_]")


def plain_text(markdown: str) -> str:
    """Markdown-light text as a reader (or a form) sees it."""
    text = markdown.translate(_ZERO_WIDTH)
    text = _SPACES_RE.sub(" ", text)
    text = _LIST_MARK_RE.sub("", text)
    text = _HEADING_RE.sub("", text)
    text = _LINK_RE.sub(_pasted_link, text)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS_RE.sub(r"\2", text)
    return text


def _pasted_link(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    return f"{label} ({url})" if url and url != label else label


def count_tokens(markdown: str) -> int:
    """The count of a form whose counter takes every space-separated token as a word, list
    markers ("-", "1.") and lone dashes included: the most a portal may see. Word limits are
    kept against this too, so a text that fits by the rule above but not here gets a warning
    (the portals' own counters are not published)."""
    text = markdown.translate(_ZERO_WIDTH)
    text = _SPACES_RE.sub(" ", text)
    text = _LIST_MARK_RE.sub("- ", text)  # the copy text keeps a bullet as "- "
    text = _HEADING_RE.sub("", text)
    text = _LINK_RE.sub(_pasted_link, text)
    return len(_EMPHASIS_ONLY_RE.sub(" ", f" {text} ").split())


_EMPHASIS_ONLY_RE = re.compile(r"(?<=\s)(?:\*\*|__|\*|_|`)+(?=\s)")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NO_ALNUM_TOKEN_RE = re.compile(r"\s(?:[^\w\s]|_)+(?=\s)")


# ASCII text (most answers) is counted on a byte map of its characters: space, letter or digit,
# anything else. str.split's ASCII whitespace includes the four separators 0x1C-0x1F.
_ASCII_SPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_SHAPES = bytes(0x20 if chr(i) in _ASCII_SPACE else 0x61 if chr(i).isalnum() and i < 128
                else 0x70 for i in range(256))


def count_words(markdown: str) -> int:
    """Number of words in ``markdown`` by the rule above.

    Equal to counting the tokens of :func:`plain_text`, but faster: emphasis markers, bullets
    and ``#`` hold no letter or digit, so only links need rewriting before counting the tokens
    that hold one. Plain ASCII text without links (most answers) is counted without making a
    string per word: each character becomes ``" "``, ``a`` (letter or digit) or ``p``
    (anything else), the ``p`` are dropped, and a word is where an ``a`` follows a space.
    """
    if markdown.isascii() and "](" not in markdown:
        shape = markdown.encode("ascii").translate(_SHAPES).replace(b"p", b"")
        return (b" " + shape).count(b" a")
    text = markdown
    if _ZERO_WIDTH_RE.search(text):
        text = _ZERO_WIDTH_RE.sub("", text)
    if "](" in text:
        text = _LINK_RE.sub(_pasted_link, text)
    return len(text.split()) - len(_NO_ALNUM_TOKEN_RE.findall(f" {text} "))
