"""Message catalogue: one sentence per diagnostic code, in Bahasa Indonesia and English.

Messages are keyed by lomba's own codes (which pydantic error types map onto), never by the English
text a library happens to print, so that wording can change without breaking anything.
Each message says what was found and what to do about it.
"""

from __future__ import annotations

import os
import string
from datetime import date
from typing import Any

from babel import Locale

from lomba.locale import tanggal_in, waktu_in

LANGS = ("id", "en")

# code -> (Bahasa Indonesia, English). Placeholders are str.format fields.
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- files and YAML --------------------------------------------------------------------
    "file-missing": (
        "berkas {what} tidak ditemukan. Buat berkas itu atau periksa penulisan jalurnya.",
        "{what} file not found. Create it or check the path.",
    ),
    "file-unreadable": (
        "berkas tidak dapat dibaca ({reason}). Periksa hak akses berkas.",
        "the file cannot be read ({reason}). Check its permissions.",
    ),
    "file-empty": (
        "berkas kosong. Isi dengan data inovasi, misalnya salin dari `lomba new`.",
        "the file is empty. Fill it in, for example from `lomba new`.",
    ),
    "file-too-large": (
        "berkas berukuran {size} bita, melebihi batas {limit} bita. Pindahkan lampiran besar ke "
        "berkas bukti terpisah.",
        "the file is {size} bytes, over the {limit}-byte limit. Move large content into separate "
        "evidence files.",
    ),
    "file-not-utf8": (
        "berkas bukan teks UTF-8 (bita 0x{byte} tidak sah). Simpan ulang berkas sebagai UTF-8 di "
        "penyunting teks Anda.",
        "the file is not UTF-8 text (invalid byte 0x{byte}). Save it again as UTF-8.",
    ),
    "file-not-mapping": (
        "isi berkas harus berupa pasangan `kolom: nilai` (mapping YAML), bukan {found}.",
        "the file must hold `key: value` pairs (a YAML mapping), not {found}.",
    ),
    "yaml-syntax": (
        "penulisan YAML tidak sah: {problem}.",
        "invalid YAML: {problem}.",
    ),
    "yaml-tab": (
        "karakter tab ditemukan. YAML hanya menerima spasi untuk indentasi: ganti tab dengan "
        "spasi.",
        "a tab character was found. YAML only accepts spaces for indentation: replace it.",
    ),
    "yaml-duplicate-key": (
        "kolom `{key}` ditulis dua kali (pertama di baris {first_line}). Hapus salah satunya; "
        "YAML diam-diam memakai yang terakhir.",
        "key `{key}` appears twice (first on line {first_line}). Remove one; YAML would silently "
        "keep the last.",
    ),
    "yaml-alias-limit": (
        "anchor dan alias YAML mengembang melebihi {limit} simpul. Tulis datanya langsung tanpa "
        "alias.",
        "YAML anchors and aliases expand beyond {limit} nodes. Write the data out without aliases.",
    ),
    "yaml-too-many-values": (
        "berkas memuat lebih dari {limit} nilai; tidak ada berkas lomba yang perlu sebanyak itu. "
        "Periksa daftar yang sangat panjang dan pecah atau ringkas isinya.",
        "the file holds more than {limit} values; no lomba file needs that many. Look for a very "
        "long list and split or shorten it.",
    ),
    "yaml-too-deep": (
        "struktur bersarang lebih dari {limit} tingkat. Periksa indentasi dan kurung `[`/`{{` "
        "yang tidak ditutup.",
        "nesting deeper than {limit} levels. Check the indentation and any unclosed `[` or `{{`.",
    ),
    "yaml-alias-recursive": (
        "alias YAML merujuk ke dirinya sendiri. Hapus alias itu.",
        "a YAML alias refers to itself. Remove it.",
    ),
    "yaml-undefined-alias": (
        "`*{name}` dibaca YAML sebagai alias yang tidak ada. Jika ini teks (misalnya huruf tebal "
        "Markdown), beri tanda kutip atau tulis sebagai blok `|`.",
        "`*{name}` is read by YAML as an undefined alias. If it is text (Markdown bold, say), "
        "quote it or write it as a `|` block.",
    ),
    "yaml-key-type": (
        "nama kolom harus berupa teks sederhana, bukan {found}.",
        "a key must be plain text, not {found}.",
    ),
    "control-char": (
        "teks memuat karakter kendali {char} pada karakter ke-{index} yang tidak dapat disimpan di "
        "DOCX. Hapus karakter itu (biasanya terbawa saat menyalin dari PDF atau Word).",
        "the text holds control character {char} at character {index}, which a DOCX cannot hold. "
        "Remove it (it usually comes from pasting out of a PDF or Word).",
    ),
    # --- schema ------------------------------------------------------------------------------
    "unknown-field": (
        "kolom `{field}` tidak dikenal di sini.{suggestion} Kolom yang sah: {allowed}.",
        "unknown field `{field}`.{suggestion} Valid fields: {allowed}.",
    ),
    "missing-field": (
        "kolom wajib `{field}` belum diisi. Tambahkan `{field}:` beserta nilainya.",
        "required field `{field}` is missing. Add `{field}:` with its value.",
    ),
    "empty-required": (
        "kolom `{field}` wajib diisi tetapi masih kosong. Pilihan/isi yang diharapkan: {allowed}.",
        "field `{field}` is required but empty. Expected: {allowed}.",
    ),
    "empty-required-value": (
        "kolom `{field}` wajib diisi tetapi masih kosong. Isi dengan {expected}.",
        "field `{field}` is required but empty. Fill it with {expected}.",
    ),
    "wrong-type": (
        "nilai harus berupa {expected}, tetapi yang ditemukan {found}.",
        "the value must be {expected}, but {found} was found.",
    ),
    "invalid-choice": (
        "nilai `{found}` tidak dikenal.{suggestion} Pilihan yang sah: {allowed}.",
        "unknown value `{found}`.{suggestion} Valid choices: {allowed}.",
    ),
    "invalid-date": (
        "tanggal harus ditulis YYYY-MM-DD, misalnya 2019-07-25; ditemukan `{found}`.",
        "dates must be written YYYY-MM-DD, for example 2019-07-25; found `{found}`.",
    ),
    "invalid-fact-date": (
        "tulis tanggal setepat yang diketahui: tahun (2017), bulan (2017-11) atau tanggal "
        "(2017-11-02); ditemukan `{found}`.{suggestion}",
        "write the date as precisely as it is known: a year (2017), a month (2017-11) or a day "
        "(2017-11-02); found `{found}`.{suggestion}",
    ),
    "edition-provisional": (
        "{competition} adalah edisi sementara ({why}); dokumennya ditandai EDISI SEMENTARA. "
        "Perbarui templates/ begitu pedoman resmi terbit.",
        "{competition} is a provisional edition ({why}); its documents are marked EDISI "
        "SEMENTARA. Update templates/ once the official guideline is out.",
    ),
    "option-needs-field": (
        "{competition}: formulir {kind} {option} menanyakan `{field}`, yang masih kosong; "
        "isi kolom itu.",
        "{competition}: the form of the {option} {kind} asks for `{field}`, which is empty; "
        "fill it in.",
    ),
    "edition-inferred": (
        "{competition} disimpulkan, bukan dari pedoman resmi: {why} Halaman pertama setiap "
        "dokumennya menyebut bagian yang disimpulkan; periksa dengan penyelenggara sebelum "
        "mengirim.",
        "{competition} is inferred, not from an official guideline: {why} The first page of each "
        "of its documents names the inferred parts; check with the organiser before sending.",
    ),
    "document-after-deadline": (
        "{competition}: dokumen bertanggal {dated}, sesudah tenggat \"{name}\" ({deadline}). "
        "Atur `tanggal_dokumen_edisi` di lomba.yaml untuk edisi ini (atau `tanggal_dokumen`).",
        "{competition}: the document is dated {dated}, after the \"{name}\" deadline "
        "({deadline}). Set `tanggal_dokumen_edisi` in lomba.yaml for this edition (or "
        "`tanggal_dokumen`).",
    ),
    "fact-after-document": (
        "{competition}: fakta bertanggal {fact} dilaporkan dalam dokumen bertanggal {dated}. "
        "Periksa tanggal faktanya, atau tanggal dokumen di lomba.yaml.",
        "{competition}: a fact dated {fact} is reported in a document dated {dated}. Check the "
        "fact's date, or the document date in lomba.yaml.",
    ),
    "invalid-quantity": (
        "nilai `{found}` tidak terbaca sebagai angka. Tulis angka (17.98 atau \"17,98\"), "
        "rentang (\"450–500\"), atau perkiraan (\"sekitar 450\", \"> 95\").",
        "the value `{found}` cannot be read as a number. Write a number (17.98 or \"17,98\"), a "
        "range (\"450–500\") or an estimate (\"sekitar 450\", \"> 95\").",
    ),
    "invalid-years": (
        "`{found}` bukan tahun atau rentang tahun. Tulis 2018 atau \"2009–2017\".",
        "`{found}` is not a year or a span of years. Write 2018 or \"2009–2017\".",
    ),
    "too-young-borrowed": (
        "{competition}: menurut aturan usia {years} tahun yang dipinjam dari {source} (sumber "
        "edisi ini tidak menyebutnya), penerapan harus dimulai paling lambat {latest}, "
        "sedangkan inovasi ini mulai {started}. Periksa pedoman edisi ini.",
        "{competition}: by the {years}-year age rule borrowed from {source} (this edition's "
        "sources do not state it), implementation must have started by {latest}, but this one "
        "started {started}. Check this edition's guideline.",
    ),
    "words-under-borrowed": (
        "{competition}: bagian \"{section}\" berisi {words} kata, kurang dari {limit} kata; batas "
        "itu dipinjam dari {source}, bukan dari sumber edisi ini.",
        "{competition}: section \"{section}\" has {words} words, under {limit}; that limit is "
        "borrowed from {source}, not from this edition's sources.",
    ),
    "words-limit-inferred": (
        "{competition}: bagian \"{section}\" berisi {words} kata, {relation} {limit} kata; batas "
        "itu disimpulkan, tidak disebut sumber edisi ini.",
        "{competition}: section \"{section}\" has {words} words, {relation} {limit}; that limit "
        "is inferred, not stated by this edition's sources.",
    ),
    "date-too-vague": (
        "{competition}: {rule} tidak dapat diputuskan dari tanggal `{started}` (batasnya "
        "{limit}). Tulis bulannya atau tanggalnya, mis. `2018-03`, bila diketahui.",
        "{competition}: {rule} cannot be decided from the date `{started}` (the limit is "
        "{limit}). Write its month or day, e.g. `2018-03`, if it is known.",
    ),
    "invalid-rupiah": (
        "jumlah rupiah harus angka bulat tanpa titik atau Rp, misalnya 1250000; ditemukan "
        "`{found}`.",
        "a rupiah amount must be a whole number without dots or Rp, e.g. 1250000; found "
        "`{found}`.",
    ),
    "rupiah-fraction": (
        "jumlah rupiah tidak boleh memuat sen ({found}). Bulatkan ke rupiah penuh.",
        "a rupiah amount cannot hold fractions ({found}). Round it to whole rupiah.",
    ),
    "out-of-range": (
        "nilai `{found}` di luar batas: harus {constraint}.",
        "value `{found}` is out of range: it must be {constraint}.",
    ),
    "too-short": (
        "isian terlalu pendek: minimal {min} butir/karakter.",
        "too short: at least {min} items/characters.",
    ),
    "too-long": (
        "isian terlalu panjang: maksimal {max} butir/karakter.",
        "too long: at most {max} items/characters.",
    ),
    "invalid-url": (
        "alamat web tidak sah: `{found}`. Tulis lengkap, misalnya https://youtu.be/abc123.",
        "invalid web address `{found}`. Write it in full, e.g. https://youtu.be/abc123.",
    ),
    "invalid-email": (
        "alamat surel tidak sah: `{found}`.",
        "invalid e-mail address `{found}`.",
    ),
    "invalid-value": (
        "nilai tidak sah: {detail}.",
        "invalid value: {detail}.",
    ),
    # --- workspace and entries -------------------------------------------------------------
    "workspace-missing": (
        "tidak ada lomba.yaml di folder ini atau di atasnya. Jalankan `lomba init FOLDER` untuk "
        "membuat ruang kerja, atau pakai `-C FOLDER`.",
        "no lomba.yaml in this folder or above it. Run `lomba init DIR` to create a workspace, or "
        "use `-C DIR`.",
    ),
    "opd-unknown": (
        "OPD `{opd}` tidak ada di lomba.yaml.{suggestion} Tambahkan OPD itu ke daftar `opd` di "
        "lomba.yaml atau perbaiki kodenya.",
        "OPD `{opd}` is not in lomba.yaml.{suggestion} Add it to the `opd` list in lomba.yaml or "
        "fix the key.",
    ),
    "opd-duplicate": (
        "kode OPD `{opd}` dipakai dua kali (pertama di baris {first_line}). Kode OPD harus unik.",
        "OPD key `{opd}` is used twice (first on line {first_line}). OPD keys must be unique.",
    ),
    "image-invalid": (
        "`{file}` tidak dapat dipasang sebagai gambar ({reason}). Simpan ulang sebagai PNG atau "
        "JPEG (mis. lewat Paint atau ponsel) dan rujuk berkas itu.",
        "`{file}` cannot be placed as a picture ({reason}). Save it again as PNG or JPEG (e.g. "
        "with Paint or a phone) and refer to that file.",
    ),
    "code-invalid": (
        "kode `{found}` tidak sah: kode menjadi nama folder dan berkas, jadi hanya huruf kecil, "
        "angka dan tanda hubung (mis. `dinkes`, `kec-talang-jaya`).",
        "the code `{found}` is invalid: codes become folder and file names, so only lower-case "
        "letters, digits and hyphens (e.g. `dinkes`, `kec-talang-jaya`).",
    ),
    "entry-name-unsafe": (
        "nama berkas `{name}` tidak aman sebagai nama dokumen: pakai huruf kecil, angka dan "
        "tanda hubung saja. Ganti nama berkas menjadi `{safe}.yaml`.",
        "the file name `{name}` is not safe as a document name: use lower-case letters, digits "
        "and hyphens only. Rename the file to `{safe}.yaml`.",
    ),
    "opd-folder-mismatch": (
        "berkas berada di folder `entries/{folder}/` tetapi `opd` berisi `{opd}`. Pindahkan berkas "
        "ke `entries/{opd}/` agar mudah ditemukan.",
        "the file is under `entries/{folder}/` but `opd` says `{opd}`. Move it to "
        "`entries/{opd}/`.",
    ),
    "group-quota-exceeded": (
        "{competition}: {count} inovasi ruang kerja ini ikut kelompok {group}, padahal kuota satu "
        "instansi {quota}. Pilih {quota} yang diajukan dan setel `ikut: false` pada yang lain.",
        "{competition}: {count} innovations of this workspace enter group {group}, but one "
        "instansi may enter {quota}. Choose the {quota} to submit and set `ikut: false` on the "
        "others.",
    ),
    "title-duplicate": (
        "nama inovasi `{title}` sudah dipakai oleh {other}. Setiap inovasi harus bernama unik "
        "(proposal berjudul sama ditolak pada seleksi administrasi).",
        "innovation name `{title}` is already used by {other}. Names must be unique (proposals "
        "with the same title are rejected at the administrative stage).",
    ),
    "evidence-absolute": (
        "jalur berkas `{found}` mutlak. Tulis relatif terhadap berkas inovasi, misalnya "
        "`bukti/sk.pdf`, agar ruang kerja tetap bisa dipindah.",
        "path `{found}` is absolute. Write it relative to the entry file, e.g. `bukti/sk.pdf`.",
    ),
    "evidence-parent": (
        "jalur berkas `{found}` memuat `..`. Simpan berkas di dalam folder inovasi dan tulis "
        "jalur tanpa `..`.",
        "path `{found}` contains `..`. Keep the file inside the entry's folder and drop the `..`.",
    ),
    "evidence-outside": (
        "jalur berkas `{found}` menunjuk ke luar ruang kerja (melalui symlink). Salin berkas ke "
        "dalam ruang kerja.",
        "path `{found}` points outside the workspace (through a symlink). Copy the file in.",
    ),
    "evidence-missing": (
        "berkas `{found}` tidak ditemukan. Tambahkan berkasnya atau perbaiki jalurnya "
        "(relatif terhadap {base}).",
        "file `{found}` does not exist. Add it or fix the path (relative to {base}).",
    ),
    "evidence-not-file": (
        "`{found}` bukan berkas biasa (melainkan folder, pipa atau perangkat). Rujuk sebuah "
        "berkas.",
        "`{found}` is not a regular file (but a folder, a pipe or a device). Refer to a file.",
    ),
    "competition-unknown": (
        "kompetisi `{name}` tidak dikenal.{suggestion} Kompetisi yang tersedia: {allowed}.",
        "unknown competition `{name}`.{suggestion} Available: {allowed}.",
    ),
    "dates-order": (
        "tanggal {later} ({later_value}) lebih awal dari tanggal {earlier} ({earlier_value}). "
        "Periksa kembali urutan tanggal.",
        "the {later} date ({later_value}) is before the {earlier} date ({earlier_value}). "
        "Check the dates.",
    ),
    "incomplete-field": (
        "`{field}` belum diisi; inovasi pada tahapan {tahapan} memerlukannya untuk lomba.",
        "`{field}` is empty; an innovation at stage {tahapan} needs it for competitions.",
    ),
    "placeholder": (
        "teks masih memuat penanda isian `{found}`. Ganti dengan isi yang sebenarnya.",
        "the text still holds the placeholder `{found}`. Replace it with real content.",
    ),
    "config-placeholder": (
        "`{found}` adalah pengganti sementara, bukan isi; lomba.yaml dicetak di sampul dokumen "
        "dan surat resmi. Isi dengan data yang sebenarnya.",
        "`{found}` is a stand-in, not content; lomba.yaml is printed on document covers and in "
        "official letters. Fill in the real data.",
    ),
    "acronym-no-expansion": (
        "akronim `{found}` belum diberi kepanjangan. Isi `kepanjangan`.",
        "acronym `{found}` has no expansion. Fill in `kepanjangan`.",
    ),
    "duplicate-item": (
        "`{found}` tercantum lebih dari sekali. Hapus duplikatnya.",
        "`{found}` is listed more than once. Remove the duplicate.",
    ),
    # --- competition specs and templates --------------------------------------------------
    "spec-parent-missing": (
        "edisi induk `{ref}` tidak ditemukan. Tulis sebagai `kompetisi/tahun`, mis. sinovik/2019.",
        "parent edition `{ref}` not found. Write it as `competition/year`, e.g. sinovik/2019.",
    ),
    "spec-parent-cycle": (
        "rantai `turunan_dari` berputar atau terlalu panjang di `{ref}`.",
        "the `turunan_dari` chain loops or is too long at `{ref}`.",
    ),
    "spec-folder-mismatch": (
        "spesifikasi menyebut `{found}` tetapi berada di folder `{folder}`. Samakan `kunci` dan "
        "`edisi` dengan nama folder.",
        "the spec says `{found}` but lives in folder `{folder}`. Make `kunci` and `edisi` match.",
    ),
    "spec-unknown-source": (
        "sumber `{found}` tidak ada di daftar `sumber`. Tambahkan sumbernya atau perbaiki id-nya "
        "(tersedia: {allowed}).",
        "source `{found}` is not in the `sumber` list. Add it or fix the id (known: {allowed}).",
    ),
    "spec-weights": (
        "jumlah bobot semua bagian {total}, bukan 100.",
        "the section weights add up to {total}, not 100.",
    ),
    "spec-unknown-deadline": (
        "tenggat `{found}` tidak ada di daftar `tenggat` (tersedia: {allowed}).",
        "deadline `{found}` is not in the `tenggat` list (known: {allowed}).",
    ),
    "template-error": (
        "templat bagian `{section}` gagal: {detail}. Perbaiki templat di baris ini.",
        "the template of section `{section}` failed: {detail}. Fix the template on this line.",
    ),
    # --- readiness for a competition ------------------------------------------------------
    "edition-missing": (
        "edisi {year} kompetisi `{competition}` belum tersedia (ada: {allowed}); pedomannya "
        "belum ada di lomba. Pakai edisi yang ada (`kompetisi.{competition}.edisi: {latest}`), "
        "atau buat edisi sementara sampai pedoman {year} terbit: `lomba kompetisi salin "
        "{competition}/{latest} --sebagai {competition}/{year}`.",
        "edition {year} of `{competition}` is not available (have: {allowed}); its guideline "
        "is not in lomba. Use an edition that is (`kompetisi.{competition}.edisi: {latest}`), "
        "or make a provisional one until the {year} guideline is out: `lomba kompetisi salin "
        "{competition}/{latest} --sebagai {competition}/{year}`.",
    ),
    "section-unknown": (
        "{competition} tidak punya bagian `{name}`.{suggestion} Bagian yang ada: {allowed}.",
        "{competition} has no section `{name}`.{suggestion} Its sections: {allowed}.",
    ),
    "section-empty": (
        "{competition}: bagian \"{section}\" wajib diisi tetapi kosong. Isi `{hint}`.",
        "{competition}: section \"{section}\" is required but empty. Fill in `{hint}`.",
    ),
    "words-over": (
        "{competition}: bagian \"{section}\" berisi {words} kata, melebihi batas {limit} kata. "
        "Ringkas teksnya, atau tulis versi khusus di `kompetisi` untuk lomba ini.",
        "{competition}: section \"{section}\" has {words} words, over the {limit}-word limit. "
        "Shorten it, or write a version for this competition under `kompetisi`.",
    ),
    "words-near": (
        "{competition}: bagian \"{section}\" berisi {words} kata, mendekati batas {limit} kata.",
        "{competition}: section \"{section}\" has {words} words, close to the {limit} limit.",
    ),
    "words-over-tokens": (
        "{competition}: bagian \"{section}\" berisi {words} kata menurut hitungan Word (batas "
        "{limit}), tetapi penghitung yang menghitung setiap token, termasuk tanda daftar \"-\" "
        "dan \"1.\", melihat {tokens}. Kurangi {cut} kata agar aman di portal.",
        "{competition}: section \"{section}\" has {words} words by Word's count (limit "
        "{limit}), but a counter that takes every token, list markers \"-\" and \"1.\" "
        "included, sees {tokens}. Cut {cut} words to be safe on the portal.",
    ),
    "words-near-min": (
        "{competition}: bagian \"{section}\" berisi {words} kata, hanya {above} di atas minimal "
        "{limit}. Penghitung kata portal dapat berbeda (tanda hubung, garis pisah, angka); "
        "tambahkan cadangan, paling sedikit {margin} kata di atas minimal.",
        "{competition}: section \"{section}\" has {words} words, only {above} over the "
        "{limit} minimum. The portal's counter may differ (hyphens, dashes, numbers); keep a "
        "margin of at least {margin} words over the minimum.",
    ),
    "words-under": (
        "{competition}: bagian \"{section}\" berisi {words} kata, kurang dari minimal {limit} "
        "kata. Lengkapi uraiannya.",
        "{competition}: section \"{section}\" has {words} words, under the {limit}-word "
        "minimum. Expand it.",
    ),
    "section-placeholder": (
        "{competition}: bagian \"{section}\" masih memuat penanda isian `{found}`.",
        "{competition}: section \"{section}\" still holds the placeholder `{found}`.",
    ),
    "competition-option": (
        "{competition}: {field} `{found}` tidak tersedia.{suggestion} Pilihan: {allowed}.",
        "{competition}: {field} `{found}` is not offered.{suggestion} Choices: {allowed}.",
    ),
    "needs-start-date": (
        "{competition} mensyaratkan usia penerapan minimal {years} tahun: isi "
        "`tanggal.penerapan`.",
        "{competition} requires at least {years} {years:year/years} of implementation: fill in "
        "`tanggal.penerapan`.",
    ),
    "too-young": (
        "{competition} mensyaratkan penerapan minimal {years} tahun sebelum tenggat {deadline}: "
        "penerapan harus dimulai paling lambat {latest}, sedangkan inovasi ini mulai {started}.",
        "{competition} requires {years} {years:year/years} of implementation before the {deadline} "
        "deadline: it must have started by {latest}, but this one started {started}.",
    ),
    "outside-window": (
        "{competition} hanya menilai inovasi yang diterapkan atau dikembangkan antara {start} dan "
        "{end}. Isi `tanggal.pengembangan` bila ada pengembangan dalam rentang itu.",
        "{competition} only assesses innovations implemented or developed between {start} and "
        "{end}. Set `tanggal.pengembangan` if it was developed in that window.",
    ),
    "excluded-by-award": (
        "{competition} tidak menerima inovasi yang pernah meraih {award}.",
        "{competition} does not accept innovations that already won {award}.",
    ),
    "not-eligible-class": (
        "{competition} hanya menerima {field}: {allowed}; inovasi ini `{found}`.",
        "{competition} only accepts {field}: {allowed}; this one is `{found}`.",
    ),
    "region-profile-missing": (
        "{competition} menilai pemda, bukan satu inovasi: dokumennya disusun dari {file}, yang "
        "belum ada. Buat berkas itu (contoh: `lomba init` di folder baru menulisnya) dengan "
        "strategi, program, hasil, SIDa, dan pilar IDSD daerah.",
        "{competition} assesses the regional government, not one innovation: its document is "
        "made from {file}, which does not exist. Create it (a new `lomba init` writes an "
        "example) with the region's strategy, programmes, results, SIDa and IDSD aspects.",
    ),
    "region-not-eligible": (
        "{competition} untuk pemda {allowed}, bukan {found}. Provinsi mengikuti Budhipura; "
        "hapus `ikut: true` dari entri yang mengikutinya.",
        "{competition} is for {allowed} governments, not a {found}. Provinces enter the "
        "Budhipura; remove `ikut: true` from the entries that enter it.",
    ),
    "region-idea-excluded": (
        "{competition}: inovasi ini masih ide, jadi tidak masuk tabel pengukuran produk/jasa "
        "inovatif daerah. Ikutkan setelah diuji coba atau diterapkan.",
        "{competition}: this innovation is still an idea, so it is not in the region's "
        "measurement of innovative products and services. Enter it once trialled or in use.",
    ),
    "region-no-members": (
        "{competition}: belum ada produk/jasa inovatif untuk tabel pengukuran. Tulis "
        "`kompetisi: {{{key}: {{ikut: true}}}}` pada entri yang sudah diuji coba atau diterapkan.",
        "{competition}: no innovative product or service for the measurement table yet. Write "
        "`kompetisi: {{{key}: {{ikut: true}}}}` in entries that are trialled or in use.",
    ),
    "region-section-empty": (
        "Bagian \"{section}\" dokumen daerah kosong. Isi `{field}`.",
        "The region document's section \"{section}\" is empty. Fill in `{field}`.",
    ),
    "spec-unknown-group": (
        "Kelompok `{found}` tidak ada di `kelompok` edisi ini. Yang ada: {allowed}.",
        "Group `{found}` is not in this edition's `kelompok`. Known: {allowed}.",
    ),
    "iga-basis-unknown": (
        "{competition}: indikator {number} tidak punya dasar ukur `{found}`. Pilih salah satu: "
        "{allowed}.",
        "{competition}: indicator {number} has no basis `{found}`. Choose one of: {allowed}.",
    ),
    "field-recommended": (
        "{competition}: formulirnya menanyakan `{field}`, yang masih kosong (sumber tidak "
        "menyebutnya wajib). Isi bila diketahui.",
        "{competition}: its form asks for `{field}`, which is empty (the sources do not say it "
        "is required). Fill it in if known.",
    ),
    "form-takes-one": (
        "{competition}: formulirnya menerima satu `{field}`, berkas ini menulis {count}: "
        "{found}. Pilih yang paling sesuai, mis. `{field}: 3`.",
        "{competition}: its form takes one `{field}`; this file gives {count}: {found}. Choose "
        "the one that fits best, e.g. `{field}: 3`.",
    ),
    "needs-field": (
        "{competition} mensyaratkan `{field}` diisi.",
        "{competition} requires `{field}` to be filled in.",
    ),
    "attachment-missing": (
        "{competition} mensyaratkan lampiran \"{name}\" (minimal {need}). Tambahkan di `bukti` "
        "(dengan `mendukung: [{code_name}]`), `foto`, atau `video`.",
        "{competition} requires the attachment \"{name}\" (at least {need}). Add it under "
        "`bukti` (with `mendukung: [{code_name}]`), `foto` or `video`.",
    ),
    "attachment-missing-inferred": (
        "{competition}: lampiran \"{name}\" (minimal {need}) belum ada; syarat ini disimpulkan, "
        "tidak disebut sumber edisi ini. Tambahkan bila memang diminta: di `bukti` (dengan "
        "`mendukung: [{code_name}]`), `foto`, atau `video`.",
        "{competition}: the attachment \"{name}\" (at least {need}) is missing; this "
        "requirement is inferred, not stated by this edition's sources. Add it if it is asked "
        "for: under `bukti` (with `mendukung: [{code_name}]`), `foto` or `video`.",
    ),
    "iga-unknown-indicator": (
        "{competition} tidak punya indikator nomor {found} (yang ada: {allowed}).",
        "{competition} has no indicator number {found} (it has {allowed}).",
    ),
    "iga-mandatory-missing": (
        "{competition}: indikator wajib {number} ({name}) belum diisi di `indikator_iga`.",
        "{competition}: mandatory indicator {number} ({name}) is missing from `indikator_iga`.",
    ),
    "iga-claim-unsupported": (
        "{competition}: indikator {number} diklaim level {claimed}, tetapi bukti yang ada hanya "
        "mendukung level {supported}. Tambahkan bukti jenis: {needs}.",
        "{competition}: indicator {number} is claimed at level {claimed}, but the evidence only "
        "supports level {supported}. Add evidence of kind: {needs}.",
    ),
    "iga-verdict-unknown-file": (
        "verifikasi menyebut `{found}`, yang tidak ada di `bukti` klaim ini.",
        "the verdict names `{found}`, which is not among this claim's `bukti`.",
    ),
    "iga-rejected-no-reason": (
        "bukti `{found}` ditolak tanpa alasan. Isi `alasan` agar OPD tahu yang harus diperbaiki.",
        "evidence `{found}` is rejected without a reason. Fill in `alasan`.",
    ),
    "iga-unknown-spd": (
        "kode SPD `{found}` tidak dikenal (yang ada: {allowed}).",
        "unknown SPD code `{found}` (known: {allowed}).",
    ),
    "iga-spd-missing": (
        "nilai SPD wajib {code} ({name}) belum diisi di `iga.spd`; dihitung 0.",
        "mandatory SPD row {code} ({name}) is missing from `iga.spd`; it counts as 0.",
    ),
    "deadline-passed": (
        "tenggat \"{name}\" {competition} ({deadline}) sudah lewat {days} hari.",
        "the \"{name}\" deadline of {competition} ({deadline}) passed {days} {days:day/days} ago.",
    ),
    "deadline-near": (
        "tenggat \"{name}\" {competition} ({deadline}) tinggal {days} hari lagi.",
        "the \"{name}\" deadline of {competition} ({deadline}) is in {days} {days:day/days}.",
    ),
    "no-entries": (
        "belum ada berkas inovasi di `entries/`. Buat dengan `lomba new OPD NAMA`.",
        "no innovation files in `entries/` yet. Create one with `lomba new OPD SLUG`.",
    ),
    "path-not-entry": (
        "`{found}` bukan berkas yang diperiksa lomba: hanya lomba.yaml dan berkas inovasi "
        "`entries/<opd>/<nama>.yaml`. Sebut berkas atau folder di bawah entries/, mis. "
        "`lomba check entries/dinkes`.",
        "`{found}` is not a file lomba checks: only lomba.yaml and innovation files "
        "`entries/<opd>/<name>.yaml`. Name a file or folder under entries/, e.g. "
        "`lomba check entries/dinkes`.",
    ),
    "path-not-found": (
        "`{found}` tidak ditemukan di ruang kerja.",
        "`{found}` was not found in the workspace.",
    ),
    "worker-lost": (
        "Sebuah proses pekerja berhenti mendadak (mungkin kehabisan memori, atau dihentikan). "
        "Tidak ada berkas setengah jadi yang tertinggal. Jalankan lagi; bila terulang, jalankan "
        "dengan LOMBA_SERIAL=1 agar semua dikerjakan dalam satu proses.",
        "A worker process stopped unexpectedly (perhaps out of memory, or killed). No file is "
        "left half-written. Run again; if it happens again, run with LOMBA_SERIAL=1 to do "
        "everything in one process.",
    ),
    "build-busy": (
        "Build lain masih berjalan terlalu lama di ruang kerja ini ({path}); coba lagi nanti.",
        "Another build in this workspace is still running ({path}); try again later.",
    ),
    "register-damaged": (
        "Register surat tidak dapat dipercaya: tidak ada nomor yang diterbitkan. Kembalikan "
        "surat/register.yaml dari git (`git checkout -- surat/register.yaml`) atau perbaiki "
        "baris yang disebut di atas.",
        "The letter register cannot be trusted: no number was issued. Restore "
        "surat/register.yaml from git (`git checkout -- surat/register.yaml`) or fix the lines "
        "named above.",
    ),
    "register-duplicate": (
        "nomor `{value}` sudah tercatat di baris {first_line}; satu nomor hanya untuk satu surat "
        "(mungkin hasil penggabungan cabang git). Kembalikan register dari git dan terbitkan "
        "ulang surat yang bentrok agar mendapat nomor baru.",
        "number `{value}` is already recorded on line {first_line}; a number is for one letter "
        "only (perhaps from a git merge). Restore the register from git and issue the clashing "
        "letter again so that it gets a new number.",
    ),
    "register-altered": (
        "baris register ini, atau baris sebelumnya, telah diubah, dihapus atau disisipkan dengan "
        "tangan (sidik `rantai` tidak cocok). Kembalikan register dari git; nomor yang sudah "
        "terbit tidak boleh dipakai ulang.",
        "this register line, or one before it, was edited, deleted or inserted by hand (its "
        "`rantai` digest does not match). Restore the register from git; numbers already issued "
        "must never be reused.",
    ),
    "register-highwater": (
        "`terakhir` tahun {year} bernilai {highest}, padahal register mencatat nomor {found}. "
        "Kembalikan register dari git.",
        "`terakhir` for {year} is {highest}, but the register records number {found}. Restore "
        "the register from git.",
    ),
    "register-gap": (
        "nomor urut tahun {year} yang pernah terbit hilang dari register: {missing}. Barisnya "
        "terhapus; kembalikan register dari git agar nomor itu tidak terpakai dua kali.",
        "serial numbers of {year} that were issued are missing from the register: {missing}. "
        "Their lines were deleted; restore the register from git so those numbers are never "
        "used twice.",
    ),
    "register-rollback": (
        "nomor {number} tahun {year} pernah diterbitkan (menurut {where}), tetapi register kini "
        "berhenti di {highest}: baris terakhirnya terhapus atau register diganti yang lama. "
        "Kembalikan register dari git; nomor yang sudah terbit tidak boleh dipakai ulang.",
        "number {number} of {year} was issued (according to {where}), but the register now stops "
        "at {highest}: its last lines were deleted or an older register was put back. Restore the "
        "register from git; numbers already issued must never be reused.",
    ),
    "letter-pattern-invalid": (
        "pola nomor surat `{pattern}` tidak dapat dipakai ({detail}): pola harus memuat "
        "`{{nomor}}` dan hanya `{{nomor}}`, `{{tahun}}`, `{{bulan}}`, dengan lebar paling "
        "banyak 12 angka, mis. `800/{{nomor:03d}}/Bappeda/{{tahun}}`.",
        "the letter number pattern `{pattern}` cannot be used ({detail}): it must contain "
        "`{{nomor}}` and only `{{nomor}}`, `{{tahun}}`, `{{bulan}}`, at most 12 digits wide, "
        "e.g. `800/{{nomor:03d}}/Bappeda/{{tahun}}`.",
    ),
    "summary-moved": (
        "dipindahkan: {path} → {aside} (kini belum siap: {reason})",
        "moved aside: {path} → {aside} (not ready now: {reason})",
    ),
    "summary-letter-previews": (
        "{count} pratinjau surat untuk OPD yang belum patuh di build/surat/draf/ (DRAF, tanpa "
        "nomor). Surat resmi bernomor hanya diterbitkan dengan `lomba surat teguran` atau "
        "`lomba surat pengingat`.",
        "{count} letter {count:preview/previews} for the OPD that fall short in "
        "build/surat/draf/ (DRAF, no number). Numbered official letters are issued only by "
        "`lomba surat teguran` or `lomba surat pengingat`.",
    ),
    "cli-letter-issued": (
        "diterbitkan: nomor {number} untuk {opd} → {path}",
        "issued: number {number} for {opd} → {path}",
    ),
    "filter-unknown": (
        "{option} `{value}` tidak dikenal di ruang kerja ini.{suggestion} Pilihan: {choices}.",
        "{option} `{value}` is not known in this workspace.{suggestion} Choices: {choices}.",
    ),
    "pdf-no-libreoffice": (
        "PDF dibuat dengan LibreOffice, yang tidak ditemukan di komputer ini. Pasang dengan "
        "`{command}` (atau beri tahu letaknya lewat LOMBA_SOFFICE), lalu ulangi.",
        "PDFs are made with LibreOffice, which is not on this computer. Install it with "
        "`{command}` (or give its path in LOMBA_SOFFICE), then try again.",
    ),
    "pdf-failed": (
        "LibreOffice tidak dapat mengubah {path} menjadi PDF: {reason}. Buka berkas itu di "
        "LibreOffice untuk melihat masalahnya.",
        "LibreOffice could not turn {path} into a PDF: {reason}. Open the file in LibreOffice to "
        "see the problem.",
    ),
    "spec-date-other-year": (
        "{edition}: tanggal \"{name}\" jatuh pada tahun {year}, jauh dari tahun edisinya; "
        "kemungkinan terwarisi dari edisi lain (turunan_dari) atau tersalin. Tulis tanggal edisi "
        "ini sendiri, atau `tenggat: []` bila belum diketahui.",
        "{edition}: the date \"{name}\" falls in {year}, far from its edition's year; it was "
        "probably inherited from another edition (turunan_dari) or copied. Give this edition's "
        "own date, or `tenggat: []` when it is not known.",
    ),
    "code-unknown": (
        "Kode `{code}` tidak dikenal.{suggestion} Daftar kode ada di panduan (docs/kode/).",
        "Unknown code `{code}`.{suggestion} The guide lists every code (docs/kode/).",
    ),
    "watch-ready": (
        "Mengawasi lomba.yaml, entries/ dan templates/; simpan berkas untuk menyusun ulang. "
        "Ctrl+C untuk berhenti.",
        "Watching lomba.yaml, entries/ and templates/; save a file to rebuild. Ctrl+C to stop.",
    ),
    "watch-changed": ("berubah: {files}", "changed: {files}"),
    "watch-built": ("{count} berkas diperbarui {files}",
                    "{count} {count:file/files} updated {files}"),
    "watch-documents": (
        "{count} berkas dokumen diperbarui {files}; dasbor dan rekap menyusul",
        "{count} document {count:file/files} updated {files}; the dashboard and recap follow",
    ),
    "watch-stopped": ("Berhenti mengawasi.", "Stopped watching."),
    "build-entry-unreadable": (
        "{count} berkas inovasi yang diminta tidak terbaca (galatnya di atas); dokumen lamanya "
        "dibiarkan. Perbaiki berkasnya, lalu jalankan lagi.",
        "{count} requested entry {count:file/files} could not be read (the errors are above); "
        "earlier documents are kept. Fix the file, then run again.",
    ),
    "build-selection-empty": (
        "Tidak ada pasangan inovasi dan kompetisi yang cocok dengan pilihan ini: inovasi yang "
        "tidak ikut kompetisi itu tahun ini (tidak tercantum di `kompetisi`, atau `ikut: false`) "
        "tidak disusun. `lomba status` menunjukkan siapa ikut apa.",
        "No pair of innovation and competition matches this selection: an innovation that does "
        "not enter that competition this year (not under `kompetisi`, or `ikut: false`) is not "
        "built. `lomba status` shows who enters what.",
    ),
    "build-partial-desk": (
        "Hanya yang dipilih yang disusun; dasbor, rekap dan pratinjau surat diperbarui pada "
        "`lomba build` tanpa pilihan.",
        "Only the selection was built; the dashboard, recap and letter previews are updated by "
        "`lomba build` without a selection.",
    ),
    "build-strict-failed": (
        "--strict: {count} dokumen tidak dibuat (alasannya di atas).",
        "--strict: {count} {count:document was/documents were} not made (the reasons are above).",
    ),
    "build-spec-errors": (
        "{count} galat pada spesifikasi atau templat kompetisi (di atas): dokumen kompetisi itu "
        "tidak dibuat. Perbaiki galatnya, lalu jalankan `lomba build` lagi.",
        "{count} {count:error/errors} in competition specs or templates (above): that "
        "competition's documents were not made. Fix them, then run `lomba build` again.",
    ),
    "config-errors": (
        "lomba.yaml memuat galat (di atas): tidak ada yang dibuat, karena setiap dokumen dan "
        "surat memakai isinya. Perbaiki galatnya dahulu (`lomba build --force` membuat draf).",
        "lomba.yaml has errors (above): nothing was made, since every document and letter uses "
        "it. Fix them first (`lomba build --force` makes drafts).",
    ),
    "build-stopped": (
        "Tidak ada dokumen dibuat: perbaiki galat di atas.",
        "No documents built: fix the errors above.",
    ),
    "entry-changed": (
        "berkas berubah sejak diperiksa dalam build ini; dokumennya tidak dibuat dari teks yang "
        "belum diperiksa. Jalankan `lomba build` lagi.",
        "the file changed after this build checked it; its documents were not made from "
        "unchecked text. Run `lomba build` again.",
    ),
    "entry-unreadable-kept": (
        "berkas tidak dapat dibaca atau tidak sah; dokumen lamanya dibiarkan dan kini "
        "usang. Perbaiki galat di atas lalu jalankan `lomba build` lagi.",
        "the file cannot be read or is invalid; its earlier documents are kept and are now "
        "stale. Fix the errors above and run `lomba build` again.",
    ),
    # --- what the commands print ---------------------------------------------------------------
    "cli-build-waiting": (
        "Build lain sedang berjalan di ruang kerja ini; menunggu...",
        "Another build is running in this workspace; waiting...",
    ),
    "stage-check": (
        "Memeriksa {count} {n:inovasi/inovasi}...",
        "Checking {count} {n:innovation/innovations}...",
    ),
    "stage-desk": (
        "Menyusun dasbor, rekap, dan status dari {count} {n:inovasi/inovasi} yang diperiksa...",
        "Making the dashboard, recap and status from the {count} {n:innovation/innovations} "
        "checked...",
    ),
    "stage-pdf": (
        "Membuat {count} {n:PDF/PDF} lewat LibreOffice...",
        "Making {count} {n:PDF/PDFs} with LibreOffice...",
    ),
    "cli-build-noop": (
        "Tidak ada yang berubah sejak build terakhir; semua dokumen mutakhir.",
        "Nothing changed since the last build; every document is current.",
    ),
    "cli-config-invalid": (
        "lomba.yaml belum sah; perbaiki dahulu.",
        "lomba.yaml is invalid; fix it.",
    ),
    "cli-written": (
        "ditulis: {path}",
        "written: {path}",
    ),
    "cli-letter-not-needed": (
        "{opd} sudah memenuhi kewajiban; tidak perlu surat.",
        "{opd} meets the obligation; no letter needed.",
    ),
    "letter-template-failed": (
        "{where}: templat surat gagal: {detail}. Perbaiki templat itu.",
        "{where}: the letter template failed: {detail}. Fix that template.",
    ),
    "cli-no-letters": (
        "Tidak ada surat yang perlu dibuat.",
        "No letters to make.",
    ),
    "cli-index-not-computed": (
        "Indeks tidak dihitung: {reason}.",
        "No index computed: {reason}.",
    ),
    "cli-promoted": (
        "{file}: tahapan menjadi inisiatif; kolom baru: {fields}",
        "{file}: stage is now inisiatif; new fields: {fields}",
    ),
    "cli-promoted-next": (
        "Isi kolom bertanda TODO, lalu jalankan `lomba check`.",
        "Fill in the fields marked TODO, then run `lomba check`.",
    ),
    "cli-init-exists": (
        "Tidak ada yang ditulis: berkas sudah ada ({files}).",
        "Nothing written: files already exist ({files}).",
    ),
    "cli-created": (
        "dibuat: {path}",
        "created: {path}",
    ),
    "cli-init-ready": (
        "Ruang kerja siap. Lanjutkan: cd {folder} && lomba check",
        "Workspace ready. Next: cd {folder} && lomba check",
    ),
    "cli-slug-invalid": (
        "Nama berkas `{slug}` tidak sah: pakai huruf kecil, angka dan tanda hubung, "
        "mis. antrean-daring.",
        "Invalid slug `{slug}`: use lowercase letters, digits and hyphens, e.g. antrean-daring.",
    ),
    "cli-entry-exists": (
        "Berkas entries/{opd}/{slug}.yaml sudah ada; tidak ditimpa.",
        "entries/{opd}/{slug}.yaml already exists; not overwritten.",
    ),
    "cli-spec-invalid": (
        "(spesifikasi bermasalah)",
        "(invalid spec)",
    ),
    "cli-origin-workspace": (
        "ruang kerja",
        "workspace",
    ),
    "cli-edition-form": (
        "Tulis edisi sebagai kompetisi/tahun, mis. sinovik/2019.",
        "Write the edition as competition/year, e.g. sinovik/2019.",
    ),
    "cli-edition-unknown": (
        "Edisi bawaan {ref} tidak ada. Lihat `lomba kompetisi`.",
        "No built-in edition {ref}. See `lomba kompetisi`.",
    ),
    "cli-edition-exists": (
        "templates/{ref} sudah ada; tidak ditimpa.",
        "templates/{ref} already exists; not overwritten.",
    ),
    "cli-copied": (
        "disalin ke {path}",
        "copied to {path}",
    ),
    "cli-updated": (
        "diperbarui: {path}",
        "updated: {path}",
    ),
    "cli-schemas-current": (
        "Skema sudah mutakhir.",
        "Schemas are up to date.",
    ),
    "summary-skipped": ("dilewati: {entry}: {reason}", "skipped: {entry}: {reason}"),
    "view-region-document": (
        "Dokumen daerah {name}{category}: {state} {reason} · {count} produk/jasa inovatif",
        "Region document {name}{category}: {state} {reason} · {count} innovative "
        "{count:product or service/products and services}",
    ),
    "summary-region-document": (
        "dokumen daerah {competition}: {path} ({state})",
        "region document {competition}: {path} ({state})",
    ),
    "summary-draft": ("DRAF: {entry}: {reason}", "DRAFT: {entry}: {reason}"),
    "summary-more": (" (+{count} masalah lain)", " (+{count} more {count:problem/problems})"),
    "summary-removed": (
        "dihapus (entri atau lombanya tidak ada lagi): {path}",
        "removed (its entry or competition is gone): {path}",
    ),
    "summary-stale": (
        "usang, dibiarkan (berkas inovasinya tidak terbaca: {entry}): {path}",
        "stale, kept (its entry file cannot be read: {entry}): {path}",
    ),
    "summary-written": (
        "{count} berkas ditulis ke {folder}/.",
        "{count} {count:file/files} written to {folder}/.",
    ),
    "view-days-ago": ("lewat {days} hari", "{days} {days:day/days} ago"),
    "view-days-left": ("{days} hari lagi", "in {days} {days:day/days}"),
    "view-readiness-on": ("Kesiapan lomba per {date}", "Readiness on {date}"),
    "view-compliance-year": ("Kepatuhan OPD tahun {year}", "OPD compliance {year}"),
    "view-late-count": (
        "{late} dari {total} OPD belum memenuhi kewajiban.",
        "{late} of {total} OPD do not meet the obligation yet.",
    ),
    # --- program failures (lomba.errors) -----------------------------------------------------
    "io-disk-full": (
        "disk penuh saat menulis {path}. Kosongkan ruang disk lalu jalankan lagi; berkas lama "
        "tidak berubah.",
        "the disk is full while writing {path}. Free some space and run again; earlier files "
        "are unchanged.",
    ),
    "io-permission": (
        "tidak punya izin menulis atau membaca {path} ({reason}). Periksa hak akses folder itu.",
        "no permission to read or write {path} ({reason}). Check the folder's permissions.",
    ),
    "io-read-only": (
        "{path} berada di sistem berkas hanya-baca. Jalankan lomba di salinan yang dapat ditulis.",
        "{path} is on a read-only file system. Run lomba in a writable copy.",
    ),
    "io-not-folder": (
        "{path}: sebagian jalurnya adalah berkas, bukan folder. Pindahkan atau hapus berkas itu.",
        "{path}: part of the path is a file, not a folder. Move or remove that file.",
    ),
    "io-is-folder": (
        "{path} adalah folder, padahal lomba perlu menulis berkas di situ. Pindahkan folder itu.",
        "{path} is a folder where lomba needs to write a file. Move that folder away.",
    ),
    "io-failed": (
        "gagal membaca atau menulis {path}: {reason}.",
        "could not read or write {path}: {reason}.",
    ),
    "reference-invalid": (
        "{path} tidak dapat dipakai sebagai dokumen acuan ({reason}). Simpan ulang dari Word "
        "atau LibreOffice sebagai .docx, atau hapus agar acuan bawaan lomba dipakai.",
        "{path} cannot serve as the reference document ({reason}). Save it again from Word or "
        "LibreOffice as .docx, or remove it to use lomba's own.",
    ),
    "input-outside": (
        "{path} mengarah ke luar ruang kerja (tautan simbolik); lomba tidak membacanya. Salin "
        "berkasnya ke dalam ruang kerja sebagai berkas biasa.",
        "{path} leads outside the workspace (a symbolic link); lomba does not read it. Copy "
        "the file into the workspace as a regular file.",
    ),
    "build-dir-symlink": (
        "`build` di ruang kerja adalah tautan simbolik ke {target}. lomba hanya menulis ke "
        "folder `build/` yang sungguhan di dalam ruang kerja: hapus tautan itu (hasil dibuat "
        "ulang).",
        "`build` in the workspace is a symbolic link to {target}. lomba writes only into a real "
        "`build/` folder inside the workspace: remove the link (outputs are made again).",
    ),
    "build-dir-not-folder": (
        "`build` di ruang kerja adalah berkas, bukan folder. Pindahkan atau hapus berkas itu.",
        "`build` in the workspace is a file, not a folder. Move or remove that file.",
    ),
    "output-outside-build": (
        "jalur hasil {path} berada di luar folder `build/`; tidak ditulis. Periksa kode OPD dan "
        "nama berkas inovasi.",
        "the output path {path} lies outside `build/`; not written. Check the OPD code and the "
        "entry's file name.",
    ),
}

