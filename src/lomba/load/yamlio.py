"""Load YAML with source positions, and turn every way a file can be wrong into a diagnostic.

PyYAML (with libyaml) composes the node tree; the tree is then built into plain Python values here
rather than by PyYAML's constructor, because that is where lomba needs control:

- every value's line and column is recorded by its field path, so schema errors point at the text;
- duplicate keys, which PyYAML accepts silently, are reported;
- YAML 1.1 surprises are avoided: only ``true``/``false`` are booleans (``no`` stays text), numbers
  with leading zeros (phone numbers, NIP) stay text, and dates stay text so the model can validate
  them with one clear message;
- anchors and aliases are bounded, so a "billion laughs" file cannot exhaust memory;
- characters that a DOCX cannot hold are reported with their field and position.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import yaml

from lomba.diagnostics import Diagnostic, PathItem, Severity
from lomba.messages import Phrase
from lomba.xmltext import first_xml_illegal

MAX_FILE_BYTES = 1024 * 1024
PLACEHOLDER_HINTS = ("todo", "tbd", "xxx", "lorem", "isi di", "[isi", "...", "…")
"""Placeholders inside long text. A whole short value that stands in ("-", "(belum diisi)") is
found without this hint (see check.completeness.placeholder_value)."""
"""Lower-case text whose presence may mean a placeholder was left (see checks.completeness)."""
MAX_NODES = 100_000
MAX_DEPTH = 64
"""Deeper nesting than any lomba file needs; refused before Python's recursion limit is near."""
MAX_DIGITS = 40
"""An integer longer than this is no quantity a user means (and Python refuses to convert
numbers beyond 4,300 digits); it is kept as text, which the model then reports."""

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Composes nodes without PyYAML's implicit typing, which :class:`_Builder` does instead
    (more strictly, and without a Python call per scalar inside the C parser)."""

    def resolve(self, kind, value, implicit):  # type: ignore[no-untyped-def]
        return ""


_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)\Z")
_FLOAT_RE = re.compile(
    r"[-+]?(?:(?:(?:0|[1-9][0-9_]*)\.[0-9_]*|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?"
    r"|(?:0|[1-9][0-9_]*)[eE][-+]?[0-9]+)\Z"
)

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
          "FALSE": False}

Position = tuple[int, int]


@dataclass
class LoadedYaml:
    """A YAML document as plain values, with where each value and key stands in the file."""

    file: str
    data: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)
    may_hold_placeholder: bool = True
    """False when the raw text holds no placeholder hint at all, so no field needs scanning."""
    digest: str | None = None
    """SHA-1 of the file's bytes, when known (the parse cache computes it)."""
    json_unsafe: bool = False
    """True when the data holds a value JSON would not give back (an infinite number)."""
    _values: dict[tuple[PathItem, ...], Position] | None = field(default=None, repr=False)
    _keys: dict[tuple[PathItem, ...], Position] | None = field(default=None, repr=False)
    lazy_positions: bytes | tuple[list[Any], list[Any]] | None = field(default=None, repr=False)
    """Positions as stored in the parse cache (still JSON text, or decoded), turned into dicts
    only if a diagnostic needs them: most entries never do, and decoding them costs more than
    decoding the data."""
    shallow: dict[PathItem, tuple[Position, Position]] | None = field(default=None, repr=False)
    """Value and key positions of the top-level fields, kept apart by the parse cache so that
    :meth:`release` can keep one of them without decoding the rest."""

    def release(self, keep: Iterable[tuple[PathItem, ...]] = ()) -> None:
        """Drop the parsed values and positions (but those of ``keep``) once the file's checks
        have run: the validated model keeps the same strings, so a large workspace is held in
        memory once, not twice, and not all at the same time."""
        keep = list(keep)
        shallow = self.shallow if self.lazy_positions is not None else None
        if shallow is not None and all(len(p) == 1 and p[0] in shallow for p in keep):
            kept = {p: shallow[p[0]][0] for p in keep}
            kept_keys = {p: shallow[p[0]][1] for p in keep}
        else:
            kept = {p: self.position(p) for p in keep}
            kept_keys = {p: self.position(p, key=True) for p in keep}
        self.data = None
        self.lazy_positions = None
        self.shallow = None
        self._values = kept
        self._keys = kept_keys

    def _materialize(self) -> None:
        if self.lazy_positions is not None:
            try:
                lazy = self.lazy_positions
                values, keys = orjson.loads(lazy) if isinstance(lazy, bytes) else lazy
                self._values = {tuple(k): (v[0], v[1]) for k, v in values}
                self._keys = {tuple(k): (v[0], v[1]) for k, v in keys}
            except (ValueError, TypeError, IndexError):
                pass  # a damaged cache file: positions fall back to the top of the file
            self.lazy_positions = None
        if self._values is None:
            self._values = {}
        if self._keys is None:
            self._keys = {}

    @property
    def values(self) -> dict[tuple[PathItem, ...], Position]:
        """Field path -> (line, column) of its value."""
        if self._values is None:
            self._materialize()
        assert self._values is not None
        return self._values

    @values.setter
    def values(self, mapping: dict[tuple[PathItem, ...], Position]) -> None:
        self._values = mapping

    @property
    def keys(self) -> dict[tuple[PathItem, ...], Position]:
        """Field path -> (line, column) of its key."""
        if self._keys is None:
            self._materialize()
        assert self._keys is not None
        return self._keys

    @keys.setter
    def keys(self, mapping: dict[tuple[PathItem, ...], Position]) -> None:
        self._keys = mapping

    def position(self, path: tuple[PathItem, ...], *, key: bool = False) -> Position:
        """Position of the value at ``path`` (or its key), else of the nearest ancestor."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


class YamlLoadError(Exception):
    """The file cannot be turned into data at all; the diagnostic says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


