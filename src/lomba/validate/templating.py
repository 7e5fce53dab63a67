"""Section templates: sandboxed Jinja with strict undefined names.

Entry text is data. It reaches a template as a value and is printed as it is: a ``{{`` typed by
an innovator is never evaluated. A template mistake is reported with the spec file and line.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

import jinja2

from lomba.diagnostics import Diagnostic, Severity
from lomba.locale import angka, kuantitas, rupiah, tanggal, waktu
from lomba.validate.sandbox import LimitedEnvironment, render_limited
from lomba.validate.sandbox import make_environment as limited_environment

if TYPE_CHECKING:
    from lomba.validate.edition import Edition


def _teks(value: Any) -> str:
    return "" if value is None else str(value)


def make_environment() -> LimitedEnvironment:
    """The sandbox every spec and letter template runs in (see :mod:`lomba.validate.sandbox`),
    with lomba's filters."""
    return limited_environment(rupiah=rupiah, tanggal=_tanggal, angka=_angka, teks=_teks)


def _angka(value: Any) -> str:
    """The ``angka`` filter: a number, or a measured value as written (a range, an estimate)."""
    return kuantitas(value) if hasattr(value, "low") else angka(value)


def _tanggal(value: Any) -> str:
    """The ``tanggal`` filter: a day as "2 November 2017", and a fact's date at the precision
    it was written ("2017", "November 2017")."""
    if value is None or isinstance(value, date):
        return tanggal(value)
    return waktu(value)


_ENV = make_environment()


class TemplateProblem(Exception):
    """A template failed; ``diagnostic`` points at its line in the spec file."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


def _name(edition: Edition, section: str) -> str:
    return f"{edition.display}#{section}"


def _compile(edition: Edition, section: str) -> jinja2.Template:
    source, _ = edition.templates[section]
    cache = edition.__dict__.setdefault("_compiled", {})
    if section not in cache:
        code = _ENV.compile(source, name=_name(edition, section),
                            filename=_name(edition, section))
        cache[section] = _ENV.template_class.from_code(_ENV, code, _ENV.make_globals(None))
    return cache[section]


def _problem(edition: Edition, section: str, line_in_template: int, detail: str) -> Diagnostic:
    _, start = edition.templates[section]
    index = next(i for i, b in enumerate(edition.spec.bagian) if b.id == section)
    column = edition.loaded.position(("bagian", index, "templat"))[1]
    return Diagnostic(edition.display, start + max(line_in_template, 1) - 1, column,
                      ("bagian", index, "templat"), Severity.ERROR, "template-error",
                      {"section": section, "detail": detail})


def compile_problems(edition: Edition) -> list[Diagnostic]:
    """Syntax errors in an edition's section templates."""
    out = []
    for section, (source, _) in edition.templates.items():
        if _SINGLE_FIELD_RE.match(source):
            continue  # one field, printed without Jinja (see render_section): nothing to fail
        try:
            _compile(edition, section)
        except jinja2.TemplateSyntaxError as exc:
            out.append(_problem(edition, section, exc.lineno or 1, exc.message or str(exc)))
    return out


_SINGLE_FIELD_RE = re.compile(r"\{\{ (narasi|bagian)\.(\w+) \}\}\Z")


def render_section(edition: Edition, section: str, context: dict[str, Any]) -> str:
    """Render one section's text; a failure raises :class:`TemplateProblem`."""
    source, _ = edition.templates[section]
    own = context.get("bagian", {}).get(section)
    if own and source != "{{ bagian." + section + " }}":
        # The entry's own text for this section (kompetisi.<k>.bagian.<id>) replaces whatever
        # the template would print: so a hint to write it there is always right.
        return _tidy(str(own))
    single = _SINGLE_FIELD_RE.match(source)
    if single and single[2] in context[single[1]]:
        # Most sections print one field: the same result without a Jinja render.
        return _tidy(str(context[single[1]][single[2]]))
    template = _compile(edition, section)
    try:
        text = render_limited(template, context)
    except Exception as exc:
        raise TemplateProblem(_problem(edition, section, _template_line(_name(edition, section)),
                                       _describe(exc))) from None
    return _tidy(text)


def _template_line(name: str) -> int:
    """The template line of the innermost traceback frame in ``name`` (Jinja rewrites
    tracebacks to template lines)."""
    tb = sys.exc_info()[2]
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _describe(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        return re.sub(r"^'(?:dict|[\w.]+) object' has no attribute ", "tidak ada kolom ",
                      exc.message or str(exc))
    if isinstance(exc, jinja2.TemplateError):
        return exc.message or str(exc)
    return f"{type(exc).__name__}: {exc}"


_BLANKS_RE = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """Trim each line's trailing spaces and collapse runs of blank lines."""
    if " \n" not in text and "\t\n" not in text and "\n\n\n" not in text:
        return text.strip()
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANKS_RE.sub("\n\n", "\n".join(lines))
