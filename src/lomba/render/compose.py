"""Compose one competition document from an entry: cover, profile, sections, annex tables.

The order of the parts is the edition's ``tata_letak.urutan``; the words of each section come
from its template (already rendered and checked in :mod:`lomba.check.competition`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from lomba.check.competition import Readiness
from lomba.load.files import file_name, read_confined
from lomba.locale import angka, kuantitas, rupiah, tanggal, waktu
from lomba.model.innovation import Inovasi, Nilai
from lomba.model.spec import Spec
from lomba.model.vocab import PKPN, SDGS, urusan_title
from lomba.model.workspace import Workspace
from lomba.render.document import (
    SECTION_HEADING_BASE,
    Block,
    Cover,
    Document,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
    Question,
    Run,
    Table,
    parse_markdown,
)
from lomba.scoring.iga import score_innovation

TABLE_TITLES = {
    "profil": "Profil Inovasi",
    "indikator_kinerja": "Indikator Kinerja Sebelum dan Sesudah Inovasi",
    "anggaran": "Anggaran",
    "tim": "Tim Inovasi",
    "pemangku_kepentingan": "Pemangku Kepentingan",
    "kegiatan": "Rencana Kegiatan dan Tonggak Capaian",
    "bukti": "Daftar Bukti Pendukung",
    "foto": "Dokumentasi",
    "replikasi": "Replikasi oleh Daerah Lain",
    "penghargaan": "Penghargaan",
    "indikator_iga": "Penilaian Mandiri Indikator Inovasi Daerah",
}


def _sdgs(goals: list[int], targets: list[str]) -> str:
    """Goals with their names, each followed by the targets named under it."""
    by_goal: dict[int, list[str]] = {g: [] for g in goals}
    for target in targets:
        by_goal.setdefault(int(target.split(".")[0]), []).append(target)
    return "; ".join(f"{n}. {SDGS[n]}" + (f" (target {', '.join(t)})" if t else "")
                     for n, t in by_goal.items())


def measure(value: Nilai | None) -> str:
    if value is None:
        return "—"
    shown = kuantitas(value.nilai)
    return f"{shown} ({value.tahun})" if value.tahun else shown


def _change(before: Nilai | None, after: Nilai | None, direction: str) -> str:
    """The change in percent, only where both values are single numbers."""
    if before is None or after is None:
        return "—"
    b, a = before.nilai.exact, after.nilai.exact
    if b is None or a is None or b == 0:
        return "—"
    pct = float((a - b) / abs(b) * 100)
    better = (pct > 0) == (direction == "naik")
    sign = "+" if pct > 0 else ""
    return f"{sign}{angka(round(pct, 1))}%" + (" (membaik)" if better and pct else "")


def _profile(model: Inovasi, config: Workspace, opd_name: str,
             spec: Spec | None = None) -> Table:
    rows = [
        ["Nama inovasi", model.nama + (f" ({model.akronim})" if model.akronim else "")],
        ["Perangkat daerah", opd_name],
    ]
    if model.nama_lain:
        rows.insert(1, ["Nama lain", "; ".join(model.nama_lain)])
    if model.opd_mitra:
        names = {o.kode: o.nama for o in config.opd}
        rows.append(["Perangkat daerah mitra",
                     "; ".join(names.get(k, k) for k in model.opd_mitra)])
    if model.unit_pelaksana:
        rows.append(["Unit pelaksana", model.unit_pelaksana])
    rows += [
        ["Bentuk inovasi", model.bentuk.capitalize()],
        ["Jenis inovasi", model.jenis.capitalize()],
        ["Inisiator", model.inisiator + (f" ({model.nama_inisiator})" if model.nama_inisiator
                                         else "")],
        ["Tahapan", model.tahapan.capitalize()],
        ["Urusan pemerintahan", urusan_title(model.urusan.utama)],
    ]
    if model.urusan.beririsan:
        rows.append(["Urusan beririsan", "; ".join(map(urusan_title, model.urusan.beririsan))])
    if model.sdgs or model.sdgs_target:
        rows.append(["TPB/SDGs", _sdgs(model.sdgs, model.sdgs_target)])
    for label, value in (("Ide", model.tanggal.ide), ("Uji coba", model.tanggal.uji_coba),
                         ("Mulai penerapan", model.tanggal.penerapan),
                         ("Pengembangan terbaru", model.tanggal.pengembangan)):
        if value:  # at the precision written: "2017", "November 2017", "2 November 2017"
            rows.append([f"Waktu {label.lower()}", waktu(value)])
    entered = model.kompetisi.get(spec.kunci) if spec is not None else None
    if spec is not None and entered is not None:
        # The form asks for the group and category (a wrong group is a reason for
        # administrative rejection): printed in the edition's own wording.
        for label, chosen, options in (("Kelompok", entered.kelompok, spec.kelompok),
                                       ("Kategori", entered.kategori, spec.kategori)):
            if chosen:
                names = {o.kode: o.nama for o in options}
                rows.append([label, names.get(chosen, chosen)])
        if entered.replikasi_dari:
            rows.append(["Inovasi yang direplikasi", entered.replikasi_dari])
        if entered.instansi_asal:
            rows.append(["Instansi asal inovasi", entered.instansi_asal])
    if model.penghargaan:
        rows.append(["Penghargaan", "; ".join(
            f"{p.peringkat} {p.kompetisi} {p.tahun} (tingkat {p.tingkat})"
            for p in model.penghargaan)])
    if model.klasifikasi:
        rows.append(["Klasifikasi", model.klasifikasi.capitalize()])
    if model.asta_cita:
        rows.append(["Asta Cita", ", ".join(map(str, model.asta_cita))])
    if model.pkpn:
        rows.append(["Klaster PKPN", PKPN[model.pkpn] + (f" (program: {model.pkpn_program})"
                                                        if model.pkpn_program else "")])
    if model.koordinat:
        rows.append(["Koordinat", model.koordinat])
    return Table(["Uraian", "Isian"], rows, widths=[0.3, 0.7])


def inferred_note(spec: Spec) -> list[Block]:
    """The first page's note of what no source of this edition states, so nobody mistakes an
    inferred outline or a borrowed limit for the organiser's own rule."""
    inferred = spec.inferred_parts()
    if not inferred:
        return []
    return [Paragraph([Run("Catatan sumber aturan: bagian berikut tidak berasal dari pedoman "
                           "resmi edisi ini.", italic=True)]),
            ListBlock(ordered=False, items=[[Run(part, italic=True)] for part in inferred])]


