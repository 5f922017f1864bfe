"""`columns:` in render: the annex prints the original's columns, order, headings and names."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx

from conftest import DATA
from roadmapctl.reading.loader import load_text
from roadmapctl.render import render_document

LOCAL = (DATA / "positive" / "local-numbering.yaml").read_text(encoding="utf-8")
COLUMNS = """columns:
  - {field: number, heading: "№ п/п"}
  - {field: title, heading: Наименование мероприятий}
  - {field: executors, heading: Ответственные, names: short}
  - {field: deadline, heading: Сроки проведения}
"""
HEADINGS = ["№\u00a0п/п", "Наименование мероприятий", "Ответственные", "Сроки проведения"]


def _roadmap(text: str):
    result = load_text(text, "карта.yaml")
    assert result.roadmap is not None and not [p for p in result.problems if p.is_error], result.problems
    return result.roadmap


def _with_columns(columns: str = COLUMNS) -> str:
    return LOCAL.replace("sections:\n", columns + "sections:\n", 1)


def _table(text: str, **options) -> list[list[str]]:
    data = render_document(_roadmap(text), fmt="docx", what="annex", **options)
    table = docx.Document(io.BytesIO(data)).tables[0]
    rows = []
    for row in table.rows:
        seen, cells = set(), []
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell.text)
        rows.append(cells)
    return rows


def _html_rows(text: str, **options) -> list[list[str]]:
    html = render_document(_roadmap(text), fmt="html", what="annex", **options).decode("utf-8")
    body = html[html.index('<table class="items">'):html.index("</table>")]
    rows = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        rows.append([re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in cells])
    return rows


def test_docx_prints_the_columns_in_order_with_headings_and_short_names() -> None:
    rows = _table(_with_columns())
    assert rows[0] == HEADINGS
    assert rows[1] == ["1.", "Направление 1. Организационная работа"]
    assert rows[2] == ["1.", "Составление плана профориентационной работы на учебный год", "ЗДВР",
                       "Сентябрь 2024"]
    # an item with its own executors; short names where the glossary has them
    assert ["2.", "Индивидуальные консультации родителей", "Педагог-психолог,\nКл. рук.",
            "В течение года"] in rows


def test_html_prints_the_same_table() -> None:
    rows = _html_rows(_with_columns())
    assert rows[0] == HEADINGS
    assert rows[1] == ["1.", "Направление 1. Организационная работа"]
    assert rows[2] == ["1.", "Составление плана профориентационной работы на учебный год", "ЗДВР",
                       "Сентябрь 2024"]


def test_executors_option_overrides_the_column_names() -> None:
    rows = _table(_with_columns(), executors="full")
    assert rows[2][2] == "Заместитель директора по воспитательной работе"


def test_items_without_executors_print_their_section_default() -> None:
    rows = _table(_with_columns())
    direction_2 = rows[rows.index(["2.", "Направление 2. Работа с обучающимися"]) + 1]
    assert direction_2 == ["1.", "Классные часы «Мир профессий»", "Кл. рук.", "Ежемесячно"]
    # sub-items print no executors: their parent's row names them
    sub = next(r for r in rows if r[1] == "Регистрация обучающихся на платформе")
    assert sub[2] == ""


def test_table_without_number_column_puts_section_across_the_row() -> None:
    columns = ("columns:\n  - {field: title, heading: Содержание работы}\n  - {field: deadline, heading: Срок}\n"
               "  - {field: result, heading: Результат}\n")
    for rows in (_table(_with_columns(columns)), _html_rows(_with_columns(columns))):
        assert rows[0] == ["Содержание работы", "Срок", "Результат"]
        assert rows[1] == ["1. Направление 1. Организационная работа"]
        assert rows[2] == ["Составление плана профориентационной работы на учебный год", "Сентябрь 2024", ""]


def test_without_columns_the_default_table_is_printed() -> None:
    rows = _table(LOCAL)
    assert rows[0] == ["№ п/п", "Мероприятие", "Срок исполнения", "Ответственные исполнители"]
    assert rows[2][3] == "Заместитель директора по воспитательной работе"


def test_render_command_follows_columns(cli, tmp_path: Path) -> None:
    path = tmp_path / "карта.yaml"
    path.write_text(_with_columns(), encoding="utf-8")
    out = tmp_path / "карта.html"
    result = cli("render", path, "-o", out)
    assert result.code == 0, result.err
    html = out.read_text(encoding="utf-8")
    assert "<th scope=\"col\">Сроки проведения</th>" in html
    assert html.index("Ответственные</th>") < html.index("Сроки проведения</th>")


def test_diff_table_labels_follow_the_new_columns(tmp_path: Path) -> None:
    from roadmapctl.diff import compare
    from roadmapctl.diff.table import rows

    old = _roadmap(_with_columns())
    changed = _with_columns().replace("deadline: Сентябрь 2024", "deadline: Октябрь 2024", 1)
    changed = changed.replace("        executors: [ped]\n", "        executors: [kl]\n", 1)
    table = rows(compare(old, _roadmap(changed)))
    by_title = {row.new[0]: row for row in table if row.new and row.new[0] and row.new[0][0][0] == ""}
    deadline = by_title[(("", "Составление плана профориентационной работы на учебный год"),)]
    executors = by_title[(("", "Диагностика профессиональных склонностей"),)]
    assert deadline.new[1] == (("label", "Сроки проведения: "), ("ins", "Октябрь 2024"))
    assert executors.new[1] == (("label", "Ответственные: "), ("ins", "Кл. рук."))
    assert executors.old[1] == (("label", "Ответственные: "), ("del", "Педагог-психолог"))
