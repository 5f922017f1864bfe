"""`roadmapctl done` and `extend`: the file gains lines and loses or changes nothing else."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from conftest import ROADMAPS

SOURCE = ROADMAPS / "chelyabinsk-2023-2024.yaml"


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    path = tmp_path / "chelyabinsk-2023-2024.yaml"
    shutil.copyfile(SOURCE, path)
    return path


def _changes(before: bytes, after: bytes) -> list[tuple[str, int, list[str], list[str]]]:
    """(tag, line number in the original after which it happens, removed lines, added lines)."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    return [(tag, i1, old[i1:i2], new[j1:j2])
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            if tag != "equal"]


def _line_after(text: bytes, anchor: str, start: str) -> int:
    """Number of lines up to and including the first `anchor` line after the line `start`."""
    lines = text.decode("utf-8").splitlines()
    begin = next(i for i, line in enumerate(lines) if line.strip() == start)
    return next(i for i in range(begin, len(lines)) if lines[i].strip().startswith(anchor)) + 1


def test_done_only_adds_lines_after_the_result(cli, roadmap: Path) -> None:
    before = roadmap.read_bytes()
    result = cli("done", roadmap, "2.2", "--on", "2024-03-01", "--note", "приказ № 12")
    assert (result.code, result.err) == (0, "")
    assert result.out == (f"{roadmap}: мероприятие 2.2 — отмечено выполнение 01.03.2024 "
                          "(с опозданием на 183 дня); статус: выполнено.\n")
    at = _line_after(before, "result:", '- number: "2.2"')
    assert _changes(before, roadmap.read_bytes()) == [("insert", at, [], [
        "        status: done\n",
        "        completions:\n",
        "          - date: 2024-03-01\n",
        "            note: приказ № 12\n",
    ])]


def test_second_done_for_the_same_date_is_refused(cli, roadmap: Path) -> None:
    assert cli("done", roadmap, "2.2.", "--on", "2024-03-01").code == 0
    once = roadmap.read_bytes()
    again = cli("done", roadmap, "2.2", "--on", "2024-03-02")
    assert again.code == 2
    assert again.err == "roadmapctl: ошибка: выполнение мероприятия 2.2 уже отмечено (01.03.2024)\n"
    assert roadmap.read_bytes() == once


def test_done_of_the_last_date_sets_done_and_changes_only_the_status_line(cli, roadmap: Path) -> None:
    before = roadmap.read_bytes()
    result = cli("done", roadmap, "3.2", "--on", "2024-06-20")
    assert result.out.endswith("отмечено выполнение 20.06.2024 за срок 30.06.2024 (в срок); "
                               "статус: выполнено.\n")
    changes = _changes(before, roadmap.read_bytes())
    assert [(tag, old, new) for tag, _, old, new in changes] == [
        ("replace", ["        status: in_progress\n"], ["        status: done\n"]),
        ("insert", [], ["          - date: 2024-06-20\n", "            due: 2024-06-30\n"]),
    ]


def test_repeating_item_gets_the_date_it_covers_written_out(cli, roadmap: Path) -> None:
    before = roadmap.read_bytes()
    cli("done", roadmap, "4.3", "--on", "2024-06-20")
    at = _line_after(before, "due: 2023-12-31", '- number: "4.3"')
    assert _changes(before, roadmap.read_bytes()) == [
        ("insert", at, [], ["          - date: 2024-06-20\n", "            due: 2024-08-31\n"])]
    twice = cli("done", roadmap, "4.3", "--on", "2023-12-28")
    assert twice.code == 2
    assert "за срок 31.12.2023 уже отмечено (27.12.2023)" in twice.err
    assert "укажите его: --due ДАТА" in twice.err


def test_comments_stay_next_to_what_they_describe(cli, roadmap: Path) -> None:
    before = roadmap.read_bytes()
    assert cli("done", roadmap, "5.2.5/4", "--on", "2024-05-20").code == 0
    assert cli("done", roadmap, "5.3/1", "--on", "2024-05-20").code == 0
    text = roadmap.read_text(encoding="utf-8")
    assert ("                status: done\n"
            "                completions:\n"
            "                  - date: 2024-05-20\n"
            "              # Открывающая кавычка перед «Инженерные каникулы» в документе пропущена.\n"
            "              - title: Участие в региональной профильной смене") in text
    assert text.endswith("              - bilet-v-budushchee\n"
                         "            # Результат не указан: текст документа на этой строке обрывается.\n"
                         "            status: done\n"
                         "            completions:\n"
                         "              - date: 2024-05-20\n")
    assert all(tag == "insert" for tag, *_ in _changes(before, roadmap.read_bytes()))


