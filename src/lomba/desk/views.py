"""Terminal and JSON views of the desk: `lomba status`, `lomba rekap`, `lomba jadwal`.

Tables are drawn with rich so they fit the terminal (80 columns included) and degrade to plain
text when piped.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lomba.check.deadlines import Deadline
from lomba.check.region import RegionReadiness
from lomba.desk.status import STATE_LABELS, Matrix, OpdCompliance, Row
from lomba.diagnostics import Severity
from lomba.locale import tanggal
from lomba.messages import render_message, word

SYMBOLS = {"siap": "✔", "peringatan": "!", "belum": "✘", "tidak-ikut": "·", "tidak-terbaca": "?"}
STYLES = {"siap": "green", "peringatan": "yellow", "belum": "red bold", "tidak-ikut": "dim",
          "tidak-terbaca": "magenta bold"}


def days_text(days: int, lang: str) -> str:
    if days < 0:
        return render_message("view-days-ago", {"days": -days}, lang)
    if days == 0:
        return word("view-today", lang)
    return render_message("view-days-left", {"days": days}, lang)


def legend_lines(items: list[str], width: int) -> list[str]:
    """The legend packed into lines no wider than ``width``, breaking only between items (a
    narrow terminal never splits "? berkas tidak terbaca" in two)."""
    lines: list[str] = []
    current = ""
    for item in items:
        candidate = f"{current}   {item}" if current else f"  {item}"
        if current and len(candidate) > width:
            lines.append(current)
            candidate = f"  {item}"
        current = candidate
    return [*lines, current] if current else lines


def print_status(console: Console, matrix: Matrix, lang: str) -> None:
    table = Table(title=render_message("view-readiness-on", {"date": matrix.today}, lang),
                  show_lines=False, pad_edge=False)
    table.add_column(word("view-innovation", lang), overflow="fold", ratio=3)
    table.add_column("OPD", overflow="fold", ratio=2)
    for column in matrix.columns:
        table.add_column(column.short, justify="center", no_wrap=True)
    for row in matrix.rows:
        cells = [Text(SYMBOLS[c.state], style=STYLES[c.state])
                 for c in (row.cells[col.ref] for col in matrix.columns)]
        table.add_row(row.name, row.opd, *cells)
    console.print(table)
    items = [f"{SYMBOLS[s]} {STATE_LABELS[s][1 if lang == 'en' else 0]}" for s in SYMBOLS]
    for line in legend_lines(items, console.width):
        console.print(Text(line, no_wrap=True))

    reasons = [(row, col, row.cells[col.ref]) for row in matrix.rows for col in matrix.columns
               if row.cells[col.ref].state in ("belum", "tidak-terbaca")
               and row.cells[col.ref].reason]
    if reasons:
        console.print(word("view-not-ready-first-reason", lang),
                      style="bold")
        for row, col, cell in reasons:
            assert cell.reason is not None
            console.print(f"  {row.name} [{col.short}]: {cell.reason.message(lang)}",
                          markup=False, highlight=False)

    totals = Table(title=word("view-per-competition", lang), pad_edge=False)
    totals.add_column(word("view-competition", lang), overflow="fold")
    for state in ("siap", "peringatan", "belum"):
        totals.add_column(SYMBOLS[state], justify="right")
    totals.add_column(word("view-deadline", lang), overflow="fold")
    for col in matrix.columns:
        upcoming = [d for d in col.deadlines if d.days_left(matrix.today) >= 0]
        shown = upcoming[0] if upcoming else (col.deadlines[-1] if col.deadlines else None)
        deadline = (f"{shown.name}: {tanggal(shown.day)} "
                    f"({days_text(shown.days_left(matrix.today), lang)})" if shown
                    else word("view-unknown", lang))
        totals.add_row(f"{col.short} {col.name}", str(col.totals["siap"]),
                       str(col.totals["peringatan"]), str(col.totals["belum"]), deadline)
    console.print(totals)
    for region in matrix.regions:
        console.print(_region_line(region, lang), markup=False, highlight=False)

    per_opd: dict[str, Counter[str]] = {}
    for row in matrix.rows:
        counter = per_opd.setdefault(row.opd, Counter())
        counter["inovasi"] += 1
        for cell in row.cells.values():
            counter[cell.state] += 1
    opd_table = Table(title=word("view-per-opd", lang), pad_edge=False)
    opd_table.add_column("OPD")
    opd_table.add_column(word("view-entries", lang), justify="right")
    for state in ("siap", "peringatan", "belum"):
        opd_table.add_column(SYMBOLS[state], justify="right")
    for opd, counter in sorted(per_opd.items()):
        opd_table.add_row(opd, str(counter["inovasi"]), str(counter["siap"]),
                          str(counter["peringatan"]), str(counter["belum"]))
    console.print(opd_table)


def _region_line(region: RegionReadiness, lang: str) -> str:
    """One region-level document: ready, or the first reason it is not."""
    errors = [d for d in region.diagnostics if d.severity is Severity.ERROR]
    spec = region.edition.spec
    return render_message("view-region-document", {
        "name": spec.singkatan or spec.nama,
        "category": f" ({region.category})" if region.category else "",
        "state": SYMBOLS["belum" if errors else "siap"],
        "reason": errors[0].message(lang) if errors else word("view-ready", lang),
        "count": len(region.members)}, lang)


def status_entry(row: Row, lang: str) -> dict[str, Any]:
    """One entry in :func:`status_json`."""
    return {"file": row.entry.display, "opd": row.opd, "name": row.entry.nama,
            "stage": row.entry.tahapan,
            "competitions": {
                ref: {"state": cell.state, "warnings": cell.warnings,
                      "reason": cell.reason.message(lang) if cell.reason else None,
                      "code": cell.reason.code if cell.reason else None}
                for ref, cell in row.cells.items()}}


def status_json(matrix: Matrix, lang: str) -> dict[str, Any]:
    """The readiness matrix for scripts (keys in English, as in every ``--json``)."""
    return {
        "date": matrix.today.isoformat(),
        "competitions": [
            {"ref": c.ref, "name": c.name, "column": c.short, "totals": c.totals,
             "deadlines": [{"name": d.name, "date": d.day.isoformat(),
                            "days_left": d.days_left(matrix.today)} for d in c.deadlines]}
            for c in matrix.columns
        ],
        "entries": [status_entry(row, lang) for row in matrix.rows],
        "region_documents": [
            {"ref": r.edition.ref, "category": r.category, "members": len(r.members),
             "state": "siap" if r.ready else "belum",
             "reason": next((d.message(lang) for d in r.diagnostics
                             if d.severity is Severity.ERROR), None)}
            for r in matrix.regions
        ],
    }


def print_compliance(console: Console, items: list[OpdCompliance], year: int, lang: str) -> None:
    table = Table(title=render_message("view-compliance-year", {"year": year}, lang),
                  pad_edge=False)
    table.add_column("OPD", overflow="fold", ratio=2)
    table.add_column(word("view-ideas", lang), justify="right")
    table.add_column(word("view-innov", lang), justify="right")
    table.add_column(str(year), justify="right")
    table.add_column("RAI", justify="center")
    table.add_column(word("view-missing", lang), overflow="fold", ratio=3)
    for c in items:
        rai = "✔" if c.action_plan_ready else ("!" if c.action_plan else "✘")
        missing = "; ".join(m[1] if lang == "en" else m[0] for m in c.missing) or "—"
        table.add_row(Text(c.kode, style="" if c.compliant else "red bold"), str(len(c.ideas)),
                      str(len(c.innovations)), str(len(c.innovations_this_year)), rai, missing)
    console.print(table)
    late = [c for c in items if not c.compliant]
    console.print(render_message("view-late-count", {"late": len(late), "total": len(items)},
                                 lang))


def compliance_json(items: list[OpdCompliance], lang: str) -> list[dict[str, Any]]:
    return [
        {"opd": c.kode, "name": c.nama, "kind": c.jenis, "compliant": c.compliant,
         "ideas": [e.display for e in c.ideas],
         "innovations": [e.display for e in c.innovations],
         "innovations_this_year": [e.display for e in c.innovations_this_year],
         "action_plan": c.action_plan.display if c.action_plan else None,
         "action_plan_complete": c.action_plan_ready,
         "missing": [m[1] if lang == "en" else m[0] for m in c.missing]}
        for c in items
    ]


def print_calendar(console: Console, items: list[Deadline], today: Any, lang: str) -> None:
    table = Table(title=word("view-schedule-and-deadlines", lang), pad_edge=False)
    table.add_column(word("view-date", lang), no_wrap=True)
    table.add_column(word("view-left", lang), no_wrap=True)
    table.add_column(word("view-event", lang), overflow="fold")
    for d in items:
        days = d.days_left(today)
        style = "dim" if days < 0 else ("red bold" if days <= 14 else "")
        table.add_row(tanggal(d.day), Text(days_text(days, lang), style=style),
                      f"{d.owner}: {d.name}")
    console.print(table)
