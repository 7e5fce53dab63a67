"""lomba's own HTML templates (the document preview, the dashboard), compiled ahead of time.

Jinja turns a template into Python in every process that renders it: the dashboard's took a
fiftieth of a second of every build, a tenth of a one-entry build's desk. lomba's own templates
are therefore compiled ahead, into ``data/html/terkompilasi/`` (``python -m
lomba.write.own_templates`` writes them; a test fails when they fall behind), and imported as
modules, whose bytecode Python keeps as for any module. A compiled template is used only when
it was made from the same source, with the same options, by the same Jinja
(``terkompilasi/indeks.json`` records each); anything else is compiled from the source, as
before. These are lomba's files, as trusted as its code: a workspace's own templates are never
compiled ahead (``validate/sandbox.py`` renders those).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

COMPILED = "terkompilasi"
INDEX = "indeks.json"


def _folder() -> Path:
    return Path(str(resources.files("lomba") / "data" / "html"))


def _source(name: str) -> str:
    return (_folder() / name).read_text("utf-8")


def _stamp(name: str, source: str, options: dict[str, Any], filters: list[str]) -> str:
    """What a compiled template must have been made from: source, options, the names of the
    extra filters, Jinja."""
    made = json.dumps([jinja2.__version__, sorted(options.items()), sorted(filters), name,
                       source], default=str)
    return hashlib.sha1(made.encode("utf-8")).hexdigest()


class _AheadLoader(jinja2.BaseLoader):
    """lomba's own templates: the module compiled ahead where it is current, else the
    source."""

    def __init__(self, options: dict[str, Any], filters: list[str], compiled: Path) -> None:
        self.options = options
        self.filters = filters
        self.compiled = compiled
        try:
            found = json.loads((compiled / INDEX).read_text("utf-8"))["templates"]
            self.index: dict[str, str] = found if isinstance(found, dict) else {}
        except (OSError, ValueError, TypeError, KeyError):
            self.index = {}
        self.modules = jinja2.ModuleLoader(compiled) if self.index else None

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str | None, Any]:
        try:
            return _source(template), None, lambda: True
        except OSError:
            raise jinja2.TemplateNotFound(template) from None

    def load(self, environment: jinja2.Environment, name: str,
             globals: Any = None) -> jinja2.Template:
        if self.modules is not None and self.index.get(name) == _stamp(
                name, self.get_source(environment, name)[0], self.options, self.filters):
            try:
                return self.modules.load(environment, name, globals)
            except (jinja2.TemplateNotFound, ImportError, AttributeError, SyntaxError):
                pass  # missing or damaged: compiled from the source
        return super().load(environment, name, globals)


def environment(filters: dict[str, Callable[..., Any]] | None = None,
                compiled: Path | None = None, **options: Any) -> jinja2.Environment:
    """The environment of lomba's own templates: escaping on, undefined names an error,
    ``filters`` added, and ``options`` (those the compiled modules were made with; see
    :data:`TEMPLATES`)."""
    filters = filters or {}
    env = jinja2.Environment(
        loader=_AheadLoader(options, list(filters), compiled or _folder() / COMPILED),
        autoescape=True, undefined=jinja2.StrictUndefined, **options)
    env.filters.update(filters)
    return env


TEMPLATES: dict[str, tuple[dict[str, Any], list[str]]] = {
    "dasbor.html.j2": ({}, ["tanggal"]),
    "pratinjau.html.j2": ({"keep_trailing_newline": True}, []),
}
"""Each own template, with the options and the names of the extra filters of the environment
that renders it."""


def _not_now(*_: Any, **__: Any) -> Any:
    """A filter's stand-in while compiling: never folded into the code as a constant."""
    raise RuntimeError("filters are not run while compiling")


def compile_ahead(target: Path) -> None:
    """Write every own template's module and the index into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    index = {}
    for name, (options, filters) in TEMPLATES.items():
        source = _source(name)
        env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, **options)
        env.filters.update(dict.fromkeys(filters, _not_now))
        code = env.compile(source, name, name, raw=True, defer_init=True)
        module = jinja2.ModuleLoader.get_module_filename(name)
        (target / module).write_text(code, encoding="utf-8", newline="\n")
        index[name] = _stamp(name, source, options, filters)
    (target / INDEX).write_text(
        json.dumps({"jinja": jinja2.__version__, "templates": index}, indent=1,
                   sort_keys=True) + "\n", encoding="utf-8", newline="\n")


if __name__ == "__main__":
    compile_ahead(Path(sys.argv[1]) if len(sys.argv) > 1 else _folder() / COMPILED)