def test_extend_appends_to_the_history_and_overdue_uses_the_new_date(cli, roadmap: Path) -> None:
    before = roadmap.read_bytes()
    result = cli("extend", roadmap, "3.2", "--to", "2024-07-15", "--reason", "перенос мониторинга",
                 "--basis", "письмо РЦОКИО № 7", "--on", "2024-06-25")
    assert result.out == (f"{roadmap}: мероприятие 3.2 — срок 30.06.2024 перенесён на 15.07.2024 "
                          "(причина: перенос мониторинга).\n")
    at = _line_after(before, "note: первый этап", '- number: "3.2"')
    assert _changes(before, roadmap.read_bytes()) == [("insert", at, [], [
        "        extensions:\n",
        "          - to: 2024-07-15\n",
        "            reason: перенос мониторинга\n",
        "            basis: письмо РЦОКИО № 7\n",
        "            date: 2024-06-25\n",
    ])]
    assert json.loads(cli("overdue", "--as-of", "2024-07-10", "-e", "РЦОКИО", "-f", "json", roadmap).out) == []
    late = json.loads(cli("overdue", "--as-of", "2024-07-20", "-e", "РЦОКИО", "-f", "json", roadmap).out)
    assert [(r["item"], r["due"], r["original_due"], r["days_overdue"]) for r in late] == [
        ("3.2", "2024-07-15", "2024-06-30", 5)]


def test_second_extension_keeps_the_history(cli, roadmap: Path) -> None:
    result = cli("extend", roadmap, "4.1", "--to", "2024-02-20", "--reason", "ещё перенос",
                 "--on", "2024-02-01")
    assert result.out == (f"{roadmap}: мероприятие 4.1 — срок 15.02.2024 (по плану 31.01.2024) "
                          "перенесён на 20.02.2024 (причина: ещё перенос).\n")
    text = roadmap.read_text(encoding="utf-8")
    assert ("          - to: 2024-02-15\n"
            "            reason: позднее поступление результатов регионального мониторинга\n"
            "            basis: служебная записка МАУДО «ДПШ»\n"
            "            date: 2024-01-24\n"
            "          - to: 2024-02-20\n"
            "            reason: ещё перенос\n"
            "            date: 2024-02-01\n") in text


@pytest.mark.parametrize(("args", "message"), [
    (["5.2.6/2", "--to", "2023-10-15"], ("новый срок 15.10.2023 раньше текущего срока 31.10.2023 "
                                          "мероприятия 5.2.6/2")),
    (["5.2.6/2", "--to", "2023-10-31"], ("новый срок 31.10.2023 совпадает с текущим сроком 31.10.2023 "
                                          "мероприятия 5.2.6/2")),
    (["1.2", "--to", "2023-11-30"], "все сроки мероприятия 1.2 уже выполнены: переносить нечего"),
    (["5.2.5", "--to", "2024-06-30"], "у мероприятия 5.2.5 нет срока; отмечайте его подпункты"),
])
def test_extension_refusals(cli, roadmap: Path, args: list[str], message: str) -> None:
    before = roadmap.read_bytes()
    result = cli("extend", roadmap, *args, "--reason", "причина", "--on", "2024-02-25")
    assert (result.code, result.err) == (2, f"roadmapctl: ошибка: {message}\n")
    assert roadmap.read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["5.2.9", "--on", "2024-02-25"], "нет мероприятия «5.2.9» — может быть, 5.2.5/9, 5.2.8, 5.2.7?"),
    (["3.2", "--on", "2024-02-25", "--due", "2024-02-29"],
     "у мероприятия 3.2 нет срока 29.02.2024; контрольные даты: 31.01.2024, 30.06.2024"),
    (["2.2", "--on", "2199-01-01"], "--on: дата 01.01.2199 ещё не наступила"),
])
def test_done_refusals(cli, roadmap: Path, args: list[str], message: str) -> None:
    before = roadmap.read_bytes()
    result = cli("done", roadmap, *args)
    assert result.code == 2
    assert message in result.err
    assert roadmap.read_bytes() == before


