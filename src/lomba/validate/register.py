"""Letter numbers are official: the register that hands them out is validated on every run,
and the number pattern in ``lomba.yaml`` is checked before any letter is numbered.

A number is never reused. The register keeps, per year, the highest number ever issued
(``terakhir``), and each line carries a chained digest over itself and every line before it
(``rantai``), so a deleted, edited or re-dated line, or a merge that duplicated lines, is found
and located instead of silently making room for a number to be handed out again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import string
import subprocess
from pathlib import Path
from typing import Any

import yaml

from lomba.diagnostics import Diagnostic, PathItem, Severity
from lomba.fileio import atomic_write_text
from lomba.load.yamlio import LoadedYaml, YamlLoadError, load_yaml_file, typed_as_other
from lomba.model.register import Entri, Register
from lomba.validate.validation import validate

REGISTER = Path("surat") / "register.yaml"
WITNESS = Path("build") / ".cache" / "register-terakhir.json"
"""This machine's record of the highest number issued per year, outside the register, so that
deleting the last lines together with ``terakhir`` is still found."""
PATTERN_FIELDS = ("nomor", "tahun", "bulan")
MAX_WIDTH = 12
"""The widest zero-padded serial a pattern may ask for (``{nomor:03d}`` is usual)."""


def chain(previous: str, line: Entri) -> str:
    """The chained digest of ``line`` after a line whose digest was ``previous``."""
    text = "|".join([previous, str(line.urut), line.nomor, line.jenis, line.opd,
                     line.tanggal.isoformat(), line.sidik])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def seal(register: Register) -> None:
    """Recompute every line's chain and each year's high-water mark (after adding lines)."""
    previous = ""
    for line in register.surat:
        line.rantai = previous = chain(previous, line)
        year = line.tanggal.year
        register.terakhir[year] = max(register.terakhir.get(year, 0), line.urut)


def load_register(root: Path) -> tuple[Register | None, list[Diagnostic]]:
    """The register and its problems; (None, problems) when it cannot be used at all. A missing
    register is an empty one."""
    path = root / REGISTER
    if not path.exists():
        lost = sorted(witnessed(root).items())
        if lost:
            year, (number, where) = lost[-1]
            return None, [Diagnostic(REGISTER.as_posix(), 1, 1, (), Severity.ERROR,
                                     "register-rollback", {"year": year, "number": number,
                                                           "where": where, "highest": 0})]
        return Register(), []
    try:
        loaded = load_yaml_file(path, REGISTER.as_posix())
    except YamlLoadError as exc:
        return None, [exc.diagnostic]
    _digests_as_written(loaded, path)
    model, diags = validate(loaded, Register)
    diags = loaded.diagnostics + diags
    if model is None:
        return None, diags
    diags += register_problems(model, loaded)
    if not diags:
        diags += _rollback_problems(root, model, loaded)
    return (None if any(d.severity is Severity.ERROR for d in diags) else model), diags


def _digests_as_written(loaded: LoadedYaml, path: Path) -> None:
    """Digests an earlier lomba wrote bare are taken as the text in the file: PyYAML leaves
    ``1234567e89012345`` unquoted (a string in YAML 1.1), and read as YAML 1.2 reads it, it
    is a number, and the line would look altered for ever."""
    lines = loaded.data.get("surat") if isinstance(loaded.data, dict) else None
    if not isinstance(lines, list):
        return
    text: list[str] | None = None
    for i, line in enumerate(lines):
        for key in ("sidik", "rantai"):
            value = line.get(key) if isinstance(line, dict) else None
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            if text is None:
                try:
                    text = path.read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    return
            row, column = loaded.position(("surat", i, key))
            written = text[row - 1][column - 1:].split(" #")[0].strip() \
                if 0 < row <= len(text) else ""
            if written and typed_as_other(written):
                line[key] = written


def register_problems(register: Register, loaded: LoadedYaml) -> list[Diagnostic]:
    """Duplicate numbers, lines altered or deleted, gaps: each located at its line."""
    out: list[Diagnostic] = []

    def at(path: tuple[PathItem, ...], code: str, **params: Any) -> None:
        line, column = loaded.position(path)
        out.append(Diagnostic(loaded.file, line, column, path, Severity.ERROR, code, params))

    serials: dict[tuple[int, int], int] = {}
    numbers: dict[str, int] = {}
    previous = ""
    sealed = False
    for i, line in enumerate(register.surat):
        here = loaded.position(("surat", i))[0]
        key = (line.tanggal.year, line.urut)
        if key in serials:
            at(("surat", i, "urut"), "register-duplicate", value=line.urut, first_line=serials[key])
        serials.setdefault(key, here)
        if line.nomor in numbers:
            at(("surat", i, "nomor"), "register-duplicate", value=line.nomor,
               first_line=numbers[line.nomor])
        numbers.setdefault(line.nomor, here)
        expected = chain(previous, line)
        if line.rantai is not None:
            sealed = True
            if line.rantai != expected:
                at(("surat", i), "register-altered")
        elif sealed:
            at(("surat", i), "register-altered")
        previous = line.rantai or expected
    by_year: dict[int, set[int]] = {}
    for year, serial in serials:
        by_year.setdefault(year, set()).add(serial)
    for year, highest in sorted(register.terakhir.items()):
        used = by_year.get(year, set())
        if used and max(used) > highest:
            at(("terakhir", year), "register-highwater", year=year, highest=highest,
               found=max(used))
    for year, used in sorted(by_year.items()):
        top = max(register.terakhir.get(year, 0), max(used))
        missing = sorted(set(range(min(used), top + 1)) - used)
        if missing:
            at(("surat",), "register-gap", year=year, missing=_ranges(missing))
    return out


def witnessed(root: Path) -> dict[int, tuple[int, str]]:
    """The highest number known to have been issued per year, from outside the register file:
    this machine's record and the register as last committed to git. Year -> (number, where)."""
    out: dict[int, tuple[int, str]] = {}

    def note(year: Any, number: Any, where: str) -> None:
        with contextlib.suppress(TypeError, ValueError):
            year, number = int(year), int(number)
            if number > out.get(year, (0, ""))[0]:
                out[year] = (number, where)

    with contextlib.suppress(OSError, ValueError, AttributeError):
        for year, number in json.loads((root / WITNESS).read_text(encoding="utf-8")).items():
            note(year, number, WITNESS.as_posix())
    committed = _committed_register(root)
    if isinstance(committed, dict):
        where = "git HEAD"
        terakhir = committed.get("terakhir")
        if isinstance(terakhir, dict):
            for year, number in terakhir.items():
                note(year, number, where)
        for line in committed.get("surat") or []:
            if isinstance(line, dict):
                note(str(line.get("tanggal", ""))[:4], line.get("urut"), where)
    return out


