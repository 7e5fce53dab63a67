"""Is an entry complete enough for its stage? Warnings, so an idea can be saved half-written."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lomba.check.entries import diag
from lomba.diagnostics import Diagnostic, PathItem, Severity
from lomba.load.yamlio import PLACEHOLDER_HINTS
from lomba.model.vocab import TAHAPAN_ORDER

if TYPE_CHECKING:
    from lomba.validate.snapshot import Entry

# What each stage needs, cumulatively: an idea needs a problem and a summary; a running
# innovation needs evidence of results. Field paths are (section, field) in the entry.
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ide": (("narasi", "ringkasan"), ("narasi", "latar_belakang")),
    "inisiatif": (
        ("narasi", "tujuan"), ("narasi", "rancang_bangun"), ("narasi", "manfaat"),
        ("tanggal", "ide"),
    ),
    "uji coba": (("narasi", "cara_kerja"), ("tanggal", "uji_coba"), ("tim",)),
    "penerapan": (
        ("narasi", "hasil"), ("tanggal", "penerapan"), ("indikator_kinerja",), ("bukti",),
    ),
}

PLACEHOLDER_RE = re.compile(
    r"\bTODO\b|\bTBD\b|\bXXX\b|lorem ipsum|\bisi di ?sini\b|\[isi[^\]]*\]|\.\.\.|…",
    re.IGNORECASE,
)
# A cheap literal search first: the full regex only runs on the rare text that may hold one.
_PLACEHOLDER_HINTS = re.compile("|".join(map(re.escape, PLACEHOLDER_HINTS)))


_WHOLE_PLACEHOLDERS = frozenset((
    "-", "--", "---", "—", "–", ".", "?", "x", "xx", "n/a", "na", "n.a.", "tbd", "todo", "tba",
    "nihil", "menyusul", "akan diisi", "isi", "diisi", "...", "…",
    "to be filled", "to be determined", "not yet", "not available", "unknown",
))
_WHOLE_PLACEHOLDER_RE = re.compile(
    r"(?:nama |isi |data |nilai |tanggal )?belum "
    r"(?:diisi|ada|diketahui|tersedia|ditentukan|lengkap)"
    r"|(?:akan|masih) (?:diisi|dilengkapi|menyusul)|(?:name|value|date) (?:unknown|missing)")
SHORT_TEXT = 60
"""A value at most this long may be a placeholder as a whole ("-", "(belum diisi)")."""


def placeholder_value(text: str) -> str | None:
    """``text`` itself if the whole value is a stand-in, not content: "-", "n/a",
    "(belum diisi)", "(nama belum diketahui)", "menyusul" (in either language)."""
    if len(text) > SHORT_TEXT:
        return None
    norm = " ".join(text.strip().strip("()[]{}<>*_\"'").split()).lower().rstrip(".!")
    if norm in _WHOLE_PLACEHOLDERS or (text.strip() and not norm.strip("-–—.?… ")) \
            or _WHOLE_PLACEHOLDER_RE.fullmatch(norm):
        return text.strip()
    return None


@lru_cache(maxsize=8192)
def find_placeholder(text: str) -> str | None:
    """The placeholder left in ``text``: the whole value a stand-in ("-", "(belum diisi)"), or
    TODO, lorem ipsum, "...", "isi di sini" inside it."""
    whole = placeholder_value(text)
    if whole is not None:
        return whole
    if not _PLACEHOLDER_HINTS.search(text.lower()):
        return None
    match = PLACEHOLDER_RE.search(text)
    return match.group() if match else None


def _get(model: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        model = getattr(model, part)
    return model


def check_completeness(entry: Entry) -> list[Diagnostic]:
    """Fields the entry's stage needs, and placeholder text left anywhere in it."""
    model, loaded = entry.model, entry.loaded
    assert model is not None and loaded is not None
    out: list[Diagnostic] = []
    stage = TAHAPAN_ORDER.index(model.tahapan)
    for tahapan in TAHAPAN_ORDER[: stage + 1]:
        for path in _NEEDS[tahapan]:
            value = _get(model, path)
            if value is None or (isinstance(value, (str, list)) and not value):
                out.append(diag(loaded, path, "incomplete-field", Severity.WARNING,
                                field=".".join(path), tahapan=model.tahapan))
    for path, text in _texts(loaded.data, ()):
        # Long text can hold a placeholder only where the file's bytes hinted at one.
        if len(text) > SHORT_TEXT and not loaded.may_hold_placeholder:
            continue
        found = find_placeholder(text)
        if found:
            out.append(diag(loaded, path, "placeholder", Severity.WARNING, value=text,
                            found=found))
    return out


def config_placeholders(loaded: Any) -> list[Diagnostic]:
    """Stand-ins left in lomba.yaml ("(nama belum diketahui)", "-"): errors, since its values
    are printed on covers and in official letters."""
    out = []
    for path, text in _texts(loaded.data, ()):
        found = find_placeholder(text)
        if found:
            out.append(diag(loaded, path, "config-placeholder", value=text, found=found))
    return out


def _texts(data: Any, path: tuple[PathItem, ...]):  # type: ignore[no-untyped-def]
    """Every text value in an entry, with its path (skipping the free-form `lainnya`)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if path == () and key == "lainnya":
                continue
            yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, (*path, i))
