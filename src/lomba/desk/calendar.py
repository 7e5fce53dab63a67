"""One calendar of every deadline: the competitions' and the regency's own, as iCalendar too.

The .ics follows RFC 5545 (CRLF lines folded at 75 octets, escaped text, all-day events with a
stable UID) so phones and Google Calendar import it, and re-importing updates instead of
duplicating.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from lomba.check.deadlines import Deadline, deadlines
from lomba.check.workspace import LoadedWorkspace
from lomba.validate.competitions import Registry
from lomba.validate.edition import Edition
from lomba.xmltext import xml_safe


def calendar(ws: LoadedWorkspace, registry: Registry | None = None,
             entered: dict[str, Edition] | None = None) -> list[Deadline]:
    """Deadlines of the editions entries enter (``entered``, by default those of the loaded
    entries), of every edition of the working year, and the workspace's internal ones."""
    assert ws.config is not None
    used: dict[str, Edition] = dict(entered) if entered is not None else \
        {r.edition.ref: r.edition for r in ws.readiness}
    if registry is not None:
        for key, year in registry.folders:
            if year == ws.config.tahun_kerja and (edition := registry.get(key, year)):
                used.setdefault(edition.ref, edition)
    positions = ws.config_loaded.values if ws.config_loaded else {}
    return deadlines(sorted(used.values(), key=lambda e: e.ref), ws.config, positions)


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, every line break (CRLF, CR or LF)
    as ``\\n``, and no control character (the RFC allows none but tab)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\t\n" or not (c < " " or c == "\x7f"))
    return (xml_safe(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def to_ics(items: list[Deadline], name: str, stamp: date) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//lomba//jadwal inovasi daerah//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Asia/Jakarta",
    ]
    for d in items:
        key = f"{d.owner}|{d.name}|{d.day}".encode("utf-8", "surrogatepass")
        uid = hashlib.sha1(key).hexdigest()[:20]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@lomba",
            f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{d.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{d.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'{d.owner}: {d.name}')}",
            f"DESCRIPTION:{_escape(f'Tenggat {d.name} ({d.owner}). Sumber: {d.file}')}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(f'Seminggu lagi: {d.name}')}",
            "TRIGGER:-P7D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
