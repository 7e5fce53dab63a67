"""Competition editions as data: find, merge (``turunan_dari``), validate and compile them.

Built-in editions ship inside lomba (``lomba/data/templates``); a workspace's own
``templates/<kompetisi>/<edisi>/spec.yaml`` wins over the built-in one of the same name, so a
user adapts an edition by copying its folder and editing YAML.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from lomba.diagnostics import Diagnostic, PathItem, Report, Severity
from lomba.errors import os_error
from lomba.fileio import atomic_write_text
from lomba.load.cache import ParseCache
from lomba.load.files import path_problem
from lomba.load.yamlio import LoadedYaml, YamlLoadError, load_yaml_file
from lomba.model.innovation import NARASI_FIELDS
from lomba.model.spec import Spec
from lomba.validate.edition import Edition
from lomba.validate.templating import compile_problems
from lomba.validate.validation import validate

SPEC_NAME = "spec.yaml"
MAX_EXTENDS = 5


def builtin_templates() -> Path:
    return Path(str(resources.files("lomba") / "data" / "templates"))


def _folders(root: Path | None) -> dict[tuple[str, int], tuple[Path, str]]:
    """(kunci, edisi) -> (folder, display prefix); the workspace's folders win."""
    found: dict[tuple[str, int], tuple[Path, str]] = {}
    sources = [(builtin_templates(), "lomba:templates")]
    if root is not None and (root / "templates").is_dir():
        sources.append((root / "templates", "templates"))
    for base, prefix in sources:
        for spec in sorted(base.glob(f"*/*/{SPEC_NAME}")):
            key, edition = spec.parent.parent.name, spec.parent.name
            if edition.isdigit():
                found[(key, int(edition))] = (spec.parent, f"{prefix}/{key}/{edition}/{SPEC_NAME}")
    return found


def available_competitions(root: Path | None) -> set[str]:
    """Competition keys known to this workspace: built-in plus the workspace's own."""
    return {key for key, _ in _folders(root)}


def _merge(parent: Any, child: Any) -> Any:
    """How a child edition (``turunan_dari``) changes its parent's values:

    - a mapping changes key by key;
    - a list of items with ``id``/``kode``/``nomor`` changes item by item: a new key is appended,
      a known key is changed, an item with ``hapus: true`` removes that key;
    - an empty list ``[]`` clears the parent's list (``tenggat: []``: no deadline known);
    - ``{ganti: ...}`` replaces the parent's list or mapping as a whole;
    - any other value replaces the parent's.
    """
    if isinstance(parent, (list, dict)) and isinstance(child, dict) and set(child) == {"ganti"}:
        return child["ganti"]
    if isinstance(parent, list) and child == []:
        return []
    if isinstance(parent, dict) and isinstance(child, dict):
        out = dict(parent)
        for key, value in child.items():
            out[key] = _merge(parent[key], value) if key in parent else value
        return out
    if isinstance(parent, list) and isinstance(child, list):
        ident = _list_key(parent) or _list_key(child)
        if ident:
            merged = {item[ident]: item for item in parent}
            for item in child:
                key = item[ident]
                merged[key] = _merge(merged[key], item) if key in merged else item
            return [v for v in merged.values() if not (isinstance(v, dict) and v.get("hapus"))]
    return child


def _list_key(items: list[Any]) -> str | None:
    for ident in ("id", "kode", "nomor"):
        if items and all(isinstance(i, dict) and ident in i for i in items):
            return ident
    return None


