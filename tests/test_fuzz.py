"""Random and mutated YAML never produces a traceback: only diagnostics."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lomba.author.scaffold import _data
from lomba.check.workspace import load_workspace
from lomba.load.yamlio import YamlLoadError, parse_yaml
from lomba.model.innovation import Inovasi
from lomba.validate.validation import validate

EXAMPLE = _data("contoh.yaml")

yaml_chars = st.sampled_from([*":-[]{}&*!|>'\"#%@`,?\t\n ", "\x0b", "\x00", "é", "9"])


def _check_text(text: str) -> None:
    try:
        loaded = parse_yaml(text, "x.yaml")
    except YamlLoadError as exc:
        assert exc.diagnostic.line >= 1 and exc.diagnostic.column >= 1
        return
    model, diags = validate(loaded, Inovasi)
    assert (model is None) == bool(diags)
    for d in diags:
        d.message("id")
        d.message("en")
        assert d.line >= 1 and d.column >= 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(yaml_chars, st.characters()), max_size=200))
def test_random_text_never_raises(text: str) -> None:
    _check_text(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(EXAMPLE)), st.integers(0, 8),
                  st.text(alphabet=yaml_chars, max_size=6)),
        min_size=1, max_size=6,
    )
)
def test_mutated_example_never_raises(edits: list[tuple[int, int, str]]) -> None:
    text = EXAMPLE
    for pos, cut, insert in edits:
        text = text[:pos] + insert + text[pos + cut:]
    _check_text(text)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_whole_workspace_with_random_bytes_never_raises(workspace: Path, data: bytes) -> None:
    target = workspace / "entries" / "dinkes" / "acak.yaml"
    target.write_bytes(data)
    ws = load_workspace(workspace)
    for d in ws.report.diagnostics:
        d.message("id")
    target.unlink(missing_ok=True)
