"""One rule for characters other programs cannot hold, applied where every output is written.

``check`` refuses XML-illegal characters in any YAML file (``control-char``), so a ready document
never needs this; a forced draft, a template's output or a name in ``lomba.yaml`` still reach
the writers, and an invalid DOCX or XLSX is one that Word refuses and LibreOffice silently
truncates. So the writers strip what XML 1.0 forbids (C0 controls but tab, line feed and
carriage return; lone surrogates; U+FFFE and U+FFFF), and spreadsheet cells that a spreadsheet
program would evaluate as a formula are neutralised, as OWASP advises for CSV injection.
"""

from __future__ import annotations

import re
from urllib.parse import quote

XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (unchanged when there are none)."""
    return XML_ILLEGAL_RE.sub("", text) if first_xml_illegal(text) else text


def first_xml_illegal(text: str) -> re.Match[str] | None:
    """The first character of ``text`` XML 1.0 cannot carry, if any (the same as
    ``XML_ILLEGAL_RE.search``, quicker for long text, which mostly holds none)."""
    if len(text) > 64 and _holds_none(text):
        return None
    return XML_ILLEGAL_RE.search(text)


_C0_ILLEGAL = bytes(c for c in range(32) if chr(c) not in "\t\n\r")


def _holds_none(text: str) -> bool:
    """No character :data:`XML_ILLEGAL_RE` matches, found without its scan (a third of its
    time on a preview page): the UTF-8 encoder refuses lone surrogates, ``bytes.translate``
    finds the C0 controls, and U+FFFE and U+FFFF are looked for as characters."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return len(raw.translate(None, _C0_ILLEGAL)) == len(raw) \
        and "\ufffe" not in text and "\uffff" not in text


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` makes them (written
    here: that module imports ``urllib.request``, and with it ``ssl`` and ``http``, a twentieth
    of every command's start)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """A quoted attribute value, as ``xml.sax.saxutils.quoteattr`` makes it."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def xml_escape(text: str) -> str:
    """Escaped element text that is always well-formed XML."""
    return escape(xml_safe(text))


def xml_attr(text: str) -> str:
    """A quoted attribute value that is always well-formed XML."""
    return quoteattr(xml_safe(text))


def is_formula(text: str) -> bool:
    """Would a spreadsheet program read this cell as a formula (or a command)?"""
    return text.startswith(FORMULA_START)


def csv_cell(value: object) -> object:
    """A CSV cell that opens as the text it is: a leading apostrophe before a would-be
    formula (numbers are left alone)."""
    if isinstance(value, str):
        value = xml_safe(value)
        if is_formula(value):
            return "'" + value
    return value


_URL_PLAIN = re.compile(r"[A-Za-z0-9_.~/-]*")


def url_path(relative: str) -> str:
    """A relative link to a file, percent-encoded so that `#`, `?` and `%` stay in its name."""
    if _URL_PLAIN.fullmatch(relative):  # nothing to encode (most names; a desk links 40,000)
        return relative
    return quote(relative, safe="/")
