"""`lomba skor`: the IID estimate as a table, claimed beside verified, and what raises it."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from lomba.locale import angka
from lomba.messages import word
from lomba.scoring.iga import Action, RegionScore


def _n(value: float) -> str:
    return angka(round(value, 2))


def print_score(console: Console, region: RegionScore, actions: list[Action], lang: str) -> None:
    en = lang == "en"
    rules = region.rules
    table = Table(title=word("score-sid-per-innovation", lang)
                  + f" — {region.edition.spec.singkatan}", pad_edge=False)
    table.add_column(word("view-innovation", lang), overflow="fold", ratio=3)
    table.add_column("Urusan", overflow="fold", ratio=2)
    table.add_column("SID", justify="right")
    table.add_column("SID ✓", justify="right")
    for inno in region.innovations:
        table.add_row(inno.name, inno.urusan, _n(inno.sid), _n(inno.sid_verified))
    console.print(table)
    summary = Table(title=word("score-index", lang),
                    pad_edge=False)
    summary.add_column("")
    summary.add_column(word("score-claimed", lang), justify="right")
    summary.add_column(word("score-verified", lang), justify="right")
    c, v = region.claimed, region.verified
    gate = f"{len(c.covered)}/{len(rules.urusan_wajib)}"
    rows = [
        ("SPD", _n(c.spd), _n(v.spd)),
        ("Σ SID", _n(c.sid_total), _n(v.sid_total)),
        (f"n / MAX({rules.pembagi_minimal}, n)", f"{c.n} / {c.divisor}", f"{v.n} / {v.divisor}"),
        (word("score-average", lang), _n(c.average), _n(v.average)),
        (word("score-count", lang) + f" (urusan {gate})",
         _n(c.count_score), _n(v.count_score)),
        ("total", _n(c.total), _n(v.total)),
        ("IID", _n(c.iid), _n(v.iid)),
        (word("score-band", lang), c.band, v.band),
    ]
    for row in rows:
        summary.add_row(*row)
    console.print(summary)
    if region.simulated_from is not None:
        console.print(word("score-simulation", lang).format(
            year=region.simulated_from, rules=region.edition.spec.singkatan), markup=False)
    if region.excluded:
        console.print(word("score-excluded", lang), markup=False)
        for x in region.excluded:
            console.print(f"  - {x.name} ({x.display}): {x.reason[1] if en else x.reason[0]}",
                          markup=False, highlight=False)
    if not c.gate_ok:
        console.print(word("score-gate-not-met", lang)
                      + (", ".join(c.covered) or "-"), markup=False)
    if actions:
        console.print(word("score-raises-most", lang),
                      style="bold")
        for i, a in enumerate(actions, start=1):
            console.print(f"{i:>2}. +{_n(a.gain)}  {a.text[1] if en else a.text[0]}",
                          markup=False, highlight=False)


def score_json(region: RegionScore, actions: list[Action], lang: str) -> dict[str, Any]:
    def result(r: Any) -> dict[str, Any]:
        return {"spd": r.spd, "sid_total": r.sid_total, "n": r.n, "divisor": r.divisor,
                "sid_average": r.average, "count_score": r.count_score,
                "affairs_covered": list(r.covered), "affairs_gate": r.gate_ok,
                "total": r.total, "iid": round(r.iid, 2), "band": r.band}

    return {
        "edition": region.edition.ref,
        "simulated_from": region.simulated_from,
        "excluded": [{"file": x.display, "name": x.name,
                      "reason": x.reason[1] if lang == "en" else x.reason[0]}
                     for x in region.excluded],
        "candidates": [{"file": f, "name": n} for f, n in region.candidates],
        "claimed": result(region.claimed),
        "verified": result(region.verified),
        "innovations": [
            {"file": i.display, "name": i.name, "affair": i.urusan, "sid": i.sid,
             "sid_verified": i.sid_verified,
             "indicators": [{"number": s.indicator.nomor, "weight": s.indicator.bobot,
                             "claimed": s.claimed, "supported": s.supported,
                             "verified": s.verified} for s in i.indicators]}
            for i in region.innovations
        ],
        "suggestions": [{"iid_gain": round(a.gain, 4), "kind": a.kind,
                         "text": a.text[1] if lang == "en" else a.text[0], "change": a.patch}
                        for a in actions],
    }
