"""The workspace file ``lomba.yaml``: the regional government, its officials and its OPD."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from lomba.model.common import KODE_PATTERN, Email, Strict, Tahun, Tanggal, Url, empty_list
from lomba.model.vocab import JenisOpd


class Pejabat(Strict):
    """An official: named on covers, addressed in letters, or signing them."""

    nama: str = Field(min_length=1, description="Nama lengkap dengan gelar")
    nip: str | None = Field(None, description="NIP 18 digit (kosongkan untuk pejabat politik)")
    jabatan: str = Field(min_length=1, description="Jabatan, mis. Kepala Dinas Kesehatan")
    pangkat: str | None = Field(None, description="Pangkat/golongan, mis. Pembina (IV/a)")


class Penandatangan(Pejabat):
    """An official who signs letters for the regent (a.n. Bupati ...)."""

    kode: str = Field(min_length=1, pattern=KODE_PATTERN,
                      description="Kode singkat untuk dirujuk, mis. sekda")


class Kontak(Strict):
    nama: str = Field(min_length=1)
    nip: str | None = None
    jabatan: str | None = None
    unit: str | None = None
    telepon: str | None = None
    email: Email | None = None


class Pemda(Strict):
    """The regional government whose innovations these are (the letterhead and the covers)."""

    nama: str = Field(min_length=1, description="Mis. Pemerintah Kabupaten Muara Enim")
    jenis: Literal["kabupaten", "kota", "provinsi"]
    nama_daerah: str = Field(min_length=1, description="Mis. Muara Enim")
    provinsi: str = Field(min_length=1)
    ibu_kota: str = Field(min_length=1, description="Tempat penulisan surat, mis. Muara Enim")
    alamat: str = Field(min_length=1)
    kode_pos: str | None = None
    telepon: str | None = None
    email: Email | None = None
    laman: Url | None = None
    logo: str | None = Field(None, description="Berkas logo untuk kop surat, relatif ke lomba.yaml")


class Opd(Strict):
    """One organisasi perangkat daerah."""

    kode: str = Field(min_length=1, pattern=KODE_PATTERN,
                      description="Kode singkat, juga nama folder di entries/")
    nama: str = Field(min_length=1, description="Nama lengkap OPD")
    singkatan: str = Field(min_length=1)
    jenis: JenisOpd
    kepala: Pejabat
    alamat: str | None = None


class TenggatInternal(Strict):
    """A deadline the regency sets itself, e.g. action plans due 31 July."""

    nama: str = Field(min_length=1)
    tanggal: Tanggal
    keterangan: str | None = None
    rencana_aksi: bool | None = Field(
        None, description="Tenggat penyerahan Rencana Aksi Inovasi (bawaan: dikenali dari "
        "namanya, mis. \"rencana aksi\" atau \"RAI\")")

    @property
    def for_action_plan(self) -> bool:
        """Whether this is the action plans' deadline: said outright, or named so (the sources
        say "rencana aksi"; older workspaces wrote "rancangan aksi" or "RAI")."""
        if self.rencana_aksi is not None:
            return self.rencana_aksi
        name = self.nama.lower()
        return "rencana aksi" in name or "rancangan aksi" in name or "rai" in name.split()


class PengaturanSurat(Strict):
    """How letters to the OPD are numbered and signed."""

    pola_nomor: str = Field(
        "800/{nomor:03d}/Bappeda/{tahun}",
        description="Pola nomor surat; {nomor} = nomor urut, {tahun}, {bulan} (angka Romawi)",
    )
    nomor_awal: int = Field(1, ge=1, description="Nomor urut pertama bila register masih kosong")
    penandatangan: str | None = Field(
        None, description="Kode penandatangan dari daftar `penandatangan`; kosong = kepala daerah"
    )
    sifat_teguran: str = "Penting"
    sifat_pengingat: str = "Biasa"
    tenggat_baru_hari: int = Field(14, ge=1, le=180, description="Tenggat baru: hari setelah surat")
    tembusan: list[str] = Field(default_factory=empty_list)


class DataIga(Strict):
    """The region's own values for the IGA's regional indicators (SPD), by row code."""

    edisi: Tahun = Field(description="Edisi IGA yang aturannya dipakai, mis. 2026")
    inovasi_edisi: Tahun | None = Field(
        None, description="Simulasi: hitung inovasi yang ikut IGA edisi ini dengan aturan "
        "`edisi` (mis. karena aturan indeks edisi itu tidak diketahui). Kosong: inovasi yang "
        "ikut edisi `edisi` sendiri")
    spd: dict[str, int] = Field(
        default_factory=dict, description="Level (0-3) per kode indikator SPD, mis. {'1': 3}"
    )
    catatan: str | None = None


class Workspace(Strict):
    """The content of ``lomba.yaml``."""

    pemda: Pemda
    kepala_daerah: Pejabat
    wakil_kepala_daerah: Pejabat | None = None
    penandatangan: list[Penandatangan] = Field(default_factory=empty_list)
    champion_inovator: Kontak
    tahun_kerja: Tahun
    tanggal_dokumen: Tanggal | None = Field(
        None, description="Tanggal yang dicetak pada dokumen; kosongkan untuk tanggal hari ini"
    )
    tanggal_dokumen_edisi: dict[str, Tanggal] = Field(
        default_factory=dict,
        description="Tanggal dokumen per edisi lomba, mis. {sinovik/2025: 2025-05-20}; "
        "menggantikan tanggal_dokumen untuk edisi itu")

    def document_date(self, ref: str, default: date) -> date:
        """The date printed on documents of edition ``ref``."""
        return self.tanggal_dokumen_edisi.get(ref, default)
    opd: list[Opd] = Field(min_length=1)
    tenggat_internal: list[TenggatInternal] = Field(default_factory=empty_list)
    surat: PengaturanSurat = Field(default_factory=PengaturanSurat)
    pdf: bool = Field(False, description="Buat juga PDF dari setiap dokumen dan pratinjau surat "
                      "pada `lomba build` (perlu LibreOffice), seperti `lomba build --pdf`")
    iga: DataIga | None = None

    def opd_by_key(self) -> dict[str, Opd]:
        return {o.kode: o for o in self.opd}
