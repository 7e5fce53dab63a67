"""Image sizes are read from the file headers as python-docx reads them; anything but a real
PNG, JPEG or GIF of sane size is refused (see also tests/test_attacks.py)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from docx.image.image import Image as DocxImage

from lomba.load.images import image_problem
from lomba.load.images import pixel_size as _pixel_size
from tests.conftest import REPO


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg(width: int, height: int, frame: int = 0xC0) -> bytes:
    jfif = b"JFIF\x00\x01\x01\x01\x00\x48\x00\x48\x00\x00"
    table = bytes([0]) + bytes(64)
    components = b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    sof = bytes([8]) + struct.pack(">HH", height, width) + components
    return (b"\xff\xd8" + segment(0xE0, jfif) + segment(0xDB, table) + segment(frame, sof)
            + b"\xff\xd9")


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b"\x3b"


SAMPLES = [("png", p.read_bytes()) for p in sorted(REPO.glob("entries/*/foto/*.png"))] + [
    ("jpg", jpeg(1024, 768)), ("jpg", jpeg(33, 4001, frame=0xC2)), ("gif", gif(320, 200))]


@pytest.mark.parametrize(("ext", "data"), SAMPLES)
def test_header_sizes_match_python_docx(ext: str, data: bytes) -> None:
    theirs = DocxImage.from_blob(data)
    assert _pixel_size(data) == (theirs.px_width, theirs.px_height, theirs.ext) \
        and theirs.ext == ext


def test_other_formats_are_refused(tmp_path: Path) -> None:
    bmp = (b"BM" + struct.pack("<IHHI", 58, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 2, 3, 1,
                                                                       24, 0, 4, 2835, 2835, 0, 0)
           + b"\x00" * 4)
    assert _pixel_size(bmp) is None
    assert image_problem(bmp) == "bukan gambar PNG, JPEG atau GIF"


@pytest.mark.parametrize("data", [gif(0, 10), gif(65535, 65535), jpeg(30000, 10)])
def test_absurd_dimensions_are_refused(data: bytes) -> None:
    assert "tidak wajar" in (image_problem(data) or "")


@pytest.mark.parametrize("data", [b"", b"\xff\xd8", b"\xff\xd8\xff\xe0\x00", b"not an image"])
def test_truncated_or_unknown_headers_are_not_guessed(data: bytes) -> None:
    assert _pixel_size(data) is None
