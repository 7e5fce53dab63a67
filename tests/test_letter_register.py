"""Official letter numbers: issued only by `lomba surat`, one run at a time, from a register
that is validated on every run so that no number is ever handed out twice."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import run

REGISTER = Path("surat") / "register.yaml"


def _issue(root: Path, *args: str) -> list[str]:
    result = run("surat", "teguran", *args, cwd=root)
    assert result.exit_code == 0, result.output
    return re.findall(r"nomor (\S+) untuk", result.output)


def _lines(root: Path) -> dict:
    return yaml.safe_load((root / REGISTER).read_text(encoding="utf-8"))


def _rewrite(root: Path, change: Callable[[dict], None]) -> None:
    data = _lines(root)
    change(data)
    (root / REGISTER).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


@pytest.fixture
def issued(sample: Path) -> Path:
    """The sample with an empty register and four letters issued by `lomba surat`."""
    (sample / REGISTER).unlink()
    assert len(_issue(sample, "dishub", "dinsos", "bpkad", "distan")) == 4
    return sample


def _drop(i: int) -> Callable[[dict], None]:
    return lambda d: d["surat"].pop(i)


def _set(i: int, key: str, value: object) -> Callable[[dict], None]:
    return lambda d: d["surat"][i].__setitem__(key, value)


def _duplicate_last(d: dict) -> None:
    d["surat"].append(dict(d["surat"][-1]))


def _merged(d: dict) -> None:
    """Two branches each issued the next number to a different letter; git kept both lines."""
    clash = dict(d["surat"][-1])
    clash["opd"], clash["sidik"] = "dpmptsp", "0" * 16
    d["surat"].append(clash)


def _forget_highwater(d: dict) -> None:
    d["surat"].pop()
    d.pop("terakhir")


TAMPERING = [
    ("line-deleted-in-the-middle", _drop(1), "register-altered"),
    ("last-line-deleted", _drop(-1), "register-gap"),
    ("re-dated", _set(2, "tanggal", "2018-04-01"), "register-altered"),
    ("number-edited", _set(0, "nomor", "800/099/Bappeda-Litbang/IV/2019"), "register-altered"),
    ("serial-edited", _set(3, "urut", 2), "register-duplicate"),
    ("line-duplicated", _duplicate_last, "register-duplicate"),
    ("merge-clash", _merged, "register-duplicate"),
    ("highwater-and-line-removed", _forget_highwater, "register-rollback"),
    ("register-deleted", lambda d: d.clear(), "register-rollback"),
]


@pytest.mark.parametrize(("change", "code"), [t[1:] for t in TAMPERING],
                         ids=[t[0] for t in TAMPERING])
def test_a_tampered_register_stops_numbering_and_check_says_where(
        issued: Path, change: Callable[[dict], None], code: str) -> None:
    _rewrite(issued, change)
    before = sorted(p.name for p in (issued / "build" / "surat" / "teguran").iterdir())
    result = run("surat", "teguran", cwd=issued)
    assert result.exit_code == 1, result.output
    assert f"[{code}]" in result.output and "surat/register.yaml:" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (issued / "build" / "surat" / "teguran").iterdir()) == before
    checked = run("check", cwd=issued)
    assert checked.exit_code == 1 and f"[{code}]" in checked.output


def test_numbers_continue_after_the_highest_ever_issued(issued: Path) -> None:
    numbers = _issue(issued, "dpmptsp")
    assert numbers == ["800/005/Bappeda-Litbang/IV/2019"]
    data = _lines(issued)
    assert data["terakhir"] == {2019: 5}
    assert len({line["rantai"] for line in data["surat"]}) == 5


def test_an_old_register_without_chains_stays_valid_and_is_sealed(sample: Path) -> None:
    old = _lines(sample)
    assert "terakhir" not in old and all("rantai" not in x for x in old["surat"])
    assert run("check", str(REGISTER.parent), cwd=sample).exit_code in (0, 1)
    numbers = _issue(sample, "dpmptsp")
    highest = max(x["urut"] for x in old["surat"])
    assert numbers == [f"800/{highest + 1:03d}/Bappeda-Litbang/IV/2019"]
    assert all("rantai" in x for x in _lines(sample)["surat"])


def test_concurrent_runs_never_share_a_number(sample: Path) -> None:
    (sample / REGISTER).unlink()
    opds = ["dishub", "dinsos", "bpkad", "distan", "dpmptsp", "bag-organisasi", "pdam",
            "kec-talang-jaya"]
    procs = [subprocess.Popen([sys.executable, "-m", "lomba", "-C", str(sample), "surat",
                               "teguran", opd], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True) for opd in opds]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    issued = [re.findall(r"nomor (\S+) untuk", out) for out in outputs]
    numbers = [n for found in issued for n in found]
    assert len(numbers) == len(set(numbers)), outputs
    serials = [x["urut"] for x in _lines(sample)["surat"]]
    assert sorted(serials) == list(range(1, len(serials) + 1))
    checked = run("check", cwd=sample).output
    assert checked.count("register-") == 0, [line for line in checked.splitlines()
                                             if "register-" in line]


PATTERNS = [
    ("no-serial", "800/Bappeda/{tahun}"),
    ("unknown-field", "800/{nomor}/{kode}"),
    ("unclosed", "800/{nomor/{tahun}"),
    ("huge-width", "800/{nomor:0999999999d}"),
    ("bad-spec", "800/{bulan:03d}/{nomor}"),
    ("attribute", "800/{nomor.__class__}"),
    ("positional", "800/{}/{nomor}"),
]


@pytest.mark.parametrize("pattern", [p[1] for p in PATTERNS], ids=[p[0] for p in PATTERNS])
def test_a_number_pattern_that_cannot_number_letters_is_found_by_check(
        sample: Path, pattern: str) -> None:
    config = sample / "lomba.yaml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"pola_nomor: .*", "pola_nomor: " + yaml.safe_dump(pattern).splitlines()[0],
                  text)
    config.write_text(text, encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "pola_nomor" in x)
    checked = run("check", cwd=sample)
    assert f"lomba.yaml:{line}:" in checked.output and "[letter-pattern-invalid]" in checked.output
    register = (sample / REGISTER).read_bytes()
    result = run("surat", "teguran", cwd=sample)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (sample / REGISTER).read_bytes() == register
    assert not (sample / "build" / "surat" / "teguran").exists()


def test_git_remembers_numbers_another_machine_issued(issued: Path) -> None:
    """A fresh clone has no local record; the committed register still says what was issued."""
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=issued, check=True, capture_output=True)
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "register")
    (issued / "build" / ".cache" / "register-terakhir.json").unlink()
    _rewrite(issued, _forget_highwater)
    result = run("surat", "teguran", cwd=issued)
    assert result.exit_code == 1 and "[register-rollback]" in result.output
    assert "git HEAD" in result.output


def test_a_register_line_whose_digest_looks_like_a_number_stays_valid(tmp_path: Path) -> None:
    """A chain digest is 16 hex digits: now and then all digits but one `e` (`1234567e89012345`),
    which YAML 1.1 writers leave bare and lomba reads as a number. Saved and read again, such
    a line is still the line that was sealed."""
    from datetime import date

    from lomba.desk.letters import save_register
    from lomba.model.register import Entri, Register
    from lomba.validate.register import chain, load_register

    register = Register(surat=[Entri(urut=1, nomor="800/001/X/2019", jenis="teguran",
                                     opd="dinkes", tanggal=date(2019, 7, 1),
                                     sidik="1234567e89012345")])
    save_register(tmp_path, register)
    loaded, problems = load_register(tmp_path)
    assert problems == [] and loaded is not None
    assert loaded.surat[0].sidik == "1234567e89012345"
    # The same for a digest the chain itself makes: the first sealed line whose digest looks
    # like a number, found by search, survives the round trip too.
    line = register.surat[0]
    for n in range(1, 200_000):
        line.sidik = f"{n:x}"
        digest = chain("", line)
        if digest[0] in "123456789" and digest.count("e") == 1 and \
                digest.replace("e", "").isdigit() and not digest.endswith("e"):
            break
    else:
        pytest.fail("no number-like digest found")
    save_register(tmp_path, register)
    loaded, problems = load_register(tmp_path)
    assert problems == [] and loaded is not None and loaded.surat[0].rantai == digest


def test_a_register_an_earlier_lomba_wrote_with_a_bare_digest_is_still_valid(
        tmp_path: Path) -> None:
    """Registers written before the fix hold such a digest bare: it is read as written."""
    from datetime import date

    from lomba.model.register import Entri, Register
    from lomba.validate.register import load_register, seal

    register = Register(surat=[Entri(urut=1, nomor="800/001/X/2019", jenis="teguran",
                                     opd="dinkes", tanggal=date(2019, 7, 1),
                                     sidik="1234567e89012345")])
    seal(register)
    data = {"terakhir": dict(register.terakhir),
            "surat": [e.model_dump(mode="json") for e in register.surat]}
    written = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)  # as lomba wrote it
    assert "sidik: 1234567e89012345" in written
    (tmp_path / REGISTER).parent.mkdir(parents=True)
    (tmp_path / REGISTER).write_text(written, encoding="utf-8")
    loaded, problems = load_register(tmp_path)
    assert problems == [] and loaded is not None
    assert loaded.surat[0].sidik == "1234567e89012345"