class Registry:
    """Loads each edition once per run and remembers its problems."""

    def __init__(self, root: Path | None, report: Report) -> None:
        self.root = root
        self.report = report
        self.folders = _folders(root)
        self._cache: dict[tuple[str, int], Edition | None] = {}
        self.cache = ParseCache(root) if root is not None else None
        """The parse cache the specs were read through (its ``used`` keeps them from pruning)."""

    def sharing(self, report: Report) -> Registry:
        """This registry's loaded editions, with any edition loaded from now on reporting its
        problems to ``report``: later stages reuse the check's editions without adding to the
        check's report."""
        twin = copy.copy(self)
        twin.report = report
        return twin

    def competition_keys(self) -> set[str]:
        return {key for key, _ in self.folders}

    def editions(self, key: str) -> list[int]:
        return sorted(e for k, e in self.folders if k == key)

    def get(self, key: str, edition: int) -> Edition | None:
        if (key, edition) not in self._cache:
            self._cache[(key, edition)] = self._load(key, edition) \
                if (key, edition) in self.folders else self._yearly(key, edition)
        return self._cache[(key, edition)]

    def _yearly(self, key: str, edition: int) -> Edition | None:
        """An edition for a year that has no folder, from the latest earlier edition that says
        it holds every year (``setiap_tahun``): the same form under this year's name."""
        earlier = [e for e in self.editions(key) if e < edition]
        base = self.get(key, earlier[-1]) if earlier else None
        if base is None or not base.spec.setiap_tahun:
            return None
        old, new = str(base.spec.edisi), str(edition)
        spec = base.spec.model_copy(update={
            "edisi": edition, "nama": base.spec.nama.replace(old, new),
            "singkatan": base.spec.singkatan.replace(old, new) if base.spec.singkatan else None})
        return Edition(spec=spec, folder=base.folder, display=base.display, loaded=base.loaded,
                       templates=dict(base.templates))

    def available(self, key: str, edition: int) -> bool:
        """Whether ``key/edition`` exists, with its own folder or as a yearly edition."""
        return (key, edition) in self.folders or self.get(key, edition) is not None

    def all(self) -> list[Edition]:
        return [e for k in sorted(self.folders) if (e := self.get(*k)) is not None]

    # -- loading ------------------------------------------------------------------------------

    def _raw(self, key: str, edition: int, chain: tuple[str, ...]) -> LoadedYaml | None:
        folder, display = self.folders[(key, edition)]
        if self.root is not None and display.startswith("templates/"):
            problem = path_problem(display, self.root, self.root)
            if problem is not None:  # a link to a spec elsewhere, or not a regular file
                code = "evidence-not-file" if problem == "evidence-not-file" else "input-outside"
                self.report.add(Diagnostic(display, 1, 1, (), Severity.ERROR, code,
                                           {"path": display, "found": display}))
                return None
        try:
            if self.cache is None:
                loaded = load_yaml_file(folder / SPEC_NAME, display)
            else:  # specs are parsed with positions like entries, so cached like them
                loaded = self.cache.load(folder / SPEC_NAME, display)
                self.cache.flush()
        except YamlLoadError as exc:
            self.report.add(exc.diagnostic)
            return None
        self.report.extend(loaded.diagnostics)
        parent_ref = loaded.data.get("turunan_dari") if isinstance(loaded.data, dict) else None
        if not parent_ref:
            return loaded
        parent = self._parent(loaded, str(parent_ref), (*chain, f"{key}/{edition}"))
        if parent is None:
            return None
        merged = LoadedYaml(file=loaded.file, data=_merge(parent.data, loaded.data))
        merged.values = {**parent.values, **loaded.values}
        merged.keys = {**parent.keys, **loaded.keys}
        return merged

    def _parent(self, loaded: LoadedYaml, ref: str, chain: tuple[str, ...]) -> LoadedYaml | None:
        key, _, edition = ref.partition("/")
        line, column = loaded.position(("turunan_dari",))
        if not edition.isdigit() or (key, int(edition)) not in self.folders:
            self.report.add(Diagnostic(loaded.file, line, column, ("turunan_dari",),
                                       Severity.ERROR, "spec-parent-missing", {"ref": ref}, ref))
            return None
        if ref in chain or len(chain) > MAX_EXTENDS:
            self.report.add(Diagnostic(loaded.file, line, column, ("turunan_dari",),
                                       Severity.ERROR, "spec-parent-cycle", {"ref": ref}, ref))
            return None
        return self._raw(key, int(edition), chain)

    def _load(self, key: str, edition: int) -> Edition | None:
        if (key, edition) not in self.folders:
            return None
        folder, display = self.folders[(key, edition)]
        loaded = self._raw(key, edition, ())
        if loaded is None:
            return None
        if isinstance(loaded.data, dict):
            loaded.data.pop("turunan_dari", None)
        spec, diags = validate(loaded, Spec)
        self.report.extend(diags)
        if spec is None:
            return None
        problems = _spec_problems(spec, loaded, key, edition)
        self.report.extend(problems)
        if any(d.severity is Severity.ERROR for d in problems):
            return None
        edition_obj = Edition(spec=spec, folder=folder, display=display, loaded=loaded)
        for i, bagian in enumerate(spec.bagian):
            edition_obj.templates[bagian.id] = _template_source(bagian.id, bagian.templat,
                                                                loaded, i)
        template_diags = compile_problems(edition_obj)
        self.report.extend(template_diags)
        return None if template_diags else edition_obj


