"""The user guide's reference pages, generated from what lomba itself uses, so they cannot
drift: the field reference from the models and their help, a checklist per competition edition
from its spec, and one page per diagnostic code from the message catalogue and the rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lomba.check import builtin  # noqa: F401 - registers lomba's rules
from lomba.check.rules import RULES
from lomba.diagnostics import Report
from lomba.fileio import atomic_write_text
from lomba.messages import CATALOGUE
from lomba.model.help import CHOICE_HELP, FIELD_HELP
from lomba.model.innovation import Inovasi
from lomba.model.workspace import Workspace
from lomba.validate.competitions import Registry

_PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def message_codes() -> list[str]:
    """Codes a user can meet in a diagnostic or a stop message (not the CLI's own sentences,
    view labels or summary lines)."""
    return sorted(c for c in CATALOGUE
                  if not c.startswith(("cli-", "view-", "summary-", "watch-")))


def rules_of(code: str) -> list[str]:
    return [f"{r.name} ({r.scope})" for r in RULES if code in r.codes]


def explain(code: str, lang: str = "id") -> str | None:
    """A code's page as Markdown: what the message says (its placeholders shown as …), in
    both languages, and which check finds it. None for an unknown code."""
    if code not in CATALOGUE:
        return None
    id_text, en_text = CATALOGUE[code]
    first, second = (en_text, id_text) if lang == "en" else (id_text, en_text)
    rules = rules_of(code)
    lines = [f"# `{code}`", "", _plain(first), "", f"*{_plain(second)}*", ""]
    if rules:
        label = "Found by the check" if lang == "en" else "Ditemukan oleh pemeriksaan"
        lines += [f"{label}: " + ", ".join(f"`{r}`" for r in rules), ""]
    return "\n".join(lines)


def _plain(template: str) -> str:
    template = template.replace("{suggestion}", "")
    return _PLACEHOLDER_RE.sub("…", template).replace("{{", "{").replace("}}", "}")


def field_reference() -> str:
    """Every field of lomba.yaml and of an innovation file, with its help."""
    out = ["# Rujukan kolom", "",
           "Dihasilkan dari model lomba; sama dengan bantuan yang tampil di VS Code.", ""]
    for title, model in (("Berkas inovasi (`entries/<opd>/<nama>.yaml`)", Inovasi),
                         ("Ruang kerja (`lomba.yaml`)", Workspace)):
        out += [f"## {title}", ""]
        for name, cls in _models(model):
            out += [f"### {name}", "", "| kolom | wajib | keterangan |", "| --- | --- | --- |"]
            for field, info in cls.model_fields.items():
                text = info.description or FIELD_HELP.get(f"{name}.{field}", "")
                required = "ya" if info.is_required() else ""
                out.append(f"| `{field}` | {required} | {_cell(text)} |")
            out.append("")
    out += ["## Pilihan", "", "| nilai | arti |", "| --- | --- |"]
    out += [f"| `{value}` | {_cell(text)} |" for value, text in CHOICE_HELP.items()]
    return "\n".join(out) + "\n"


def _models(model: type[BaseModel]) -> list[tuple[str, type[BaseModel]]]:
    """The model and every model it contains, in the order first met."""
    seen: dict[str, type[BaseModel]] = {}

    def visit(cls: type[BaseModel]) -> None:
        if cls.__name__ in seen:
            return
        seen[cls.__name__] = cls
        for info in cls.model_fields.values():
            for inner in _nested(info.annotation):
                visit(inner)
    visit(model)
    return list(seen.items())


def _nested(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _nested(arg)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def competition_pages(root: Path | None = None) -> dict[str, str]:
    """One checklist per edition: sections with limits and weights, eligibility, deadlines,
    attachments and sources with their confidence."""
    registry = Registry(root, Report())
    pages = {}
    for edition in registry.all():
        spec = edition.spec
        out = [f"# {spec.nama} ({spec.ref})", "", f"Penyelenggara: {spec.penyelenggara}", ""]
        if spec.catatan:
            out += [spec.catatan.strip(), ""]
        out += ["## Bagian formulir", "", "| no. | bagian | kata | bobot | disimpulkan |",
                "| --- | --- | --- | --- | --- |"]
        for b in spec.bagian:
            words = "–".join(str(x) for x in (b.kata_min, b.kata_maks) if x) or ""
            out.append(f"| {b.nomor or ''} | {_cell(b.judul)} | {words} | "
                       f"{b.bobot if b.bobot else ''} | {'ya' if b.inferensi else ''} |")
        out.append("")
        k = spec.kelayakan
        rules = []
        if k.usia_minimal_tahun:
            rules.append(f"usia penerapan paling sedikit {k.usia_minimal_tahun} tahun")
        if k.tahapan:
            rules.append("tahapan: " + ", ".join(k.tahapan))
        if k.kolom_wajib:
            rules.append("kolom wajib: " + ", ".join(f"`{c}`" for c in k.kolom_wajib))
        if rules:
            out += ["## Syarat", "", *[f"- {r}" for r in rules], ""]
        if spec.tenggat:
            out += ["## Tenggat", "", *[f"- {t.tanggal.isoformat()}: {t.nama}"
                                        for t in spec.tenggat], ""]
        if spec.lampiran:
            out += ["## Lampiran", "", *[f"- {_cell(a.nama)}" for a in spec.lampiran], ""]
        if spec.sumber:
            out += ["## Sumber", "", "| sumber | keyakinan |", "| --- | --- |"]
            out += [f"| {_cell(s.judul)} | {s.keyakinan} |" for s in spec.sumber]
            out.append("")
        pages[f"{spec.kunci}-{spec.edisi}"] = "\n".join(out)
    return pages


def write_guide_pages(docs: Path, root: Path | None = None) -> list[Path]:
    """Write the generated pages into the guide's source folder ``docs``."""
    written = []
    pages = {docs / "kolom.md": field_reference()}
    index = ["# Kode pesan", "", "Setiap pesan lomba menyebut kodenya dalam kurung siku, mis. "
             "`[unknown-field]`; `lomba jelaskan KODE` mencetak halaman yang sama.", ""]
    for code in message_codes():
        text = explain(code)
        assert text is not None
        pages[docs / "kode" / f"{code}.md"] = text
        index.append(f"- [`{code}`]({code}.md)")
    pages[docs / "kode" / "index.md"] = "\n".join(index) + "\n"
    comps = ["# Kompetisi", "",
             "Daftar periksa per edisi, dari spesifikasi yang dipakai lomba.", ""]
    for name, text in sorted(competition_pages(root).items()):
        pages[docs / "kompetisi" / f"{name}.md"] = text
        comps.append(f"- [{name}]({name}.md)")
    pages[docs / "kompetisi" / "index.md"] = "\n".join(comps) + "\n"
    for path, text in pages.items():
        atomic_write_text(path, text)
        written.append(path)
    return written
