"""lomba's own templates compiled ahead (``write/own_templates.py``): current with their sources,
used when current, and never a different page from the one the source makes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jinja2
import pytest

from lomba.build import run_build
from lomba.desk import dashboard
from lomba.write import html_writer, own_templates

COMPILED = Path(own_templates.__file__).parent.parent / "data" / "html" / own_templates.COMPILED
MADE_WITH = json.loads((COMPILED / own_templates.INDEX).read_text("utf-8"))["jinja"]
SAME_JINJA = pytest.mark.skipif(
    jinja2.__version__ != MADE_WITH,
    reason=f"compiled with Jinja {MADE_WITH}; this one compiles from the sources")


@SAME_JINJA
def test_the_compiled_templates_are_those_of_the_sources(tmp_path: Path) -> None:
    """After a template changes, run ``python -m lomba.write.own_templates``."""
    own_templates.compile_ahead(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in COMPILED.iterdir() if p.is_file())
    for name in made:
        assert (tmp_path / name).read_bytes() == (COMPILED / name).read_bytes(), name


def never_compile(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise AssertionError("compiled from the source")


@SAME_JINJA
@pytest.mark.parametrize("name", list(own_templates.TEMPLATES))
def test_a_current_compiled_template_is_not_compiled_again(monkeypatch, name: str) -> None:  # type: ignore[no-untyped-def]
    options, filters = own_templates.TEMPLATES[name]
    env = own_templates.environment({f: str for f in filters}, **options)
    monkeypatch.setattr(jinja2.Environment, "compile", never_compile)
    assert env.get_template(name).name == name


def taken_from_module(template: jinja2.Template) -> bool:
    """A template made from a compiled module names that module; one compiled now, none."""
    return str(template.filename).endswith(".py")


@SAME_JINJA
def test_a_compiled_template_is_taken_from_its_module(tmp_path: Path) -> None:
    own_templates.compile_ahead(tmp_path)
    env = own_templates.environment(compiled=tmp_path, keep_trailing_newline=True)
    assert taken_from_module(env.get_template("pratinjau.html.j2"))


@pytest.mark.parametrize("damage", ["stale", "broken module", "no index", "other options",
                                    "other filters"])
def test_a_compiled_template_that_does_not_fit_is_compiled_from_the_source(
        tmp_path: Path, damage: str) -> None:
    own_templates.compile_ahead(tmp_path)
    name = "pratinjau.html.j2"
    if damage == "stale":
        index = json.loads((tmp_path / own_templates.INDEX).read_text("utf-8"))
        index["templates"][name] = "0" * 40
        (tmp_path / own_templates.INDEX).write_text(json.dumps(index), encoding="utf-8")
    elif damage == "broken module":
        (tmp_path / jinja2.ModuleLoader.get_module_filename(name)).write_text(
            "def root(:\n", encoding="utf-8")
    elif damage == "no index":
        (tmp_path / own_templates.INDEX).unlink()
    options = {} if damage == "other options" else {"keep_trailing_newline": True}
    filters = {"tanggal": str} if damage == "other filters" else {}
    env = own_templates.environment(filters, compiled=tmp_path, **options)
    assert not taken_from_module(env.get_template(name))


def test_the_pages_from_compiled_templates_are_those_from_the_sources(
        sample: Path, tmp_path: Path) -> None:
    """Every HTML file of a build (previews and the dashboard) is the same byte for byte
    whether the templates came compiled or were compiled from their sources."""
    run_build(sample)
    assert taken_from_module(dashboard._ENV.get_template("dasbor.html.j2")) or \
        jinja2.__version__ != MADE_WITH
    ahead = {p.relative_to(sample / "build"): p.read_bytes()
             for p in (sample / "build").rglob("*.html")}
    assert any(p.name == "index.html" for p in ahead) and len(ahead) > 2
    empty = tmp_path / "kosong"
    empty.mkdir()
    envs = ((dashboard._ENV, {}, ["tanggal"]),
            (html_writer._ENV, {"keep_trailing_newline": True}, []))
    for env, options, filters in envs:
        env.loader = own_templates._AheadLoader(options, filters, empty)
        env.cache.clear()
    try:
        shutil.rmtree(sample / "build")
        run_build(sample)
        again = {p.relative_to(sample / "build"): p.read_bytes()
                 for p in (sample / "build").rglob("*.html")}
    finally:
        for env, options, filters in envs:
            env.loader = own_templates._AheadLoader(options, filters, COMPILED)
            env.cache.clear()
    assert again == ahead
