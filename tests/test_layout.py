"""The table layout keys: `columns`, `default_executors`, `numbering` — loading and inheritance."""

from __future__ import annotations

from datetime import date

import pytest

from roadmapctl.reading.loader import load_text
from roadmapctl.tracking import track

HEAD = "title: Карта\nperiod: 2023/2024\nexecutors:\n  dir: {name: Директор, short: Дир.}\n  zam: Заместитель\n"

INHERIT = HEAD + """default_executors: [dir]
sections:
  - number: "1."
    title: Направление 1
    default_executors: zam
    items:
      - number: "1."
        title: Своего нет, берёт раздела
        deadline: Октябрь 2023
        items:
          - title: Подпункт берёт у родителя
      - number: "2."
        title: Свой исполнитель
        deadline: Октябрь 2023
        executors: [dir]
        items:
          - title: Подпункт родителя
    sections:
      - title: Подраздел без своего
        items:
          - title: Берёт у внешнего раздела
            deadline: Октябрь 2023
  - number: "2."
    title: Направление 2
    items:
      - number: "1."
        title: Берёт у карты
        deadline: Октябрь 2023
"""


def test_effective_executors_follow_item_parent_section_roadmap() -> None:
    result = load_text(INHERIT, "карта.yaml")
    assert result.problems == []
    rm = result.roadmap
    assert [r.id for r in rm.default_executors] == ["dir"]
    assert [r.id for r in rm.sections[0].default_executors] == ["zam"]
    got = [(e.item.title, [r.id for r in e.effective_executors], e.executors_inherited) for e in rm.walk()]
    assert got == [
        ("Своего нет, берёт раздела", ["zam"], True),
        ("Подпункт берёт у родителя", ["zam"], True),
        ("Свой исполнитель", ["dir"], False),
        ("Подпункт родителя", ["dir"], True),
        ("Берёт у внешнего раздела", ["zam"], True),
        ("Берёт у карты", ["dir"], True),
    ]


def test_tracking_sees_default_executors() -> None:
    rm = load_text(INHERIT, "карта.yaml").roadmap
    tracked = track(rm, date(2023, 12, 1))
    assert [[r.id for r in t.executors] for t in tracked] == [["zam"], ["zam"], ["dir"], ["dir"], ["zam"], ["dir"]]


def test_defaults_satisfy_the_completeness_rule(cli, tmp_path) -> None:
    path = tmp_path / "карта.yaml"
    path.write_text(INHERIT.replace('"1."', '"1"').replace('"2."', '"2"'), encoding="utf-8")
    result = cli("check", path)
    assert "R104" not in result.out


def test_unknown_default_executor_is_reported_where_written(cli, tmp_path) -> None:
    path = tmp_path / "карта.yaml"
    path.write_text(HEAD + "default_executors: [dri]\nsections:\n  - title: Р\n    default_executors: zm\n"
                    "    items: []\n", encoding="utf-8")
    result = cli("check", path)
    assert result.code == 1
    assert f"{path}:6:21: error [R101] исполнитель «dri» не найден в справочнике executors. Может быть, «dir»?" \
        in result.out
    assert f"{path}:9:24: error [R101] исполнитель «zm» не найден в справочнике executors. Может быть, «zam»?" \
        in result.out


def test_columns_load_in_order_with_headings_and_names() -> None:
    text = HEAD + """columns:
  - {field: number, heading: "№ п/п"}
  - title
  - {field: executors, heading: Ответственные исполнители, names: short}
  - {field: deadline, heading: Сроки проведения}
sections: []
"""
    result = load_text(text, "карта.yaml")
    assert result.problems == []
    got = [(c.field, c.heading, c.names) for c in result.roadmap.columns]
    assert got == [("number", "№ п/п", None), ("title", None, None),
                   ("executors", "Ответственные исполнители", "short"), ("deadline", "Сроки проведения", None)]


@pytest.mark.parametrize(("columns", "line", "col", "message"), [
    ("[{field: colour}]", 6, 19, "columns.field: «colour» — допустимо number, title, deadline, executors, "
                                 "result, indicator, form, note"),
    ("[{field: dedline}]", 6, 19, "columns.field: «dedline» — допустимо number, title, deadline, executors, "
                                  "result, indicator, form, note — может быть, «deadline»?"),
    ("[{field: title, names: short}]", 6, 33, "columns: names задаётся только у столбца executors"),
    ("[{field: executors, names: brief}]", 6, 37,
     "columns.names: «brief» — допустимо short (краткие наименования) или full (полные)"),
    ("[title, {field: title, heading: Х}]", 6, 26, "columns: столбец «title» уже указан в строке 6"),
    ("[]", 6, 10, "columns: список столбцов пуст; уберите ключ, чтобы печатать столбцы по умолчанию"),
])
def test_bad_columns_are_told_at_their_place(columns: str, line: int, col: int, message: str) -> None:
    result = load_text(HEAD + f"columns: {columns}\nsections: []\n", "карта.yaml")
    assert [(p.line, p.col, p.message) for p in result.problems] == [(line, col, message)]


def test_numbering_loads_and_misspelling_is_suggested() -> None:
    rm = load_text(HEAD + "numbering: local\nsections:\n  - title: Р\n    numbering: hierarchical\n",
                   "карта.yaml").roadmap
    assert (rm.numbering, rm.sections[0].numbering) == ("local", "hierarchical")
    result = load_text(HEAD + "numbering: locl\nsections: []\n", "карта.yaml")
    problem = result.problems[0]
    assert (problem.line, problem.col) == (6, 12)
    assert problem.message.endswith("— может быть, «local»?")
    assert result.roadmap.numbering is None
    assert result.roadmap.sections == []


@pytest.mark.parametrize(("text", "suggestion"), [
    ("столбцы: [title]\nsections: []\n", "«columns»"),
    ("нумерация: local\nsections: []\n", "«numbering»"),
    ("исполнители по умолчанию: [dir]\nsections: []\n", "«default_executors»"),
    ("columns: [{field: title, заголовок: Содержание}]\nsections: []\n", "«heading»"),
])
def test_russian_keys_suggest_the_layout_keys(text: str, suggestion: str) -> None:
    problems = load_text(HEAD + text, "карта.yaml").problems
    assert len(problems) == 1 and problems[0].message.endswith(f"— может быть, {suggestion}?"), problems