def _template_source(section: str, template: str | None, loaded: LoadedYaml,
                     index: int) -> tuple[str, int]:
    if template is None:
        field_ref = f"narasi.{section}" if section in NARASI_FIELDS else f"bagian.{section}"
        return "{{ " + field_ref + " }}", loaded.position(("bagian", index, "id"))[0]
    line = loaded.position(("bagian", index, "templat"))[0]
    # A block scalar (|) starts on the line after its key.
    return template, line + 1 if "\n" in template.rstrip("\n") or template.endswith("\n") else line


def _spec_problems(spec: Spec, loaded: LoadedYaml, key: str, edition: int) -> list[Diagnostic]:
    """Rules a schema cannot state: folder names, cited sources, unique ids, weights, and dated
    rules from another edition's year."""
    out: list[Diagnostic] = []
    for i, t in enumerate(spec.tenggat):
        # A deadline more than a year from its edition was most likely inherited from another
        # edition (turunan_dari) or copied: a warning, since some rounds do straddle years.
        if abs(t.tanggal.year - spec.edisi) > 1:
            line, column = loaded.position(("tenggat", i, "tanggal"))
            out.append(Diagnostic(loaded.file, line, column, ("tenggat", i, "tanggal"),
                                  Severity.WARNING, "spec-date-other-year",
                                  {"name": t.nama, "year": t.tanggal.year, "edition": spec.ref}))
    window = spec.kelayakan.jendela_penerapan
    if window is not None and window.selesai.year < spec.edisi - 3:
        line, column = loaded.position(("kelayakan", "jendela_penerapan"))
        out.append(Diagnostic(loaded.file, line, column, ("kelayakan", "jendela_penerapan"),
                              Severity.WARNING, "spec-date-other-year",
                              {"name": "jendela_penerapan", "year": window.selesai.year,
                               "edition": spec.ref}))

    def add(path: tuple[PathItem, ...], code: str, **params: Any) -> None:
        line, column = loaded.position(path)
        out.append(Diagnostic(loaded.file, line, column, path, Severity.ERROR, code, params))

    if spec.kunci != key or spec.edisi != edition:
        add(("kunci",), "spec-folder-mismatch", found=f"{spec.kunci}/{spec.edisi}",
            folder=f"{key}/{edition}")
    known = {s.id for s in spec.sumber}
    for path, cited in _citations(loaded.data, ()):
        if cited not in known:
            add(path, "spec-unknown-source", found=cited, allowed=", ".join(sorted(known)) or "-")
    seen: set[str] = set()
    for i, bagian in enumerate(spec.bagian):
        if bagian.id in seen:
            add(("bagian", i, "id"), "duplicate-item", found=bagian.id)
        seen.add(bagian.id)
    groups = {k.kode for k in spec.kelompok}
    for field_name, items in (("bagian", spec.bagian), ("lampiran", spec.lampiran)):
        for i, item in enumerate(items):
            for j, group in enumerate(item.kelompok):
                if group not in groups:
                    add((field_name, i, "kelompok", j), "spec-unknown-group", found=group,
                        allowed=", ".join(sorted(groups)) or "-")
    for group in spec.kelayakan.usia_kelompok:
        if group not in groups:
            add(("kelayakan", "usia_kelompok", group), "spec-unknown-group", found=group,
                allowed=", ".join(sorted(groups)) or "-")
    total = total_weight(spec)
    if total is not None and abs(total - 100) > 0.01:
        add(("bagian",), "spec-weights", total=f"{total:g}")
    codes = spec.tenggat_by_code()
    if (spec.kelayakan.usia_minimal_tahun or spec.kelayakan.usia_kelompok) and \
            spec.kelayakan.usia_dari_tenggat not in codes:
        add(("kelayakan", "usia_dari_tenggat"), "spec-unknown-deadline",
            found=spec.kelayakan.usia_dari_tenggat, allowed=", ".join(codes) or "-")
    return out


