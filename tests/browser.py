"""A real headless Chromium for layout checks: page width on a phone, printing on A4.

Chromium's command line has no way to ask the page a question, so the page
is copied with a small script that writes what we want to know into the
document title, and `--dump-dom` prints the DOM after scripts ran.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
PROBE = """<script>
window.addEventListener("load", function () {
  var e = document.scrollingElement || document.documentElement;
  var wide = [];
  document.querySelectorAll("body *").forEach(function (n) {
    var r = n.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && wide.length < 5) wide.push(n.tagName + "." + n.className);
  });
  parent.postMessage(JSON.stringify({scroll: e.scrollWidth, inner: window.innerWidth,
    wide: wide, svgs: document.querySelectorAll("svg").length, scripts: document.scripts.length - 1}), "*");
});
</script>"""
# Headless windows are at least 500 px wide: the page is measured inside an iframe of the phone's width.
FRAME = """<!DOCTYPE html><html><head><title>waiting</title></head><body style="margin:0">
<iframe src="{src}" style="width:{width}px;height:900px;border:0"></iframe>
<script>window.addEventListener("message", function (m) {{ document.title = "PROBE" + m.data; }});</script>
</body></html>"""


def layout(page: Path, width: int, workdir: Path) -> dict[str, object]:
    """What the page looks like `width` CSS pixels wide: scroll width, elements wider than the screen."""
    assert CHROMIUM is not None
    probe = workdir / f"probe-{width}-{page.name}"
    text = page.read_text(encoding="utf-8")
    probe.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    frame = workdir / f"frame-{width}-{page.name}"
    frame.write_text(FRAME.format(src=probe.name, width=width), encoding="utf-8")
    proc = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={workdir / 'chromium'}", "--window-size=1280,1000",
         "--virtual-time-budget=5000", "--dump-dom", frame.as_uri()],
        capture_output=True, text=True, timeout=180, check=True,
    )
    found = re.search(r"<title>PROBE(.*?)</title>", proc.stdout, re.S)
    assert found, proc.stdout[:500]
    import html

    return json.loads(html.unescape(found[1]))


def print_pdf(page: Path, pdf: Path, workdir: Path) -> None:
    assert CHROMIUM is not None
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={workdir / 'chromium'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=180, check=True)
