"""The Indeks Inovasi Daerah (IID) estimate, and what would raise it most.

The rules (weights, levels, divisor floor, count score and its cap, the basic-service gate, the
bands) come from the IGA edition's spec; nothing here is edition-specific. Every suggested action
is priced by computing the whole index twice, with and without the change.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lomba.model.innovation import Inovasi, KlaimIndikatorIga
from lomba.model.spec import AturanIndeks, IndikatorIga, Spec
from lomba.model.vocab import urusan_title
from lomba.validate.edition import Edition


class RulesUnknown(Exception):
    """The edition does not give enough rules to compute an index."""


# -- the formula ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexResult:
    spd: float
    sid_total: float
    n: int
    divisor: int
    average: float
    count_score: float
    covered: tuple[str, ...]
    gate_ok: bool
    total: float
    iid: float
    band: str


def compute_index(rules: AturanIndeks, spd: float, sids: list[float],
                  urusan: Collection[str]) -> IndexResult:
    """IID = (SPD + ΣSID / MAX(k, n) + count score) / max × 100, the count score being
    MIN(n, cap) × per-innovation score, or 0 when too few basic-service urusan are covered.
    ``urusan``: each innovation's, or the set of them (which the suggestions, pricing dozens
    of changes to one region, build once)."""
    if not rules.dapat_dihitung or None in (rules.pembagi_minimal, rules.skor_per_inovasi,
                                            rules.batas_jumlah_inovasi, rules.skor_maksimal,
                                            rules.urusan_minimal):
        raise RulesUnknown(rules.alasan or "aturan indeks tidak lengkap")
    assert rules.pembagi_minimal and rules.skor_per_inovasi and rules.batas_jumlah_inovasi
    assert rules.skor_maksimal is not None and rules.urusan_minimal is not None
    n = len(sids)
    divisor = max(rules.pembagi_minimal, n)
    average = sum(sids) / divisor
    present = urusan if isinstance(urusan, (set, frozenset)) else set(urusan)
    covered = tuple(u for u in rules.urusan_wajib if u in present)
    gate_ok = len(covered) >= rules.urusan_minimal
    count = min(n, rules.batas_jumlah_inovasi) * rules.skor_per_inovasi if gate_ok else 0.0
    total = spd + average + count
    iid = total / rules.skor_maksimal * 100
    return IndexResult(spd, sum(sids), n, divisor, average, count, covered, gate_ok, total, iid,
                       band(rules, iid))


def band(rules: AturanIndeks, iid: float) -> str:
    """The rating band of an index value (bands compare the value rounded to 2 decimals)."""
    value = round(iid + 1e-9, 2)
    for p in rules.predikat:
        if p.min <= value <= p.maks:
            return p.nama
    return "—"


# -- levels supported by evidence ---------------------------------------------------------------


@dataclass
class IndicatorScore:
    indicator: IndikatorIga
    claimed: int
    supported: int
    verified: int
    needs: list[str]
    """Evidence kinds that would support the claimed level, when it is not supported."""

    @property
    def score(self) -> float:
        """The weighted score (0 where the edition's weight is unknown: nothing is guessed)."""
        return (self.indicator.bobot or 0) * self.supported

    @property
    def verified_score(self) -> float:
        return (self.indicator.bobot or 0) * self.verified


@dataclass
class InnovationScore:
    display: str
    path: Path
    name: str
    urusan: str
    indicators: list[IndicatorScore] = field(default_factory=list)
    _by_weight: dict[float, list[tuple[IndikatorIga, int]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def sid(self) -> float:
        return sum(i.score for i in self.indicators)

    @property
    def sid_verified(self) -> float:
        return sum(i.verified_score for i in self.indicators)

    def raisable_positions(self) -> list[tuple[int, int]]:
        """The indicators one level more would raise: (position in the edition's list, level
        supported now). Below level 3, where the edition defines the next level."""
        return [(pos, s.supported) for pos, s in enumerate(self.indicators)
                if s.supported < 3 and any(lv.level == s.supported + 1
                                           for lv in s.indicator.level)]

    def raisable(self, weight: float) -> list[tuple[IndikatorIga, int]]:
        """Those of :meth:`raisable_positions` whose indicator weighs ``weight``, in order."""
        if self._by_weight is None:
            self._by_weight = {}
            for pos, supported in self.raisable_positions():
                ind = self.indicators[pos].indicator
                self._by_weight.setdefault(ind.bobot or 0, []).append((ind, supported))
        return self._by_weight.get(weight, [])


def _evidence(model: Inovasi, claim: KlaimIndikatorIga, base: Path,
              accepted_only: bool) -> list[str]:
    """Kinds of the claim's evidence files that exist: all of them for the score as claimed,
    only those the quality-control team accepted for the score as verified."""
    kinds = {b.berkas: b.jenis for b in model.bukti}
    verdicts = {v.berkas: v.status for v in claim.verifikasi}
    out = []
    for ref in claim.bukti:
        if accepted_only and verdicts.get(ref) != "diterima":
            continue
        if (base / ref).is_file():
            out.append(kinds.get(ref, "lainnya"))
    return out


def supported_level(indicator: IndikatorIga, claimed: int, kinds: list[str]) -> int:
    """The highest level up to the claim that the evidence supports."""
    for level in sorted((lv for lv in indicator.level if lv.level <= claimed),
                        key=lambda lv: -lv.level):
        if kinds and (not level.bukti_jenis or set(kinds) & set(level.bukti_jenis)):
            return level.level
    return 0


def score_innovation(display: str, path: Path, model: Inovasi, spec: Spec) -> InnovationScore:
    claims = {c.nomor: c for c in model.indikator_iga}
    result = InnovationScore(display, path, model.akronim or model.nama, model.urusan.utama)
    base = path.parent
    for ind in spec.indikator:
        claim = claims.get(ind.nomor)
        if claim is None:
            result.indicators.append(IndicatorScore(ind, 0, 0, 0, []))
            continue
        kinds = _evidence(model, claim, base, accepted_only=False)
        accepted = _evidence(model, claim, base, accepted_only=True)
        if ind.nomor == 35 and model.video and not claim.bukti:
            kinds, accepted = ["video"], []
        supported = supported_level(ind, claim.level, kinds)
        verified = supported_level(ind, claim.level, accepted)
        needs: list[str] = []
        if supported < claim.level:
            wanted = next((lv for lv in ind.level if lv.level == claim.level), None)
            needs = list(wanted.bukti_jenis) if wanted else []
        result.indicators.append(IndicatorScore(ind, claim.level, supported, verified, needs))
    return result


# -- the whole region -------------------------------------------------------------------------


@dataclass(frozen=True)
class Excluded:
    """An innovation entered in the IGA that the edition would not assess, and why."""

    display: str
    name: str
    reason: tuple[str, str]
    """Why, in Bahasa Indonesia and English."""


@dataclass
class RegionScore:
    edition: Edition
    spd_levels: dict[str, int]
    innovations: list[InnovationScore]
    claimed: IndexResult
    verified: IndexResult
    excluded: list[Excluded] = field(default_factory=list)
    simulated_from: int | None = None
    """The edition whose entrants are scored on these rules, when it is another one."""
    candidates: list[tuple[str, str]] = field(default_factory=list)
    """Innovations (file, name) not entered in this edition that it would assess."""

    @property
    def rules(self) -> AturanIndeks:
        assert self.edition.spec.indeks is not None
        return self.edition.spec.indeks


def spd_score(spec: Spec, levels: dict[str, int]) -> float:
    return sum(row.bobot * min(max(levels.get(row.kode, 0), 0), 3) for row in spec.spd)


def not_assessed(model: Inovasi, spec: Spec, entered: int, counted: int,
                 window: bool = True) -> tuple[str, str] | None:
    """Why the edition would not assess this innovation (None when it would): entered in another
    edition, at a stage the edition does not take (an idea is not an innovation), or implemented
    and developed outside the edition's window. ``window`` is off for a simulation, whose
    entrants belong to another year."""
    if entered != counted:
        return (f"ikut IGA {entered}, bukan IGA {counted}",
                f"enters IGA {entered}, not IGA {counted}")
    rules = spec.kelayakan
    if rules.tahapan and model.tahapan not in rules.tahapan:
        return (f"tahapan {model.tahapan} tidak dinilai (yang dinilai: "
                f"{', '.join(rules.tahapan)})",
                f"stage {model.tahapan} is not assessed (assessed: {', '.join(rules.tahapan)})")
    span = rules.jendela_penerapan
    if window and span is not None:
        dates = [model.tanggal.penerapan]
        if span.atau_pengembangan:
            dates.append(model.tanggal.pengembangan)
        if not any(d is not None and d.latest >= span.mulai and d.earliest <= span.selesai
                   for d in dates):
            years = f"{span.mulai.year}–{span.selesai.year}"
            return (f"penerapan{' dan pengembangan' if span.atau_pengembangan else ''} di luar "
                    f"jendela {years}",
                    f"implementation{' and development' if span.atau_pengembangan else ''} "
                    f"outside the {years} window")
    return None


# -- what raises the index most -----------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    gain: float
    kind: str
    text: tuple[str, str]
    """What to do, in Bahasa Indonesia and English."""
    patch: dict[str, Any]
    """Machine-readable form of the change, for scripts (and for tests that apply it)."""


def _minimal_sid(spec: Spec) -> float:
    """SID of a new innovation that fills only the mandatory indicators, at level 1."""
    return sum(i.bobot or 0 for i in spec.indikator if i.wajib)


def _stages(region: RegionScore) -> list[str]:
    """The stages the edition assesses (every stage past an idea, where it does not say)."""
    return list(region.edition.spec.kelayakan.tahapan or ["inisiatif", "uji coba", "penerapan"])


def _what_counts(region: RegionScore) -> tuple[str, str]:
    """What a new innovation must be for this edition to count it: never an idea."""
    rules = region.edition.spec.kelayakan
    stages = _stages(region)
    id_text = f"tahapan {', '.join(stages[:-1])} atau {stages[-1]}" if len(stages) > 1 \
        else f"tahapan {stages[0]}"
    en_text = f"at the {' or '.join(stages)} stage"
    span = rules.jendela_penerapan
    if span is not None and region.simulated_from is None:
        years = f"{span.mulai.year}–{span.selesai.year}"
        id_text += f", diterapkan atau dikembangkan {years}"
        en_text += f", implemented or developed in {years}"
    return id_text, en_text


def _candidates(region: RegionScore, count: int) -> tuple[str, str]:
    """The workspace's own innovations this edition would assess but that are not entered."""
    names = [name for _, name in region.candidates[:count]]
    if not names:
        return "", ""
    return f"; calon di ruang kerja: {', '.join(names)}", f"; candidates: {', '.join(names)}"


def suggestions(region: RegionScore, limit: int = 10) -> list[Action]:
    spec = region.edition.spec
    rules = region.rules
    base = region.claimed.iid
    sids = [i.sid for i in region.innovations]
    urusan = [i.urusan for i in region.innovations]
    present = frozenset(urusan)
    spd = region.claimed.spd

    def iid(new_spd: float = spd, new_sids: list[float] | None = None,
            new_urusan: list[str] | None = None) -> float:
        return compute_index(rules, new_spd, sids if new_sids is None else new_sids,
                             present if new_urusan is None else new_urusan).iid

    actions: list[Action] = []
    # Raising one indicator one level: many candidates, so rank them by weight first and price
    # only the heaviest few (a shortlist, not an estimate: each figure shown is still computed).
    # Heaviest first; within one weight, in the workspace's and the edition's order.
    need = max(limit * 5, 20)
    shortlist: list[tuple[int, IndikatorIga, int]] = []
    for weight in sorted({ind.bobot or 0 for ind in spec.indikator}, reverse=True):
        for idx, inno in enumerate(region.innovations):
            shortlist.extend((idx, ind, supported) for ind, supported in inno.raisable(weight))
            if len(shortlist) >= need:
                break
        if len(shortlist) >= need:
            break
    for idx, ind, supported in shortlist[:need]:
        inno = region.innovations[idx]
        target = supported + 1
        level = next(lv for lv in ind.level if lv.level == target)
        changed = list(sids)
        changed[idx] = inno.sid + (ind.bobot or 0) * (target - supported)
        gain = iid(new_sids=changed) - base
        kinds = ", ".join(level.bukti_jenis) or "bukti apa pun"
        evidence_kinds = list(level.bukti_jenis)
        actions.append(Action(
            gain, "indikator",
            (f"{inno.name}: naikkan indikator {ind.nomor} ({ind.nama}) dari level "
             f"{supported} ke {target} ({level.uraian}) dengan menambahkan bukti "
             f"{kinds}",
             f"{inno.name}: raise indicator {ind.nomor} ({ind.nama}) from level "
             f"{supported} to {target} ({level.uraian}) by adding evidence: {kinds}"),
            {"berkas": inno.display, "nomor": ind.nomor, "dari": supported,
             "ke": target, "bukti_jenis": evidence_kinds},
        ))
    minimal = _minimal_sid(spec)
    if not region.claimed.gate_ok and rules.urusan_minimal is not None:
        missing = [u for u in rules.urusan_wajib if u not in region.claimed.covered]
        short = rules.urusan_minimal - len(region.claimed.covered)
        added = missing[:short]
        gain = iid(new_sids=[*sids, *[minimal] * len(added)],
                   new_urusan=[*urusan, *added]) - base
        names = ", ".join(urusan_title(u) for u in added)
        kind_id, kind_en = _what_counts(region)
        actions.append(Action(
            gain, "urusan",
            (f"tambahkan {len(added)} inovasi ({kind_id}; bukan ide), satu untuk setiap urusan "
             f"{names} (indikator wajib di level 1, SID {minimal:g}), agar "
             f"{rules.urusan_minimal} dari {len(rules.urusan_wajib)} urusan wajib pelayanan "
             "dasar tercakup dan skor jumlah inovasi dihitung",
             f"add {len(added)} innovations ({kind_en}; not ideas), one in each of {names} "
             f"(mandatory indicators at level 1, SID {minimal:g}), to cover "
             f"{rules.urusan_minimal} of the {len(rules.urusan_wajib)} basic-service urusan so "
             "the count score counts"),
            {"urusan": added, "sid": minimal, "tahapan": _stages(region)},
        ))
    floor = rules.pembagi_minimal or 0
    n = len(sids)
    if n < floor:
        more = floor - n
        gain = iid(new_sids=[*sids, *[minimal] * more], new_urusan=[*urusan, *[""] * more]) - base
        kind_id, kind_en = _what_counts(region)
        named_id, named_en = _candidates(region, more)
        actions.append(Action(
            gain, "jumlah",
            (f"daftarkan {more} inovasi lagi ({kind_id}; bukan ide; indikator wajib di level 1) "
             f"sampai pembagi MAX({floor}, n) tidak lagi menurunkan rata-rata{named_id}",
             f"enter {more} more innovations ({kind_en}; not ideas; mandatory indicators at "
             f"level 1) so that the MAX({floor}, n) divisor no longer lowers the "
             f"average{named_en}"),
            {"tambah": more, "sid": minimal, "tahapan": _stages(region),
             "calon": [f for f, _ in region.candidates[:more]]},
        ))
    for row in spec.spd:
        current = min(max(region.spd_levels.get(row.kode, 0), 0), 3)
        if current >= 3:
            continue
        level = next((lv for lv in row.level if lv.level == current + 1), None)
        gain = iid(new_spd=spd + row.bobot) - base
        label = level.uraian if level else str(current + 1)
        actions.append(Action(
            gain, "spd",
            (f"SPD {row.kode} ({row.nama}): dari level {current} ke {current + 1} ({label})",
             f"SPD {row.kode} ({row.nama}): from level {current} to {current + 1} ({label})"),
            {"spd": row.kode, "dari": current, "ke": current + 1},
        ))
    actions.sort(key=lambda a: (-round(a.gain, 9), a.kind, a.text[0]))
    return [a for a in actions if a.gain > 1e-9 and math.isfinite(a.gain)][:limit]



def iga_edition(config: Any, registry: Any, year: int | None = None) -> Edition:
    """The IGA edition whose rules the estimate uses: ``year``, by default the one named in
    lomba.yaml, else the latest edition whose rules are known. Raises :class:`RulesUnknown`."""
    if year is None and config.iga is not None:
        year = config.iga.edisi
    if year is None:
        known = [y for y in registry.editions("iga")
                 if (e := registry.get("iga", y))
                 and e.spec.indeks and e.spec.indeks.dapat_dihitung]
        if not known:
            raise RulesUnknown("tidak ada edisi IGA dengan aturan indeks yang lengkap")
        year = known[-1]
    edition = registry.get("iga", year)
    if edition is None:
        raise RulesUnknown(f"edisi IGA {year} tidak tersedia")
    if edition.spec.indeks is None or not edition.spec.indeks.dapat_dihitung:
        reason = edition.spec.indeks.alasan if edition.spec.indeks else None
        raise RulesUnknown(f"aturan indeks IGA {year} belum diketahui"
                           + (f": {reason.strip()}" if reason else ""))
    return edition


def counted_edition(config: Any, edition: Edition) -> int:
    """The edition whose entrants are scored: the edition itself, or in a simulation lomba.yaml
    asks for, the one named there."""
    year = edition.spec.edisi
    simulated = config.iga.inovasi_edisi if config.iga is not None and \
        config.iga.edisi == year else None
    return simulated if simulated is not None else year


Classified = tuple[str, Any]
"""How the estimate treats one innovation: ``("dinilai", InnovationScore)``, ``("dikecualikan",
Excluded)`` or ``("calon", (file, name))``."""


def classify(display: str, path: Path, model: Inovasi, edition: Edition,
             config: Any) -> Classified | None:
    """One innovation for the estimate: scored (entered in the edition counted, at a stage it
    takes, in its window), excluded with the reason, a candidate the edition would assess but
    that is not entered, or nothing to it (None). Per innovation, so a build can keep it."""
    counted = counted_edition(config, edition)
    window = counted == edition.spec.edisi
    name = model.akronim or model.nama
    if "iga" in model.kompetisi and model.kompetisi["iga"].ikut:
        why = not_assessed(model, edition.spec, model.edition_of("iga", config.tahun_kerja),
                           counted, window=window)
        if why is None:
            return ("dinilai", score_innovation(display, path, model, edition.spec))
        return ("dikecualikan", Excluded(display, name, why))
    if not_assessed(model, edition.spec, counted, counted, window=window) is None:
        return ("calon", (display, name))
    return None


def region_from(config: Any, edition: Edition, items: list[Classified | None]) -> RegionScore:
    """The region's estimate from its innovations, each classified by :func:`classify`, in
    the workspace's order."""
    if edition.spec.indeks is None:
        raise RulesUnknown("edisi ini tidak memuat aturan indeks")
    spec = edition.spec
    kinds: dict[str, list[Any]] = {"dinilai": [], "dikecualikan": [], "calon": []}
    for item in items:  # one pass: at national scale they are tens of thousands
        if item is not None:
            kinds[item[0]].append(item[1])
    scored = kinds["dinilai"]
    spd_levels = dict(config.iga.spd) if config.iga is not None else {}
    spd = spd_score(spec, spd_levels)
    urusan = [i.urusan for i in scored]
    claimed = compute_index(spec.indeks, spd, [i.sid for i in scored], urusan)
    verified = compute_index(spec.indeks, spd, [i.sid_verified for i in scored], urusan)
    region = RegionScore(edition, spd_levels, scored, claimed, verified)
    region.excluded = kinds["dikecualikan"]
    region.candidates = kinds["calon"]
    counted = counted_edition(config, edition)
    region.simulated_from = counted if counted != edition.spec.edisi else None
    return region


def region_for_workspace(ws: Any, registry: Any, year: int | None = None) -> RegionScore:
    """Score the workspace's IGA entries with the rules of edition ``year`` (by default the one
    named in lomba.yaml, else the latest edition whose rules are known)."""
    edition = iga_edition(ws.config, registry, year)
    return region_from(ws.config, edition, [classify(e.display, e.path, e.model, edition,
                                                     ws.config) for e in ws.valid_entries])
