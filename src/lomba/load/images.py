"""What an image file really is, from its header: a photo or logo is embedded only if it is a
PNG, JPEG or GIF of sane dimensions, whatever its name says. The check and the writers ask the
same question here, so a file the check accepts never breaks a build."""

from __future__ import annotations

import struct

MAX_SIDE = 20_000
"""Pixels per side; a phone photo is about 4,000."""
MAX_PIXELS = 100_000_000


def pixel_size(data: bytes) -> tuple[int, int, str] | None:
    """Width, height and extension of a PNG, GIF or JPEG from its header; None otherwise."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height, "png"
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height, "gif"
    if data[:2] == b"\xff\xd8":
        pos = 2
        while pos + 9 <= len(data) and data[pos] == 0xFF:
            marker = data[pos + 1]
            if marker in (0xD8, 0x01, 0xFF) or 0xD0 <= marker <= 0xD7:  # no length
                pos += 1 if marker == 0xFF else 2
                continue
            length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
                height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
                return width, height, "jpg"
            if length < 2:
                return None
            pos += 2 + length
    return None


def image_problem(data: bytes) -> str | None:
    """Why these bytes cannot be embedded as a picture (a short reason), or None."""
    if not data:
        return "kosong"
    size = pixel_size(data)
    if size is None:
        return "bukan gambar PNG, JPEG atau GIF"
    width, height, _ = size
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE) or width * height > MAX_PIXELS:
        return f"ukuran {width}×{height} piksel tidak wajar"
    return None
