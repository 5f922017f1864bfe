"""The main help page without Typer is the page Typer prints, byte for byte.

`roadmapctl --help` prints `commands/mainhelp.TEXT` instead of building all
commands; here Typer renders the page and both must agree, and every command
line that should go the Typer way (a narrow terminal, shell completion, other
words) does.  `UPDATE_GOLDEN=1` rewrites `TEXT` from Typer's page.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from tests.conftest import ROOT

from roadmapctl.commands import mainhelp

SOURCE = ROOT / "src" / "roadmapctl" / "commands" / "mainhelp.py"


def typer_says(cli, monkeypatch, *args: str):
    with monkeypatch.context() as patch:
        patch.setattr(mainhelp, "answer", lambda _args: None)
        return cli(*args)


def test_the_stored_page_is_typers(cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    page = typer_says(cli, monkeypatch, "--help")
    assert page.code == 0 and page.err == ""
    if os.environ.get("UPDATE_GOLDEN"):
        assert '"""' not in page.out and "\\" not in page.out
        source = SOURCE.read_text(encoding="utf-8")
        start = source.index('TEXT = """\\\n') + len('TEXT = """\\\n')
        SOURCE.write_text(source[:start] + page.out + '"""\n', encoding="utf-8")
        mainhelp.TEXT = page.out
    assert page.out == mainhelp.TEXT
    assert re.search(r"^  check +\S", page.out, re.M)  # the page lists the commands


@pytest.mark.parametrize("columns", ["80", "200", "", "abc", "0", "79", "60"])
@pytest.mark.parametrize("args", [["--help"], ["-h"], [], ["--version"]], ids=" ".join)
def test_fast_and_typer_say_the_same(cli, monkeypatch, args: list[str], columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    fast = cli(*args)
    slow = typer_says(cli, monkeypatch, *args)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err)
    assert fast.code == 0 and fast.out


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["--help", "--debug"], ["--debug", "--help"],
                                  ["--nope"], ["nope"], ["--help", "nope"], ["-h", "check"], ["--versio"]],
                         ids=" ".join)
def test_other_lines_are_typers(cli, monkeypatch, args: list[str]) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    fast = cli(*args)
    slow = typer_says(cli, monkeypatch, *args)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err)


def test_what_takes_the_fast_path(monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    for args in (["--help"], ["-h"], ["--version"]):
        assert mainhelp.answer(args) == 0, args
    for args in (["--help", "--debug"], ["check", "--help"], ["--nope"], [], ["-h", "-h"]):
        assert mainhelp.answer(args) is None, args
    monkeypatch.setenv("COLUMNS", "79")  # Click would wrap narrower than the stored page
    assert mainhelp.answer(["--help"]) is None
    assert mainhelp.answer(["--version"]) == 0
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("_ROADMAPCTL_COMPLETE", "complete_bash")
    assert mainhelp.answer(["--help"]) is None
    capsys.readouterr()


def test_a_narrow_terminal_gets_typers_wrapping(cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    narrow = cli("--help")
    assert narrow.code == 0 and narrow.out != mainhelp.TEXT
    assert narrow.out == typer_says(cli, monkeypatch, "--help").out


def test_help_imports_no_command() -> None:
    code = ("import sys; from roadmapctl.main import run; code = run(['--help']); "
            "print(code, sorted(m for m in sys.modules if m.startswith(('typer', 'roadmapctl.commands.', "
            "'dataclasses', 'yaml'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "COLUMNS": "80"})
    assert out.stdout.splitlines()[-1] == "0 ['roadmapctl.commands.fastcheck', 'roadmapctl.commands.mainhelp']"
