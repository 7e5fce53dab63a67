"""Compiled templates kept in ``build/.cache/`` (``lomba/load/templatecode.py``): taken only for
the same source, environment and lomba; a damaged file is compiled again; nothing written
outside the workspace's own ``build/``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import jinja2
import pytest

from lomba.build import run_build
from lomba.load.cache import kept_in
from lomba.load.templatecode import TemplateCode


def fresh_env() -> jinja2.Environment:
    return jinja2.Environment(undefined=jinja2.StrictUndefined)


def kept(root: Path) -> list[Path]:
    return sorted((root / "build" / ".cache").glob("templat-*.bin"))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "build" / ".cache").mkdir(parents=True)
    return tmp_path


def no_compiling(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled again")
    monkeypatch.setattr(env, "compile", refuse)


def test_a_second_process_takes_the_kept_code(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = TemplateCode("uji")
    with kept_in(root):
        assert code.compiled(fresh_env(), "Halo {{ x }}", "sapa").render(x=1) == "Halo 1"
    assert len(kept(root)) == 1
    later = fresh_env()  # as a new process has: nothing compiled in memory
    no_compiling(later, monkeypatch)
    with kept_in(root):
        assert code.compiled(later, "Halo {{ x }}", "sapa").render(x=2) == "Halo 2"


def test_changed_source_is_compiled_again(root: Path) -> None:
    code = TemplateCode("uji")
    with kept_in(root):
        code.compiled(fresh_env(), "Halo {{ x }}", "sapa")
        assert code.compiled(fresh_env(), "Hai {{ x }}!", "sapa").render(x=3) == "Hai 3!"
        assert code.compiled(fresh_env(), "Hai {{ x }}!", "sapa").render(x=4) == "Hai 4!"


def test_another_environment_or_lomba_never_shares_code(root: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with kept_in(root):
        TemplateCode("satu").compiled(fresh_env(), "{{ x }}", "t")
        TemplateCode("dua").compiled(fresh_env(), "{{ x }}", "t")
    assert len(kept(root)) == 2
    import lomba.load.templatecode as templatecode
    monkeypatch.setattr(templatecode, "code_digest", lambda: "lomba-lain")
    with kept_in(root):
        TemplateCode("satu").compiled(fresh_env(), "{{ x }}", "t")
    assert len(kept(root)) == 3


@pytest.mark.parametrize("damage", [b"", b"sampah", b"j2\x80\x02K\x05", None])
def test_a_damaged_file_is_compiled_again(root: Path, damage: bytes | None) -> None:
    code = TemplateCode("uji")
    with kept_in(root):
        code.compiled(fresh_env(), "Halo {{ x }}", "sapa")
    [path] = kept(root)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage is None else damage)
    with kept_in(root):
        assert code.compiled(fresh_env(), "Halo {{ x }}", "sapa").render(x=5) == "Halo 5"
    assert path.read_bytes() == data  # and written whole again


def test_nothing_is_kept_outside_a_workspace_or_through_a_link(root: Path,
                                                               tmp_path_factory:
                                                               pytest.TempPathFactory) -> None:
    code = TemplateCode("uji")
    assert code.compiled(fresh_env(), "{{ x }}", "t").render(x=6) == "6"  # no workspace
    assert kept(root) == []
    if sys.platform == "win32":
        return  # links need privileges there
    elsewhere = tmp_path_factory.mktemp("lain")
    shutil.rmtree(root / "build" / ".cache")
    (root / "build" / ".cache").symlink_to(elsewhere, target_is_directory=True)
    with kept_in(root):
        assert code.compiled(fresh_env(), "{{ x }}", "t").render(x=7) == "7"
    assert list(elsewhere.iterdir()) == []


def test_a_build_from_kept_code_makes_the_same_files(sample: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(sample, twin)
    import lomba.desk.dashboard
    import lomba.validate.templating
    import lomba.write.html_writer
    modules = (lomba.desk.dashboard, lomba.write.html_writer, lomba.validate.templating)
    for module in modules:  # what this process compiled before: forgotten, as in a new one
        monkeypatch.setattr(module._ENV, "cache", None)
    run_build(sample)
    assert kept(sample)  # the dashboard's, the preview's and the sections'
    shutil.copytree(sample / "build" / ".cache", twin / "build" / ".cache")
    # Every template the twin's build needs comes from the kept code, none compiled.
    for module in modules:
        monkeypatch.setattr(module._ENV, "compile", lambda *a, **k: pytest.fail("compiled"))
    sections = lomba.validate.templating._CODE
    taken: list[str] = []
    monkeypatch.setattr(sections, "compiled", lambda env, source, name: taken.append(name)
                        or TemplateCode.compiled(sections, env, source, name))
    run_build(twin)
    assert taken  # the competitions' section templates came from the kept code too

    def files(root: Path) -> dict[str, bytes]:
        top = root / "build"
        return {p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*")
                if p.is_file() and ".cache" not in p.parts and p.name != ".lomba-build.json"
                and p.name != ".lomba.lock"}
    assert files(twin) == files(sample)
