"""Find a workspace, load ``lomba.yaml`` and every entry, and collect all their problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from lomba.cache import ParseCache
from lomba.diagnostics import Diagnostic, Report, Severity, relative_name
from lomba.locale import build_date
from lomba.model.innovation import Inovasi
from lomba.model.workspace import Workspace
from lomba.validation import validate
from lomba.yamlio import LoadedYaml, YamlLoadError, load_yaml_file

if TYPE_CHECKING:
    from lomba.checks.competition import Readiness

CONFIG_NAME = "lomba.yaml"
ENTRIES_DIR = "entries"
ENTRY_SUFFIXES = (".yaml", ".yml")


class WorkspaceNotFound(Exception):
    """No ``lomba.yaml`` in the folder or any folder above it."""

    def __init__(self, start: Path) -> None:
        super().__init__(str(start))
        self.start = start


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``lomba.yaml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise WorkspaceNotFound(start)


@dataclass
class Entry:
    """One innovation file: where it is, what it says, and whether it validated."""

    path: Path
    display: str
    loaded: LoadedYaml | None = None
    model: Inovasi | None = None
    light: bool = False
    """True once the narrative text was dropped after checking (see :meth:`lighten`)."""

    def lighten(self) -> None:
        """Keep what status, recap, scores and tables need, and drop the narrative text: it is
        most of an entry's memory, and only rendering needs it, which reloads it (:meth:`full`).
        This keeps a national-scale workspace in a few hundred megabytes."""
        model = self.model
        if model is None or self.light:
            return
        from lomba.model.innovation import Narasi

        empty = Narasi()
        entered = {k: v.model_copy(update={"narasi": empty, "bagian": {}})
                   for k, v in model.kompetisi.items()}
        self.model = model.model_copy(update={"narasi": empty, "kompetisi": entered})
        self.light = True

    def full(self, root: Path) -> Entry:
        """This entry with everything, reloaded (from the parse cache when it is warm)."""
        if not self.light:
            return self
        report = Report()
        loaded, model = load_document(self.path, self.display, Inovasi, report, ParseCache(root))
        return Entry(path=self.path, display=self.display, loaded=loaded, model=model)

    @property
    def slug(self) -> str:
        return self.path.stem

    @property
    def folder(self) -> str:
        return self.path.parent.name


@dataclass
class LoadedWorkspace:
    root: Path
    config: Workspace | None
    config_loaded: LoadedYaml | None
    entries: list[Entry] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    readiness: list[Readiness] = field(default_factory=list)
    today: date = field(default_factory=date.today)

    @property
    def valid_entries(self) -> list[Entry]:
        return [e for e in self.entries if e.model is not None]


def discover_entries(root: Path, selection: Iterable[Path] | None = None) -> list[Path]:
    """Entry files under ``entries/``, or the ones named (files or folders), sorted."""
    base = root / ENTRIES_DIR
    targets = list(selection) if selection else [base]
    found: set[Path] = set()
    for target in targets:
        if target.is_dir():
            for suffix in ENTRY_SUFFIXES:
                found.update(p for p in target.rglob(f"*{suffix}") if p.is_file())
        else:
            found.add(target)
    return sorted(found, key=lambda p: p.as_posix())


def load_document(path: Path, display: str, model: type, report: Report,  # type: ignore[no-untyped-def]
                  cache: ParseCache | None = None):
    """Load and validate one YAML file; its problems go into ``report``."""
    try:
        loaded = cache.load(path, display) if cache else load_yaml_file(path, display)
    except YamlLoadError as exc:
        report.add(exc.diagnostic)
        return None, None
    report.extend(loaded.diagnostics)
    instance, diags = validate(loaded, model)
    report.extend(diags)
    return loaded, instance


def load_config(root: Path) -> tuple[Workspace | None, Report]:
    """Only ``lomba.yaml``, for commands that need the regency and its OPD but no entries."""
    report = Report()
    _, config = load_document(root / CONFIG_NAME, CONFIG_NAME, Workspace, report)
    return config, report


def load_workspace(root: Path, selection: Iterable[Path] | None = None, *,
                   competitions: bool = True, use_cache: bool = True) -> LoadedWorkspace:
    """Load everything and run every check; nothing here raises on bad input.

    ``competitions=False`` stops after the schema and entry checks (no section rendering).
    """
    from lomba.checks import Checker

    report = Report()
    config_path = root / CONFIG_NAME
    config_loaded, config = load_document(config_path, CONFIG_NAME, Workspace, report)
    ws = LoadedWorkspace(root=root, config=config, config_loaded=config_loaded, report=report)
    paths = discover_entries(root)
    cache = ParseCache(root) if use_cache else None
    wanted = None
    if selection:
        wanted = {relative_name(p, root) for p in discover_entries(root, selection)}
        for name in sorted(wanted - {relative_name(p, root) for p in paths} - {CONFIG_NAME}):
            report.add(Diagnostic(name, 1, 1, (), Severity.ERROR, "path-not-found",
                                  {"found": name}))
    ws.today = build_date(config.tanggal_dokumen if config else None)
    checker = Checker(ws, competitions=competitions)
    for path in paths:
        display = relative_name(path, root)
        loaded, model = load_document(path, display, Inovasi, report, cache)
        entry = Entry(path=path, display=display, loaded=loaded, model=model)
        ws.entries.append(entry)
        if loaded is not None and model is not None:
            checker.entry(entry)
            loaded.release(keep=[("nama",)])  # the title check at the end points at the name
    if cache is not None:
        cache.prune()
    checker.finish()
    if wanted is not None:
        keep = wanted | {CONFIG_NAME}
        report.diagnostics = [d for d in report.diagnostics
                              if d.file in keep or d.file.endswith("spec.yaml")]
        ws.readiness = [r for r in ws.readiness if r.entry.display in wanted]
        ws.entries = [e for e in ws.entries if e.display in wanted]
    report.files_checked = 1 + len(ws.entries)
    return ws
