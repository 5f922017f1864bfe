"""`roadmapctl overdue`: golden reports in every format, and how it behaves under cron."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT, golden, run_process

GOLDEN = DATA / "golden"
CHEL = "roadmaps/chelyabinsk-2023-2024.yaml"
SUFFIXES = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7]|38;[0-9;]+)m")

CASES = {
    # name: arguments after `overdue`
    "chelyabinsk-2024-03-01": ["--as-of", "2024-03-01", CHEL],
    "all-2026-11-25": ["--as-of", "2026-11-25", "roadmaps"],
}


@pytest.mark.parametrize("fmt", sorted(SUFFIXES))
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(cli, monkeypatch, case: str, fmt: str) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("overdue", "--format", fmt, *CASES[case])
    assert (result.code, result.err) == (0, "")
    golden(GOLDEN / f"overdue-{case}.{SUFFIXES[fmt]}", result.out)


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_golden_grouped_with_upcoming(cli, monkeypatch, fmt: str) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("overdue", "--as-of", "2024-03-01", "--within", "61", "--group-by", "executor",
                 "--format", fmt, CHEL)
    golden(GOLDEN / f"overdue-chelyabinsk-within-61.{SUFFIXES[fmt]}", result.out)


def test_json_fields(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    rows = json.loads(cli("overdue", "--as-of", "2024-03-01", "-f", "json", CHEL).out)
    assert rows[0] == {
        "file": CHEL, "line": 116, "item": "2.2",
        "title": "Определение образовательными организациями уровня профминимума на 2023/2024 учебный год",
        "executors": ["ООО"], "deadline": "август 2023 г.", "start": "2023-08-01",
        "due": "2023-08-31", "original_due": "2023-08-31", "days_overdue": 183, "status": "planned",
    }
    assert [r["days_overdue"] for r in rows] == [183, 122, 122, 92, 92]


@pytest.mark.parametrize(("days", "header"), [
    (1, "Просрочено 1 мероприятие"), (3, "Просрочено 3 мероприятия"), (5, "Просрочено 5 мероприятий"),
])
def test_header_agrees_with_the_number(cli, tmp_path: Path, days: int, header: str) -> None:
    items = "".join(f"""
      - number: "1.{n}"
        title: Мероприятие {n}
        deadline: до 1 марта 2024
        executors: [uo]""" for n in range(1, days + 1))
    path = tmp_path / "map.yaml"
    path.write_text(f"""title: Карта
period: "2024"
executors:
  uo: {{name: Управление образования, short: УО}}
sections:
  - number: "1"
    title: Раздел
    items:{items}
""", encoding="utf-8")
    out = cli("overdue", "--as-of", "2024-03-22", path).out
    assert out.startswith(f"{header} (на 22.03.2024)\n")
    assert "— просрочено на 21 день\n" in out


def test_executor_filter_ignores_case_and_yo(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    rows = json.loads(cli("overdue", "--as-of", "2022-09-01", "-e", "ПАРТНЕРЫ", "-f", "json",
                          "roadmaps/lysva-2021-2022.yaml").out)
    assert rows and all("Социальные партнёры" in r["executors"] for r in rows)
    assert cli("overdue", "--as-of", "2024-03-01", "-e", "ооо", "-f", "json", CHEL).out.count('"item"') == 1


# --- cron: a real process, stdout a pipe ------------------------------------------------


def test_piped_output_is_plain_even_with_a_colour_terminal_declared() -> None:
    env = {"TERM": "xterm-256color", "COLUMNS": "40", "FORCE_COLOR": "", "CLICOLOR_FORCE": "1"}
    result = run_process("overdue", "--as-of", "2024-03-01", CHEL, cwd=ROOT, env=env)
    assert "\x1b" not in result.out
    assert result.out == (GOLDEN / "overdue-chelyabinsk-2024-03-01.txt").read_text(encoding="utf-8")
    assert max(len(line) for line in result.out.splitlines()) > 80  # not wrapped
    assert result.code == 0


# In-process from here on (the output is a pipe all the same): a process per case costs more than
# the case itself, and exit codes and streams are what `main.run` returns and writes.


def test_quiet_prints_nothing_on_a_good_day(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    quiet = cli("overdue", "--quiet", "--as-of", "2023-08-31", CHEL)
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    loud = cli("overdue", "--as-of", "2023-08-31", CHEL)
    assert loud.out == "Просроченных мероприятий нет (на 31.08.2023).\n"
    bad_day = cli("overdue", "--quiet", "--as-of", "2024-03-01", CHEL)
    assert bad_day.out.startswith("Просрочено 5 мероприятий (на 01.03.2024)\n")


@pytest.mark.parametrize(("as_of", "flag", "code"), [
    ("2024-03-01", "--exit-code", 1), ("2023-08-31", "--exit-code", 0), ("2024-03-01", None, 0),
])
def test_exit_code(cli, monkeypatch, as_of: str, flag: str | None, code: int) -> None:
    monkeypatch.chdir(ROOT)
    args = ["overdue", "--quiet", "--as-of", as_of, *([flag] if flag else []), CHEL]
    assert cli(*args).code == code


def test_broken_file_is_named_and_exits_2_after_reporting_the_rest(cli, tmp_path: Path) -> None:
    (tmp_path / "a-broken.yaml").write_bytes((DATA / "negative" / "yaml-syntax.yaml").read_bytes())
    (tmp_path / "b-good.yaml").write_bytes((ROOT / CHEL).read_bytes())
    result = cli("overdue", "--as-of", "2024-03-01", "--exit-code", tmp_path)
    broken = tmp_path / "a-broken.yaml"
    assert result.err == (f"roadmapctl: ошибка: карта {broken} пропущена — в ней 1 ошибка:\n"
                          f"  {broken}:6:4: [R001] ошибка синтаксиса YAML: ожидался элемент списка «- …» "
                          "(проверьте отступы)\n"
                          f"  подробности: roadmapctl check {broken}\n")
    assert result.code == 2
    assert result.out.startswith(f"Внимание: пропущена 1 из 2 карт — в них ошибки (roadmapctl check): {broken}. "
                                 "Отчёт — только по прочитанным картам.\n\nПросрочено 5 мероприятий")


def test_roadmap_with_an_unreadable_deadline_is_skipped_and_never_reads_as_a_good_day(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("""title: Карта
period: "2024"
executors:
  uo: {name: Управление образования}
