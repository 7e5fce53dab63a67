"""Is an entry ready for one competition edition? Sections, limits, eligibility, attachments.

The sections are rendered here (their word counts need the final text), and the build reuses
that text, so what was checked is exactly what is written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lomba.check.completeness import find_placeholder
from lomba.check.entries import diag
from lomba.check.rules import Rule
from lomba.diagnostics import Diagnostic, PathItem, Severity
from lomba.messages import Phrase, Suggestion
from lomba.model.common import Waktu
from lomba.model.innovation import NARASI_FIELDS, Inovasi
from lomba.model.spec import Bagian, Spec
from lomba.validate.templating import TemplateProblem, render_section
from lomba.validate.validation import closest
from lomba.words import count_tokens, count_words

if TYPE_CHECKING:
    from lomba.model.workspace import Opd, Workspace
    from lomba.validate.competitions import Registry
    from lomba.validate.edition import Edition
    from lomba.validate.snapshot import Entry

NEAR_LIMIT = 0.9
MIN_MARGIN = 1.05
"""A text less than 5% over a minimum gets a warning: the portals' counters are unknown, and
Word, LibreOffice and web counters differ on dashes and hyphens."""


@dataclass
class Section:
    bagian: Bagian
    text: str
    words: int

    def without_text(self) -> Section:
        """The counts stay for status; the text is rendered again when a document is made."""
        return Section(self.bagian, "", self.words)

    @property
    def limit_text(self) -> str | None:
        b = self.bagian
        if b.kata_min and b.kata_maks:
            return f"{b.kata_min}–{b.kata_maks}"
        if b.kata_maks:
            return f"≤ {b.kata_maks}"
        if b.kata_min:
            return f"≥ {b.kata_min}"
        if b.kata_acuan:
            return f"± {b.kata_acuan}"
        return None


@dataclass
class Readiness:
    """One entry against one edition: the rendered sections and what stops it."""

    entry: Entry
    edition: Edition
    sections: list[Section] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    template_failed: bool = False

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def ready(self) -> bool:
        return not self.errors and not self.template_failed


def from_counts(entry: Entry, edition: Edition, counts: Iterable[Sequence[Any]],
                diagnostics: list[Diagnostic], template_failed: bool) -> Readiness:
    """A checked pair rebuilt from its sections' word counts (the text is rendered again only
    when a document is made), as check workers and remembered checks hand it back."""
    bagian = {b.id: b for b in edition.spec.bagian}
    return Readiness(entry=entry, edition=edition,
                     sections=[Section(bagian[i], "", words) for i, words in counts],
                     diagnostics=diagnostics, template_failed=template_failed)


def entered(model: Inovasi) -> list[str]:
    """Competition keys the entry enters this year."""
    return [key for key, k in model.kompetisi.items() if k.ikut]


def edition_for(model: Inovasi, key: str, config: Workspace) -> int:
    return model.edition_of(key, config.tahun_kerja)


def template_context(model: Inovasi, key: str, spec: Spec, config: Workspace,
                     opd: Opd | None) -> dict[str, Any]:
    narasi = model.narasi_for(key)
    overrides = model.kompetisi[key].bagian if key in model.kompetisi else {}
    return {
        "inovasi": model,
        "narasi": {name: getattr(narasi, name) or "" for name in NARASI_FIELDS},
        "bagian": {**{b.id: "" for b in spec.bagian}, **overrides},
        "opd": opd,
        "pemda": config.pemda,
        "kompetisi": spec,
    }


_NARASI_REF_RE = re.compile(r"\bnarasi\.(\w+)")


@lru_cache(maxsize=256)
def _narasi_fields(template: str) -> tuple[str, ...]:
    """The narrative fields a section template prints."""
    return tuple(f for f in _NARASI_REF_RE.findall(template) if f in NARASI_FIELDS)


def _source_path(model: Inovasi, key: str, section: str,
                 template: str) -> tuple[PathItem, ...]:
    """Where the text of a section comes from, to point a diagnostic (and the user) at it: the
    competition's own text if the entry has one, else the narrative field its template uses."""
    entry = model.kompetisi.get(key)
    if entry and section in entry.bagian:
        return ("kompetisi", key, "bagian", section)
    used = _narasi_fields(template)
    for name in used:
        if entry and getattr(entry.narasi, name):
            return ("kompetisi", key, "narasi", name)
    if used:
        empty = [f for f in used if not getattr(model.narasi, f)]
        return ("narasi", (empty or used)[0])
    return ("kompetisi", key, "bagian", section)