# Words used inside messages (type names, severities, summary lines).
WORDS: dict[str, tuple[str, str]] = {
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
    "text": ("teks", "text"),
    "whole number": ("bilangan bulat", "a whole number"),
    "number": ("angka", "a number"),
    "true/false": ("true atau false", "true or false"),
    "list": ("daftar (baris diawali `- `)", "a list (lines starting with `- `)"),
    "mapping": ("kumpulan `kolom: nilai`", "a set of `key: value` pairs"),
    "date": ("tanggal YYYY-MM-DD", "a YYYY-MM-DD date"),
    "empty": ("kosong", "empty"),
    "did_you_mean": (" Maksud Anda `{0}`?", " Did you mean `{0}`?"),
    "summary": (
        "{errors} galat dan {warnings} peringatan; {files} berkas diperiksa.",
        "{errors} {errors:error/errors} and {warnings} {warnings:warning/warnings}; {files} "
        "{files:file/files} checked.",
    ),
    "view-today": ("hari ini", "today"),
    "view-innovation": ("Inovasi", "Innovation"),
    "view-not-ready-first-reason": ("Belum siap, alasan pertama:", "Not ready, first reason:"),
    "view-per-competition": ("Per kompetisi", "Per competition"),
    "view-competition": ("Kompetisi", "Competition"),
    "view-deadline": ("Tenggat", "Deadline"),
    "view-unknown": ("belum diketahui", "unknown"),
    "view-ready": ("siap", "ready"),
    "view-per-opd": ("Per OPD", "Per OPD"),
    "view-entries": ("Inovasi", "Entries"),
    "view-ideas": ("Ide", "Ideas"),
    "view-innov": ("Inovasi", "Innov."),
    "view-missing": ("Kekurangan", "Missing"),
    "view-schedule-and-deadlines": ("Jadwal dan tenggat", "Schedule and deadlines"),
    "view-date": ("Tanggal", "Date"),
    "view-left": ("Sisa", "Left"),
    "view-event": ("Kegiatan", "Event"),
    "score-sid-per-innovation": ("SID per inovasi", "SID per innovation"),
    "score-index": ("Indeks Inovasi Daerah", "Regional Innovation Index"),
    "score-claimed": ("diklaim", "claimed"),
    "score-verified": ("terverifikasi", "verified"),
    "score-average": ("rata-rata SID", "average SID"),
    "score-count": ("skor jumlah inovasi", "count score"),
    "score-band": ("predikat", "band"),
    "score-gate-not-met": (
        "Gerbang urusan belum terpenuhi: skor jumlah inovasi 0. Tercakup: ",
        "Urusan gate not met: count score 0. Covered: ",
    ),
    "score-simulation": (
        "Simulasi: inovasi yang ikut IGA {year} dinilai dengan aturan {rules} (lomba.yaml: "
        "iga.inovasi_edisi).",
        "Simulation: innovations entered in IGA {year} scored on the {rules} rules (lomba.yaml: "
        "iga.inovasi_edisi).",
    ),
    "score-excluded": (
        "Tidak dihitung (edisi ini tidak menilainya):",
        "Not counted (this edition does not assess them):",
    ),
    "score-raises-most": (
        "Yang paling menaikkan indeks:",
        "What raises the index most:",
    ),
    "summary-progress": ("Menyusun dokumen", "Rendering documents"),
    "summary-title": ("Ringkasan build", "Build summary"),
    "summary-written-col": ("Dibuat", "Written"),
    "summary-unchanged-col": ("Tidak berubah", "Unchanged"),
    "summary-draft-col": ("Draf", "Draft"),
    "summary-not-ready-col": ("Belum siap", "Not ready"),
    "summary-region": ("dokumen daerah", "region document"),
    "all_good": (
        "Semua {files} berkas sah, tanpa galat.",
        "All {files} {files:file is/files are} valid, no errors.",
    ),
}