sections:
  - number: "1"
    title: Раздел
    items:
      - number: "1.1"
        title: Непонятный срок
        deadline: как согласуем
        executors: [uo]
      - number: "1.2"
        title: Понятный срок
        deadline: январь
        executors: [uo]
""", encoding="utf-8")
    result = cli("overdue", "--quiet", "--as-of", "2024-03-01", path)
    assert result.err.startswith(f"roadmapctl: ошибка: карта {path} пропущена — в ней 1 ошибка:\n"
                                 f"  {path}:11:19: [R201] не удалось разобрать срок «как согласуем»")
    assert result.code == 2
    assert "нет" not in result.out
    assert result.out == (f"Внимание: пропущена 1 из 1 карты — в них ошибки (roadmapctl check): {path}. "
                          "Отчёт — только по прочитанным картам.\n\n"
                          "В прочитанных картах просроченные мероприятия не найдены (на 01.03.2024); "
                          "не прочитанные карты не проверены.\n")


def _in_terminal(*args: str, env: dict[str, str]) -> str:
    """Run with stdout on a pseudo-terminal, as a person at a console would."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "roadmapctl", *args], cwd=ROOT, stdout=slave,
                            stderr=subprocess.DEVNULL,
                            env={**os.environ, "COLUMNS": "160", "TERM": "xterm-256color", **env})
    os.close(slave)
    chunks: list[bytes] = []
    _drain(master, chunks)
    os.close(master)
    proc.wait(timeout=60)
    return b"".join(chunks).decode("utf-8")


def _drain(master: int, chunks: list[bytes]) -> None:
    """Read a pseudo-terminal until its writer closes it."""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the writer closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)


def _on_a_terminal(*args: str, env: dict[str, str], real: bool) -> str:
    """What a person at a console sees: from a real process (`_in_terminal`) when `real`, else from
    `main.run` in this process with its stdout on a pseudo-terminal of its own.

    The output decides on a terminal by the stream it writes to (`isatty`) and the environment
    (COLUMNS, NO_COLOR), both the same here as in a process of its own; a process costs more than
    the report. The real-process path is run by default in
    `test_terminal_gets_a_coloured_table_and_no_color_switches_colour_off`, and everywhere in the
    thorough profile."""
    if real:
        return _in_terminal(*args, env=env)
    import io
    import threading

    from roadmapctl.main import run

    master, slave = pty.openpty()
    chunks: list[bytes] = []
    # read meanwhile: a report longer than the terminal's buffer must not block the writer
    reader = threading.Thread(target=_drain, args=(master, chunks))
    reader.start()
    stream = open(slave, "w", encoding="utf-8")  # noqa: SIM115 - closed below, before the reader ends
    try:
        with pytest.MonkeyPatch.context() as patch:
            for key, value in {"COLUMNS": "160", "TERM": "xterm-256color", **env}.items():
                patch.setenv(key, value)
            patch.setattr(sys, "stdout", stream)
            patch.setattr(sys, "stderr", io.StringIO())
            patch.chdir(ROOT)
            run(list(args))
            stream.flush()
    finally:
        stream.close()
        reader.join(timeout=60)
        os.close(master)
    return b"".join(chunks).decode("utf-8")


def test_terminal_gets_a_coloured_table_and_no_color_switches_colour_off(thorough_run: bool) -> None:
    """The coloured table from a real process on a terminal (the one terminal test that always
    starts one); NO_COLOR in this process by default, in a real one in the thorough profile."""
    env = {key: "" for key in ("NO_COLOR",)}
    coloured = _in_terminal("overdue", "--as-of", "2024-03-01", CHEL, env=env)
    assert COLOUR.search(coloured) and "┃" in coloured and "5.2.6/2" in coloured
    plain = _on_a_terminal("overdue", "--as-of", "2024-03-01", CHEL, env={"NO_COLOR": "1"}, real=thorough_run)
    assert COLOUR.search(plain) is None and "5.2.6/2" in plain


