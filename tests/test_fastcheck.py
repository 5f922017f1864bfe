"""A plain `check` runs without Typer, and says exactly what the Typer command says.

Every command line below is run twice in process: as `roadmapctl` runs it
(the fast path where it applies) and with the fast path switched off; code,
output and errors must be the same.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.conftest import ROOT

from roadmapctl.commands import fastcheck

LYSVA = "roadmaps/lysva-2021-2022.yaml"
BAD = "tests/corpus/bad/tabs.yaml"

LINES = [
    ["check", LYSVA, "--as-of", "2022-01-01"],
    ["check", "--as-of=2022-01-01", LYSVA, BAD],
    ["check", "-f", "json", "--as-of", "2022-01-01", LYSVA],
    ["check", "--format=github", "--as-of", "2022-01-01", BAD],
    ["check", "--format", "TABLE", "--as-of", "2022-01-01", LYSVA],
    ["check", "--format", "xml", LYSVA],
    ["check", "--as-of", "32.13.2022", LYSVA],
    ["check", "--encoding", "koi9", LYSVA],
    ["check", "--encoding", "cp1251", "tests/corpus/bad/cp1251.yaml", "--as-of", "2022-01-01"],
    ["check", "-j", "1", "--jobs", "2", "--as-of", "2022-01-01", "roadmaps"],
    ["check", "-j", "-1", LYSVA],
    ["check", "-j", "x", LYSVA],
    ["check", "--as-of"],
    ["check", "--list-rules"],
    ["check", "--help"],
    ["check", "--nope", LYSVA],
    ["check", "no-such-file.yaml"],
    ["check", "--", LYSVA],
]


@pytest.mark.parametrize("args", LINES, ids=" ".join)
def test_fast_path_and_typer_say_the_same(cli, monkeypatch, args: list[str]) -> None:
    monkeypatch.chdir(ROOT)
    fast = cli(*args)
    monkeypatch.setattr(fastcheck, "dispatch", lambda _args: None)
    slow = cli(*args)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err)


def test_plain_lines_take_the_fast_path_and_the_rest_do_not() -> None:
    assert fastcheck.parse(["check", LYSVA, "-f", "json", "-j", "2"]) is not None
    for args in (["check", "--help"], ["check", "--nope"], ["check", "-j", "x"], ["check", "--as-of"],
                 ["check", "-fjson"], ["--debug", "check"], ["list", LYSVA]):
        assert fastcheck.parse(args) is None, args


def test_a_plain_check_does_not_import_typer() -> None:
    """Nor anything else it does not use: each of these cost milliseconds at every commit."""
    unused = ("typer", "rapidfuzz", "rich", "ruamel", "dataclasses", "inspect", "jinja2", "docx", "openpyxl", "numpy",
              "matplotlib", "pdfplumber")
    code = ("import sys; from roadmapctl.main import run; "
            f"code = run(['check', '--as-of', '2022-01-01', {LYSVA!r}]); "
            f"print(code, [m for m in sys.modules if m.split('.')[0] in {unused!r}])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "0 []"