def with_text(light: Readiness, full: Entry, config: Workspace) -> Readiness:
    """A checked pair whose section text was dropped, with the text rendered again from the
    full entry: same sections, counts and diagnostics, no second check."""
    model = full.model
    assert model is not None
    spec = light.edition.spec
    opd = config.opd_by_key().get(model.opd)
    context = template_context(model, spec.kunci, spec, config, opd)
    sections = [Section(s.bagian, render_section(light.edition, s.bagian.id, context), s.words)
                for s in light.sections]
    return Readiness(entry=full, edition=light.edition, sections=sections,
                     diagnostics=light.diagnostics, template_failed=light.template_failed)


def assess(entry: Entry, edition: Edition, config: Workspace,
           rules: Sequence[Rule] = (), context: Any = None) -> Readiness:
    """Render every section of ``edition`` from ``entry``, then run the pair ``rules`` on it;
    every finding names the edition."""
    model = entry.model
    assert model is not None and entry.loaded is not None
    spec = edition.spec
    result = Readiness(entry=entry, edition=edition)
    found: list[Diagnostic] = []
    opd = config.opd_by_key().get(model.opd)
    values = template_context(model, spec.kunci, spec, config, opd)
    for bagian in spec.sections_for(model.kompetisi[spec.kunci].kelompok):
        try:
            text = render_section(edition, bagian.id, values)
        except TemplateProblem as problem:
            result.template_failed = True
            found.append(problem.diagnostic)
            continue
        result.sections.append(Section(bagian, text, count_words(text)))
    for r in rules:
        found.extend(r.run(context, result))
    result.diagnostics = attributed(found, spec.ref)
    return result


def attributed(found: Iterable[Diagnostic], ref: str) -> list[Diagnostic]:
    """``found`` as findings of the edition ``ref``: they block only that edition's document."""
    return [d if d.competition == ref else replace(d, competition=ref) for d in found]


def check_section_names(pair: Readiness) -> list[Diagnostic]:
    """Competition-specific section texts name sections the edition has."""
    model, loaded = pair.entry.model, pair.entry.loaded
    assert model is not None and loaded is not None
    spec = pair.edition.spec
    ids = [b.id for b in spec.bagian]
    return [diag(loaded, ("kompetisi", spec.kunci, "bagian", name), "section-unknown", key=True,
                 name=name, competition=spec.ref, suggestion=Suggestion(closest(name, ids)),
                 allowed=", ".join(ids))
            for name in model.kompetisi[spec.kunci].bagian if name not in ids]


def check_sections(pair: Readiness) -> list[Diagnostic]:
    """Each rendered section: required ones filled, word limits, placeholders left in."""
    model, loaded = pair.entry.model, pair.entry.loaded
    assert model is not None and loaded is not None
    edition = pair.edition
    key, ref = edition.spec.kunci, edition.spec.ref
    out: list[Diagnostic] = []
    for section in pair.sections:
        bagian, text, words = section.bagian, section.text, section.words
        where = _source_path(model, key, bagian.id, edition.templates[bagian.id][0])
        common = {"section": bagian.judul, "competition": ref}
        if not text.strip():
            if bagian.wajib:
                out.append(diag(loaded, where, "section-empty", hint=".".join(map(str, where)),
                                **common))
            continue
        inferred = edition.spec.inferred(bagian.sumber, bagian.inferensi)
        if bagian.kata_maks and words > bagian.kata_maks and inferred:
            # A limit no source states is a warning that says so, never an error.
            out.append(diag(loaded, where, "words-limit-inferred", Severity.WARNING, words=words,
                            limit=bagian.kata_maks, relation=Phrase("lebih dari", "over"),
                            **common))
        elif bagian.kata_maks and words > bagian.kata_maks:
            out.append(diag(loaded, where, "words-over", words=words, limit=bagian.kata_maks,
                            **common))
        elif bagian.kata_maks and words >= NEAR_LIMIT * bagian.kata_maks and \
                (tokens := count_tokens(text)) > bagian.kata_maks:
            # Fits by Word's rule, not for a counter that takes "-" and "1." as words.
            out.append(diag(loaded, where, "words-over-tokens", Severity.WARNING, words=words,
                            tokens=tokens, limit=bagian.kata_maks,
                            cut=tokens - bagian.kata_maks, **common))
        elif bagian.kata_maks and words >= NEAR_LIMIT * bagian.kata_maks:
            out.append(diag(loaded, where, "words-near", Severity.WARNING, words=words,
                            limit=bagian.kata_maks, **common))
        if bagian.kata_min and words < bagian.kata_min and bagian.batas_dipinjam:
            out.append(diag(loaded, where, "words-under-borrowed", Severity.WARNING, words=words,
                            limit=bagian.kata_min, source=bagian.batas_dipinjam, **common))
        elif bagian.kata_min and words < bagian.kata_min and inferred:
            out.append(diag(loaded, where, "words-limit-inferred", Severity.WARNING, words=words,
                            limit=bagian.kata_min, relation=Phrase("kurang dari", "under"),
                            **common))
        elif bagian.kata_min and words < bagian.kata_min:
            out.append(diag(loaded, where, "words-under", words=words, limit=bagian.kata_min,
                            **common))
        elif bagian.kata_min and words < math.ceil(bagian.kata_min * MIN_MARGIN) and \
                not bagian.batas_dipinjam and not inferred:
            # Counters differ on dashes, hyphens and numbers: a text just over a minimum may
            # be under it on the portal.
            margin = math.ceil(bagian.kata_min * MIN_MARGIN) - bagian.kata_min
            out.append(diag(loaded, where, "words-near-min", Severity.WARNING, words=words,
                            limit=bagian.kata_min, above=words - bagian.kata_min,
                            margin=margin, **common))
        found = find_placeholder(text) if loaded.may_hold_placeholder or len(text) <= 60 \
            else None
        if found:
            out.append(diag(loaded, where, "section-placeholder", found=found, **common))
    return out


