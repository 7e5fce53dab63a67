"""`lomba promote`: an idea from the idea bank becomes an innovation at the initiative stage.

The entry file is edited as text, not re-dumped, so the innovator's comments, order and wording
stay exactly as they were: only the ``tahapan`` value changes and the narrative fields the new
stage needs are added, marked TODO so that `lomba check` points at them.
"""

from __future__ import annotations

import json
from pathlib import Path

from lomba.diagnostics import relative_name
from lomba.fileio import atomic_write_text
from lomba.load.yamlio import YamlLoadError, load_yaml_file, parse_yaml
from lomba.model.innovation import Inovasi
from lomba.validate.validation import validate

NEW_STAGE = "inisiatif"
NEEDED = {
    "tujuan": "TODO tuliskan tujuan inovasi dengan target yang terukur.",
    "rancang_bangun": "TODO uraikan rancang bangun dan pokok perubahan (IGA: minimal 300 kata).",
    "manfaat": "TODO tuliskan manfaat bagi masyarakat, OPD, dan pemangku kepentingan.",
}


class PromoteError(Exception):
    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.texts = (id_text, en_text)

    def message(self, lang: str) -> str:
        return self.texts[1] if lang == "en" else self.texts[0]


def promote_entry(root: Path, path: Path) -> list[str]:
    """Promote the idea in ``path``; returns the narrative fields added."""
    display = relative_name(path, root)
    try:
        loaded = load_yaml_file(path, display)
    except YamlLoadError as exc:
        raise PromoteError(f"{display}: {exc.diagnostic.message('id')}",
                           f"{display}: {exc.diagnostic.message('en')}") from None
    model, _ = validate(loaded, Inovasi)
    if model is None or loaded.diagnostics:
        raise PromoteError(f"{display} belum sah; jalankan `lomba check` dan perbaiki dahulu.",
                           f"{display} is not valid; run `lomba check` and fix it first.")
    if model.tahapan != "ide":
        raise PromoteError(f"{display} sudah pada tahapan {model.tahapan}, bukan ide.",
                           f"{display} is already at stage {model.tahapan}, not an idea.")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line, column = loaded.values[("tahapan",)]
    text = lines[line - 1]
    start = column - 1
    for quoted in ('"ide"', "'ide'", "ide"):
        if text.startswith(quoted, start):
            lines[line - 1] = text[:start] + NEW_STAGE + text[start + len(quoted):]
            break
    else:  # pragma: no cover - the loader just read "ide" there
        raise PromoteError("nilai tahapan tidak ditemukan", "stage value not found")

    narasi = loaded.data.get("narasi")
    missing = [f for f in NEEDED if not getattr(model.narasi, f)]
    if missing:
        if narasi is None and ("narasi",) not in loaded.keys:
            lines.append("" if lines and lines[-1].endswith("\n") else "\n")
            lines.append("narasi:\n")
            insert_at, indent = len(lines), "  "
        elif isinstance(narasi, dict) or narasi is None:
            insert_at, indent = _block_end(loaded, lines, "narasi")
        else:
            raise PromoteError("`narasi` harus berupa blok `kolom: nilai`; ubah secara manual.",
                               "`narasi` must be a block mapping; edit it by hand.")
        new = []
        for name in missing:
            if isinstance(narasi, dict) and name in narasi:
                continue  # present but empty: leave the user's key where it is
            new.append(f"{indent}{name}: {json.dumps(NEEDED[name], ensure_ascii=False)}\n")
        lines[insert_at:insert_at] = new
        missing = [n for n in missing if not (isinstance(narasi, dict) and n in narasi)]
    result = "".join(lines)
    try:
        check, _ = validate(parse_yaml(result, display), Inovasi)
    except YamlLoadError:  # pragma: no cover - defensive: the edit is checked before writing
        check = None
    if check is None or check.tahapan != NEW_STAGE:  # pragma: no cover - defensive
        raise PromoteError("perubahan tidak menghasilkan berkas yang sah; tidak ada yang ditulis.",
                           "the edit would not give a valid file; nothing was written.")
    atomic_write_text(path, result)
    return missing


def _block_end(loaded, lines: list[str], key: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Where to append a child of the top-level block ``key``, and the children's indent."""
    key_line = loaded.keys[(key,)][0]
    children = [pos for path, pos in loaded.keys.items() if len(path) == 2 and path[0] == key]
    indent = " " * (children[0][1] - 1) if children else "  "
    following = sorted(pos[0] for path, pos in loaded.keys.items()
                       if len(path) == 1 and pos[0] > key_line)
    end = (following[0] - 1) if following else len(lines)
    # Step back over blank lines and comments that belong to the next block.
    def filler(line: str) -> bool:
        return not line.strip() or line.lstrip().startswith("#")

    while end > key_line and filler(lines[end - 1]):
        end -= 1
    if end == len(lines) and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return end, indent
