"""A competition edition as data: ``templates/<kompetisi>/<edisi>/spec.yaml``.

Every rule may cite the sources it comes from (ids from ``sumber``). A value no source gives is
left unset, and nothing is checked or printed for it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from lomba.model.common import Strict, Tanggal, empty_list
from lomba.model.vocab import Bentuk, Jenis, JenisBukti, Tahapan, TingkatPenghargaan, TingkatWilayah

Keyakinan = Literal["resmi", "berita", "regional", "komunitas", "inferensi"]
"""Confidence of a source: official text, news, a regional copy of the national form, a community
transcription, or lomba's own inference (never for a number)."""

Cites = list[str]

BAGIAN_TABEL = Literal[
    "profil", "indikator_kinerja", "anggaran", "tim", "pemangku_kepentingan", "kegiatan",
    "bukti", "foto", "replikasi", "penghargaan", "indikator_iga",
    # parts of a region-level document (satuan: pemda)
    "surat_pengantar", "profil_daerah", "riwayat_hidup", "pengukuran",
]


class Sumber(Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    judul: str = Field(min_length=1)
    url: str | None = None
    keyakinan: Keyakinan
    catatan: str | None = None


class Tenggat(Strict):
    kode: str = Field(min_length=1)
    nama: str = Field(min_length=1)
    tanggal: Tanggal
    jam: str | None = Field(None, description="Mis. 23:59 WIB")
    sumber: Cites = Field(default_factory=empty_list)
    catatan: str | None = None


class PengecualianPenghargaan(Strict):
    """Prior awards that exclude an entry (e.g. former Top 45 winners may not enter Umum)."""

    kompetisi: list[str] = Field(min_length=1, description="Nama kompetisi, dicocokkan longgar")
    peringkat: list[TingkatPenghargaan] = Field(min_length=1)
    tingkat: list[TingkatWilayah] = Field(
        default_factory=lambda: ["nasional"],
        description="Tingkat penghargaan yang mengecualikan (bawaan: nasional; babak provinsi "
        "sebuah kompetisi nasional tidak mengecualikan)")
    kali: int = Field(1, ge=1, description="Berapa kali peringkat itu membuat tidak memenuhi "
                      "syarat, mis. 2 untuk \"Top 99 dua kali\"")
    kelompok: list[str] = Field(
        default_factory=empty_list, description="Berlaku untuk kelompok ini saja")
    sumber: Cites = Field(default_factory=empty_list)


class JendelaPenerapan(Strict):
    """Implementation (or latest development) must fall in this window."""

    mulai: Tanggal
    selesai: Tanggal
    atau_pengembangan: bool = True
    sumber: Cites = Field(default_factory=empty_list)


class Kelayakan(Strict):
    usia_minimal_tahun: int | None = Field(
        None, ge=0, le=10, description="Usia penerapan minimal, dihitung mundur dari tenggat"
    )
    usia_kelompok: dict[str, int] = Field(
        default_factory=dict, description="Usia minimal yang berbeda per kelompok, mis. "
        "{replikasi: 1} bila kelompok lain 2 tahun")
    usia_dari_tenggat: str = Field("pendaftaran", description="Kode tenggat acuan usia")
    usia_sumber: Cites = Field(default_factory=empty_list)
    usia_dipinjam: str | None = Field(
        None, description="Aturan usia disimpulkan dari edisi lain (mis. sinovik/2018): "
        "pelanggarannya peringatan, bukan galat")
    jendela_penerapan: JendelaPenerapan | None = None
    pengecualian_penghargaan: list[PengecualianPenghargaan] = Field(default_factory=empty_list)
    tahapan: list[Tahapan] = Field(
        default_factory=empty_list, description="Tahapan yang boleh ikut")
    bentuk: list[Bentuk] = Field(default_factory=empty_list)
    jenis: list[Jenis] = Field(default_factory=empty_list)
    sdgs_wajib: bool = Field(False, description="Wajib terkait paling sedikit satu TPB/SDGs")
    kolom_wajib: list[str] = Field(
        default_factory=empty_list,
        description="Kolom entri yang wajib terisi, mis. video, koordinat"
    )
    kolom_dianjurkan: list[str] = Field(
        default_factory=empty_list,
        description="Kolom yang ditanyakan formulir tetapi tidak disebut "
        "wajib oleh sumbernya: kosong = peringatan, bukan galat")
    satu_nilai: list[str] = Field(
        default_factory=empty_list, description="Kolom daftar yang formulirnya hanya menerima satu "
        "nilai, mis. asta_cita")
    sumber: Cites = Field(default_factory=empty_list)


class Pilihan(Strict):
    kode: str = Field(min_length=1)
    nama: str = Field(min_length=1)
    kolom_wajib: list[Literal["replikasi_dari", "instansi_asal"]] = Field(
        default_factory=empty_list, description="Isian keikutsertaan yang wajib bila pilihan ini "
        "dipilih, mis. inovasi asal untuk kelompok Replikasi")
    kuota: int | None = Field(
        None, ge=1, description="Paling banyak sekian inovasi satu instansi (pemda) dalam "
        "pilihan ini, mis. 10 untuk kelompok Umum KIPP 2021; lebih dari itu: peringatan")
    sumber: Cites = Field(default_factory=empty_list)


class Bagian(Strict):
    """One section of the form, in order: its question, its text, and its limits."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_]*$")
    nomor: str | None = Field(None, description="Nomor pertanyaan pada formulir, mis. 6a")
    judul: str = Field(min_length=1)
    pertanyaan: str | None = None
    templat: str | None = Field(
        None, description="Templat Jinja teks bagian ini; kosong = narasi dengan id yang sama"
    )
    kata_min: int | None = Field(None, ge=1)
    kata_maks: int | None = Field(None, ge=1)
    kata_acuan: int | None = Field(
        None, ge=1, description="Angka kata yang beredar tetapi belum pasti batas atau minimum"
    )
    bobot: float | None = Field(None, gt=0, le=100, description="Bobot penilaian (persen)")
    bobot_bersama: str | None = Field(
        None, description="Bagian dengan kode sama berbagi satu bobot (dicatat di bagian pertama)"
    )
    wajib: bool = True
    kelompok: list[str] = Field(
        default_factory=empty_list,
        description="Hanya untuk kelompok ini (kosong = semua kelompok), "
        "mis. pertanyaan khusus kelompok Replikasi")
    inferensi: bool = Field(False, description="Bagian ini disimpulkan, bukan dari sumber resmi")
    batas_dipinjam: str | None = Field(
        None, description="Batas kata bagian ini dipinjam dari edisi lain (mis. iga/2021), bukan "
        "dari sumber edisi ini: pelanggarannya peringatan, bukan galat")
    sumber: Cites = Field(default_factory=empty_list)
    catatan: str | None = None
    hapus: bool = Field(False, description="Dalam edisi turunan: hapus bagian ini")

    @model_validator(mode="after")
    def _limits_in_order(self) -> Bagian:
        if self.kata_min and self.kata_maks and self.kata_min > self.kata_maks:
            raise ValueError("kata_min lebih besar dari kata_maks")
        return self


class Lampiran(Strict):
    """A required attachment: a video, a decree, a statement letter, photos."""

    kode: str = Field(min_length=1)
    nama: str = Field(min_length=1)
    jenis: Literal["video", "bukti", "foto"]
    jenis_bukti: list[JenisBukti] = Field(
        default_factory=empty_list, description="Jenis bukti yang memenuhi (untuk jenis bukti)"
    )
    jumlah_min: int = Field(1, ge=1)
    durasi_maks_menit: float | None = Field(None, gt=0)
    wajib: bool = True
    kelompok: list[str] = Field(
        default_factory=empty_list,
        description="Hanya untuk kelompok ini (kosong = semua kelompok)")
    sumber: Cites = Field(default_factory=empty_list)
    catatan: str | None = None


class Level(Strict):
    level: int = Field(ge=1, le=3)
    uraian: str = Field(min_length=1)
    bukti_jenis: list[JenisBukti] = Field(
        default_factory=empty_list,
        description="Jenis bukti yang mendukung level ini; kosong = bukti apa pun",
    )


class DasarUkur(Strict):
    """One of the alternative bases an indicator may be measured on (the region picks one)."""

    kode: str = Field(min_length=1)
    nama: str = Field(min_length=1)
    level: list[str] = Field(min_length=3, max_length=3, description="Uraian level 1, 2, 3")


class IndikatorIga(Strict):
    """One per-innovation indicator of the Indeks Inovasi Daerah (scoring is separate)."""

    nomor: int = Field(ge=1, le=99)
    variabel: str | None = Field(None, description="Variabel indikator, bila sumber menyebutnya")
    nama: str
    bobot: float | None = Field(
        None, gt=0, description="Bobot indikator; kosong = tidak diketahui (skor tidak dihitung)")
    wajib: bool = False
    level: list[Level] = Field(default_factory=empty_list)
    bukti: str | None = Field(None, description="Data dukung yang diharapkan")
    dasar: list[DasarUkur] = Field(
        default_factory=empty_list, description="Dasar ukur alternatif; daerah memilih satu per "
        "inovasi (kosong = hanya uraian level)")
    sumber: Cites = Field(default_factory=empty_list)

    def basis(self, chosen: str | None) -> DasarUkur | None:
        """The basis a claim chose (the first when it names none), or None if unknown."""
        if not self.dasar:
            return None
        return self.dasar[0] if chosen is None else next(
            (d for d in self.dasar if d.kode == chosen), None)


class IndikatorSpd(Strict):
    """One regional-level indicator (Satuan Pemerintahan Daerah), filled once per region."""

    kode: str = Field(min_length=1, description="Nomor baris, mis. 1, 2a, 13b")
    variabel: str
    nama: str
    bobot: float = Field(gt=0)
    wajib: bool = False
    level: list[Level] = Field(default_factory=empty_list)
    sumber: Cites = Field(default_factory=empty_list)


class Predikat(Strict):
    nama: str
    min: float = Field(ge=0)
    maks: float = Field(ge=0)


class AturanIndeks(Strict):
    """How the Indeks Inovasi Daerah is computed in this edition (all values sourced)."""

    dapat_dihitung: bool = Field(True, description="False: aturan belum lengkap, tidak dihitung")
    alasan: str | None = Field(None, description="Mengapa tidak dapat dihitung")
    pembagi_minimal: int | None = Field(None, ge=1, description="k pada MAX(k, n)")
    skor_per_inovasi: float | None = Field(None, gt=0)
    batas_jumlah_inovasi: int | None = Field(None, ge=1)
    urusan_wajib: list[str] = Field(default_factory=empty_list)
    urusan_minimal: int | None = Field(None, ge=0)
    skor_maksimal: float | None = Field(None, gt=0)
    predikat: list[Predikat] = Field(default_factory=empty_list)
    catatan: str | None = None
    sumber: Cites = Field(default_factory=empty_list)


class TataLetak(Strict):
    """The order of the document's parts, and its annex tables."""

    sampul: bool = True
    urutan: list[str] = Field(
        default_factory=lambda: ["profil", "bagian", "indikator_kinerja", "anggaran", "foto"],
        description="Bagian dokumen: 'bagian' = semua bagian narasi; lainnya nama tabel",
    )
    judul_dokumen: str | None = Field(None, description="Judul di sampul, mis. Proposal Inovasi")


class Spec(Strict):
    """One edition of one competition."""

    kunci: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    edisi: int = Field(ge=2000, le=2100)
    turunan_dari: str | None = Field(None, description="Edisi induk, mis. sinovik/2019")
    sementara: str | None = Field(
        None, description="Edisi sementara: aturan edisi lain dipakai sampai pedoman edisi ini "
        "terbit; setiap dokumen menandainya (lihat `lomba kompetisi salin --sebagai`)")
    setiap_tahun: bool = Field(
        False, description="Berlaku juga untuk setiap tahun sesudahnya, sampai ada edisi yang "
        "lebih baru (untuk format yang tidak berganti tiap tahun, mis. rencana aksi pemda)")
    satuan: Literal["inovasi", "pemda"] = Field(
        "inovasi", description="Yang dinilai: satu inovasi (satu dokumen per entri) atau pemda "
        "(satu dokumen per daerah, dari daerah/profil-inovasi.yaml dan entri yang ikut)")
    untuk_pemda: list[Literal["provinsi", "kabupaten", "kota"]] = Field(
        default_factory=empty_list, description="Jenis pemda yang boleh ikut (kosong = semua); "
        "kategori dengan kode yang sama dengan jenisnya dipilih otomatis")
    nama: str = Field(min_length=1)
    singkatan: str | None = None
    penyelenggara: str = Field(min_length=1)
    tema: str | None = None
    dasar_hukum: str | None = None
    catatan: str | None = None
    disimpulkan: str | None = Field(
        None, description="Apa yang disimpulkan tentang edisi ini secara keseluruhan, bukan "
        "dari sumber resmi (dicetak di halaman pertama setiap dokumennya)")
    sumber: list[Sumber] = Field(default_factory=empty_list)
    tenggat: list[Tenggat] = Field(default_factory=empty_list)
    kelayakan: Kelayakan = Field(default_factory=Kelayakan)
    kelompok: list[Pilihan] = Field(default_factory=empty_list)
    kategori: list[Pilihan] = Field(default_factory=empty_list)
    bagian: list[Bagian] = Field(min_length=1)
    lampiran: list[Lampiran] = Field(default_factory=empty_list)
    indikator: list[IndikatorIga] = Field(default_factory=empty_list)
    spd: list[IndikatorSpd] = Field(default_factory=empty_list)
    indeks: AturanIndeks | None = None
    tata_letak: TataLetak = Field(default_factory=TataLetak)

    @property
    def ref(self) -> str:
        return f"{self.kunci}/{self.edisi}"

    def tenggat_by_code(self) -> dict[str, Tenggat]:
        return {t.kode: t for t in self.tenggat}

    def group_of(self, chosen: str | None) -> str | None:
        """The group an entry is in: the one it chose, else the edition's first."""
        return chosen or (self.kelompok[0].kode if self.kelompok else None)

    def sections_for(self, chosen: str | None) -> list[Bagian]:
        """The sections an entry of group ``chosen`` answers (all, where the edition has no
        group-specific ones)."""
        group = self.group_of(chosen)
        return [b for b in self.bagian if not b.kelompok or group in b.kelompok]

    def inferred(self, cites: Cites, flagged: bool = False) -> bool:
        """A rule is inferred when it is flagged so, or when every source it cites is lomba's own
        inference: such a rule is a warning, never an error."""
        if flagged:
            return True
        kinds = {s.id: s.keyakinan for s in self.sumber}
        return bool(cites) and all(kinds.get(c) == "inferensi" for c in cites)

    def inferred_parts(self) -> list[str]:
        """What in this edition is inferred or borrowed rather than stated by its own sources, in
        the words a document's first page prints (Indonesian, as the documents are)."""
        titles = {s.id: s.judul for s in self.sumber}

        def basis(cites: Cites) -> str:
            named = [titles[c] for c in cites if c in titles]
            return f" (disimpulkan dari: {'; '.join(named)})" if named else ""

        out = [self.disimpulkan] if self.disimpulkan else []
        for b in self.bagian:
            if self.inferred(b.sumber, b.inferensi):
                out.append(f"Bagian \"{b.judul}\"{basis(b.sumber)}.")
            if b.batas_dipinjam and (b.kata_min or b.kata_maks):
                limit = " dan ".join(f"{word} {n} kata" for word, n in
                                     (("minimal", b.kata_min), ("maksimal", b.kata_maks)) if n)
                out.append(f"Batas {limit} bagian \"{b.judul}\" dipinjam dari "
                           f"{b.batas_dipinjam}.")
        rules = self.kelayakan
        if rules.usia_minimal_tahun and rules.usia_dipinjam:
            out.append(f"Usia penerapan minimal {rules.usia_minimal_tahun} tahun dipinjam dari "
                       f"{rules.usia_dipinjam}.")
        return out