def check_choices(entry: Entry, spec: Spec) -> list[Diagnostic]:
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    out = []
    chosen = model.kompetisi[spec.kunci]
    for field_name, options in (("kelompok", spec.kelompok), ("kategori", spec.kategori)):
        value = getattr(chosen, field_name)
        codes = [o.kode for o in options]
        if value and options and value not in codes:
            out.append(diag(loaded, ("kompetisi", spec.kunci, field_name), "competition-option",
                            value=value, found=value, field=field_name, competition=spec.ref,
                            suggestion=Suggestion(closest(value, codes)),
                            allowed=", ".join(codes)))
            continue
        option = next((o for o in options if o.kode == value), None)
        for name in option.kolom_wajib if option else ():
            if not getattr(chosen, name):
                out.append(diag(loaded, ("kompetisi", spec.kunci), "option-needs-field",
                                competition=spec.ref, field=f"kompetisi.{spec.kunci}.{name}",
                                option=option.nama, kind=field_name))
    return out


def check_eligibility(entry: Entry, spec: Spec) -> list[Diagnostic]:
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    rules = spec.kelayakan
    ref = spec.ref
    out: list[Diagnostic] = []
    started = model.tanggal.penerapan
    group = spec.group_of(model.kompetisi[spec.kunci].kelompok)
    minimum_age = rules.usia_kelompok.get(group or "", rules.usia_minimal_tahun)
    deadline = spec.tenggat_by_code().get(rules.usia_dari_tenggat)
    if minimum_age and deadline is not None:  # without it the spec itself is reported
        if started is None:
            out.append(diag(loaded, ("tanggal",), "needs-start-date", competition=ref,
                            years=minimum_age))
        else:
            oldest = _years_before(deadline.tanggal, minimum_age)
            # Decided on the date's whole span: too young only if even its earliest possible
            # day is too late; a span across the limit cannot be decided, and says so.
            if started.earliest > oldest and rules.usia_dipinjam:
                # A rule taken from another edition is not this edition's: a warning that says so.
                out.append(diag(loaded, ("tanggal", "penerapan"), "too-young-borrowed",
                                Severity.WARNING, competition=ref,
                                years=minimum_age, started=started,
                                deadline=deadline.tanggal, latest=oldest,
                                source=rules.usia_dipinjam))
            elif started.earliest > oldest:
                out.append(diag(loaded, ("tanggal", "penerapan"), "too-young", competition=ref,
                                years=minimum_age, started=started,
                                deadline=deadline.tanggal, latest=oldest))
            elif started.latest > oldest:
                out.append(diag(loaded, ("tanggal", "penerapan"), "date-too-vague",
                                Severity.WARNING, competition=ref, started=started,
                                limit=oldest, rule=Phrase(
                                    f"usia minimal {minimum_age} tahun",
                                    f"the {minimum_age}-year minimum age")))
    window = rules.jendela_penerapan
    if window:
        def status(d: Waktu | None) -> str:
            if d is None or d.latest < window.mulai or d.earliest > window.selesai:
                return "out"
            return "in" if window.mulai <= d.earliest and d.latest <= window.selesai else "?"

        states = {status(started)}
        if window.atau_pengembangan:
            states.add(status(model.tanggal.pengembangan))
        if "in" not in states and "?" in states:
            out.append(diag(loaded, ("tanggal",), "date-too-vague", Severity.WARNING,
                            competition=ref, started=started or model.tanggal.pengembangan,
                            limit=window.mulai, rule=Phrase(
                                f"jendela penerapan {window.mulai.year}–{window.selesai.year}",
                                f"the {window.mulai.year}–{window.selesai.year} window")))
        elif "in" not in states:
            out.append(diag(loaded, ("tanggal",), "outside-window", competition=ref,
                            start=window.mulai, end=window.selesai))
    for rule in rules.pengecualian_penghargaan:
        group = model.kompetisi[spec.kunci].kelompok
        if rule.kelompok and group not in rule.kelompok:
            continue
        names = [n.casefold() for n in rule.kompetisi]
        matching = [(i, award) for i, award in enumerate(model.penghargaan)
                    if award.peringkat in rule.peringkat and award.tingkat in rule.tingkat
                    and any(n in award.kompetisi.casefold() for n in names)]
        if len(matching) >= rule.kali:
            i, award = matching[rule.kali - 1]
            out.append(diag(loaded, ("penghargaan", i), "excluded-by-award", competition=ref,
                            award=f"{award.peringkat} {award.kompetisi} {award.tahun}"
                            + (f" ({rule.kali}×)" if rule.kali > 1 else "")))
    for field_name, allowed in (("tahapan", rules.tahapan), ("bentuk", rules.bentuk),
                                ("jenis", rules.jenis)):
        value = getattr(model, field_name)
        if allowed and value not in allowed:
            out.append(diag(loaded, (field_name,), "not-eligible-class", value=value,
                            competition=ref, field=field_name, found=value,
                            allowed=", ".join(allowed)))
    if rules.sdgs_wajib and not model.sdgs:
        out.append(diag(loaded, ("sdgs",), "needs-field", competition=ref, field="sdgs"))
    for name in rules.kolom_wajib:
        if not getattr(model, name, None):
            out.append(diag(loaded, (name,), "needs-field", competition=ref, field=name))
    for name in rules.kolom_dianjurkan:
        if not getattr(model, name, None):
            out.append(diag(loaded, (name,), "field-recommended", Severity.WARNING,
                            competition=ref, field=name))
    for name in rules.satu_nilai:
        value = getattr(model, name, None)
        if isinstance(value, list) and len(value) > 1:
            out.append(diag(loaded, (name,), "form-takes-one", competition=ref, field=name,
                            found=", ".join(map(str, value)), count=len(value)))
    return out


