"""`lomba init` and `lomba new`: start a workspace, or an entry, that already checks."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import jinja2

from lomba.author.samplefiles import make_pdf
from lomba.fileio import write_new_files
from lomba.locale import build_date
from lomba.model.common import KODE_RE
from lomba.model.region import REGION_PROFILE
from lomba.model.workspace import Opd
from lomba.validate.jsonschema import SCHEMA_DIR, render_schemas

SLUG_RE = KODE_RE


def _data(name: str) -> str:
    return (resources.files("lomba") / "data" / "scaffold" / name).read_text(encoding="utf-8")


def _render(name: str, **values: object) -> str:
    """A scaffold file with its ``{{ tahun }}`` and the like filled in."""
    return jinja2.Environment(autoescape=False, keep_trailing_newline=True).from_string(
        _data(name)).render(**values)


def init_files(target: Path, year: int | None = None) -> dict[Path, bytes]:
    """Every file of a new workspace, ready to be written: a workspace of this year (the
    build date's, so ``SOURCE_DATE_EPOCH`` can fix it), whose example entry enters the yearly
    action plan."""
    year = year or build_date().year
    files: dict[Path, bytes] = {
        target / "lomba.yaml": _render("lomba.yaml", tahun=year).encode(),
        target / "entries" / "dinkes" / "posyandu-remaja.yaml": _data("contoh.yaml").encode(),
        target / "entries" / "dinkes" / "bukti" / "sk-posyandu-remaja.pdf": make_pdf(
            "SK Kepala Dinas Kesehatan tentang Posyandu Remaja"),
        target / "templates" / "README.md": (
            b"# templates/\n\nSalin folder edisi kompetisi ke sini (mis. `sinovik/2019/`) untuk "
            b"mengubah aturan atau templatnya; salinan di sini menggantikan bawaan lomba.\n"
        ),
        target / REGION_PROFILE: _data("profil-inovasi.yaml").encode(),
        target / ".gitignore": b"/build/\n",
        target / ".github" / "workflows" / "lomba.yml": _data("github-workflow.yml").encode(),
        target / ".gitlab-ci.yml": _data("gitlab-ci.yml").encode(),
        target / ".vscode" / "extensions.json": (json.dumps({
            "recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n").encode(),
        target / ".vscode" / "settings.json": (json.dumps({
            "yaml.schemas": {
                f"./{SCHEMA_DIR}/lomba.schema.json": "lomba.yaml",
                f"./{SCHEMA_DIR}/inovasi.schema.json": "entries/**/*.yaml",
                f"./{SCHEMA_DIR}/profil-inovasi.schema.json": REGION_PROFILE,
            }
        }, indent=2) + "\n").encode(),
    }
    for name, text in render_schemas().items():
        files[target / SCHEMA_DIR / name] = text.encode()
    return files


def init_workspace(target: Path, year: int | None = None) -> list[Path]:
    """Create a workspace in ``target`` (of this year, unless ``year``). Raises
    FileExistsError, writing nothing, if any of its files already exists."""
    files = init_files(target, year)
    write_new_files(files)
    return sorted(files)


def new_entry(root: Path, opd: Opd, slug: str, nama: str | None = None) -> Path:
    """Scaffold ``entries/<opd>/<slug>.yaml`` with every field and guidance comments."""
    target = root / "entries" / opd.kode / f"{slug}.yaml"
    schema = Path(os.path.relpath(root / SCHEMA_DIR / "inovasi.schema.json", target.parent))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    text = env.from_string(_data("entry.yaml.j2")).render(
        opd=opd, schema_path=schema.as_posix(), nama=json.dumps(nama or f"TODO nama inovasi {slug}",
                                                                ensure_ascii=False),
    )
    write_new_files({target: text.encode()})
    return target
