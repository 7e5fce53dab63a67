"""Spec and letter templates are input: they run in an immutable sandbox with limits, and every
failure is a diagnostic at the template's line, in `check` and `build` alike."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from lomba.validate.sandbox import TemplateLimit, make_environment, render_limited
from tests.conftest import run

SPEC = Path("templates") / "sinovik" / "2019" / "spec.yaml"

HOSTILE = [
    ("power", "{{ 2**(2**40) }}"),
    ("power-tower", "{{ ((((2**64)**64)**64)**64)**64 }}"),
    ("repeat", "{{ 'x' * 10**10 }}"),
    ("repeat-list", "{{ [1] * 10**10 }}"),
    ("nested-range", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                     "{% endfor %}"),
    ("huge-range", "{{ range(10**12) | list | length }}"),
    ("center", "{{ 'x' | center(10**10) }}"),
    ("indent", "{{ ('a\\n' * 500000) | indent(1000000) }}"),
    ("percent-width", "{{ '%999999999s' % 'x' }}"),
    ("format-filter", "{{ '%999999999d' | format(1) }}"),
    ("format-method", "{{ '{:>999999999}'.format(1) }}"),
    ("ljust", "{{ 'x'.ljust(10**10) }}"),
    ("replace", "{{ ('a' * 1000000).replace('a', 'b' * 1000000) }}"),
    ("join", "{{ ('x' * 1000000).join(['a'] * 1000000) }}"),
    ("concat-doubling", "{% set a = 'x' * 1000000 %}{% set b = a ~ a %}{{ (b ~ b) | length }}"),
    ("expandtabs", "{{ ('\\t' * 1000000).expandtabs(1000000) }}"),
    ("divide-by-zero", "{{ 1/0 }}"),
    ("include", "{% include 'lomba.yaml' %}"),
    ("mutation", "{{ inovasi.tim.clear() }}"),
    ("dict-mutation", "{{ narasi.update({'ringkasan': 'x'}) }}"),
    ("pydantic", "{{ inovasi.model_construct() }}"),
    ("class-walk", "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    ("globals", "{{ self._TemplateReference__context }}"),
]


def _spec_with(sample: Path, template: str) -> int:
    """Copy sinovik/2019 into the workspace with ``template`` as the ringkasan template;
    returns the line it is on."""
    assert run("kompetisi", "salin", "sinovik/2019", cwd=sample).exit_code == 0
    path = sample / SPEC
    text = path.read_text(encoding="utf-8")
    marker = "  - id: ringkasan\n"
    quoted = "'" + template.replace("'", "''") + "'"
    text = text.replace(marker, marker + f"    templat: {quoted}\n", 1)
    path.write_text(text, encoding="utf-8")
    return text[:text.index("    templat: " + quoted)].count("\n") + 1


@pytest.mark.parametrize("template", [h[1] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_a_hostile_template_is_a_located_error_in_check_and_build(sample: Path,
                                                                  template: str) -> None:
    line = _spec_with(sample, template)
    started = time.monotonic()
    checked = run("check", cwd=sample)
    assert checked.exit_code == 1
    assert f"{SPEC.as_posix()}:{line}:" in checked.output
    assert "[template-error]" in checked.output
    built = run("build", "--kompetisi", "sinovik/2019", cwd=sample)
    assert built.exit_code == 1, built.output
    assert "[template-error]" in built.output and "Traceback" not in built.output
    assert time.monotonic() - started < 30, "limits end the render, not the test's patience"
    assert not list((sample / "build").glob("sinovik-2019/**/*.docx"))


def test_a_template_cannot_change_what_another_document_prints(sample: Path) -> None:
    """The team table of another competition's document from the same entry is intact, and a
    broken template stops only its own competition's documents."""
    _spec_with(sample, "{{ inovasi.tim.clear() or '' }}{{ narasi.ringkasan }}")
    result = run("build", cwd=sample)
    assert result.exit_code == 1
    assert result.output.count("[template-error]") == 1, "reported once, not once per entry"
    assert not list((sample / "build").glob("sinovik-2019/**/*.docx"))
    assert run("build", cwd=sample).exit_code == 1, "not a no-op while the spec is broken"
    (path,) = (sample / "build").glob("rai-2019/dinkes/si-bunda.docx")
    text = "\n".join(c.text for t in docx.Document(str(path)).tables for r in t.rows
                     for c in r.cells)
    assert "Rahmawati, S.ST., M.Kes." in text


def test_ordinary_templates_still_render() -> None:
    env = make_environment()
    template = env.from_string(
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ 'a' ~ 'b' }} {{ 2**10 }} "
        "{{ '%05d' % 42 }} {{ 'x' * 3 }} {{ ['a', 'b'] | join(', ') }} {{ 'ab'.upper() }}")
    assert render_limited(template, {}) == "012 ab 1024 00042 xxx a, b AB"


def test_a_long_running_template_is_stopped_by_the_watchdog(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from lomba.validate import sandbox
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.3)
    text = "x" * 3000
    template = make_environment().from_string(
        "{% for a in t %}{% for b in t %}{% for c in t %}{% endfor %}{% endfor %}{% endfor %}")
    with pytest.raises(TemplateLimit):
        render_limited(template, {"t": text})


@pytest.mark.parametrize("template", ["{{ 1/0 }}", "{{ 'x' * 10**10 }}",
                                      "{{ opd.nama.__class__ }}", "{{ kekurangan.clear() }}"])
def test_a_hostile_letter_template_is_a_located_message(sample: Path, template: str) -> None:
    own = sample / "templates" / "surat"
    own.mkdir(parents=True)
    (own / "teguran.md.j2").write_text("Yth.\n" + template + "\n", encoding="utf-8")
    result = run("surat", "teguran", cwd=sample)
    assert result.exit_code == 1
    assert "templates/surat/teguran.md.j2:2" in result.output
    assert "Traceback" not in result.output
