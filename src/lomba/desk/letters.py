"""Reprimand (teguran) and reminder (pengingat) letters to OPD, numbered from a register.

The register (``surat/register.yaml``, kept in git with the workspace) is what makes numbers
unique: a letter whose content has not changed keeps its number and date, so a re-run gives the
same files; a letter with new content takes the next number; a number is never handed out twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Literal

import jinja2
import yaml
from pydantic import Field

from lomba.desk.status import OpdCompliance
from lomba.diagnostics import Diagnostic
from lomba.errors import LombaError
from lomba.fileio import atomic_write_text
from lomba.load.files import path_problem
from lomba.load.yamlio import YamlLoadError, load_yaml_file
from lomba.model.common import Strict, Tanggal
from lomba.model.workspace import Opd, Pejabat, Workspace
from lomba.validate.templating import make_environment
from lomba.validate.validation import validate

Kind = Literal["teguran", "pengingat"]
REGISTER = Path("surat") / "register.yaml"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
TITLES = {
    "teguran": "Teguran atas Kewajiban Inovasi Daerah",
    "pengingat": "Pengingat Kewajiban Inovasi Daerah",
}


class Entri(Strict):
    urut: int = Field(ge=1)
    nomor: str
    jenis: Kind
    opd: str
    tanggal: Tanggal
    sidik: str = Field(description="Sidik isi surat; isi sama = nomor sama")


class Register(Strict):
    surat: list[Entri] = Field(default_factory=list)


class RegisterError(LombaError):
    """The register file is unreadable; its diagnostics say why (nothing is written)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("register-damaged", diagnostics)


def load_register(root: Path) -> Register:
    path = root / REGISTER
    if not path.exists():
        return Register()
    try:
        loaded = load_yaml_file(path, REGISTER.as_posix())
    except YamlLoadError as exc:
        raise RegisterError([exc.diagnostic]) from None
    model, diags = validate(loaded, Register)
    if model is None or loaded.diagnostics:
        raise RegisterError(loaded.diagnostics + diags)
    return model


def save_register(root: Path, register: Register) -> None:
    data = {"surat": [e.model_dump(mode="json") for e in register.surat]}
    header = ("# Register nomor surat yang diterbitkan lomba. Simpan di git dan jangan diubah\n"
              "# dengan tangan: nomor yang sudah terpakai tidak pernah dipakai lagi.\n")
    atomic_write_text(root / REGISTER, header + yaml.safe_dump(data, allow_unicode=True,
                                                               sort_keys=False))


@dataclass
class Letter:
    kind: Kind
    opd: Opd
    number: str
    serial: int
    day: date
    deadline: date
    subject: str
    nature: str
    body: str
    signer: Pejabat
    on_behalf: str | None
    copies: list[str]

    @property
    def filename(self) -> str:
        return f"{self.day.year}-{self.serial:03d}-{self.opd.kode}.docx"


def _template(root: Path, kind: Kind) -> str:
    relative = f"templates/surat/{kind}.md.j2"
    own = root / relative
    if own.is_file():
        if path_problem(relative, root, root) is not None:  # a link to a file elsewhere
            raise LombaError("input-outside", path=relative)
        return own.read_text(encoding="utf-8")
    return (resources.files("lomba") / "data" / "surat" / f"{kind}.md.j2").read_text("utf-8")


def _rai_deadline(config: Workspace) -> date | None:
    for t in config.tenggat_internal:
        if "rancangan aksi" in t.nama.lower() or "rai" in t.nama.lower().split():
            return t.tanggal
    return None


def default_kind(config: Workspace, today: date) -> Kind:
    """Before the action-plan deadline a reminder; after it a reprimand."""
    deadline = _rai_deadline(config)
    return "teguran" if deadline is not None and today > deadline else "pengingat"


def _signer(config: Workspace) -> tuple[Pejabat, str | None]:
    code = config.surat.penandatangan
    for person in config.penandatangan:
        if person.kode == code:
            return person, f"a.n. {config.kepala_daerah.jabatan.upper()}"
    return config.kepala_daerah, None


def _template_failed(root: Path, kind: Kind, exc: Exception) -> LombaError:
    """A letter template that does not compile or fails while rendering, located at its line."""
    own = (root / "templates" / "surat" / f"{kind}.md.j2").is_file()
    name = f"templates/surat/{kind}.md.j2" if own else f"lomba:surat/{kind}.md.j2"
    line = getattr(exc, "lineno", None) or _traceback_line(exc) or 1
    return LombaError("letter-template-failed", where=f"{name}:{line}",
                      detail=f"{type(exc).__name__}: {exc}")


def _traceback_line(exc: BaseException) -> int | None:
    """The template line a runtime error happened on (Jinja marks template frames)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def plan_letters(root: Path, config: Workspace, items: list[OpdCompliance], kind: Kind,
                 today: date) -> tuple[list[Letter], Register]:
    """The letters for these OPD, numbered against the register (not yet saved)."""
    register = load_register(root)
    env = make_environment()
    try:
        template = env.from_string(_template(root, kind))
    except jinja2.TemplateError as exc:
        raise _template_failed(root, kind, exc) from None
    signer, on_behalf = _signer(config)
    opds = config.opd_by_key()
    year_entries = [e for e in register.surat if e.tanggal.year == today.year]
    next_serial = max([e.urut for e in year_entries], default=config.surat.nomor_awal - 1) + 1
    letters = []
    for item in items:
        opd = opds[item.kode]
        missing = [m[0] for m in item.missing]
        fingerprint = hashlib.sha1(
            "|".join([kind, opd.kode, str(config.tahun_kerja), *missing]).encode()
        ).hexdigest()[:16]
        previous = next((e for e in register.surat if e.jenis == kind and e.opd == opd.kode
                         and e.sidik == fingerprint), None)
        if previous is None:
            serial, day = next_serial, today
            next_serial += 1
            number = config.surat.pola_nomor.format(nomor=serial, tahun=day.year,
                                                    bulan=ROMAN[day.month - 1])
            register.surat.append(Entri(urut=serial, nomor=number, jenis=kind, opd=opd.kode,
                                        tanggal=day, sidik=fingerprint))
        else:
            serial, day, number = previous.urut, previous.tanggal, previous.nomor
        deadline = day + timedelta(days=config.surat.tenggat_baru_hari)
        try:
            body = template.render(
                opd=opd, kekurangan=missing, tahun=config.tahun_kerja, tenggat_baru=deadline,
                tenggat_rai=_rai_deadline(config), kepala_daerah=config.kepala_daerah,
                pemda=config.pemda, champion=config.champion_inovator,
            )
        except Exception as exc:  # a template may fail in any way its expressions can
            raise _template_failed(root, kind, exc) from None
        letters.append(Letter(
            kind=kind, opd=opd, number=number, serial=serial, day=day, deadline=deadline,
            subject=TITLES[kind],
            nature=config.surat.sifat_teguran if kind == "teguran"
            else config.surat.sifat_pengingat,
            body=body, signer=signer, on_behalf=on_behalf, copies=config.surat.tembusan,
        ))
    return letters, register

