"""The dashboard as people open it: on a 1280 px screen and on a 390 px phone, in Chromium. At
phone width the page does not scroll sideways, the key column stays in view while the matrix
scrolls, and every reason is readable without hovering."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import require_tool, run

MEASURE = """
<script>
window.addEventListener("load", function () {
  function inView(cell, left) {
    var r = cell.getBoundingClientRect();
    return r.width > 40 && r.left >= left - 1 && r.right <= window.innerWidth + 1;
  }
  var out = {width: window.innerWidth, page: document.documentElement.scrollWidth};
  var keys = Array.prototype.slice.call(document.querySelectorAll("#matriks tbody td:first-child"));
  out.keysInView = keys.every(function (c) { return inView(c, 0); });
  var section = document.getElementById("kesiapan");
  section.scrollLeft = 100000;
  out.scrolled = section.scrollLeft;
  var left = section.getBoundingClientRect().left;
  out.keysAfterScroll = keys.every(function (c) { return inView(c, left); });
  var reasons = document.querySelectorAll("#alasan li");
  out.reasons = reasons.length;
  out.reasonsShown = Array.prototype.every.call(reasons, function (li) {
    return li.getBoundingClientRect().height > 0 && li.textContent.length > 20;
  });
  out.notes = document.querySelectorAll("#matriks sup a").length;
  parent.postMessage(JSON.stringify(out), "*");
});
</script>
"""
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="tata-letak.html" style="width:{width}px;height:900px;border:0"></iframe>
<pre id="tata-letak"></pre>
<script>window.addEventListener("message", function (e) {{
  document.getElementById("tata-letak").textContent = e.data; }});</script>
</body></html>"""


def _chromium(chromium: str, tmp_path: Path, width: int, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={tmp_path / f'profil-{width}'}",
             f"--window-size={max(width, 800) + 100},1000"]
    return subprocess.run([chromium, *flags, *args], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.parametrize("width", [1280, 390])
def test_dashboard_layout_in_chromium(sample: Path, tmp_path: Path, width: int) -> None:
    chromium = require_tool("chromium", "chromium", "needed to lay the dashboard out")
    assert run("build", cwd=sample).exit_code == 0
    page = sample / "build" / "index.html"
    probe = page.with_name("tata-letak.html")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"),
                     encoding="utf-8")
    frame = page.with_name("bingkai.html")  # a phone-wide frame: headless windows are wider
    frame.write_text(FRAME.format(width=width), encoding="utf-8")
    dom = _chromium(chromium, tmp_path, width, "--virtual-time-budget=5000", "--dump-dom",
                    "--allow-file-access-from-files", frame.as_uri())
    match = re.search(r'<pre id="tata-letak">(.*?)</pre>', dom.stdout)
    assert match, dom.stderr[-1500:]
    layout = json.loads(match.group(1).replace("&quot;", '"'))
    assert layout["width"] == width
    assert layout["page"] <= width, "the page itself never scrolls sideways"
    assert layout["keysInView"], "every innovation's name is on screen"
    assert layout["keysAfterScroll"], "and stays there while the competitions scroll"
    assert layout["reasons"] == layout["notes"] > 0 and layout["reasonsShown"]
    if width == 390:
        assert layout["scrolled"] > 0, "the matrix scrolls inside its section"
    shot = tmp_path / f"dasbor-{width}.png"
    _chromium(chromium, tmp_path, width, f"--screenshot={shot}", frame.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_the_matrix_escapes_text_as_the_template_does(text: str) -> None:
    """The rows written in Python escape exactly as the template's autoescape would, without
    the characters XML cannot hold (which the page never holds)."""
    from markupsafe import escape

    from lomba.desk.dashboard import _text
    from lomba.xmltext import xml_safe

    assert _text(text) == xml_safe(str(escape(text)))


@pytest.mark.parametrize("mark", ["Tanjung Lematang", "</html>"])
def test_a_frame_holding_a_mark_elsewhere_makes_the_same_page(sample: Path, mark: str,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """The rows are put in where the page's frame marks them; were a mark found anywhere else
    (text of the frame), the page is made the whole way, and it is the same page."""
    import lomba.desk.dashboard
    from lomba.build import run_build

    run_build(sample)
    page = (sample / "build" / "index.html").read_bytes()
    monkeypatch.setattr(lomba.desk.dashboard, "_ROWS", mark)
    run_build(sample, fresh=True)
    assert (sample / "build" / "index.html").read_bytes() == page


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_links_are_encoded_as_quote_encodes_them(name: str) -> None:
    """Plain names skip the encoder; every name still comes out as ``quote`` makes it."""
    from urllib.parse import quote

    from lomba.xmltext import url_path

    assert url_path(name) == quote(name, safe="/")
    assert url_path("iga-2019/dinkes/si-bunda.docx") == "iga-2019/dinkes/si-bunda.docx"
