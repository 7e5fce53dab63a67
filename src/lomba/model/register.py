"""The letter register ``surat/register.yaml``: every official letter number ever issued."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lomba.model.common import Strict, Tanggal, empty_list

Kind = Literal["teguran", "pengingat"]


class Entri(Strict):
    urut: int = Field(ge=1, le=999_999)
    nomor: str = Field(min_length=1, max_length=200)
    jenis: Kind
    opd: str
    tanggal: Tanggal
    sidik: str = Field(description="Sidik isi surat; isi sama = nomor sama")
    rantai: str | None = Field(
        None, description="Sidik berantai atas baris ini dan semua baris sebelumnya: baris yang "
        "dihapus, diubah atau diberi tanggal lain tampak")


class Register(Strict):
    terakhir: dict[int, int] = Field(
        default_factory=dict,
        description="Nomor urut tertinggi yang pernah diterbitkan per tahun; tidak pernah turun")
    surat: list[Entri] = Field(default_factory=empty_list)
