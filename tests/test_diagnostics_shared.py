"""Findings that say the same thing share their parts, without any change to what they say."""

from __future__ import annotations

from lomba.diagnostics import Diagnostic, Severity, share_parts


def finding(file: str, params: dict[str, object]) -> Diagnostic:
    # each part built anew, as a check of each entry builds it
    return Diagnostic("".join(file), 1, 1, tuple(["indikator_iga"]), Severity.WARNING,
                      "iga-mandatory-missing", dict(params), competition="".join("iga/2026"))


def test_equal_parts_are_shared_and_the_messages_stay() -> None:
    params = {"competition": "iga/2026", "number": 32, "name": "Kecepatan penciptaan inovasi"}
    found = [finding(f"entries/opd-{i % 2}/a.yaml", params) for i in range(6)]
    found.append(finding("entries/x.yaml", {"values": ["a", "b"]}))  # a list: not hashable
    before = [d.to_dict() for d in found]
    assert len({id(d.params) for d in found}) == 7
    share_parts(found)
    assert [d.to_dict() for d in found] == before
    assert len({id(d.params) for d in found[:6]}) == 1
    assert len({id(d.file) for d in found[:6]}) == 2
    assert len({id(d.path) for d in found}) == 1
    assert len({id(d.competition) for d in found}) == 1
    assert found[6].params == {"values": ["a", "b"]}