def _committed_register(root: Path) -> Any:
    """The register as committed at HEAD, when the workspace is a git repository."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        shown = subprocess.run([git, "show", f"HEAD:./{REGISTER.as_posix()}"], cwd=root,
                               capture_output=True, timeout=10, check=False)
        if shown.returncode != 0:
            return None
        return yaml.safe_load(shown.stdout.decode("utf-8"))
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _rollback_problems(root: Path, register: Register, loaded: LoadedYaml) -> list[Diagnostic]:
    """Numbers issued (by this machine's record or by git) that the register no longer holds."""
    highest: dict[int, int] = dict(register.terakhir)
    for line in register.surat:
        highest[line.tanggal.year] = max(highest.get(line.tanggal.year, 0), line.urut)
    out = []
    for year, (number, where) in sorted(witnessed(root).items()):
        if number > highest.get(year, 0):
            line, column = loaded.position(("surat",))
            out.append(Diagnostic(loaded.file, line, column, ("surat",), Severity.ERROR,
                                  "register-rollback", {"year": year, "number": number,
                                                        "where": where,
                                                        "highest": highest.get(year, 0)}))
    return out


def remember(root: Path, register: Register) -> None:
    """Record this register's high-water marks on this machine (never lowering them)."""
    known = {year: number for year, (number, _) in witnessed(root).items()}
    for year, number in register.terakhir.items():
        known[year] = max(known.get(year, 0), number)
    path = root / WITNESS
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps({str(y): n for y, n in sorted(known.items())}))


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


def pattern_problem(pattern: str) -> dict[str, str] | None:
    """Why a letter-number pattern cannot number letters uniquely, or None when it can: it must
    name ``{nomor}``, use only the known fields, and ask for a bounded width."""
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        return {"detail": str(exc)}
    names = [name for _, name, _, _ in parts if name is not None]
    unknown = [n for n in names if n not in PATTERN_FIELDS]
    if unknown:
        return {"detail": f"{{{unknown[0]}}}"}
    if "nomor" not in names:
        return {"detail": "{nomor}"}
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if conversion or "{" in (spec or ""):
            return {"detail": f"{{{name}!{conversion}}}" if conversion else spec or ""}
        digits = "".join(c for c in (spec or "") if c.isdigit())
        if len(digits) > 3 or (digits and int(digits) > MAX_WIDTH):
            return {"detail": f"{{{name}:{spec}}}"}
        try:
            format(1 if name != "bulan" else "I", spec or "")
        except ValueError:
            return {"detail": f"{{{name}:{spec}}}"}
    return None


def format_number(pattern: str, serial: int, year: int, month: str) -> str:
    """A letter number from a pattern that :func:`pattern_problem` accepted."""
    return pattern.format(nomor=serial, tahun=year, bulan=month)
