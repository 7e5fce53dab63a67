"""The command's door (``lomba/__main__.py``) ends the process at once after a command: what the
command printed still arrives whole, its exit code is kept, and what it wrote is complete."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lomba.__main__ import _exit_code
from lomba.messages import render_message


def lomba(*args: str, script: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m lomba`` or, with ``script``, the console script's own call."""
    head = [sys.executable, "-c", "from lomba.__main__ import run; run()"] if script \
        else [sys.executable, "-m", "lomba"]
    return subprocess.run([*head, *args], capture_output=True, text=True, encoding="utf-8",
                          check=False)


@pytest.mark.parametrize("script", [False, True])
def test_a_long_output_to_a_pipe_arrives_whole(sample: Path, script: bool) -> None:
    result = lomba("-C", str(sample), "status", "--json", script=script)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)  # cut short, it would not parse
    assert len(result.stdout) > 8192 and document["entries"]


def test_exit_codes_are_kept(sample: Path) -> None:
    checked = lomba("-C", str(sample), "check")
    assert checked.returncode == 1 and "galat" in checked.stdout
    assert lomba("-C", str(sample), "tidak-ada").returncode == 2
    assert lomba("--version", script=True).stdout.startswith("lomba")


def test_what_a_build_wrote_is_complete_when_the_process_ends(sample: Path) -> None:
    first = lomba("-C", str(sample), "build")
    assert first.returncode == 0, first.stderr
    status = json.loads((sample / "build" / "status.json").read_text(encoding="utf-8"))
    assert status["entries"]
    # The build's record was saved whole: the next build finds nothing to do.
    again = lomba("-C", str(sample), "build")
    assert again.returncode == 0 and again.stdout.strip() and "Traceback" not in again.stderr
    assert render_message("cli-build-noop", {}, "id") in again.stdout


@pytest.mark.parametrize(("code", "expected"), [(None, 0), (0, 0), (2, 2), ("pesan", 1)])
def test_exit_code_as_python_gives_it(code: object, expected: int,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit_code(code) == expected
    assert capsys.readouterr().err == ("pesan\n" if code == "pesan" else "")


def test_a_rebuild_imports_neither_commonmark_nor_the_xml_parser(sample: Path) -> None:
    """A build with nothing to do, and a check of one file, start without markdown-it (taken
    when a text first needs the full CommonMark parse) or lxml (when a reference document is
    read): each is a fiftieth of a start."""
    assert lomba("-C", str(sample), "build").returncode == 0
    entry = next((sample / "entries").rglob("*.yaml"))
    code = ("import sys\nfrom pathlib import Path\nfrom lomba.build import run_build\n"
            "from lomba.check.workspace import load_workspace\n"
            f"root = Path({str(sample)!r})\nrun_build(root)\n"
            f"load_workspace(root, [Path({str(entry)!r})])\n"
            "print(sorted({'markdown_it', 'lxml'} & {m.split('.')[0] for m in sys.modules}))")
    assert python_says(code).strip() == "[]"


def python_says(code: str) -> str:
    """What ``code`` prints, run in a new Python process (so that nothing is imported yet)."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_check_of_one_file_builds_no_validator_it_does_not_use(sample: Path) -> None:
    """Models build their validators when first used (``defer_build``): a check of one entry
    validates the entry, ``lomba.yaml`` and the competitions, never a region's profile. A
    validator built on first use is the whole one: it still refuses an unknown field."""
    assert lomba("-C", str(sample), "check").returncode == 1  # the sample's index and caches
    entry = next((sample / "entries").rglob("*.yaml"))
    code = ("from pathlib import Path\nfrom pydantic import ValidationError\n"
            "from lomba.check.workspace import load_workspace\n"
            "from lomba.model.innovation import Inovasi\n"
            "from lomba.model.region import ProfilInovasiDaerah as P\n"
            f"load_workspace(Path({str(sample)!r}), [Path({str(entry)!r})])\n"
            "print(Inovasi.__pydantic_complete__, P.__pydantic_complete__)\n"
            "p = P.model_validate({'program': [{'nama': 'SOSI', 'tahun': '2016-2019'}]})\n"
            "print(P.__pydantic_complete__, p.program[0].nama)\n"
            "try:\n    P.model_validate({'strateg': 'x'})\nexcept ValidationError as e:\n"
            "    print(e.errors()[0]['type'])")
    assert python_says(code).split() == ["True", "False", "True", "SOSI", "extra_forbidden"]


def test_starting_builds_no_validator() -> None:
    """Loading the command line builds no model's validator (each is built when first used):
    the light entries' shared empty narrative is made without validating, since building its
    validator alone took a fifth of a start."""
    code = ("import lomba.cli, lomba.build\nfrom lomba.model.common import Strict\n"
            "def every(cls):\n    for sub in cls.__subclasses__():\n"
            "        yield sub\n        yield from every(sub)\n"
            "models = list(every(Strict))\n"
            "print(len(models), sorted(m.__name__ for m in models if m.__pydantic_complete__))")
    count, built = python_says(code).split(" ", 1)
    assert int(count) > 40 and built.strip() == "[]"


def test_no_list_field_defaults_to_the_built_in_list() -> None:
    """Building a validator, pydantic reads each default factory's signature; the built-in
    ``list``'s is parsed from text, a dozen times slower than a function's. Every list field
    defaults through :func:`lomba.model.common.empty_list`, which gives a new empty list."""
    import lomba.cli  # noqa: F401  (every model module)
    from lomba.model.common import Strict, empty_list
    from lomba.model.innovation import Inovasi

    def every(cls: type) -> list[type]:
        return [m for sub in cls.__subclasses__() for m in (sub, *every(sub))]

    factories = [(m.__name__, name, f.default_factory) for m in every(Strict)
                 for name, f in m.model_fields.items() if f.default_factory is not None]
    assert [f for f in factories if f[2] is list] == []
    assert sum(f[2] is empty_list for f in factories) > 40
    one, other = Inovasi.model_construct(), Inovasi.model_construct()
    assert one.opd_mitra == [] and one.opd_mitra is not other.opd_mitra
