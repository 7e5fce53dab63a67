"""Generate a synthetic but realistic workspace: N innovations across M OPD.

Narratives are proposal-length Indonesian text built from the sample entries' sentences, with
indicators, budget lines, evidence files and competitions, so timings resemble real use.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lomba.author.samplefiles import make_pdf, make_png  # noqa: E402
from lomba.check.completeness import find_placeholder  # noqa: E402

URUSAN = ["kesehatan", "pendidikan", "sosial", "pertanian", "perhubungan", "penanaman modal",
          "administrasi kependudukan dan pencatatan sipil", "pekerjaan umum dan penataan ruang"]


def _corpus() -> list[str]:
    sentences: list[str] = []
    for path in sorted((REPO / "entries").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in (data.get("narasi") or {}).values():
            sentences += [s.strip() + "." for s in str(text).replace("\n", " ").split(". ") if s]
    return [s for s in sentences if not find_placeholder(s)]


def _paragraphs(rng: random.Random, corpus: list[str], words: int) -> str:
    out: list[str] = []
    count = 0
    while count < words:
        para = " ".join(rng.choice(corpus) for _ in range(4))
        out.append(para)
        count += len(para.split())
    return "\n\n".join(out)


def _at_most(rng: random.Random, corpus: list[str], words: int) -> str:
    """Whole sentences adding up to no more than ``words`` words (at least one sentence)."""
    out: list[str] = []
    count = 0
    for _ in range(200):
        sentence = rng.choice(corpus)
        n = len(sentence.split())
        if out and count + n > words:
            break
        if n <= words or not out:
            out.append(sentence)
            count += n
    return " ".join(out)


def generate(target: Path, n: int, m: int = 40, seed: int = 2019,
             competitions: tuple[str, ...] = ("sinovik", "iga")) -> Path:
    """Write a workspace with ``n`` entries over ``m`` OPD into ``target`` (replacing it),
    each entering ``competitions``."""
    rng = random.Random(seed)
    corpus = _corpus()
    if target.exists():
        shutil.rmtree(target)
    (target / "templates").mkdir(parents=True)
    config = yaml.safe_load((REPO / "lomba.yaml").read_text(encoding="utf-8"))
    template = config["opd"][0]
    config["opd"] = [
        {**template, "kode": f"opd-{i:03d}", "nama": f"Dinas Contoh {i}", "singkatan": f"D{i}"}
        for i in range(m)
    ]
    config["pemda"]["logo"] = "templates/logo.png"
    (target / "templates" / "logo.png").write_bytes(make_png(160, 200, (0, 92, 49)))
    (target / "lomba.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    pdf = make_pdf("Bukti")
    photo = make_png(320, 200, (21, 101, 192))
    for i in range(n):
        opd = f"opd-{i % m:03d}"
        folder = target / "entries" / opd
        (folder / "bukti").mkdir(parents=True, exist_ok=True)
        slug = f"inovasi-{i:05d}"
        (folder / "bukti" / f"{slug}.pdf").write_bytes(pdf)
        (folder / "bukti" / f"{slug}.png").write_bytes(photo)
        narasi = {
            "ringkasan": _paragraphs(rng, corpus, 180),
            "latar_belakang": _paragraphs(rng, corpus, 250),
            "tujuan": _paragraphs(rng, corpus, 120),
            "rancang_bangun": _paragraphs(rng, corpus, 350),
            "kebaruan": _paragraphs(rng, corpus, 150),
            "cara_kerja": _paragraphs(rng, corpus, 200),
            "manfaat": _paragraphs(rng, corpus, 150),
            "hasil": _paragraphs(rng, corpus, 250),
            "sumber_daya": _paragraphs(rng, corpus, 120),
            "keberlanjutan": _paragraphs(rng, corpus, 200),
            "replikasi": _paragraphs(rng, corpus, 100),
            "pemangku_kepentingan": _paragraphs(rng, corpus, 150),
            "pelajaran": _paragraphs(rng, corpus, 100),
        }
        entry = {
            "nama": f"Inovasi Pelayanan Nomor {i}",
            "akronim": f"INOV{i}",
            "kepanjangan": f"Inovasi Nomor {i}",
            "opd": opd,
            "tim": [{"nama": f"Pegawai {i}", "nip": "198001012005011001", "jabatan": "Kepala Seksi",
                     "peran": "ketua"}],
            "bentuk": "pelayanan publik",
            "jenis": rng.choice(["digital", "non digital"]),
            "inisiator": "OPD",
            "tahapan": "penerapan",
            "urusan": {"utama": rng.choice(URUSAN)},
            "sdgs": [rng.randint(1, 17)],
            "tanggal": {"ide": "2016-01-04", "uji_coba": "2016-06-01", "penerapan": "2017-01-02"},
            "narasi": narasi,
            "indikator_kinerja": [
                {"nama": f"Indikator {k}", "satuan": "persen",
                 "baseline": {"tahun": 2016, "nilai": rng.randint(10, 50)},
                 "terkini": {"tahun": 2018, "nilai": rng.randint(50, 95)}}
                for k in range(3)
            ],
            "anggaran": [
                {"tahun": 2017 + k, "sumber_dana": "APBD", "uraian": f"Kegiatan {k}",
                 "jumlah": rng.randint(10, 500) * 1_000_000}
                for k in range(3)
            ],
            "bukti": [{"berkas": f"bukti/{slug}.pdf", "jenis": "SK", "judul": "SK Tim Inovasi"}],
            "foto": [{"berkas": f"bukti/{slug}.png", "keterangan": "Layanan berjalan"}],
            "kompetisi": {
                # SINOVIK 2019's limits are tight; like real entries, these carry their own
                # shorter wording for it.
                "sinovik": {"ikut": True, "narasi": {
                    "ringkasan": _at_most(rng, corpus, 250),
                    "latar_belakang": _at_most(rng, corpus, 90),
                    "tujuan": _at_most(rng, corpus, 80),
                    "manfaat": _at_most(rng, corpus, 160),
                    "kebaruan": _at_most(rng, corpus, 80),
                    "replikasi": _at_most(rng, corpus, 80),
                    "sumber_daya": _at_most(rng, corpus, 80),
                    "keberlanjutan": _at_most(rng, corpus, 160),
                    "hasil": _at_most(rng, corpus, 80),
                    "pemangku_kepentingan": _at_most(rng, corpus, 160),
                    "pelajaran": _at_most(rng, corpus, 80),
                }, "bagian": {
                    "keselarasan_kategori": _at_most(rng, corpus, 70),
                    "dampak_evaluasi": _at_most(rng, corpus, 80),
                }},
                "iga": {"ikut": True},
            },
        }
        entry["kompetisi"] = {k: v for k, v in entry["kompetisi"].items() if k in competitions}
        (folder / f"{slug}.yaml").write_text(
            yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("-m", type=int, default=40)
    args = parser.parse_args()
    generate(args.target, args.n, args.m)
    print(f"{args.n} entri di {args.target}")


if __name__ == "__main__":
    main()
