"""The regulations' enumerations, as the values innovators type in their YAML.

Sources: PP 38/2017 on Inovasi Daerah (bentuk, inisiator, tahapan); the IID portal profile fields
(jenis, tahapan); UU 23/2014 Lampiran (concurrent urusan: 6 wajib pelayanan dasar, 18 wajib non
pelayanan dasar, 8 pilihan) plus the supporting functions (unsur penunjang) that OPD such as Bappeda
or the Inspektorat report under; the 17 TPB/SDGs with their Indonesian names (Perpres 59/2017).
PP 38/2017, summarised from setkab.go.id:
https://nasional.kompas.com/read/2017/09/28/12284531/jokowi-teken-pp-baru-daerah-silakan-berinovasi
"""

from __future__ import annotations

from typing import Literal, get_args

Bentuk = Literal["tata kelola pemerintahan daerah", "pelayanan publik", "inovasi daerah lainnya"]
Jenis = Literal["digital", "non digital", "digital dan non digital"]
Inisiator = Literal["kepala daerah", "anggota DPRD", "OPD", "ASN", "masyarakat"]
Tahapan = Literal["ide", "inisiatif", "uji coba", "penerapan"]

TAHAPAN_ORDER: tuple[str, ...] = get_args(Tahapan)

URUSAN_PELAYANAN_DASAR: tuple[str, ...] = (
    "pendidikan",
    "kesehatan",
    "pekerjaan umum dan penataan ruang",
    "perumahan rakyat dan kawasan permukiman",
    "ketenteraman ketertiban umum dan pelindungan masyarakat",
    "sosial",
)
URUSAN_NON_DASAR: tuple[str, ...] = (
    "tenaga kerja",
    "pemberdayaan perempuan dan pelindungan anak",
    "pangan",
    "pertanahan",
    "lingkungan hidup",
    "administrasi kependudukan dan pencatatan sipil",
    "pemberdayaan masyarakat dan desa",
    "pengendalian penduduk dan keluarga berencana",
    "perhubungan",
    "komunikasi dan informatika",
    "koperasi usaha kecil dan menengah",
    "penanaman modal",
    "kepemudaan dan olahraga",
    "statistik",
    "persandian",
    "kebudayaan",
    "perpustakaan",
    "kearsipan",
)
URUSAN_PILIHAN: tuple[str, ...] = (
    "kelautan dan perikanan",
    "pariwisata",
    "pertanian",
    "kehutanan",
    "energi dan sumber daya mineral",
    "perdagangan",
    "perindustrian",
    "transmigrasi",
)
UNSUR_PENUNJANG: tuple[str, ...] = (
    "perencanaan",
    "keuangan",
    "kepegawaian",
    "pendidikan dan pelatihan",
    "penelitian dan pengembangan",
    "pengawasan",
    "kesekretariatan",
)

URUSAN_ALL: tuple[str, ...] = (
    URUSAN_PELAYANAN_DASAR + URUSAN_NON_DASAR + URUSAN_PILIHAN + UNSUR_PENUNJANG
)
Urusan = Literal[URUSAN_ALL]  # type: ignore[valid-type]  # one list, validated and in the schema

# Values carry no commas (so they survive YAML flow lists); documents print the official titles.
URUSAN_TITLES: dict[str, str] = {
    "ketenteraman ketertiban umum dan pelindungan masyarakat":
        "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
    "koperasi usaha kecil dan menengah": "Koperasi, Usaha Kecil, dan Menengah",
}


def urusan_title(value: str) -> str:
    """The official title of an urusan, as a document prints it."""
    return URUSAN_TITLES.get(value, value[:1].upper() + value[1:])


SDGS: dict[int, str] = {
    1: "Tanpa Kemiskinan",
    2: "Tanpa Kelaparan",
    3: "Kehidupan Sehat dan Sejahtera",
    4: "Pendidikan Berkualitas",
    5: "Kesetaraan Gender",
    6: "Air Bersih dan Sanitasi Layak",
    7: "Energi Bersih dan Terjangkau",
    8: "Pekerjaan Layak dan Pertumbuhan Ekonomi",
    9: "Industri, Inovasi dan Infrastruktur",
    10: "Berkurangnya Kesenjangan",
    11: "Kota dan Permukiman yang Berkelanjutan",
    12: "Konsumsi dan Produksi yang Bertanggung Jawab",
    13: "Penanganan Perubahan Iklim",
    14: "Ekosistem Lautan",
    15: "Ekosistem Daratan",
    16: "Perdamaian, Keadilan dan Kelembagaan yang Tangguh",
    17: "Kemitraan untuk Mencapai Tujuan",
}

JenisOpd = Literal[
    "dinas",
    "badan",
    "sekretariat",
    "inspektorat",
    "kecamatan",
    "kelurahan",
    "puskesmas",
    "bagian",
    "RSUD",
    "BUMD",
    "UPTD",
    "satuan",
    "kantor",
]

JenisBukti = Literal[
    "SK",
    "Perda",
    "Perbup",
    "Perwali",
    "Pergub",
    "Perdes",
    "SOP",
    "laporan",
    "foto",
    "tangkapan layar",
    "surat",
    "DPA",
    "RKPD",
    "survei",
    "notulen",
    "daftar hadir",
    "berita",
    "video",
    "lainnya",
]

PKPN: dict[str, str] = {
    "pangan": "Kedaulatan Pangan",
    "energi dan air": "Kemandirian Energi dan Air",
    "pendidikan": "Pendidikan",
    "kesehatan": "Kesehatan",
    "hilirisasi": "Hilirisasi dan Industrialisasi",
    "infrastruktur": "Infrastruktur, Perumahan, dan Ketahanan Bencana",
    "desa": "Ekonomi Kerakyatan dan Desa",
    "kemiskinan": "Penurunan Kemiskinan",
    "non PKPN": "Non PKPN",
}
"""The clusters of the Program Kerja Prioritas Nasional an IGA 2026 innovation is placed in."""

KlasterPkpn = Literal["pangan", "energi dan air", "pendidikan", "kesehatan", "hilirisasi",
                      "infrastruktur", "desa", "kemiskinan", "non PKPN"]

SumberDana = Literal[
    "APBD", "APBD Provinsi", "APBN", "DAK", "Dana Desa", "BLUD", "CSR", "swadaya", "hibah",
    "lainnya",
]

TingkatPenghargaan = Literal[
    "pemenang", "juara 1", "juara 2", "juara 3", "Top 5", "Top 9", "Top 10", "Top 25", "Top 35",
    "Top 40", "Top 45", "Top 99",
    "nominasi", "finalis", "terinovatif", "sangat inovatif", "inovatif", "lainnya",
]

TingkatWilayah = Literal["internasional", "nasional", "provinsi", "kabupaten/kota"]

ArahIndikator = Literal["naik", "turun"]
