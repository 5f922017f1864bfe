"""The command-line conventions (docs/cli.md) against the commands' real options and help.

Every command's options are read from the Click command Typer builds, and its
help page from `roadmapctl КОМАНДА --help`: shared options must be spelled,
shown and described the same way everywhere, and the tables of docs/cli.md
must list exactly the options the commands have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, ROADMAPS

DOC = ROOT / "docs" / "cli.md"
# Options that mean the same thing wherever they appear: same names, metavar and help text.
IDENTICAL = ("--as-of", "--encoding", "--jobs", "--executor", "--force", "--status")
# Options whose value is a different kind of thing per command (docs/cli.md says which): their
# metavar follows the meaning (ДАТА, ПЕРИОД, РЕВИЗИЯ).
PER_COMMAND = ("--from", "--to", "--output")  # --output: ПУТЬ, and ПАПКА for `site`


def commands() -> dict:
    import typer

    from roadmapctl.main import COMMANDS, build_app

    group = typer.main.get_command(build_app())
    return {name: group.commands[name] for name in COMMANDS}


def options(command) -> list:
    return [p for p in command.params if p.param_type_name == "option" and "--help" not in p.opts]


def long_name(param) -> str:
    return max(param.opts, key=len)


def table(heading: str) -> list[list[str]]:
    """The rows of the first table under a «## heading» of docs/cli.md, as stripped cells."""
    text = DOC.read_text(encoding="utf-8")
    part = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in part.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def names_in(cell: str) -> list[str]:
    return re.findall(r"`(-[-\w]+)`", cell)


def documented() -> dict[str, tuple[list[str], set[str]]]:
    """Long option name → (every spelling in the doc, the commands it lists)."""
    out = {}
    for row in table("Параметры"):
        spelled = names_in(row[0])
        name = max((n for n in spelled if not n.startswith("--no-")), key=len)  # «--timeline/--no-timeline»
        out[name] = (spelled, {c.strip() for c in row[3].split(",")})
    return out


def test_the_table_lists_exactly_the_commands_real_options() -> None:
    real: dict[str, set[str]] = {}
    spellings: dict[str, set[str]] = {}
    for name, command in commands().items():
        for param in options(command):
            if param.hidden:
                continue
            real.setdefault(long_name(param), set()).add(name)
            spellings.setdefault(long_name(param), set()).update(param.opts + param.secondary_opts)
    doc = documented()
    assert sorted(doc) == sorted(real), "параметры в docs/cli.md и в командах расходятся"
    for option, (spelled, listed) in doc.items():
        assert (set(spelled), listed) == (spellings[option], real[option]), option


def test_shared_options_are_spelled_and_described_the_same_way() -> None:
    seen: dict[str, tuple] = {}
    for name, command in commands().items():
        for param in options(command):
            option = long_name(param)
            if param.hidden:
                continue
            shape = (tuple(sorted(param.opts)), None if option in PER_COMMAND else param.metavar)
            if option in IDENTICAL:
                shape += (param.help,)
            if option == "--format":
                assert param.help.startswith("Формат вывода: "), name
            first = seen.setdefault(option, (name, shape))
            assert shape == first[1], f"{option}: {name} и {first[0]} пишут его по-разному"


@pytest.mark.parametrize("name", ["check", "when", "render", "diff", "overdue", "list", "stats", "report", "export"])
def test_format_values_in_help_match_the_doc(cli, name: str) -> None:
    rows = {row[0]: row for row in table("Форматы вывода")}
    values = [v.strip() for v in rows[name][1].split(",")]
    listed = ", ".join(values[:-1]) + " или " + values[-1]
    page = " ".join(cli(name, "--help").out.split())
    assert f"Формат вывода: {listed}" in page


