"""Table-driven attacks on a copy of the sample workspace: each names what a hostile or careless
file does, and what lomba must answer (exit code and the diagnostic or message code), with no
traceback and nothing written outside ``build/``."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lomba.load.reference import builtin_reference
from tests.conftest import run

ENTRY = "entries/dinkes/si-bunda.yaml"
PHOTO = "entries/dinkes/foto/bidan-mendaftar.png"


def _edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def _write(relative: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return apply


def _fifo(relative: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / relative).unlink()
        os.mkfifo(root / relative)
    return apply


def _link(relative: str, target: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / relative).unlink()
        (root / relative).symlink_to(target)
    return apply


def _png(width: int, height: int) -> bytes:
    return (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", width, height)
            + b"\x08\x02\x00\x00\x00" + b"\x00" * 16)


def _nothing(root: Path) -> None:
    """No change: the attack is in the command line."""


def _rename(old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / old).rename(root / new)
    return apply


# (id, setup, command, exit code, text the output must contain)
CASES: list[tuple[str, Callable[[Path], None], list[str], int, str]] = [
    ("opd-parent", _edit(ENTRY, "opd: dinkes", "opd: ../../x"), ["check", ENTRY], 1,
     "code-invalid"),
    ("opd-absolute", _edit(ENTRY, "opd: dinkes", "opd: /tmp/x"), ["check", ENTRY], 1,
     "code-invalid"),
    ("opd-backslash", _edit(ENTRY, "opd: dinkes", "opd: '..\\\\x'"), ["check", ENTRY], 1,
     "code-invalid"),
    ("slug-unsafe", _rename(ENTRY, "entries/dinkes/SI Bunda#1.yaml"), ["check", "entries/dinkes"],
     1, "entry-name-unsafe"),
    ("int-4301-digits", _edit(ENTRY, "sdgs: [3, 5]", "sdgs: [3, " + "9" * 4301 + "]"),
     ["check"], 1, "sdgs[1]"),
    ("nesting-700", _write("entries/dinkes/dalam.yaml", "nama: " + "[" * 700 + "]" * 700),
     ["check"], 1, "yaml-too-deep"),
    ("list-100k", _write("entries/dinkes/daftar.yaml",
                         "nama: x\nsdgs: [" + ",".join(["1"] * 100_001) + "]"),
     ["check"], 1, "yaml-too-many-values"),
    # Files that are not what they claim.
    # Usage errors are usage errors (exit 2, with the valid choices).
    ("build-unknown-competition", _nothing, ["build", "--kompetisi", "sinovk"], 2,
     "Maksud Anda `sinovik`? Pilihan:"),
    ("build-unknown-opd", _nothing, ["build", "--opd", "nope"], 2, "--opd `nope`"),
    ("build-unknown-entry", _nothing, ["build", "entries/nope.yaml"], 2, "Pilihan:"),
    ("status-unknown-opd", _nothing, ["status", "--opd", "dinkez"], 2, "Maksud Anda `dinkes`?"),
    ("status-unknown-competition", _nothing, ["status", "-k", "x"], 2, "Pilihan:"),
    ("skor-negative", _nothing, ["skor", "--saran", "-5"], 2, "1<=x<=1000"),
    ("check-not-an-entry", _write("README.md", "# hi\n"), ["check", "README.md"], 1,
     "path-not-entry"),
    ("photo-garbage", _write(PHOTO, os.urandom(4096)), ["check"], 1, "image-invalid"),
    ("photo-empty", _write(PHOTO, b""), ["check"], 1, "image-invalid"),
    ("photo-text", _write(PHOTO, "ini bukan gambar\n"), ["check"], 1, "image-invalid"),
    ("photo-html", _write(PHOTO, "<html><script>x</script></html>"), ["check"], 1,
     "image-invalid"),
    ("photo-bmp", _write(PHOTO, b"BM" + b"\x00" * 60), ["check"], 1, "image-invalid"),
    ("photo-huge-dimensions", _write(PHOTO, _png(100_000, 100_000)), ["check"], 1,
     "image-invalid"),
    ("photo-zero-dimensions", _write(PHOTO, _png(0, 10)), ["check"], 1, "image-invalid"),
    ("photo-truncated-png", _write(PHOTO, b"\x89PNG\r\n\x1a\n"), ["check"], 1,
     "image-invalid"),
    ("logo-garbage", _write("templates/logo.png", b"GIF89"), ["check"], 1, "image-invalid"),
    ("logo-garbage-surat", _write("templates/logo.png", b"\x00" * 10), ["surat", "teguran"], 1,
     "image-invalid"),
    ("logo-garbage-build", _write("templates/logo.png", b"\x00" * 10), ["build"], 1,
     "image-invalid"),
    ("photo-garbage-build", _write(PHOTO, os.urandom(4096)), ["build"], 0,
     "dilewati: entries/dinkes/si-bunda.yaml (sinovik/2019): `foto/bidan-mendaftar.png` tidak "
     "dapat dipasang"),
]
if sys.platform != "win32":
    CASES += [
        ("photo-fifo", _fifo(PHOTO), ["check"], 1, "evidence-not-file"),
        ("photo-fifo-build", _fifo(PHOTO), ["build", "--force"], 0,
         "`foto/bidan-mendaftar.png` bukan berkas biasa"),
        ("photo-dev-zero", _link(PHOTO, "/dev/zero"), ["check"], 1, "evidence-outside"),
        ("photo-dev-zero-build", _link(PHOTO, "/dev/zero"), ["build", "--force"], 0,
         "DRAF: entries/dinkes/si-bunda.yaml (sinovik/2019): jalur berkas"),
    ]


@pytest.mark.parametrize(("setup", "command", "code", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_attack_is_handled(sample: Path, setup: Callable[[Path], None], command: list[str],
                           code: int, expected: str) -> None:
    setup(sample)
    before = set(sample.parent.iterdir())
    result = run(*command, cwd=sample)
    assert result.exit_code == code, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert set(sample.parent.iterdir()) == before  # nothing written beside the workspace


def test_forced_build_with_a_parent_opd_writes_nothing_outside(sample: Path) -> None:
    _edit(ENTRY, "opd: dinkes", "opd: ../../x")(sample)
    before = set(sample.parent.iterdir())
    result = run("build", "--force", cwd=sample)
    assert "Traceback" not in result.output
    assert set(sample.parent.iterdir()) == before
    assert not list((sample / "build").rglob("x"))


def _reference_variant(change: Callable[[dict[str, bytes]], None]) -> bytes:
    with zipfile.ZipFile(builtin_reference()) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _set_part(name: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    return lambda parts: parts.__setitem__(name, data)


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;">'
          b'<!ENTITY c "&b;&b;&b;&b;&b;">]><w:styles xmlns:w="http://schemas.openxmlformats.org/'
          b'wordprocessingml/2006/main">&c;</w:styles>')

REFERENCES = [
    ("broken-xml", _reference_variant(_set_part("word/document.xml", b"<w:document><w:body>"))),
    ("no-section", _reference_variant(_set_part(
        "word/document.xml", b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body/></w:document>'))),
    ("entities", _reference_variant(_set_part("word/styles.xml", LAUGHS))),
    ("zip-bomb", _reference_variant(_set_part("word/media/bom.bin", b"\0" * (60 * 1024 * 1024)))),
    ("not-utf8", _reference_variant(_set_part("word/styles.xml", b"\xff\xfe<\x00"))),
]


@pytest.mark.parametrize("data", [r[1] for r in REFERENCES], ids=[r[0] for r in REFERENCES])
def test_a_malformed_reference_is_found_by_check_and_refused_by_build(sample: Path,
                                                                      data: bytes) -> None:
    (sample / "templates" / "referensi.docx").write_bytes(data)
    checked = run("check", cwd=sample)
    assert checked.exit_code == 1 and "templates/referensi.docx:1:1:" in checked.output
    built = run("build", cwd=sample)
    assert built.exit_code == 1 and "Traceback" not in built.output
    assert not list((sample / "build").rglob("*.docx"))


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFO on Windows")
@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_reference_that_is_not_a_file_is_refused_without_reading(sample: Path,
                                                                   kind: str) -> None:
    path = sample / "templates" / "referensi.docx"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    checked = run("check", cwd=sample)
    assert checked.exit_code == 1 and "[reference-invalid]" in checked.output
    assert run("build", cwd=sample).exit_code == 1


@pytest.mark.parametrize("command", [["status"], ["check"], ["build"], ["jadwal"], ["rekap"],
                                     ["surat", "teguran", "dishub"], ["skor"]])
def test_an_output_encoding_without_unicode_never_crashes(sample: Path, command: list[str]
                                                          ) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run([sys.executable, "-m", "lomba", "-C", str(sample), *command],
                            capture_output=True, env=env, timeout=300, check=False)
    assert result.returncode in (0, 1), result.stderr.decode("ascii", "replace")
    assert b"Traceback" not in result.stderr and result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_spec_linked_from_outside_is_never_read(sample: Path, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.yaml"
    secret.write_text("nama: RAHASIA\nkunci: sinovik\nedisi: 2019\n", encoding="utf-8")
    folder = sample / "templates" / "sinovik" / "2019"
    folder.mkdir(parents=True)
    (folder / "spec.yaml").symlink_to(secret)
    checked = run("check", cwd=sample)
    assert checked.exit_code == 1
    assert "templates/sinovik/2019/spec.yaml:1:1:" in checked.output
    assert "[input-outside]" in checked.output and "RAHASIA" not in checked.output