def total_weight(spec: Spec) -> float | None:
    """Sum of the section weights, a shared weight (``bobot_bersama``) counted once; None when
    the edition gives no weights at all."""
    groups: dict[str, float] = {}
    total = 0.0
    for b in spec.bagian:
        if b.bobot is None:
            continue
        if b.bobot_bersama:
            groups.setdefault(b.bobot_bersama, b.bobot)
        else:
            total += b.bobot
    if not groups and not any(b.bobot for b in spec.bagian):
        return None
    return total + sum(groups.values())


def _citations(data: Any, path: tuple[PathItem, ...]):  # type: ignore[no-untyped-def]
    """Every (path, source id) cited under a ``sumber``/``usia_sumber`` list."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("sumber", "usia_sumber") and path != () and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield (*path, key, i), item
            elif not (path == () and key == "sumber"):
                yield from _citations(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _citations(item, (*path, i))


def provisional_edition(root: Path, key: str, edition: int, new_key: str, new_edition: int,
                        registry: Registry) -> Path:
    """A provisional edition ``new_key/new_edition`` that takes ``key/edition``'s rules until
    its own guideline is published: a child spec (``turunan_dari``) marked ``sementara``, with
    no deadlines (last year's dates would mislead) and no age rule that needs one."""
    source = registry.get(key, edition)
    if source is None:
        raise FileNotFoundError(f"{key}/{edition}")
    target = root / "templates" / new_key / str(new_edition)
    if target.exists():
        raise FileExistsError(target)
    spec = source.spec
    old, new = str(spec.edisi), str(new_edition)
    lines = [
        f"# Edisi sementara {new_key}/{new_edition}: aturan {key}/{edition} dipakai sampai pedoman",
        f"# {new_edition} terbit. Ganti isi berkas ini dengan aturan resmi begitu diketahui, lalu",
        "# hapus `sementara`.",
        f"kunci: {new_key}",
        f"edisi: {new_edition}",
        f"turunan_dari: {key}/{edition}",
        f"nama: {json.dumps(spec.nama.replace(old, new), ensure_ascii=False)}",
    ]
    if spec.singkatan:
        short = spec.singkatan.replace(old, new)
        lines.append(f"singkatan: {json.dumps(short, ensure_ascii=False)}")
    why = f"aturan {key}/{edition} dipakai sementara; pedoman {new_edition} belum terbit"
    lines += [
        f"sementara: {json.dumps(why, ensure_ascii=False)}",
        f"tenggat: []   # isi begitu jadwal {new_edition} diumumkan",
    ]
    if spec.kelayakan.usia_minimal_tahun:
        lines += ["kelayakan:",
                  "  usia_minimal_tahun: null   # aturan usia dihitung dari tenggat: isi bersama "
                  "tenggatnya"]
    text = "\n".join(lines) + "\n"
    try:
        target.mkdir(parents=True)
        atomic_write_text(target / SPEC_NAME, text)
    except OSError as exc:
        raise os_error(exc, target.relative_to(root).as_posix()) from None
    return target


def copy_edition(root: Path, key: str, edition: int) -> Path:
    """Copy a built-in edition into the workspace for the user to adapt; returns the folder."""
    source = builtin_templates() / key / str(edition)
    if not (source / SPEC_NAME).is_file():
        raise FileNotFoundError(f"{key}/{edition}")
    target = root / "templates" / key / str(edition)
    if target.exists():
        raise FileExistsError(target)
    # Copied beside the target under a hidden name, then renamed into place: a full disk or a
    # killed run leaves no half-copied edition to shadow the built-in one.
    staging = target.parent / f".{edition}.salin.tmp"
    made_parent = not target.parent.exists()
    try:
        shutil.rmtree(staging, ignore_errors=True)
        for path in sorted(source.rglob("*")):  # file by file: a failure keeps its errno
            copy = staging / path.relative_to(source)
            if path.is_dir():
                copy.mkdir(parents=True, exist_ok=True)
            else:
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)
        os.replace(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if made_parent:
            with contextlib.suppress(OSError):
                target.parent.rmdir()
        raise os_error(exc, target.relative_to(root).as_posix()) from None
    return target
