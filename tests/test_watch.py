"""`lomba watch` reacts to a saved file: the document is rebuilt and the file's findings are
printed, within seconds, and Ctrl+C ends it cleanly."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import docx
import pytest

from tests.conftest import edit


def _reader(proc: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue[str], needle: str, seconds: float) -> list[str]:
    seen: list[str] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"{needle!r} not seen in {seen}")


@pytest.mark.skipif(sys.platform == "win32", reason="the test ends watch with SIGINT")
def test_watch_rebuilds_the_saved_entry_and_prints_its_findings(sample: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "LOMBA_LANG": "id"}
    # A run started in the background by a shell ignores Ctrl-C, and so would the watcher it
    # starts (an ignored signal stays ignored across exec): it gets Ctrl-C as a person's would.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "lomba", "-C", str(sample), "watch"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                env=env)
    finally:
        signal.signal(signal.SIGINT, before)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(proc, lines), daemon=True).start()
    try:
        _wait_for(lines, "Mengawasi", 120)
        document = sample / "build" / "sinovik-2019" / "dinkes" / "si-bunda.docx"
        assert document.is_file()
        entry = sample / "entries" / "dinkes" / "si-bunda.yaml"
        text = entry.read_text(encoding="utf-8")
        entry.write_text(text.replace("Angka kematian ibu", "Angka kematian ibu hamil", 1)
                         .replace("akronim: SI BUNDA", "akronim: SI BUNDA\nwarna: merah", 1),
                         encoding="utf-8")
        saved = time.monotonic()
        seen = _wait_for(lines, "berkas diperbarui", 30)
        took = time.monotonic() - saved
        assert [line for line in seen if "berubah:" in line] == [
            "berubah: entries/dinkes/si-bunda.yaml"]  # said once, for both rounds
        assert len([line for line in seen if "[unknown-field] warna" in line]) == 1, \
            "its findings, printed once"
        # The unknown field makes the entry not ready: no document of its own to announce.
        assert not [line for line in seen if "berkas dokumen diperbarui" in line]
        assert took < 30
        # Its earlier document is kept, so fix it.
        entry.write_text(text.replace("Angka kematian ibu", "Angka kematian ibu hamil", 1),
                         encoding="utf-8")
        seen = _wait_for(lines, "berkas diperbarui", 30)
        # The entry's own documents first (built alone), then the whole build with the desk.
        documents = next(i for i, line in enumerate(seen) if "berkas dokumen diperbarui" in line)
        assert "si-bunda" in seen[documents]
        assert "dasbor dan rekap menyusul" in seen[documents]
        assert documents < len(seen) - 1
        body = "\n".join(p.text for p in docx.Document(str(document)).paragraphs)
        assert "Angka kematian ibu hamil" in body
        # The region's profile is watched too: its document follows a save.
        profile = sample / "daerah" / "profil-inovasi.yaml"
        edit(profile, "Dewan Riset Daerah dibentuk", "Dewan Riset Daerah yang baru dibentuk")
        seen = _wait_for(lines, "berkas diperbarui", 30)
        assert any("daerah/profil-inovasi.yaml" in line for line in seen)
        region = sample / "build" / "budhipraja-2019" / "kabupaten-tanjung-lematang.docx"
        body = "\n".join(p.text for p in docx.Document(str(region)).paragraphs)
        assert "Dewan Riset Daerah yang baru dibentuk" in body
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0


def test_the_preview_lists_the_entrys_own_findings_at_the_top(sample: Path) -> None:
    from tests.conftest import run
    entry = sample / "entries" / "rsud" / "andalan.yaml"
    assert run("build", cwd=sample).exit_code == 0
    page = (sample / "build" / "sinovik-2019" / "rsud" / "andalan.html").read_text("utf-8")
    top = page[:page.index("Isian formulir")]
    assert 'id="masalah"' in top and "baris " in top
    assert "iga/2026" in top, "findings of the entry, not only this competition's"
    assert entry.is_file()
