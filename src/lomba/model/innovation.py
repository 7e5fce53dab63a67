"""One innovation, written once by its OPD: ``entries/<opd>/<slug>.yaml``.

Field names are the domain's Indonesian terms, because innovators read and write them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from lomba.model.common import (
    KODE_PATTERN,
    Email,
    NilaiKuantitas,
    Rupiah,
    Strict,
    Tahun,
    TahunAtauRentang,
    Tanggal,
    TanggalFakta,
    Url,
    empty_list,
)
from lomba.model.vocab import (
    ArahIndikator,
    Bentuk,
    Inisiator,
    Jenis,
    JenisBukti,
    KlasterPkpn,
    SumberDana,
    Tahapan,
    TingkatPenghargaan,
    TingkatWilayah,
    Urusan,
)

Sdg = Annotated[int, Field(ge=1, le=17)]
SdgTarget = Annotated[str, Field(pattern=r"^(?:[1-9]|1[0-7])\.(?:\d{1,2}|[a-c])$")]
"""An SDG target as the UN numbers it, e.g. "4.5", "17.16" or "6.a"."""
AstaCita = Annotated[int, Field(ge=1, le=8)]
Klasifikasi = Literal["inovasi perangkat daerah", "inovasi desa", "inovasi masyarakat"]


class Narasi(Strict):
    """The narrative of an innovation. Each field is multi-paragraph CommonMark text
    (paragraphs, ``-`` or ``1.`` lists, ``**tebal**``, ``*miring*``, ``[teks](url)``, tables)."""

    ringkasan: str | None = Field(None, description="Masalah, inovasi sebagai solusi, dan hasilnya")
    latar_belakang: str | None = Field(None, description="Latar belakang dan masalah, dengan data")
    tujuan: str | None = Field(None, description="Tujuan inovasi, dengan target terukur")
    rancang_bangun: str | None = Field(
        None, description="Rancang bangun dan pokok perubahan (IGA: minimal 300 kata)"
    )
    kebaruan: str | None = Field(None, description="Kebaruan/keunikan dibanding sebelumnya")
    cara_kerja: str | None = Field(None, description="Cara kerja dan tahapan implementasi")
    manfaat: str | None = Field(
        None, description="Manfaat bagi masyarakat, OPD, pemangku kepentingan"
    )
    hasil: str | None = Field(None, description="Hasil dan dampak, sebelum dan sesudah")
    sumber_daya: str | None = Field(None, description="Sumber daya: dana, SDM, sarana, metode")
    keberlanjutan: str | None = Field(
        None, description="Strategi keberlanjutan: kelembagaan, manajerial, sosial"
    )
    replikasi: str | None = Field(None, description="Replikasi yang sudah terjadi dan potensinya")
    pemangku_kepentingan: str | None = Field(
        None, description="Keterlibatan pemangku kepentingan dan perannya"
    )
    pelajaran: str | None = Field(None, description="Pelajaran yang dipetik")


NARASI_FIELDS: tuple[str, ...] = tuple(Narasi.model_fields)


class AnggotaTim(Strict):
    nama: str = Field(min_length=1)
    nip: str | None = None
    jabatan: str | None = None
    peran: str = Field(min_length=1, description="Mis. ketua, inovator, anggota, pembina")
    telepon: str | None = None
    email: Email | None = None


class UrusanInovasi(Strict):
    utama: Urusan = Field(description="Urusan pemerintahan utama")
    beririsan: list[Urusan] = Field(default_factory=empty_list, description="Urusan yang beririsan")


class TanggalInovasi(Strict):
    """Each date as precise as it is known: 2017, 2017-11 or 2017-11-02."""

    ide: TanggalFakta | None = Field(None, description="Ide pertama kali dicetuskan")
    uji_coba: TanggalFakta | None = Field(None, description="Mulai uji coba")
    penerapan: TanggalFakta | None = Field(
        None, description="Mulai penerapan (menentukan usia inovasi)")
    pengembangan: TanggalFakta | None = Field(None, description="Pengembangan terbaru")


class Nilai(Strict):
    tahun: Tahun | None = Field(None, description="Tahun pengukuran, bila diketahui")
    nilai: NilaiKuantitas


class IndikatorKinerja(Strict):
    """A performance indicator measured before and after the innovation (either may be
    unknown: the table shows what is known)."""

    nama: str = Field(min_length=1)
    satuan: str = Field(min_length=1, description="Mis. menit, persen, orang")
    baseline: Nilai | None = None
    terkini: Nilai | None = None
    arah: ArahIndikator = Field("naik", description="naik jika makin besar makin baik, else turun")
    sumber: str | None = Field(None, description="Sumber data, mis. laporan SIMPUS 2018")


class BarisAnggaran(Strict):
    tahun: TahunAtauRentang
    sumber_dana: SumberDana
    uraian: str = Field(min_length=1)
    jumlah: Rupiah


class Kegiatan(Strict):
    """An activity of the action plan, with its milestone."""

    nama: str = Field(min_length=1)
    mulai: Tanggal
    selesai: Tanggal
    penanggung_jawab: str | None = None
    keluaran: str | None = Field(None, description="Tonggak/keluaran yang menandai selesai")
    status: Literal["rencana", "berjalan", "selesai"] = "rencana"


class PemangkuKepentingan(Strict):
    nama: str = Field(min_length=1)
    unsur: Literal["pemerintah", "swasta", "masyarakat", "akademisi", "media",
                   "mitra pembangunan"] | None = None
    peran: str = Field(min_length=1)


class Bukti(Strict):
    """A supporting file (data dukung), relative to the entry file."""

    berkas: str = Field(min_length=1, description="Jalur relatif ke berkas inovasi")
    jenis: JenisBukti
    judul: str | None = Field(None, description="Mis. Perbup Nomor 12 Tahun 2018 tentang ...")
    mendukung: list[str] = Field(default_factory=empty_list, description="Apa yang dibuktikan")


class Foto(Strict):
    berkas: str = Field(min_length=1)
    keterangan: str = Field(min_length=1)


class Replikasi(Strict):
    daerah: str = Field(min_length=1, description="Pemda/instansi yang mereplikasi")
    tahun: Tahun | None = Field(None, description="Tahun replikasi, bila diketahui")
    keterangan: str | None = None
    bukti: str | None = Field(None, description="Berkas PKS/MoU/surat pernyataan")


class Penghargaan(Strict):
    kompetisi: str = Field(min_length=1, description="Mis. KIPP (SINOVIK), IGA")
    tahun: Tahun
    peringkat: TingkatPenghargaan
    tingkat: TingkatWilayah = "nasional"
    penyelenggara: str | None = None


class Keikutsertaan(Strict):
    """Whether and how the innovation enters one competition, with wording for it alone."""

    ikut: bool = Field(True, description="Ikut kompetisi ini tahun ini")
    edisi: Tahun | None = Field(None, description="Edisi kompetisi; kosong = tahun kerja")
    kelompok: str | None = Field(None, description="Mis. umum, replikasi, khusus")
    kategori: str | None = None
    replikasi_dari: str | None = Field(
        None, description="Kelompok Replikasi: nama inovasi yang direplikasi")
    instansi_asal: str | None = Field(
        None, description="Kelompok Replikasi: instansi pemilik inovasi yang direplikasi")
    narasi: Narasi = Field(default_factory=Narasi, description="Teks khusus untuk kompetisi ini")
    bagian: dict[str, str] = Field(
        default_factory=dict,
        description="Teks untuk bagian formulir tertentu (id bagian dari spesifikasi lomba); "
        "teks ini menggantikan isi bawaan bagian itu",
    )
    catatan: str | None = None


class Verifikasi(Strict):
    """The quality-control verdict on one piece of evidence."""

    berkas: str = Field(min_length=1, description="Berkas bukti yang diperiksa")
    status: Literal["diterima", "ditolak"]
    alasan: str | None = Field(None, description="Wajib bila ditolak")
    oleh: str | None = None
    tanggal: Tanggal | None = None


class KlaimIndikatorIga(Strict):
    """Self-assessment of one IGA per-innovation indicator: level claimed and its evidence."""

    nomor: int = Field(ge=1, le=99, description="Nomor indikator, mis. 16 untuk Regulasi")
    level: int = Field(ge=0, le=3, description="Parameter yang diklaim (0-3)")
    dasar: str | None = Field(
        None, description="Dasar ukur yang dipilih, untuk indikator yang punya beberapa (IGA "
        "2026 indikator 33: a-f); kosong = dasar pertama")
    bukti: list[str] = Field(default_factory=empty_list, description="Berkas bukti pendukung")
    catatan: str | None = None
    verifikasi: list[Verifikasi] = Field(
        default_factory=empty_list,
        description="Hasil pemeriksaan bukti oleh Champion Inovator/tim QC"
    )


class Inovasi(Strict):
    """One innovation of one OPD."""

    nama: str = Field(min_length=1, description="Nama inovasi (harus unik)")
    akronim: str | None = None
    kepanjangan: str | None = Field(None, description="Kepanjangan akronim")
    nama_lain: list[str] = Field(
        default_factory=empty_list,
        description="Nama, ejaan atau kepanjangan lain yang juga dipakai")
    opd: str = Field(min_length=1, pattern=KODE_PATTERN, description="Kode OPD dari lomba.yaml")
    opd_mitra: list[Annotated[str, Field(pattern=KODE_PATTERN)]] = Field(
        default_factory=empty_list,
        description="OPD lain yang ikut menjalankan inovasi bersama; OPD utama tetap `opd`")
    unit_pelaksana: str | None = Field(None, description="Unit pelaksana, jika bukan OPD induk")
    tim: list[AnggotaTim] = Field(default_factory=empty_list)

    bentuk: Bentuk
    jenis: Jenis
    inisiator: Inisiator
    nama_inisiator: str | None = None
    tahapan: Tahapan
    urusan: UrusanInovasi
    sdgs: list[Sdg] = Field(default_factory=empty_list, description="Nomor TPB/SDGs 1-17")
    sdgs_target: list[SdgTarget] = Field(
        default_factory=empty_list, description="Target TPB/SDGs, mis. \"4.5\" atau \"17.16\"")
    klasifikasi: Klasifikasi | None = Field(None, description="IGA 2026: klasifikasi inovasi")
    asta_cita: AstaCita | list[AstaCita] = Field(
        default_factory=empty_list, description="Asta Cita 1-8 (IGA 2026 menerima satu; satu angka "
        "boleh ditulis tanpa kurung siku)")
    pkpn: KlasterPkpn | None = Field(
        None, description="IGA 2026: klaster Program Kerja Prioritas Nasional")
    pkpn_program: str | None = Field(None, description="IGA 2026: nama program PKPN")
    koordinat: str | None = Field(
        None, pattern=r"^-?\d{1,2}(\.\d+)?,\s*-?\d{1,3}(\.\d+)?$",
        description="IGA 2026: lintang,bujur lokasi, mis. -3.7156,103.7722",
    )

    tanggal: TanggalInovasi = Field(default_factory=TanggalInovasi)
    narasi: Narasi = Field(default_factory=Narasi)

    @field_validator("asta_cita", mode="after")
    @classmethod
    def _one_or_more(cls, value: int | list[int]) -> list[int]:
        """One Asta Cita as written (``asta_cita: 3``) or several: a list either way."""
        return [value] if isinstance(value, int) else value

    indikator_kinerja: list[IndikatorKinerja] = Field(default_factory=empty_list)
    anggaran: list[BarisAnggaran] = Field(default_factory=empty_list)
    kegiatan: list[Kegiatan] = Field(default_factory=empty_list)
    pemangku_kepentingan: list[PemangkuKepentingan] = Field(default_factory=empty_list)
    bukti: list[Bukti] = Field(default_factory=empty_list)
    foto: list[Foto] = Field(default_factory=empty_list)
    video: Url | None = None
    replikasi: list[Replikasi] = Field(default_factory=empty_list)
    penghargaan: list[Penghargaan] = Field(default_factory=empty_list)

    kompetisi: dict[str, Keikutsertaan] = Field(default_factory=dict)
    indikator_iga: list[KlaimIndikatorIga] = Field(default_factory=empty_list)

    lainnya: dict[str, Any] = Field(
        default_factory=dict, description="Kolom bebas untuk keperluan lokal (tidak divalidasi)"
    )

    def edition_of(self, competition: str, working_year: int) -> int:
        """The edition of ``competition`` this entry enters: its own ``edisi``, else the
        workspace's working year."""
        chosen = self.kompetisi[competition].edisi if competition in self.kompetisi else None
        return chosen if chosen is not None else working_year

    def narasi_for(self, competition: str) -> Narasi:
        """The narrative as one competition sees it: its overrides over the common text."""
        entry = self.kompetisi.get(competition)
        if entry is None:
            return self.narasi
        merged = self.narasi.model_dump()
        merged.update(entry.narasi.model_dump(exclude_none=True))
        return Narasi.model_construct(**merged)