def test_every_command_accepts_text_and_the_old_table_alias(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    for name in ("overdue", "list", "stats"):
        text = cli(name, "--as-of", "2024-06-01", "-f", "text", "roadmaps")
        old = cli(name, "--as-of", "2024-06-01", "-f", "table", "roadmaps")
        default = cli(name, "--as-of", "2024-06-01", "roadmaps")
        assert text.code == old.code == default.code == 0, (name, text.err)
        assert text.out == old.out == default.out != ""


def test_hidden_aliases_work_and_stay_out_of_help(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    for old, new, names, _until in table("Старые написания (скрытые синонимы)"):
        old_name, new_name = old.strip("`").split()[0], new.strip("`").split()[0]
        for name in (n.strip() for n in names.split(",")):
            page = cli(name, "--help").out
            assert new_name in page, (name, new_name)
            if old_name != new_name:
                assert not re.search(rf"{re.escape(old_name)}\b(?!-)", page), (name, old_name)
    by = cli("stats", "--as-of", "2024-06-01", "--by", "section", "roadmaps")
    group_by = cli("stats", "--as-of", "2024-06-01", "--group-by", "section", "roadmaps")
    assert by.code == group_by.code == 0 and by.out == group_by.out and "по разделам" in by.out


@pytest.mark.parametrize("name", ["list", "stats"])
def test_markdown_in_list_and_stats(cli, monkeypatch, name: str) -> None:
    monkeypatch.chdir(ROOT)
    result = cli(name, "--as-of", "2024-06-01", "-f", "markdown", "roadmaps/chelyabinsk-2023-2024.yaml")
    lines = result.out.splitlines()
    assert result.code == 0 and lines[0].startswith("# ")
    header = next(i for i, line in enumerate(lines) if line.startswith("| "))
    assert set(lines[header + 1].replace("|", "").replace(":", "")) == {"-"}
    assert all(line.count("|") == lines[header].count("|") for line in lines[header:] if line.startswith("|"))


# --- encodings and standard input -------------------------------------------------------


@pytest.fixture
def cp1251(tmp_path: Path) -> Path:
    path = tmp_path / "карта.yaml"
    path.write_bytes((ROADMAPS / "chelyabinsk-2023-2024.yaml").read_text(encoding="utf-8").encode("cp1251"))
    return path


def test_a_cp1251_file_reads_everywhere_with_the_same_option(cli, cp1251: Path, tmp_path: Path) -> None:
    assert cli("check", "--as-of", "2024-06-01", cp1251).code == 1  # R001: not UTF-8
    assert cli("check", "--as-of", "2024-06-01", "--encoding", "cp1251", cp1251).code == 0
    for name in ("overdue", "list", "stats"):
        plain = cli(name, "--as-of", "2024-06-01", cp1251)
        assert plain.code == 2, name
        read = cli(name, "--as-of", "2024-06-01", "--encoding", "cp1251", cp1251)
        assert read.code == 0 and "Комитет" in read.out, (name, read.err)
    ics = tmp_path / "сроки.ics"
    assert cli("calendar", "--encoding", "cp1251", "-o", ics, cp1251).code == 0 and ics.stat().st_size > 0
    html = tmp_path / "карта.html"
    assert cli("render", "--encoding", "cp1251", "-o", html, cp1251).code == 0
    assert "Комитет" in html.read_text(encoding="utf-8")
    same = cli("diff", "--encoding", "cp1251", cp1251, cp1251)
    assert same.code == 0, same.err


@pytest.fixture
def stdin(monkeypatch):
    """Feed bytes to the next command as its standard input (a pipe, not a terminal)."""
    import io
    import sys

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


def test_dash_reads_a_roadmap_from_standard_input(cli, stdin, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    text = (ROADMAPS / "chelyabinsk-2023-2024.yaml").read_bytes()
    stdin(text)
    from_file = cli("check", "--as-of", "2024-06-01", "roadmaps/chelyabinsk-2023-2024.yaml")
    piped = cli("check", "--as-of", "2024-06-01", "-")
    assert piped.code == from_file.code == 0
    assert piped.out == from_file.out.replace("roadmaps/chelyabinsk-2023-2024.yaml:", "(стандартный ввод):")
    stdin(text)
    listed = cli("list", "--as-of", "2024-06-01", "-f", "json", "-")
    assert listed.code == 0 and '"file": "(стандартный ввод)"' in listed.out
    stdin(b"title: x\n")
    broken = cli("check", "-")
    assert broken.code == 1 and broken.out.startswith("(стандартный ввод):1:1: error [R002]")
    stdin(text.decode("utf-8").encode("cp1251"))
    assert cli("overdue", "--as-of", "2024-06-01", "--encoding", "cp1251", "-").code == 0


def test_dash_for_the_other_readers(cli, stdin, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    text = (ROADMAPS / "chelyabinsk-2023-2024.yaml").read_bytes()
    stdin(text)
    same = cli("diff", "-", "roadmaps/chelyabinsk-2023-2024.yaml")
    assert same.code == 0 and same.out.startswith("Сравнение: (стандартный ввод) (")
    stdin(text)
    out = tmp_path / "карта.html"
    assert cli("render", "-", "-o", out).code == 0 and "Комитет" in out.read_text(encoding="utf-8")
    stdin(text)
    refused = cli("render", "-")
    assert refused.code == 2 and "укажите, куда записать документ: -o" in refused.err
    assert cli("diff", "-", "-").code == 2


def test_dash_with_a_terminal_explains_instead_of_waiting(cli, monkeypatch) -> None:
    import io
    import sys

    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    fake = io.TextIOWrapper(Terminal())
    monkeypatch.setattr(sys, "stdin", fake)
    result = cli("check", "-")
    assert result.code == 1 and "стандартный ввод, а он не перенаправлен" in result.out


# --- the rest of issue 14: messages, bare invocation, float numbers, extend ---------------


def test_bare_roadmapctl_prints_the_help_without_an_error(cli) -> None:
    result = cli()
    assert result.code == 0 and result.err == ""
    assert result.out == cli("--help").out
    assert result.out.startswith("Использование: roadmapctl")


def test_help_has_no_english_range_notes(cli) -> None:
    for name in commands():
        page = cli(name, "--help").out
        assert "x>=" not in page and "default" not in page and "Options" not in page, name


def test_completion_options_speak_russian(cli) -> None:
    page = cli("--help").out
    assert "Установить автодополнение для текущей оболочки." in page
    assert "Install" not in page


def test_unknown_shell_is_named_in_russian(cli, monkeypatch) -> None:
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("tcsh", "/bin/tcsh"))
    result = cli("--show-completion")
    assert result.code == 2
    assert result.err.startswith("roadmapctl: ошибка: автодополнение: оболочка «tcsh»; поддерживаются bash")


def test_show_completion_prints_the_script_for_the_shell(cli, monkeypatch) -> None:
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("bash", "/bin/bash"))
    result = cli("--show-completion")
    assert result.code == 0 and "_ROADMAPCTL_COMPLETE" in result.out and "complete" in result.out


def test_an_unquoted_float_number_fails_check(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("title: t\nperiod: 2023/2024\nexecutors: {uo: {name: УО}}\nsections:\n  - number: \"1\"\n"
                    "    title: s\n    items:\n      - number: 1.10\n        title: x\n"
                    "        deadline: октябрь\n        executors: [uo]\n", encoding="utf-8")
    result = cli("check", "--as-of", "2024-06-01", path)
    assert result.code == 1
    assert f"{path}:8:17: error [R004] номер мероприятия 1.10 без кавычек" in result.out


def test_extend_to_a_date_already_past_is_refused(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_bytes((ROADMAPS / "chelyabinsk-2023-2024.yaml").read_bytes())
    before = path.read_bytes()
    result = cli("extend", path, "2.2", "--to", "2023-10-15", "--reason", "болезнь", "--on", "2023-11-01")
    assert result.code == 2 and path.read_bytes() == before
    assert result.err.startswith("roadmapctl: ошибка: --to: новый срок 15.10.2023 уже прошёл на дату "
                                 "переноса 01.11.2023")


def test_extend_recorded_after_the_fact_warns_that_the_date_is_past(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_bytes((ROADMAPS / "chelyabinsk-2023-2024.yaml").read_bytes())
    result = cli("extend", path, "2.2", "--to", "2023-10-15", "--reason", "болезнь", "--on", "2023-09-10")
    assert result.code == 0 and "перенесён на 15.10.2023" in result.out
    assert "предупреждение: новый срок 15.10.2023 уже прошёл" in result.err


# --- completion of values -----------------------------------------------------------------


class Ctx:
    def __init__(self, **params: object) -> None:
        self.params = params


def test_completion_of_values(monkeypatch) -> None:
    from roadmapctl.commands import complete

    monkeypatch.chdir(ROOT)
    assert [v for v, _ in complete.values(("text", "json", "csv"))("j")] == ["json"]
    assert [v for v, _ in complete.statuses("вып")] == ["выполняется", "выполнено"]
    ids = [v for v, _ in complete.executors(Ctx(paths=["roadmaps/chelyabinsk-2023-2024.yaml"]), "")]
    assert {"komitet", "mbu-dpo-cro", "oo"} <= set(ids) and "uo" not in ids  # that roadmap's only
    everywhere = [v for v, _ in complete.executors(Ctx(paths=None), "")]  # roadmaps/
    assert set(ids) | {"uo", "rg"} <= set(everywhere)
    assert [v for v, _ in complete.executors(Ctx(paths=["roadmaps"]), "mbu")] == ["mbu-dpo-cro"]
    numbers = [v for v, _ in complete.items(Ctx(roadmap="roadmaps/chelyabinsk-2023-2024.yaml"), "5.2.")]
    assert "5.2.5" in numbers and all(n.startswith("5.2.") for n in numbers)


def test_completion_through_the_shell_protocol() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "_ROADMAPCTL_COMPLETE": "complete_bash", "COMP_WORDS": "roadmapctl overdue --group-by ",
           "COMP_CWORD": "3"}
    proc = subprocess.run([sys.executable, "-c", "from roadmapctl.main import entry; entry()"], env=env,
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.stdout.split() == ["executor", "file", "none"], proc.stderr


def test_import_reads_a_document_from_standard_input(cli, stdin, tmp_path: Path) -> None:
    text = (ROOT / "tests" / "data" / "import" / "lysva-2021-2022.txt").read_bytes()
    out = tmp_path / "карта.yaml"
    stdin(text)
    result = cli("import", "-", "-o", out)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Импорт: стандартный ввод → {out}\n")
    from_file = tmp_path / "из-файла.yaml"
    cli("import", ROOT / "tests" / "data" / "import" / "lysva-2021-2022.txt", "-o", from_file)
    body = [line for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert body == [line for line in from_file.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    stdin(text)
    refused = cli("import", "-")
    assert refused.code == 2 and "укажите, куда записать карту: -o" in refused.err