def resolve_lang(lang: str | None = None) -> str:
    """The language asked for, else LOMBA_LANG, else Bahasa Indonesia."""
    chosen = (lang or os.environ.get("LOMBA_LANG") or "id").strip().lower()[:2]
    return chosen if chosen in LANGS else "id"


def word(key: str, lang: str = "id") -> str:
    pair = WORDS[key]
    return pair[1] if lang == "en" else pair[0]


def render_message(code: str, params: dict[str, Any], lang: str = "id") -> str:
    pair = CATALOGUE.get(code)
    if pair is None:
        return f"{code}: {params}"
    template = pair[1] if lang == "en" else pair[0]
    values = {k: _localise(v, lang) for k, v in params.items()}
    try:
        return _FORMATTER.format(template, **values)
    except (KeyError, IndexError, ValueError):
        return template


class _PluralFormatter(string.Formatter):
    """``{n:day/days}`` prints the form of the word that goes with the number ``n``, by the
    language's plural rule (Babel's CLDR data); any other field formats as usual."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "/" in format_spec and isinstance(value, int) and not isinstance(value, bool):
            one, other = format_spec.split("/", 1)
            return one if _ENGLISH.plural_form(abs(value)) == "one" else other
        return super().format_field(value, format_spec)


_ENGLISH = Locale("en")
_FORMATTER = _PluralFormatter()


def fill(template: str, **values: Any) -> str:
    """``template.format(**values)``, with the plural fields ``{n:one/other}``."""
    return _FORMATTER.format(template, **values)


def _localise(value: Any, lang: str) -> Any:
    """Params may hold word keys (e.g. an expected type) or suggestion lists to localise."""
    if isinstance(value, WordRef):
        return word(value.key, lang)
    if isinstance(value, Phrase):
        return value.en_text if lang == "en" else value.id_text
    if isinstance(value, date):
        return tanggal_in(value, lang)
    if hasattr(value, "earliest") and hasattr(value, "month"):  # a fact's date (model.Waktu)
        return waktu_in(value, lang)
    if isinstance(value, Suggestion):
        return word("did_you_mean", lang).format(value.text) if value.text else ""
    return value


class Phrase:
    """A text given in both languages, chosen when the message is rendered."""

    def __init__(self, id_text: str, en_text: str) -> None:
        self.id_text = id_text
        self.en_text = en_text

    def __str__(self) -> str:
        return self.id_text

    def __repr__(self) -> str:
        return f"Phrase({self.id_text!r}, {self.en_text!r})"


class WordRef:
    """A reference to a catalogue word, resolved when the message is rendered."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __str__(self) -> str:
        return word(self.key)

    def __repr__(self) -> str:
        return f"WordRef({self.key!r})"


class Suggestion:
    """A "did you mean" hint; empty when there is nothing close enough."""

    def __init__(self, text: str | None) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text or ""

    def __repr__(self) -> str:
        return f"Suggestion({self.text!r})"
