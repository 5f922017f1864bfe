"""Bounds on what libyaml is given and what it composes (issue #13, cases 10, 18, 20).

Each refusal is a Russian message with the line, never a crash, an English
text or a refusal of an ordinary large file.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from tests.conftest import DATA, run_process

from roadmapctl.limits import MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH
from roadmapctl.reading.yamlsource import SourceProblem, compose, decode

MINIMAL = (DATA / "positive" / "minimal.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "map.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_deep_flow_nesting_is_refused_before_parsing_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "title: x\nperiod: 2023/2024\nsections: " + "[" * 30000 + "\n")
    result = run_process("check", path)  # a real process: a segfault would show as -11
    assert result.code == 1, result.err
    assert result.out.startswith(f"{path}:3:")
    assert "error [R001] слишком глубокая вложенность списков и словарей" in result.out
    assert "Traceback" not in result.err


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    problem = compose("title: x\nsections:\n" + "- " * 5000 + "x\n")
    assert isinstance(problem, SourceProblem)
    assert problem.message.startswith("слишком глубокая вложенность")
    assert problem.line == 3


def test_deep_indentation_is_refused() -> None:
    text = "a:\n" + "".join(" " * level + f"k{level}:\n" for level in range(1, 400)) + " " * 400 + "x: 1\n"
    problem = compose(text)
    assert isinstance(problem, SourceProblem)
    assert problem.message.startswith("слишком глубокая вложенность")


def test_nesting_under_the_limit_is_parsed() -> None:
    depth = MAX_NESTING_DEPTH // 3
    node = compose("a: " + "[" * depth + "1" + "]" * depth + "\n")
    assert not isinstance(node, SourceProblem)


def test_brackets_inside_text_do_not_count_as_nesting() -> None:
    lines = [f"  - title: Отчёт [приложение {n} {{черновик" for n in range(3 * MAX_NESTING_DEPTH)]
    node = compose("items:\n" + "\n".join(lines) + "\n")
    assert not isinstance(node, SourceProblem)
    assert len(node.value[0][1].value) == 3 * MAX_NESTING_DEPTH


@pytest.fixture
def alias_limit(monkeypatch: pytest.MonkeyPatch, thorough_run: bool) -> int:
    """The alias-expansion bound: the real one in the thorough profile; by default a tenth of it,
    lowered where `compose` reads it, so a file «over the limit in nodes» is 10× smaller to parse."""
    if thorough_run:
        return MAX_ALIAS_EXPANSION
    from roadmapctl.reading import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_ALIAS_EXPANSION", MAX_ALIAS_EXPANSION // 10)
    return MAX_ALIAS_EXPANSION // 10


def test_the_lowered_alias_limit_still_refuses_a_bomb(alias_limit: int) -> None:
    """The fixture's bound is the one `compose` applies: just over it is refused."""
    text = "a: &a [" + ", ".join(["x"] * 100) + "]\nb: [" + ", ".join(["*a"] * (alias_limit // 100 + 2)) + "]\n"
    assert isinstance(compose(text), SourceProblem)


def test_a_large_plain_file_is_not_an_alias_bomb(alias_limit: int) -> None:
    rows = alias_limit // 10 + 1000  # well over the limit in nodes, no alias at all
    node = compose("rows:\n" + "  - [a, b, c, d, e, f, g, h, i]\n" * rows)
    assert not isinstance(node, SourceProblem)


def test_a_large_file_with_a_few_aliases_is_not_a_bomb(alias_limit: int) -> None:
    rows = alias_limit // 10 + 1000
    text = "shared: &s [a, b]\nuse: [*s, *s, *s]\nrows:\n" + "  - [a, b, c, d, e, f, g, h, i]\n" * rows
    assert not isinstance(compose(text), SourceProblem)


def test_alias_expansion_over_the_limit_is_refused() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for number in range(1, 6):
        prev, name = chr(ord("a") + number - 1), chr(ord("a") + number)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    problem = compose("\n".join(levels) + "\n")
    assert isinstance(problem, SourceProblem)
    assert "бомбу ссылок" in problem.message


def test_control_character_far_into_the_file_has_its_line_and_a_russian_message(tmp_path: Path) -> None:
    padding = "".join(f"# строка комментария номер {n}, чтобы файл был длиннее 8 КБ\n" for n in range(200))
    assert len(padding.encode()) > 8192
    text = MINIMAL + padding + "goals:\n  - Цель\x0bс вертикальной табуляцией\n"
    path = _write(tmp_path, text)
    line = text.count("\n", 0, text.index("\x0b")) + 1
    result = run_process("check", path)
    assert result.code == 1
    assert f"{path}:{line}:9: error [R001] недопустимый символ U+000B (вертикальная табуляция)" in result.out
    assert "not allowed" not in result.out


@pytest.mark.parametrize("char", ["\x01", "\x7f", "\x9f", "\ufffe"])
def test_every_forbidden_character_is_found(char: str) -> None:
    problem = compose(f"title: x\nnote: a{char}b\n")
    assert isinstance(problem, SourceProblem)
    assert (problem.line, problem.col) == (2, 8)
    assert f"U+{ord(char):04X}" in problem.message


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_called_utf32(codec: str) -> None:
    problem = decode(MINIMAL.encode(codec))
    assert isinstance(problem, SourceProblem)
    assert "в кодировке UTF-32" in problem.message
    assert "--encoding utf-32" in problem.message


def test_utf16_is_still_called_utf16() -> None:
    problem = decode(codecs.BOM_UTF16_LE + MINIMAL.encode("utf-16-le"))
    assert isinstance(problem, SourceProblem) and "UTF-16" in problem.message


def test_utf32_read_as_utf16_gets_a_russian_message_naming_utf32(tmp_path: Path, cli) -> None:
    path = tmp_path / "wide.yaml"
    path.write_bytes(MINIMAL.encode("utf-32"))
    wrong = cli("check", "--encoding", "utf-16", path)
    assert wrong.code == 1
    assert "укажите --encoding utf-32" in wrong.out
    right = cli("check", "--as-of", "2023-10-01", "--encoding", "utf-32", path)
    assert (right.code, right.out) == (0, "Замечаний нет: проверено 1 файл.\n")


def test_the_text_just_composed_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """`done` checks a file and then finds the item in the same text: one parse serves both."""
    from roadmapctl.reading import yamlsource

    text = "title: один разбор\nitems: [a, b]\n"
    first = compose(text)
    parses: list[int] = []
    composer = yamlsource._composer
    monkeypatch.setattr(yamlsource, "_composer", lambda: parses.append(1) or composer())
    assert compose(text) is first and parses == []
    other = compose(text + "extra: c\n")
    assert parses == [1] and not isinstance(other, SourceProblem) and other is not first
    assert compose(text) is not first and parses == [1, 1]  # only the last text is kept
