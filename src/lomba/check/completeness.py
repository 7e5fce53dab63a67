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


@lru_cache(maxsize=8192)
def find_placeholder(text: str) -> str | None:
    """The placeholder text left in ``text`` (TODO, lorem ipsum, "...", "isi di sini"), if any."""
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
    if not loaded.may_hold_placeholder:
        return out
    for path, text in _texts(loaded.data, ()):
        found = find_placeholder(text)
        if found:
            out.append(diag(loaded, path, "placeholder", Severity.WARNING, value=text,
                            found=found))
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
