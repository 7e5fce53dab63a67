"""Safety of file references: relative, inside the workspace, present; and the one way a
document reads the files it embeds."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath

from lomba.load.images import image_problem


@lru_cache(maxsize=4096)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def path_problem(reference: str, base: Path, root: Path) -> str | None:
    """The diagnostic code for a file reference written in YAML, or None when it is fine.

    References are relative to ``base`` (the entry's folder), may not climb with ``..``, and may
    not leave ``root`` through a symlink. A Windows user's ``bukti\\sk.pdf`` means
    ``bukti/sk.pdf`` on every platform.
    """
    return _confined(reference, base, root)[0]


def _confined(reference: str, base: Path,
              root: Path) -> tuple[str | None, str, os.stat_result | None]:
    """:func:`path_problem`'s code, the real path it walked to, and that file's stat when the
    reference is fine: a reader then neither resolves the path nor stats the file again."""
    reference = reference.replace("\\", "/")
    posix, windows = PurePosixPath(reference), PureWindowsPath(reference)
    if posix.is_absolute() or windows.is_absolute() or reference.startswith("~"):
        return "evidence-absolute", reference, None
    if ".." in posix.parts or ".." in windows.parts:
        return "evidence-parent", reference, None
    real_root = _real(str(root))
    current = _real(str(base))
    # Walk the reference one component at a time; only a symlink needs a full resolve.
    for part in posix.parts:
        candidate = os.path.join(current, part)
        try:
            mode = os.lstat(candidate).st_mode
        except OSError:
            return "evidence-missing", candidate, None
        current = os.path.realpath(candidate) if stat.S_ISLNK(mode) else candidate
    if os.path.commonpath([real_root, current]) != real_root:
        return "evidence-outside", current, None
    try:
        st = os.stat(current)
    except OSError:
        return "evidence-missing", current, None
    return (None, current, st) if stat.S_ISREG(st.st_mode) else ("evidence-not-file", current, None)


def file_name(reference: str) -> str:
    """The last part of a reference, whichever slash the user wrote."""
    return PurePosixPath(reference.replace("\\", "/")).name


@dataclass(frozen=True)
class Blob:
    """The bytes of one file a document embeds (a photo, the logo), read once and hashed."""

    name: str
    data: bytes
    digest: str

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.name)[1].lower()


def read_confined(reference: str, base: Path, root: Path, *, image: bool = False) -> Blob | None:
    """The file ``reference`` names (relative to ``base``), if :func:`path_problem` accepts it
    (and, for an ``image``, :func:`lomba.load.images.image_problem` too): the same rules that
    the check applies, so a file the check refuses is never embedded, with or without
    ``--force``. Content-hashed; None when refused or gone."""
    problem, path, st = _confined(reference, base, root)
    if problem is not None or st is None:
        return None
    try:
        blob = _read_blob(path, st.st_size, st.st_mtime_ns, os.path.basename(reference))
    except OSError:
        return None
    if blob is not None and image and image_problem(blob.data) is not None:
        return None
    return blob


def image_file_problem(reference: str, base: Path) -> str | None:
    """Why the (confined, regular) file ``reference`` cannot be embedded as a picture: too
    large, or not an image by its header. Reads only the header."""
    path = os.path.join(base, reference.replace("\\", "/"))
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return None  # path_problem reports it
        if st.st_size > MAX_EMBED_BYTES:
            return f"lebih dari {MAX_EMBED_BYTES // (1024 * 1024)} MB"
        with open(path, "rb") as fh:
            # As much as is there: a read first makes a buffer of the size it names, a
            # quarter of a megabyte for a photo of a few kilobytes.
            head = fh.read(min(st.st_size + 1, HEAD_BYTES))
    except OSError:
        return None
    return image_problem(head)


@lru_cache(maxsize=64)
def _read_blob(path: str, size: int, mtime_ns: int, name: str) -> Blob | None:
    """A file's bytes, read once while it is unchanged. Bounded: the logo and the last photos
    stay, so a national build with a photo per entry does not hold every photo at once."""
    with open(path, "rb") as fh:
        data = fh.read(min(size, MAX_EMBED_BYTES) + 1)  # (a file grown since: the rest too)
        if len(data) > size:
            data += fh.read(MAX_EMBED_BYTES + 1 - len(data))
    if len(data) > MAX_EMBED_BYTES:
        return None
    return Blob(name, data, hashlib.sha1(data).hexdigest())


HEAD_BYTES = 256 * 1024
"""How much of a picture is read to tell whether it is one (its header and size)."""

MAX_EMBED_BYTES = 50 * 1024 * 1024
"""A photo or logo larger than this is not embedded (a document is uploaded to a portal)."""
