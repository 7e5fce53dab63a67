"""lomba's own check rules, registered by name and scope (see :mod:`lomba.check.rules`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lomba.check.competition import (
    check_attachments,
    check_choices,
    check_eligibility,
    check_section_names,
    check_sections,
)
from lomba.check.completeness import check_completeness, config_placeholders
from lomba.check.deadlines import deadline_diagnostics
from lomba.check.document_dates import check_document_date
from lomba.check.entries import (
    check_acronym,
    check_competitions_known,
    check_config,
    check_dates,
    check_files,
    check_letters,
    check_opd,
    check_repeats,
    check_titles,
)
from lomba.check.iga import check_claims
from lomba.check.quota import check_group_quotas
from lomba.check.rules import rule
from lomba.diagnostics import Diagnostic, Severity
from lomba.errors import LombaError
from lomba.load.reference import reference_bytes, reference_for

if TYPE_CHECKING:
    from lomba.check.checker import Checker
    from lomba.check.competition import Readiness
    from lomba.validate.snapshot import Entry


@rule("config", "workspace", "opd-duplicate", "evidence-absolute", "evidence-parent",
      "evidence-outside", "evidence-missing", "evidence-not-file", "image-invalid",
      "config-placeholder")
def _config(ctx: Checker, _: None) -> Iterable[Diagnostic]:
    found = check_config(ctx.ws)
    if ctx.ws.config_loaded is not None and ctx.ws.config_loaded.data is not None:
        found += config_placeholders(ctx.ws.config_loaded)
    return found


@rule("letters", "workspace", "letter-pattern-invalid", "register-duplicate", "register-altered",
      "register-highwater", "register-gap", "register-rollback")
def _letters(ctx: Checker, _: None) -> Iterable[Diagnostic]:
    return check_letters(ctx.ws)


@rule("reference", "workspace", "reference-invalid", "input-outside")
def _reference(ctx: Checker, _: None) -> Iterable[Diagnostic]:
    """The workspace's reference document opens as a Word file inside the workspace: the same
    test the build applies before it writes anything."""
    try:
        reference_bytes(reference_for(ctx.ws.root))
    except LombaError as exc:
        return [Diagnostic(exc.params.get("path", "templates/referensi.docx"), 1, 1, (),
                           Severity.ERROR, exc.code, exc.params)]
    return []


@rule("opd", "entry", "opd-unknown", "opd-folder-mismatch", "entry-name-unsafe")
def _opd(ctx: Checker, entry: Entry) -> Iterable[Diagnostic]:
    return check_opd(ctx.ws, entry)


@rule("files", "entry", "evidence-absolute", "evidence-parent", "evidence-outside",
      "evidence-missing", "evidence-not-file", "image-invalid")
def _files(ctx: Checker, entry: Entry) -> Iterable[Diagnostic]:
    return check_files(ctx.ws, entry)


@rule("competitions-known", "entry", "competition-unknown")
def _known(ctx: Checker, entry: Entry) -> Iterable[Diagnostic]:
    return check_competitions_known(entry, ctx.known)


@rule("repeats", "entry", "duplicate-item")
def _repeats(ctx: Checker, entry: Entry) -> Iterable[Diagnostic]:
    return check_repeats(entry)


@rule("dates", "entry", "dates-order")
def _dates(ctx: Checker, entry: Entry) -> Iterable[Diagnostic]:
    return check_dates(entry)


@rule("acronym", "entry", "acronym-no-expansion")
def _acronym(ctx: Checker, entry: Entry) -> Iterable[Diagnostic]:
    return check_acronym(entry)


@rule("completeness", "entry", "incomplete-field", "placeholder")
def _completeness(ctx: Checker, entry: Entry) -> Iterable[Diagnostic]:
    return check_completeness(entry)


@rule("eligibility", "pair", "needs-start-date", "too-young", "outside-window",
      "excluded-by-award", "not-eligible-class", "needs-field", "field-recommended",
      "form-takes-one", "date-too-vague", "too-young-borrowed")
def _eligibility(ctx: Checker, pair: Readiness) -> Iterable[Diagnostic]:
    return check_eligibility(pair.entry, pair.edition.spec)


@rule("document-date", "pair", "document-after-deadline", "fact-after-document",
      "edition-provisional", "edition-inferred")
def _document_date(ctx: Checker, pair: Readiness) -> Iterable[Diagnostic]:
    if ctx.ws.config is None:
        return []
    return check_document_date(pair, ctx.ws.config, ctx.ws.today)


@rule("section-names", "pair", "section-unknown")
def _section_names(ctx: Checker, pair: Readiness) -> Iterable[Diagnostic]:
    return check_section_names(pair)


@rule("sections", "pair", "section-empty", "words-over", "words-near", "words-under",
      "words-over-tokens", "words-near-min",
      "words-under-borrowed", "words-limit-inferred",
      "section-placeholder")
def _sections(ctx: Checker, pair: Readiness) -> Iterable[Diagnostic]:
    return check_sections(pair)


@rule("choices", "pair", "competition-option", "option-needs-field")
def _choices(ctx: Checker, pair: Readiness) -> Iterable[Diagnostic]:
    return check_choices(pair.entry, pair.edition.spec)


@rule("attachments", "pair", "attachment-missing", "attachment-missing-inferred")
def _attachments(ctx: Checker, pair: Readiness) -> Iterable[Diagnostic]:
    return check_attachments(pair.entry, pair.edition.spec)


@rule("iga-claims", "pair", "iga-unknown-indicator", "iga-mandatory-missing", "iga-basis-unknown",
      "iga-claim-unsupported", "iga-verdict-unknown-file", "iga-rejected-no-reason")
def _claims(ctx: Checker, pair: Readiness) -> Iterable[Diagnostic]:
    return check_claims(pair.entry, pair.edition.spec)


@rule("titles", "finish", "title-duplicate")
def _titles(ctx: Checker, _: None) -> Iterable[Diagnostic]:
    return check_titles(ctx.ws, ctx.other_titles)


@rule("group-quotas", "finish", "group-quota-exceeded")
def _group_quotas(ctx: Checker, _: None) -> Iterable[Diagnostic]:
    if not ctx.competitions:
        return []
    return check_group_quotas(ctx.ws, ctx.other_pairs)


@rule("deadlines", "finish", "deadline-passed", "deadline-near")
def _deadlines(ctx: Checker, _: None) -> Iterable[Diagnostic]:
    ws = ctx.ws
    if not ctx.competitions or ws.config is None:
        return []
    used = {r.edition.ref: r.edition for r in ws.readiness}
    used.update((e.ref, e) for e in ctx.other_editions if e.ref not in used)
    return deadline_diagnostics(list(used.values()), ws.config, ws.today)