def test_items_by_key_and_trailing_dot(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("""title: Карта
period: "2024"
executors:
  uo: {name: Управление образования}
sections:
  - number: "1."
    title: Раздел
    items:
      - number: "1.1."
        key: plan
        title: План
        deadline: март
        executors: [uo]
      - title: Без номера
        deadline: апрель
        executors: [uo]
""", encoding="utf-8")
    assert cli("done", path, "plan", "--on", "2024-03-10").code == 0
    assert cli("done", path, "1/2", "--on", "2024-04-10").code == 0
    assert cli("done", path, "1.1", "--on", "2024-03-11").code == 2
    text = path.read_text(encoding="utf-8")
    assert text.count("status: done") == 2 and text.count("- date: 2024-0") == 2


def test_file_with_errors_is_not_edited(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: [\n", encoding="utf-8")
    result = cli("done", path, "1.1", "--on", "2024-03-10")
    assert (result.code, result.err) == (2, (
        f"roadmapctl: ошибка: в карте {path} 1 ошибка — файл не изменён\n"
        f"  {path}:2:1: [R001] ошибка синтаксиса YAML: ожидалось значение\n"
        f"  подробности: roadmapctl check {path}\n"))
    assert path.read_text(encoding="utf-8") == "title: [\n"


def test_comments_of_the_item_stay_and_notes_on_the_next_item_move_down(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    head = """title: Карта
period: "2024"
executors:
  uo: {name: Управление образования}
sections:
  - number: "1"
    title: Раздел
    items:
      - number: "1.1"
        title: План
        deadline: март
        executors: [uo]
        result: План утверждён  # так в документе
        # про этот пункт
"""
    tail = """      # про следующий пункт

      - number: "1.2"
        title: Отчёт
        deadline: ежеквартально
        executors: [uo]
        completions: []
        extensions:
          - to: 2024-04-15
            reason: перенос без даты
"""
    path.write_text(head + tail, encoding="utf-8")
    assert cli("done", path, "1.1", "--on", "2024-03-10").code == 0
    # The undated extension counts from the start: the first quarter is due 15.04.
    done = cli("done", path, "1.2", "--on", "2024-04-12")
    assert "за срок 31.03.2024 (в срок); статус: выполняется." in done.out
    assert path.read_text(encoding="utf-8") == head + """        status: done
        completions:
          - date: 2024-03-10
""" + tail.replace("""        completions: []
""", """        status: in_progress
        completions:
          - date: 2024-04-12
            due: 2024-03-31
""")


def test_done_keeps_windows_line_endings(tmp_path: Path) -> None:
    from roadmapctl.main import run

    before = (ROADMAPS / "chelyabinsk-2023-2024.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    target = tmp_path / "crlf.yaml"
    target.write_bytes(before.encode("utf-8"))
    assert run(["done", str(target), "2.2", "--on", "2024-01-15"]) == 0
    after = target.read_bytes().decode("utf-8")
    assert "\n" not in after.replace("\r\n", "")
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line for line in diff[2:] if line.startswith("-")]
    added = [line[1:].strip() for line in diff[2:] if line.startswith("+")]
    assert removed == []
    assert added == ["status: done", "completions:", "- date: 2024-01-15"]


def test_file_without_a_final_newline_is_edited_and_stays_without_it(cli, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    before = """title: Карта
period: "2024"
executors:
  uo: {name: Управление образования}
sections:
  - number: "1"
    title: Раздел
    items:
      - number: "1.1"
        title: План
        deadline: март
        executors: [uo]"""
    path.write_bytes(before.encode("utf-8"))
    result = cli("done", path, "1.1", "--on", "2024-03-10")
    assert (result.code, result.err) == (0, "")
    assert path.read_bytes().decode("utf-8") == before + """
        status: done
        completions:
          - date: 2024-03-10"""


def test_sub_item_of_a_cancelled_item_is_refused_naming_why(cli, tmp_path: Path) -> None:
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
        title: Отменённое
        deadline: март
        executors: [uo]
        status: cancelled
        items:
          - title: Подпункт
""", encoding="utf-8")
    own = cli("done", path, "1.1", "--on", "2024-03-10")
    assert own.err == "roadmapctl: ошибка: мероприятие 1.1 отменено (status: cancelled)\n"
    sub = cli("done", path, "1.1/1", "--on", "2024-03-10")
    assert sub.err == "roadmapctl: ошибка: мероприятие 1.1/1 входит в отменённое (status: cancelled)\n"


FLOW = """title: Карта
period: "2024"
executors: {uo: {name: Управление образования}}
sections:
  - number: "1"
    title: Раздел
    items:
      - {number: "1.1", title: Первое, deadline: март, executors: [uo]}
      - number: "1.2"
        title: Второе
        deadline: ежемесячно
        executors: [uo]
        completions: [{date: 2024-01-10}]
"""


@pytest.mark.parametrize(("item", "what"), [
    ("1.1", "мероприятие 1.1 записано"), ("1.2", "completions мероприятия 1.2 записаны"),
])
def test_an_item_or_list_written_in_one_line_is_refused_with_the_reason(cli, tmp_path: Path, item: str,
                                                                        what: str) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(FLOW, encoding="utf-8")
    result = cli("done", path, item, "--on", "2024-03-10")
    assert (result.code, result.err) == (2, (
        f"roadmapctl: ошибка: {what} в одну строку: отметку не добавить, не переписав эту строку\n"
        "  запишите по строкам (ключ: значение, «- » для элементов списка) или внесите отметку вручную\n"))
    assert path.read_text(encoding="utf-8") == FLOW
