"""The snapshot of one workspace load: each entry's file, the exact bytes that were checked
(by digest), and the validated model; and how a document is loaded and validated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from lomba.diagnostics import Report
from lomba.load.cache import ParseCache
from lomba.load.discover import CONFIG_NAME
from lomba.load.yamlio import LoadedYaml, YamlLoadError, load_yaml_file
from lomba.model.innovation import Inovasi, Narasi
from lomba.model.workspace import Workspace
from lomba.validate.validation import validate


class EntryChanged(Exception):
    """An entry's file no longer holds the bytes that were checked (edited during a build)."""



_NO_NARASI = Narasi.model_construct()
"""The narrative of every light entry: one object for all (no code changes a model). Made
without validating its empty defaults, so that importing this builds no validator."""


class _NoItems(list):  # type: ignore[type-arg]
    """The empty list every light entry's empty list fields share (a fifth of what a light
    model held was a dozen empty lists of its own). It refuses any change, which would
    otherwise reach every entry at once."""

    def _refuse(self, *_args: object, **_kwargs: object) -> None:
        raise TypeError("a light entry's empty list is shared: it cannot be changed")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse  # type: ignore[assignment]
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse  # type: ignore[assignment]


_NO_ITEMS = _NoItems()
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def _share_parts(model: BaseModel) -> None:
    """Let ``model`` and the models inside it share, with every other light entry, the set of
    field names pydantic keeps per model (which fields the YAML gave: the same few sets over
    and over, a third of a light entry's memory) and one empty list for every empty list
    field. lomba never asks for the sets (no ``exclude_unset``, no ``model_fields_set``) and
    changes no model after :meth:`Entry.lighten`, which is what would add a name to a shared
    set; the shared list refuses changes."""
    stack = [model]
    while stack:
        item = stack.pop()
        names = item.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(names), names)
        if shared is not names:
            object.__setattr__(item, "__pydantic_fields_set__", shared)
        fields = item.__dict__
        for name, value in fields.items():
            if isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, list) and not value:
                fields[name] = _NO_ITEMS
            elif isinstance(value, list | dict):
                stack.extend(v for v in (value.values() if isinstance(value, dict) else value)
                             if isinstance(v, BaseModel))


@dataclass
class Entry:
    """One innovation file: where it is, what it says, and whether it validated."""

    path: Path
    display: str
    loaded: LoadedYaml | None = None
    model: Inovasi | None = None
    light: bool = False
    """True once the narrative text was dropped after checking (see :meth:`lighten`)."""
    released: bool = False
    """True once a whole build let go of the model and positions (see :meth:`release`): then
    ``model is None`` does not mean the file is broken, and :meth:`full` gives them back."""
    digest: str | None = None
    """The digest of the bytes that were checked, kept when the rest of ``loaded`` is let go
    of."""

    def lighten(self, *, tables: bool = True) -> None:
        """Keep what status, recap, scores and checks across entries need, and drop the
        narrative text: it is most of an entry's memory, and only rendering needs it, which
        reloads it (:meth:`full`). Without ``tables`` (an entry no region-level document lists,
        whose templates may read any field of its members), the performance indicators, budget
        and team go too: nothing after the check reads them but rendering. This keeps a
        national-scale workspace in a few hundred megabytes."""
        model = self.model
        if model is None or self.light:
            return
        # In place: the model is this entry's own, just validated (a copy would hold a second
        # dictionary of every field for each entry).
        model.narasi = _NO_NARASI
        for entered in model.kompetisi.values():
            entered.narasi, entered.bagian = _NO_NARASI, {}
        if not tables:
            model.indikator_kinerja, model.anggaran, model.tim = [], [], []
        _share_parts(model)
        self.light = True

    def release(self) -> None:
        """Let go of the model and the positions, once a whole build has taken all it reads of
        them (documents, facts, what other entries' checks read): the desk reads only facts,
        and at national scale these are some 200 MB a forked recap process would start with.
        :meth:`full` still gives the entry whole, from the same bytes."""
        if self.model is not None and self.loaded is not None:
            self.digest = self.loaded.digest
            self.model, self.loaded, self.released = None, None, True

    def full(self, root: Path, cache: ParseCache | None = None) -> Entry:
        """This entry with everything, from exactly the bytes that were checked: the parse
        cache's record of them, else the file read again and compared. Raises
        :class:`EntryChanged` when the file no longer holds the checked bytes. ``cache``: the
        workspace's parse cache, opened once by a caller that reloads many entries."""
        if not (self.light or self.released):
            return self
        checked = self.loaded.digest if self.loaded is not None else self.digest
        cache = cache if cache is not None else ParseCache(root)
        loaded = cache.by_digest(checked, self.display) if checked else None
        if loaded is None:
            try:
                loaded = cache.load(self.path, self.display)
            except YamlLoadError:
                raise EntryChanged(self.display) from None
            cache.flush()
        if loaded.digest != checked:
            raise EntryChanged(self.display)
        model, _ = validate(loaded, Inovasi)
        if model is None:
            raise EntryChanged(self.display)
        return Entry(path=self.path, display=self.display, loaded=loaded, model=model)

    @property
    def slug(self) -> str:
        return self.path.stem

    @property
    def folder(self) -> str:
        return self.path.parent.name


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
