"""One region-level document (``satuan: pemda``): the cover letter proposing the pemda, its
profile, the narrative sections from ``daerah/profil-inovasi.yaml``, the regional head's CV form
and the measurement table of the innovative products and services that opt in.

The cover letter carries no number: an official number is issued by the secretariat when it is
signed, never by a build.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lomba.check.region import RegionReadiness
from lomba.load.files import read_confined
from lomba.locale import tanggal, waktu
from lomba.model.workspace import Workspace
from lomba.render.compose import MISSING, inferred_note, measure, roman
from lomba.render.document import (
    SECTION_HEADING_BASE,
    Block,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Question,
    Run,
    Table,
    parse_markdown,
)

REGION_PART_TITLES = {
    "profil_daerah": "Profil Pemerintah Daerah",
    "riwayat_hidup": "Formulir Riwayat Hidup Kepala Daerah",
    "pengukuran": "Pengukuran Produk/Jasa Inovatif Daerah",
}


def region_slug(config: Workspace) -> str:
    """The document's file name: the pemda's kind and name, e.g. kabupaten-tanjung-lematang."""
    words = f"{config.pemda.jenis} {config.pemda.nama_daerah}".lower()
    return "-".join("".join(c if c.isalnum() else " " for c in words).split())


def _addressee(organiser: str) -> str:
    """The minister of the organising ministry, as a letter addresses them."""
    prefix = "Kementerian "
    return "Menteri " + organiser[len(prefix):] if organiser.startswith(prefix) else organiser


def _letter(region: RegionReadiness, config: Workspace, built: date) -> list[Block]:
    spec = region.edition.spec
    head = config.kepala_daerah
    category = f" kategori {region.category}" if region.category else ""
    count = len(region.members)
    return [
        Heading("Surat Pengantar", 1),
        Paragraph([Run(f"{config.pemda.ibu_kota}, {tanggal(built)}")], align="right"),
        # No number: the secretariat numbers the letter when it is signed, never a build.
        Paragraph([Run("Nomor: ........................ (diisi saat ditandatangani)")]),
        Paragraph([Run("Lampiran: 1 (satu) berkas")]),
        Paragraph([Run(f"Perihal: Usulan calon penerima {spec.nama}{category}")]),
        Paragraph([Run("Kepada Yth.")]),
        Paragraph([Run(_addressee(spec.penyelenggara), bold=True)]),
        Paragraph([Run("di Jakarta")]),
        Paragraph([Run(
            f"Bersama ini kami mengusulkan {config.pemda.nama} sebagai calon penerima "
            f"{spec.nama}{category}. Sebagai bahan penilaian, bersama surat ini kami sampaikan "
            f"profil inovasi daerah, formulir riwayat hidup {head.jabatan}, dan pengukuran "
            f"{count} produk/jasa inovatif daerah.")], align="justify"),
        Paragraph([Run("Demikian kami sampaikan. Atas perhatian Bapak/Ibu, kami ucapkan terima "
                       "kasih.")], align="justify"),
        Paragraph([Run(head.jabatan + ",")], align="right"),
        Paragraph([Run("")], align="right"),
        Paragraph([Run("")], align="right"),
        Paragraph([Run(head.nama, bold=True)], align="right"),
        PageBreak(),
    ]


def _profile(region: RegionReadiness, config: Workspace) -> list[Block]:
    pemda, champion = config.pemda, config.champion_inovator
    rows = [["Pemerintah daerah", pemda.nama],
            ["Jenis", pemda.jenis.capitalize()]]
    if region.category:
        rows.append(["Kategori", region.category])
    rows += [["Provinsi", pemda.provinsi],
             ["Kepala daerah", f"{config.kepala_daerah.nama} ({config.kepala_daerah.jabatan})"],
             ["Alamat", pemda.alamat + (f" {pemda.kode_pos}" if pemda.kode_pos else "")]]
    for label, value in (("Telepon", pemda.telepon), ("Surel", pemda.email),
                         ("Laman", pemda.laman)):
        if value:
            rows.append([label, str(value)])
    if champion is not None:
        rows.append(["Narahubung", f"{champion.nama}, {champion.jabatan}"
                     + (f" ({champion.telepon})" if champion.telepon else "")])
    return [Table(["Uraian", "Isian"], rows, widths=[0.3, 0.7])]


def _cv(region: RegionReadiness, config: Workspace) -> list[Block]:
    cv = region.profile.riwayat_hidup if region.profile else None
    head = config.kepala_daerah
    born = ""
    if cv is not None and (cv.tempat_lahir or cv.tanggal_lahir):
        born = ", ".join(x for x in (cv.tempat_lahir, waktu(cv.tanggal_lahir)
                                     if cv.tanggal_lahir else None) if x)
    rows = [["Nama", head.nama], ["Jabatan", head.jabatan],
            ["Tempat, tanggal lahir", born or MISSING]]
    for label, items in (("Pendidikan", cv.pendidikan if cv else []),
                         ("Riwayat jabatan", cv.jabatan if cv else []),
                         ("Penghargaan", cv.penghargaan if cv else []),
                         ("Organisasi", cv.organisasi if cv else [])):
        rows.append([label, "; ".join(items) if items else MISSING])
    return [Table(["Uraian", "Isian"], rows, widths=[0.3, 0.7])]


def _measurement(region: RegionReadiness, config: Workspace) -> list[Block]:
    names = {o.kode: o.singkatan for o in config.opd}
    rows = []
    for number, entry in enumerate(region.members, start=1):
        model = entry.model
        assert model is not None
        started = waktu(model.tanggal.penerapan) if model.tanggal.penerapan else "—"
        first = model.indikator_kinerja[0] if model.indikator_kinerja else None
        indicator = (f"{first.nama} ({first.satuan}): {measure(first.baseline)} → "
                     f"{measure(first.terkini)}") if first else "—"
        awards = "; ".join(f"{p.peringkat} {p.kompetisi} {p.tahun}" for p in model.penghargaan)
        rows.append([str(number), model.nama + (f" ({model.akronim})" if model.akronim else ""),
                     names.get(model.opd, model.opd), f"{model.bentuk}; {model.jenis}",
                     f"{model.tahapan}; mulai {started}", indicator, awards or "—"])
    return [
        Table(["No", "Produk/jasa inovatif", "Perangkat daerah", "Bentuk; jenis",
               "Tahapan; penerapan", "Indikator utama (sebelum → sesudah)", "Penghargaan"],
              rows, widths=[0.05, 0.2, 0.12, 0.13, 0.13, 0.25, 0.12]),
        Paragraph([Run("Kolom tabel ini disimpulkan dari isian inovasi: formulir pengukuran "
                       "resmi tidak ditemukan.", italic=True)]),
    ]


def compose_region(region: RegionReadiness, config: Workspace, root: Path, built: date,
                   draft: bool = False) -> Document:
    """The whole region document, parts in the edition's order."""
    spec = region.edition.spec
    blocks: list[Block] = inferred_note(spec)
    number = 0
    for part in spec.tata_letak.urutan:
        if part == "surat_pengantar":
            blocks += _letter(region, config, built)
            continue
        if part == "bagian":
            number += 1
            blocks.append(Heading(f"{roman(number)}. Profil Inovasi Daerah", 1))
            for section in region.sections:
                b = section.bagian
                blocks.append(Question(b.nomor, b.judul, b.pertanyaan, section.words,
                                       section.limit_text))
                blocks += parse_markdown(section.text, heading_base=SECTION_HEADING_BASE) \
                    if section.text.strip() \
                    else [Paragraph([Run(MISSING, italic=True)])]
            continue
        produce = {"profil_daerah": _profile, "riwayat_hidup": _cv,
                   "pengukuran": _measurement}.get(part)
        if produce is None:
            continue
        number += 1
        blocks += [Heading(f"{roman(number)}. {REGION_PART_TITLES[part]}", 1),
                   *produce(region, config)]
    logo = read_confined(config.pemda.logo, root, root, image=True) if config.pemda.logo \
        else None
    cover = Cover(logo=logo, kicker=spec.tata_letak.judul_dokumen or spec.nama,
                  title=config.pemda.nama, subtitle=region.category,
                  lines=[config.pemda.provinsi,
                         *([f"EDISI SEMENTARA: {spec.sementara}"] if spec.sementara else [])],
                  footer=[spec.nama, f"{config.pemda.ibu_kota}, {tanggal(built)}"])
    return Document(
        title=f"{config.pemda.nama} — {spec.singkatan or spec.nama}",
        author=config.pemda.nama, subject=spec.nama,
        keywords=f"{spec.kunci}; {spec.edisi}; pemda", language="id-ID",
        created=f"{built.isoformat()}T00:00:00",
        header=f"{spec.singkatan or spec.nama} · {config.pemda.nama}",
        draft=draft, cover=cover if spec.tata_letak.sampul else None, blocks=blocks)