def check_attachments(entry: Entry, spec: Spec) -> list[Diagnostic]:
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    out = []
    group = spec.group_of(model.kompetisi[spec.kunci].kelompok)
    for item in spec.lampiran:
        if not item.wajib or (item.kelompok and group not in item.kelompok):
            continue
        if item.jenis == "video":
            have = 1 if model.video else 0
            path: tuple[PathItem, ...] = ("video",)
        elif item.jenis == "foto":
            have = len(model.foto)
            path = ("foto",)
        else:
            named = [b for b in model.bukti if item.kode in b.mendukung]
            typed = [b for b in model.bukti if b.jenis in item.jenis_bukti]
            have = len(named or typed)
            path = ("bukti",)
        if have < item.jumlah_min and spec.inferred(item.sumber):
            # A requirement no source states is a warning that says so, never an error.
            out.append(diag(loaded, path, "attachment-missing-inferred", Severity.WARNING,
                            competition=spec.ref, name=item.nama, code_name=item.kode,
                            need=item.jumlah_min))
        elif have < item.jumlah_min:
            out.append(diag(loaded, path, "attachment-missing", competition=spec.ref,
                            name=item.nama, code_name=item.kode, need=item.jumlah_min))
    return out


def _years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def assess_entry(ws: Any, entry: Entry, registry: Registry, rules: Sequence[Rule] = (),
                 context: Any = None) -> list[Readiness]:
    """Every competition one entry enters, assessed; problems go to the workspace report."""
    config = ws.config
    model = entry.model
    assert config is not None and model is not None
    out: list[Readiness] = []
    for key in entered(model):
        if key not in registry.competition_keys():
            continue  # reported by the entry checks as an unknown competition
        year = edition_for(model, key, config)
        edition = registry.get(key, year)
        if edition is None:
            if not registry.available(key, year):
                ws.report.extend(attributed([diag(
                    entry.loaded, ("kompetisi", key), "edition-missing", competition=key,
                    year=year, allowed=", ".join(map(str, registry.editions(key))),
                    latest=max(registry.editions(key), default=year))],
                    f"{key}/{year}"))
            continue
        if edition.spec.satuan == "pemda":
            # One document for the region, checked once (lomba.check.region); an idea is not
            # yet a product or service its measurement table lists.
            if model.tahapan == "ide":
                ws.report.extend(attributed([diag(
                    entry.loaded, ("kompetisi", key), "region-idea-excluded", Severity.WARNING,
                    key=True)],
                    edition.ref))
            continue
        readiness = assess(entry, edition, config, rules, context)
        ws.report.extend(readiness.diagnostics)
        out.append(readiness)
    return out
