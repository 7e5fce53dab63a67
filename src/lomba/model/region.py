"""The region's own innovation profile: ``daerah/profil-inovasi.yaml``.

Some awards go to the regional government for its innovation ecosystem, not to one innovation
(the Anugerah Iptek Budhipraja for a kabupaten or kota). Their documents are written once per
pemda, from this file, from ``lomba.yaml`` and from the entries that opt in.
"""

from __future__ import annotations

from pydantic import Field

from lomba.model.common import Strict, TahunAtauRentang, TanggalFakta, empty_list

REGION_PROFILE = "daerah/profil-inovasi.yaml"
"""Where the region's innovation profile lives, relative to the workspace."""


class ProgramInovasi(Strict):
    """One programme of the region's innovation strategy."""

    nama: str = Field(min_length=1, description="Nama program, mis. Satu OPD Satu Inovasi")
    tahun: TahunAtauRentang | None = Field(None, description="Tahun atau rentang, mis. 2016-2019")
    uraian: str | None = Field(None, description="Apa yang dikerjakan dan hasilnya")


class PilarIdsd(Strict):
    """The four aspects of the Indeks Daya Saing Daerah that screens Budhipraja candidates."""

    lingkungan_pendukung: str | None = Field(
        None, description="Institusi, infrastruktur, ekonomi daerah")
    sumber_daya_manusia: str | None = Field(None, description="Kesehatan, pendidikan, keterampilan")
    pasar: str | None = Field(
        None, description="Efisiensi pasar produk, tenaga kerja, akses keuangan, ukuran pasar")
    ekosistem_inovasi: str | None = Field(
        None, description="Dinamika bisnis, kapasitas inovasi, kesiapan dan adopsi teknologi")


class RiwayatHidup(Strict):
    """The regional head's CV form (name and office come from lomba.yaml)."""

    tempat_lahir: str | None = Field(None, description="Kota atau kabupaten tempat lahir")
    tanggal_lahir: TanggalFakta | None = Field(None, description="Mis. 1968-05-17 atau 1968")
    pendidikan: list[str] = Field(
        default_factory=empty_list, description="Mis. S2 Ilmu Pemerintahan, UGM, 1998")
    jabatan: list[str] = Field(
        default_factory=empty_list, description="Riwayat jabatan, terbaru dahulu")
    penghargaan: list[str] = Field(
        default_factory=empty_list, description="Mis. Satyalancana, 2018")
    organisasi: list[str] = Field(default_factory=empty_list, description="Riwayat organisasi")


class ProfilInovasiDaerah(Strict):
    """The region's innovation system, as a nominee presents it: strategy, programmes,
    results, the Sistem Inovasi Daerah, and the IDSD aspects."""

    strategi: str | None = Field(None, description="Strategi inovasi daerah (Markdown)")
    program: list[ProgramInovasi] = Field(
        default_factory=empty_list,
        description="Program inovasi daerah, mis. Satu OPD Satu Inovasi")
    hasil: str | None = Field(None, description="Hasil yang dicapai, dengan angka dan tahunnya")
    sida: str | None = Field(
        None, description="Sistem Inovasi Daerah: kelembagaan, regulasi, jaringan, anggaran")
    idsd: PilarIdsd = Field(
        default_factory=PilarIdsd, description="Empat aspek Indeks Daya Saing Daerah")
    riwayat_hidup: RiwayatHidup = Field(
        default_factory=RiwayatHidup, description="Formulir riwayat hidup kepala daerah")