Part = Callable[[], list[Block]]


def _parts(model: Inovasi, base: Path, root: Path, readiness: Readiness,
           iga_spec: Spec | None = None) -> dict[str, Part]:
    def indikator() -> list[Block]:
        rows = [[i.nama, i.satuan, measure(i.baseline), measure(i.terkini),
                 _change(i.baseline, i.terkini, i.arah), i.sumber or ""]
                for i in model.indikator_kinerja]
        return [Table(["Indikator", "Satuan", "Sebelum", "Sesudah", "Perubahan", "Sumber"], rows,
                      numeric=[False, False, True, True, True, False],
                      widths=[0.25, 0.12, 0.13, 0.13, 0.15, 0.22])] if rows else []

    def anggaran() -> list[Block]:
        if not model.anggaran:
            return []
        rows = [[str(a.tahun), a.sumber_dana, a.uraian, rupiah(a.jumlah)] for a in model.anggaran]
        total = sum((a.jumlah for a in model.anggaran), Decimal(0))
        return [Table(["Tahun", "Sumber dana", "Uraian", "Jumlah"], rows,
                      numeric=[False, False, False, True], total=["", "", "Jumlah", rupiah(total)],
                      widths=[0.1, 0.17, 0.48, 0.25])]

    def tim() -> list[Block]:
        rows = [[t.nama, t.nip or "", t.jabatan or "", t.peran] for t in model.tim]
        return [Table(["Nama", "NIP", "Jabatan", "Peran"], rows,
                      widths=[0.3, 0.25, 0.31, 0.14])] if rows else []

    def pemangku() -> list[Block]:
        rows = [[p.nama, (p.unsur or "").capitalize(), p.peran]
                for p in model.pemangku_kepentingan]
        return [Table(["Pemangku kepentingan", "Unsur", "Peran"], rows)] if rows else []

    def kegiatan() -> list[Block]:
        rows = [[k.nama, tanggal(k.mulai), tanggal(k.selesai), k.penanggung_jawab or "",
                 k.keluaran or "", k.status] for k in model.kegiatan]
        return [Table(["Kegiatan", "Mulai", "Selesai", "Penanggung jawab", "Tonggak/keluaran",
                       "Status"], rows)] if rows else []

    def bukti() -> list[Block]:
        rows = [[b.jenis, b.judul or file_name(b.berkas), ", ".join(b.mendukung)]
                for b in model.bukti]
        return [Table(["Jenis", "Dokumen", "Mendukung"], rows,
                      widths=[0.15, 0.6, 0.25])] if rows else []

    def foto() -> list[Block]:
        blocks: list[Block] = []
        for f in model.foto:
            blob = read_confined(f.berkas, base, root, image=True)
            if blob is not None:
                blocks.append(Image(blob, f.keterangan))
            else:  # refused by the check too: a forced draft says so instead of embedding it
                blocks.append(Paragraph([Run(f"[foto tidak disertakan: {f.berkas}]",
                                             italic=True)]))
        if model.video:
            blocks.append(Paragraph([Run("Video inovasi:", bold=True)]))
            blocks.append(Link(model.video, model.video))
        return blocks

    def replikasi() -> list[Block]:
        rows = [[r.daerah, str(r.tahun) if r.tahun else "—", r.keterangan or ""]
                for r in model.replikasi]
        return [Table(["Daerah", "Tahun", "Keterangan"], rows)] if rows else []

    def penghargaan() -> list[Block]:
        rows = [[p.kompetisi, str(p.tahun), p.peringkat, p.tingkat] for p in model.penghargaan]
        return [Table(["Kompetisi", "Tahun", "Peringkat", "Tingkat"], rows)] if rows else []

    def indikator_iga() -> list[Block]:
        # Only the edition's own indicators: a table scored on another year's rules would
        # present indicators, weights and ladders that did not exist then.
        spec = readiness.edition.spec if readiness.edition.spec.indikator else None
        if spec is None or not spec.indikator:
            return []
        scored = score_innovation(readiness.entry.display, readiness.entry.path, model, spec)
        claims = {c.nomor: c for c in model.indikator_iga}
        rows = []
        for s in scored.indicators:
            ind = s.indicator
            claim = claims.get(ind.nomor)
            evidence = ", ".join(file_name(b) for b in claim.bukti) if claim else ""
            name = ind.nama + (" *" if ind.wajib else "")
            basis = ind.basis(claim.dasar) if claim else None
            if basis is not None:
                # The region picks one basis; the table says which, and what the level means.
                level = f": {basis.level[s.claimed - 1]}" if s.claimed else ""
                name += f" (dasar {basis.kode}, {basis.nama}{level})"
            weighted = ind.bobot is not None
            rows.append([str(ind.nomor), name, f"{ind.bobot:g}" if weighted else "—",
                         str(s.claimed) if claim else "—", str(s.supported), str(s.verified),
                         angka(s.score) if weighted else "—", evidence])
        weights_known = all(i.bobot is not None for i in spec.indikator)
        total = ["", "Skor SID", "", "", "", "", angka(scored.sid),
                 f"terverifikasi: {angka(scored.sid_verified)}"] if weights_known else None
        rules = spec.singkatan or spec.ref
        how = (f"Perkiraan menurut aturan {rules}: skor = bobot × level yang didukung bukti"
               if weights_known else
               f"Penilaian mandiri menurut indikator {rules}: bobotnya tidak diketahui, jadi "
               "skor tidak dihitung, hanya level yang didukung bukti")
        return [Paragraph([Run(f"{how}; kolom ✓ = level dengan bukti yang sudah diterima tim "
                               "verifikasi.", italic=True)]),
                Table(["No.", "Indikator", "Bobot", "Klaim", "Bukti", "✓", "Skor", "Berkas"],
                      rows, numeric=[True, False, True, True, True, True, True, False],
                      total=total, widths=[0.07, 0.27, 0.1, 0.1, 0.1, 0.06, 0.1, 0.2]),
                Paragraph([Run("* indikator wajib", italic=True)], style="Caption")]

    return {"indikator_kinerja": indikator, "anggaran": anggaran, "tim": tim,
            "pemangku_kepentingan": pemangku, "kegiatan": kegiatan, "bukti": bukti, "foto": foto,
            "replikasi": replikasi, "penghargaan": penghargaan, "indikator_iga": indikator_iga}


