"""Users' text in every Markdown output is shown as written: one escaper (`output.markdown`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROADMAPS
from roadmapctl.output.markdown import cell, escape

TRICKY = "План *важный* | _черновик_ <b>жирный</b> [ссылка](x) #1 ~x~ `код` \\"


def _unescaped(text: str) -> str:
    """What CommonMark shows for backslash escapes: the character itself."""
    return re.sub(r"\\([\\`*_\[\]<>#|~])", r"\1", text)


def test_escape_is_read_back_as_written_and_a_cell_is_one_line() -> None:
    assert _unescaped(escape(TRICKY)) == TRICKY
    assert not re.search(r"(?<!\\)[*_|<`]", escape(TRICKY).replace("\\\\", ""))
    assert cell("первая\nвторая | третья") == "первая вторая \\| третья"


@pytest.fixture()
def tricky_roadmap(tmp_path: Path) -> Path:
    text = (ROADMAPS / "lysva-2021-2022.yaml").read_text(encoding="utf-8")
    first = re.search(r"(?m)^(\s*-?\s*title: )(.+)$", text[text.index("items:"):])
    assert first
    start = text.index("items:") + first.start(2)
    path = tmp_path / "tricky.yaml"
    path.write_text(text[:start] + '"' + TRICKY.replace("\\", "\\\\") + '"' + text[start + len(first[2]):],
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["list", "--format", "markdown"], ["report", "--format", "markdown",
                                                                         "--as-of", "2022-06-01"]])
def test_list_and_report_escape_a_tricky_title(cli, tricky_roadmap: Path, command: list[str]) -> None:
    result = cli(*command, tricky_roadmap)
    assert result.code in (0, 1), result.err
    assert escape(TRICKY) in result.out or cell(TRICKY) in result.out, result.out[:2000]


def test_diff_markdown_escapes_a_tricky_title(cli, tricky_roadmap: Path) -> None:
    result = cli("diff", ROADMAPS / "lysva-2021-2022.yaml", tricky_roadmap, "--format", "markdown")
    assert result.code == 1, result.err
    assert "\\*важный\\*" in result.out and "\\<b\\>" in result.out and "<b>" not in result.out
