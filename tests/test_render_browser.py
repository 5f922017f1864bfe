"""The HTML document in a real headless browser: readable on a phone, A4 in print.

The page is meant for a school's or a department's website, so it must
read on a 390 px phone without sideways scrolling and with the letterhead
whole, and still print on A4 sheets.  Chromium's smallest headless window is
wider than a phone, so the document is measured inside a 390 px frame.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS
from roadmapctl.reading.loader import load
from roadmapctl.render import render_document

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="нет Chromium (apt-get install chromium)")

SMALL = DATA / "positive" / "render-small.yaml"  # seven columns: the widest table
# Every document on a phone; the widest table also in a tablet-sized window.
CASES = [*((path, 390) for path in sorted(ROADMAPS.glob("*.yaml"))), (SMALL, 390), (SMALL, 800)]

# Inside the frame: the page's width, how wide it scrolls, and what sticks out.
PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="doc" style="width:%dpx;height:844px;border:0" srcdoc="%s"></iframe>
<script>
document.getElementById("doc").addEventListener("load", function () {
  var win = this.contentWindow, doc = this.contentDocument, w = win.innerWidth, out = [];
  doc.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width && (r.right > w + 1 || r.left < -1)) out.push(e.tagName + "." + e.className);
  });
  var letterhead = Array.prototype.map.call(doc.querySelectorAll(".letterhead p"), function (p) {
    return p.scrollWidth <= p.clientWidth + 1; });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({width: w, scroll: doc.documentElement.scrollWidth,
                                    outside: out.slice(0, 5), letterhead: letterhead});
  document.body.appendChild(pre);
});
</script></body></html>"""


def _html(path: Path, **options) -> str:
    result = load(path)
    assert result.roadmap is not None
    return render_document(result.roadmap, fmt="html", **options).decode("utf-8")


def _chromium(tmp_path: Path, *args: str) -> str:
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}/profile",
         *args], capture_output=True, text=True, timeout=180, check=True)
    return run.stdout


def _measure(page: str, width: int, tmp_path: Path) -> dict:
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE % (width, html.escape(page, quote=True)), encoding="utf-8")
    dom = _chromium(tmp_path, "--window-size=1000,900", "--dump-dom", probe.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "Chromium не выполнил проверку страницы"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize(("path", "width"), CASES, ids=lambda v: v.stem if isinstance(v, Path) else f"{v}px")
def test_narrow_screen_reads_without_sideways_scroll(path: Path, width: int, tmp_path: Path) -> None:
    measured = _measure(_html(path, timeline=True), width, tmp_path)
    assert measured["width"] == width
    assert measured["scroll"] <= width, measured
    assert measured["outside"] == []
    assert all(measured["letterhead"]), "бланк обрезан"


def test_print_stays_a4(tmp_path: Path) -> None:
    """Portrait order, landscape annex of the wide table, A4 both."""
    page = tmp_path / "small.html"
    page.write_text(_html(SMALL), encoding="utf-8")
    pdf = tmp_path / "small.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    sizes = [(round(float(w) / 72 * 25.4), round(float(h) / 72 * 25.4)) for w, h in boxes]
    assert sizes == [(210, 297), (297, 210)]
