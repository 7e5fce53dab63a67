"""KIPP 2021's quota per instansi (at most 10 Umum and 5 Replikasi innovations): counted over
the whole workspace, a warning on each entry of a group over its quota, the same when one file
is checked alone."""

from __future__ import annotations

import json
from pathlib import Path

from lomba.check.workspace import load_workspace
from lomba.diagnostics import Report
from lomba.validate.competitions import Registry
from tests.conftest import edit, run

SOURCE = "entries/dinkes/si-bunda.yaml"
ENTERED = "  sinovik:\n    ikut: true\n    kelompok: umum\n"


def _copies(sample: Path, count: int, group: str = "umum") -> list[str]:
    """``count`` distinct innovations entering KIPP 2021 in ``group`` (SI BUNDA's text)."""
    text = (sample / SOURCE).read_text(encoding="utf-8")
    assert ENTERED in text and "\nnama: " in text
    extra = ("    replikasi_dari: SI BUNDA Kota Contoh\n    instansi_asal: Dinkes Kota Contoh\n"
             if group == "replikasi" else "")
    names = []
    for i in range(count):
        name = f"entries/dinkes/kuota-{group}-{i:02d}.yaml"
        body = text.replace("\nnama: ", f"\nnama: Salinan {group} {i} ", 1).replace(
            ENTERED, f"  sinovik:\n    edisi: 2021\n    ikut: true\n    kelompok: {group}\n{extra}",
            1)
        (sample / name).write_text(body, encoding="utf-8")
        names.append(name)
    return names


def _quota(sample: Path, selection: list[Path] | None = None) -> list[tuple[str, str]]:
    ws = load_workspace(sample, selection)
    return sorted((d.file, d.message("id")) for d in ws.report.diagnostics
                  if d.code == "group-quota-exceeded")


def test_the_2021_groups_carry_their_official_quotas() -> None:
    spec = Registry(None, Report()).get("sinovik", 2021).spec
    assert {o.kode: o.kuota for o in spec.kelompok} == {"umum": 10, "replikasi": 5,
                                                         "khusus": None}
    assert all("menpan-2021-syarat" in o.sumber for o in spec.kelompok if o.kuota)
    earlier = Registry(None, Report()).get("sinovik", 2020).spec
    assert not any(o.kuota for o in earlier.kelompok), "2020 had no quota"


def test_ten_umum_entries_are_within_the_quota(sample: Path) -> None:
    _copies(sample, 10)
    assert _quota(sample) == []


def test_eleven_umum_entries_each_get_the_warning(sample: Path) -> None:
    names = _copies(sample, 11)
    found = _quota(sample)
    assert [f for f, _ in found] == names
    message = found[0][1]
    assert "11 inovasi" in message and "kelompok Umum" in message and "kuota satu instansi 10" \
        in message and "`ikut: false`" in message
    result = run("check", "--json", cwd=sample)
    (first,) = [d for d in json.loads(result.output)["diagnostics"]
                if d["code"] == "group-quota-exceeded" and d["file"] == names[0]]
    assert first["severity"] == "warning" and first["competition"] == "sinovik/2021"
    assert first["path"] == "kompetisi.sinovik.kelompok"
    # The entry's preview lists it with its other findings.
    run("build", "--force", "-k", "sinovik", names[0], cwd=sample)
    (preview,) = (sample / "build" / "sinovik-2021" / "dinkes").glob("kuota-umum-00*.html")
    assert "kuota satu instansi 10" in preview.read_text(encoding="utf-8")


def test_replication_has_its_own_quota(sample: Path) -> None:
    _copies(sample, 10)
    replications = _copies(sample, 6, "replikasi")
    assert [f for f, _ in _quota(sample)] == replications


def test_one_file_checked_alone_counts_the_others_from_the_index(sample: Path) -> None:
    names = _copies(sample, 11)
    whole = _quota(sample)  # a whole check also writes the index
    alone = _quota(sample, [sample / names[3]])
    assert alone == [f for f in whole if f[0] == names[3]]
    # Another entry leaves the group since the index was written: the index is refreshed.
    other = sample / names[0]
    edit(other, "    kelompok: umum\n", "    kelompok: khusus\n")
    assert _quota(sample, [sample / names[3]]) == []
    assert _quota(sample) == []