MISSING = "(belum diisi)"
"""What a draft prints where a section has no text yet."""


def compose(readiness: Readiness, config: Workspace, root: Path, built: date,
            *, draft: bool = False, iga_spec: Spec | None = None) -> Document:
    """The document model for one entry and one edition."""
    entry = readiness.entry
    model = entry.model
    assert model is not None
    spec = readiness.edition.spec
    opd = config.opd_by_key().get(model.opd)
    opd_name = opd.nama if opd else model.opd
    comp_name = spec.singkatan or spec.nama
    blocks: list[Block] = []
    annex: list[Block] = []
    parts = _parts(model, entry.path.parent, root, readiness, iga_spec)
    number = 0
    blocks += inferred_note(spec)
    for part in spec.tata_letak.urutan:
        if part == "bagian":
            number += 1
            blocks.append(Heading(f"{roman(number)}. Uraian Inovasi", 1))
            for section in readiness.sections:
                b = section.bagian
                if not section.text.strip():
                    if not draft:
                        continue
                    # A draft shows every section in order, numbers intact, and its gaps.
                    blocks.append(Question(b.nomor, b.judul, b.pertanyaan, 0,
                                           section.limit_text))
                    blocks.append(Paragraph([Run(MISSING, italic=True)]))
                    continue
                blocks.append(Question(b.nomor, b.judul, b.pertanyaan, section.words,
                                       section.limit_text))
                blocks.extend(parse_markdown(section.text, heading_base=SECTION_HEADING_BASE))
            continue
        if part == "profil":
            produced: list[Block] = [_profile(model, config, opd_name, spec)]
        elif part in parts:
            produced = parts[part]()
        else:
            continue
        if produced:
            number += 1
            heading = Heading(f"{roman(number)}. {TABLE_TITLES.get(part, part)}", 1)
            blocks += [heading, *produced]
            annex += [heading, *produced]
    logo = read_confined(config.pemda.logo, root, root, image=True) if config.pemda.logo \
        else None
    title = model.nama
    cover = None
    if spec.tata_letak.sampul:
        cover = Cover(
            logo=logo,
            kicker=spec.tata_letak.judul_dokumen or spec.nama,
            title=title,
            subtitle=f"{model.akronim} — {model.kepanjangan}" if model.akronim and model.kepanjangan
            else model.akronim,
            lines=[opd_name, config.pemda.nama,
                   *([f"EDISI SEMENTARA: {spec.sementara}"] if spec.sementara else [])],
            footer=[f"{spec.nama}", f"{config.pemda.ibu_kota}, {tanggal(built)}"],
        )
    return Document(
        title=f"{title} — {comp_name}",
        author=config.pemda.nama,
        subject=spec.nama,
        keywords=f"{spec.kunci}; {spec.edisi}; {model.opd}",
        language="id-ID",
        created=f"{built.isoformat()}T00:00:00",
        header=(f"{model.akronim or model.nama} · {comp_name}"
                + (" (EDISI SEMENTARA)" if spec.sementara else "") + f" · {config.pemda.nama}"),
        draft=draft,
        cover=cover,
        blocks=blocks,
        annex=annex,
    )


def roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letter in numerals:
        while n >= value:
            out += letter
            n -= value
    return out