PINNED_AND_UNASSIGNED = """title: Карта
period: "2024"
executors:
  uo: {name: Управление образования, short: УО}
sections:
  - number: "1"
    title: Раздел
    items:
      - number: "1.1"
        title: Только дата
        due: 2024-02-01
        executors: [uo]
      - number: "1.2"
        title: Без исполнителей
        deadline: январь
        executors: [uo]
"""


def test_a_date_without_a_phrase_reads_as_russian(cli, tmp_path) -> None:
    # An item without executors is an error (R104): such a roadmap is skipped, see test_reading_policy.
    path = tmp_path / "map.yaml"
    path.write_text(PINNED_AND_UNASSIGNED, encoding="utf-8")
    out = cli("overdue", "--as-of", "2024-03-01", path).out
    assert f"""{path}:13: 1.2 Без исполнителей
    Исполнители: УО
    Срок: «январь» (01.01.2024 – 31.01.2024) — просрочено на 30 дней

{path}:9: 1.1 Только дата
    Исполнители: УО
    Срок: указан датой (до 01.02.2024) — просрочено на 29 дней
""" in out
    table = cli("overdue", "--as-of", "2024-03-01", "-f", "markdown", path).out
    assert "| 1.1 | Только дата | УО | указан датой | 01.02.2024 | 29 дней |" in table
    assert "| 1.2 | Без исполнителей | УО | январь |" in table


@pytest.mark.parametrize("command", ["overdue", "list"])
def test_a_narrow_terminal_gets_the_plain_report_not_a_table_cut_into_letters(command: str,
                                                                             thorough_run: bool) -> None:
    shown = _on_a_terminal(command, "--as-of", "2024-03-01", CHEL, env={"COLUMNS": "80", "NO_COLOR": "1"},
                           real=thorough_run)
    name = f"{command}-chelyabinsk-2024-03-01.txt"
    assert shown.replace("\r\n", "\n") == (GOLDEN / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["overdue", "--quiet"], ["list"], ["stats"],
                                     ["calendar", "-o", "deadlines.ics"]])
def test_a_folder_without_roadmaps_is_an_error_not_a_good_day(cli, tmp_path: Path, monkeypatch,
                                                              command: list[str]) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    result = cli(*command, "empty")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("roadmapctl: ошибка: в папке empty нет карт (файлов .yaml, .yml)\n")
    assert not (tmp_path / "deadlines.ics").exists()


def test_an_executor_named_exactly_is_not_mixed_with_names_that_contain_it(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    # «ОО» (образовательные организации) is a part of «ООО» (общеобразовательные): item 2.2 is ООО's.
    rows = json.loads(cli("overdue", "--as-of", "2024-03-01", "-e", "оо", "-f", "json", CHEL).out)
    assert [r["item"] for r in rows] == ["5.2.6/2", "5.2.6/4", "5.2.5/5", "5.2.6/3"]
    assert all("ОО" in r["executors"] for r in rows)
    partial = json.loads(cli("overdue", "--as-of", "2024-03-01", "-e", "рцок", "-f", "json", CHEL).out)
    assert partial == []
    assert cli("list", "-e", "ЦРО", "-f", "json", CHEL).out.count('"item"') == 16  # part of «МБУ ДПО ЦРО»


@pytest.mark.parametrize(("within", "heading"), ids=["0", "1", "2", "21"], argvalues=[
    ("0", "Срок наступает сегодня (01.03.2024): нет"),
    ("1", "Срок наступает сегодня или завтра (по 02.03.2024): нет"),
    ("2", "Срок наступает в ближайшие 2 дня (по 03.03.2024): нет"),
    ("21", "Срок наступает в ближайшие 21 день (по 22.03.2024): нет"),
])
def test_heading_of_what_falls_due_soon(cli, monkeypatch, within: str, heading: str) -> None:
    monkeypatch.chdir(ROOT)
    out = cli("overdue", "--as-of", "2024-03-01", "--within", within, "-e", "ооо", CHEL).out
    assert out.splitlines()[-1] == heading


@pytest.mark.parametrize("command", [["overdue", "--quiet"], ["list"], ["stats"],
                                     ["calendar", "-o", "deadlines.ics"]])
def test_an_executor_no_roadmap_knows_is_an_error_not_a_good_day(cli, tmp_path: Path, monkeypatch,
                                                                  command: list[str]) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "deadlines.ics"
    args = [str(out) if a == "deadlines.ics" else a for a in command]
    result = cli(*args, "--executor", "ЦРОО", CHEL)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("roadmapctl: ошибка: --executor: исполнителя «ЦРОО» нет ни в одной карте\n")
    assert not out.exists()