class _Stop(Exception):
    def __init__(self, code: str, node: yaml.Node, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.node = node
        self.params = params


def _error(file: str, line: int, column: int, code: str, **params: Any) -> YamlLoadError:
    return YamlLoadError(Diagnostic(file, line, column, (), Severity.ERROR, code, params))


def read_text(path: Path, display: str, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a file as UTF-8 text, refusing huge or non-text files with a positioned diagnostic."""
    return _read(path, display, max_bytes)[0]


def _read(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[str, bytes]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _error(display, 1, 1, "file-too-large", size=size, limit=max_bytes)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _error(display, 1, 1, "file-missing", what=display) from None
    except IsADirectoryError:
        raise _error(display, 1, 1, "file-unreadable", reason="folder") from None
    except OSError as exc:
        raise _error(display, 1, 1, "file-unreadable", reason=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error(
            display, line, column, "file-not-utf8", byte=f"{raw[exc.start]:02X}"
        ) from None
    return text.removeprefix("\ufeff"), raw


def load_yaml_file(path: Path, display: str) -> LoadedYaml:
    """Read and parse one YAML file. Raises :class:`YamlLoadError` when there is no usable data."""
    text, raw = _read(path, display)
    loaded = parse_yaml(text, display, may_hold_placeholder=placeholder_hint(raw))
    loaded.digest = hashlib.sha1(raw).hexdigest()
    return loaded


def placeholder_hint(raw: bytes) -> bool:
    """Could this file hold a placeholder anywhere? (bytes.lower is ASCII-only and fast; the
    hints are ASCII or case-less.)"""
    lowered = raw.lower()
    return any(h.encode() in lowered for h in PLACEHOLDER_HINTS)


def _plain_value(text: str) -> Any:
    """What a plain (unquoted, untagged) scalar ``text`` means: null, a boolean, a number, or
    ``text`` itself (the same object)."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    first = text[:1]
    if first.isdigit() or first in "-+.":
        if _INT_RE.match(text):
            return text if len(text) > MAX_DIGITS else int(text.replace("_", ""))
        if _FLOAT_RE.match(text) and any(c.isdigit() for c in text):
            return float(text.replace("_", ""))
    return text


def typed_as_other(text: str) -> bool:
    """Whether a plain (unquoted) scalar ``text`` is read as something other than that text
    (null, a boolean, a number), as :class:`_Builder` types it."""
    return _plain_value(text) is not text


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting every string lomba reads as another type: PyYAML follows
    YAML 1.1 and writes ``1234567e89012345`` bare, which lomba (as YAML 1.2) reads as a
    number."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text,
                                   style="'" if typed_as_other(text) else None)


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data: Any) -> str:
    """``data`` as YAML that :func:`parse_yaml` reads back as the same values (keys in the
    given order, text as written)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def parse_yaml(text: str, display: str, *, may_hold_placeholder: bool = True) -> LoadedYaml:
    if not text.strip():
        raise _error(display, 1, 1, "file-empty")
    try:
        root = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise _error(display, 1, 1, "yaml-too-deep", limit=MAX_DEPTH) from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise _error(display, line, column, "control-char", char=char, index=column) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, display, exc) from None
    except UnicodeEncodeError as exc:  # lone surrogates: only from text not read from a file
        line, column = _line_col(text, exc.start)
        char = f"U+{ord(text[exc.start]):04X}"
        raise _error(display, line, column, "control-char", char=char, index=column) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always marks its errors
        raise _error(display, 1, 1, "yaml-syntax", problem=str(exc)) from None
    if root is None:
        raise _error(display, 1, 1, "file-empty")
    loaded = LoadedYaml(file=display, data=None, may_hold_placeholder=may_hold_placeholder)
    builder = _Builder(loaded)
    try:
        loaded.data = builder.build(root, ())
    except _Stop as stop:
        mark = stop.node.start_mark
        raise _error(display, mark.line + 1, mark.column + 1, stop.code, **stop.params) from None
    return loaded


# libyaml's most common complaints, said the way a user can act on them.
_PROBLEMS: dict[str, tuple[str, str]] = {
    "mapping values are not allowed": (
        "ada titik dua `:` yang tidak diharapkan; teks yang memuat `: ` perlu diberi tanda kutip",
        "an unexpected colon `:`; text containing `: ` must be quoted",
    ),
    "did not find expected ',' or ']'": (
        "kurung siku `[` tidak ditutup dengan `]`",
        "a `[` is never closed with `]`",
    ),
    "did not find expected ',' or '}'": (
        "kurung kurawal `{` tidak ditutup dengan `}`",
        "a `{` is never closed with `}`",
    ),
    "did not find expected key": (
        "indentasi tidak konsisten atau ada baris yang bukan `kolom: nilai`",
        "inconsistent indentation, or a line that is not `key: value`",
    ),
    "did not find expected '-' indicator": (
        "indentasi butir daftar `- ` tidak konsisten",
        "list items `- ` are not indented consistently",
    ),
    "could not find expected ':'": (
        "kolom tanpa titik dua `:`, atau tanda kutip yang tidak ditutup",
        "a key without a colon `:`, or an unclosed quote",
    ),
    "found unexpected end of stream": (
        "berkas berakhir sebelum tanda kutip ditutup",
        "the file ends before a quote is closed",
    ),
    "found character that cannot start any token": (
        "nilai diawali karakter khusus (mis. `@`, `` ` `` atau `%`); beri tanda kutip",
        "a value starts with a reserved character (`@`, `` ` `` or `%`); quote it",
    ),
    "block sequence entries are not allowed": (
        "butir daftar `- ` berada di tempat yang tidak diharapkan; periksa indentasi",
        "a list item `- ` where none is expected; check the indentation",
    ),
}


def _syntax_error(text: str, display: str, exc: yaml.MarkedYAMLError) -> YamlLoadError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if "maximum nesting depth" in problem:
        return _error(display, line, column, "yaml-too-deep", limit=MAX_DEPTH)
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return _error(display, line, column, "yaml-tab")
    if "alias" in problem or "alias" in context:
        start = exc.context_mark if "alias" in context and exc.context_mark else mark
        index = start.index if start is not None else 0
        name = re.match(r"\*([^\s,\]}]*)", text[index:])
        if start is not None:
            line, column = start.line + 1, start.column + 1
        return _error(display, line, column, "yaml-undefined-alias", name=name[1] if name else "")
    known = next((texts for key, texts in _PROBLEMS.items() if problem.startswith(key)), None)
    if known:
        id_text, en_text = known
    else:
        id_text = en_text = f"{problem} ({context})" if context else problem or "?"
    ctx = exc.context_mark
    if ctx is not None and mark is not None and ctx.line != mark.line:
        id_text += f", bermula di baris {ctx.line + 1} kolom {ctx.column + 1}"
        en_text += f", starting at line {ctx.line + 1} column {ctx.column + 1}"
    return _error(display, line, column, "yaml-syntax", problem=Phrase(id_text, en_text))


def _line_col(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


class _Builder:
    """Turn a composed node tree into plain values, recording positions as it goes."""

    def __init__(self, loaded: LoadedYaml) -> None:
        self.loaded = loaded
        self.values, self.keys = loaded.values, loaded.keys  # (properties: looked up once)
        self.count = 0
        self.active: set[int] = set()
        self.seen: set[int] = set()
        self.aliased = False

    def build(self, node: yaml.Node, path: tuple[PathItem, ...]) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            code = "yaml-alias-limit" if self.aliased else "yaml-too-many-values"
            raise _Stop(code, node, limit=MAX_NODES)
        if len(path) > MAX_DEPTH:
            raise _Stop("yaml-too-deep", node, limit=MAX_DEPTH)
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if id(node) in self.active:
            raise _Stop("yaml-alias-recursive", node)
        if id(node) in self.seen:
            self.aliased = True
        self.seen.add(id(node))
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: tuple[PathItem, ...]) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Stop("yaml-key-type", key_node, found=_kind(key_node))
            key = self._scalar(key_node, path)
            if key is None:
                key = ""
            key_mark = key_node.start_mark
            key_pos = (key_mark.line + 1, key_mark.column + 1)
            if key in first_seen:
                self.loaded.diagnostics.append(
                    Diagnostic(
                        self.loaded.file, *key_pos, (*path, key), Severity.ERROR,
                        "yaml-duplicate-key", {"key": key, "first_line": first_seen[key]}, key,
                    )
                )
                continue
            first_seen[key] = key_pos[0]
            self.keys[(*path, key)] = key_pos
            out[key] = self.build(value_node, (*path, key))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: tuple[PathItem, ...]) -> Any:
        text: str = node.value
        if not node.style and node.tag == "":  # plain, untagged: typed; quoted: always text
            value = _plain_value(text)
            if value is not text:
                if isinstance(value, float) and not math.isfinite(value):
                    self.loaded.json_unsafe = True  # 1e999: JSON has no infinity
                return value
        bad = first_xml_illegal(text)
        if bad:
            mark = node.start_mark
            self.loaded.diagnostics.append(
                Diagnostic(
                    self.loaded.file, mark.line + 1, mark.column + 1, path, Severity.ERROR,
                    "control-char", {"char": f"U+{ord(bad.group()):04X}", "index": bad.start() + 1},
                    text,
                )
            )
        return text


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    return "text"
