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

import jinja2

from lomba.desk.status import OpdCompliance
from lomba.diagnostics import Diagnostic
from lomba.errors import LombaError
from lomba.fileio import atomic_write_text
from lomba.load.files import path_problem
from lomba.load.yamlio import dump_yaml
from lomba.model.register import Entri, Kind, Register
from lomba.model.workspace import Opd, Pejabat, Workspace
from lomba.validate.register import (
    REGISTER,
    format_number,
    load_register,
    pattern_problem,
    remember,
    seal,
)
from lomba.validate.sandbox import render_limited
from lomba.validate.templating import make_environment

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
TITLES = {
    "teguran": "Teguran atas Kewajiban Inovasi Daerah",
    "pengingat": "Pengingat Kewajiban Inovasi Daerah",
}


class RegisterError(LombaError):
    """The register cannot be trusted; its diagnostics say why (nothing is numbered)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("register-damaged", diagnostics)


def trusted_register(root: Path) -> Register:
    """The register, validated; raises :class:`RegisterError` on any problem."""
    register, problems = load_register(root)
    if register is None:
        raise RegisterError(problems)
    return register


def save_register(root: Path, register: Register) -> None:
    seal(register)
    data = {"terakhir": dict(sorted(register.terakhir.items())),
            "surat": [e.model_dump(mode="json") for e in register.surat]}
    header = ("# Register nomor surat yang diterbitkan lomba. Simpan di git dan jangan diubah\n"
              "# dengan tangan: nomor yang sudah terpakai tidak pernah dipakai lagi.\n")
    atomic_write_text(root / REGISTER, header + dump_yaml(data))
    remember(root, register)


@dataclass
class Letter:
    kind: Kind
    opd: Opd
    number: str | None
    """None for a preview: only ``lomba surat`` numbers a letter."""
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
    def draft(self) -> bool:
        return self.number is None

    @property
    def filename(self) -> str:
        if self.number is None:
            return f"DRAF-{self.kind}-{self.opd.kode}.docx"
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
        if t.for_action_plan:
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
                 today: date, *, issue: bool) -> tuple[list[Letter], Register]:
    """The letters for these OPD. With ``issue``, numbered against the validated register (the
    returned register holds the new lines, not yet saved); without it, unnumbered previews and
    the register is neither read nor changed."""
    register = trusted_register(root) if issue else Register()
    if issue:
        problem = pattern_problem(config.surat.pola_nomor)
        if problem is not None:
            raise LombaError("letter-pattern-invalid", pattern=config.surat.pola_nomor, **problem)
    env = make_environment()
    try:
        template = env.from_string(_template(root, kind))
    except jinja2.TemplateError as exc:
        raise _template_failed(root, kind, exc) from None
    signer, on_behalf = _signer(config)
    opds = config.opd_by_key()
    year_serials = [e.urut for e in register.surat if e.tanggal.year == today.year]
    next_serial = max([*year_serials, register.terakhir.get(today.year, 0),
                       config.surat.nomor_awal - 1]) + 1
    letters = []
    for item in items:
        opd = opds[item.kode]
        missing = [m[0] for m in item.missing]
        fingerprint = hashlib.sha1(
            "|".join([kind, opd.kode, str(config.tahun_kerja), *missing]).encode()
        ).hexdigest()[:16]
        previous = next((e for e in register.surat if e.jenis == kind and e.opd == opd.kode
                         and e.sidik == fingerprint), None)
        number: str | None
        if not issue:
            serial, day, number = 0, today, None
        elif previous is None:
            serial, day = next_serial, today
            next_serial += 1
            number = format_number(config.surat.pola_nomor, serial, day.year,
                                   ROMAN[day.month - 1])
            register.surat.append(Entri(urut=serial, nomor=number, jenis=kind, opd=opd.kode,
                                        tanggal=day, sidik=fingerprint))
        else:
            serial, day, number = previous.urut, previous.tanggal, previous.nomor
        deadline = day + timedelta(days=config.surat.tenggat_baru_hari)
        try:
            body = render_limited(template, dict(
                opd=opd, kekurangan=missing, tahun=config.tahun_kerja, tenggat_baru=deadline,
                tenggat_rai=_rai_deadline(config), kepala_daerah=config.kepala_daerah,
                pemda=config.pemda, champion=config.champion_inovator,
            ))
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
