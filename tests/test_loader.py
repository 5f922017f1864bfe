"""The loader: positions, shapes, and problems returned instead of raised."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS
from roadmapctl.model.roadmap import Pos
from roadmapctl.reading.loader import load, load_text


def test_minimal_roadmap_builds_the_model() -> None:
    result = load(DATA / "positive" / "minimal.yaml")
    assert result.problems == []
    rm = result.roadmap
    assert rm is not None
    assert rm.title == "Дорожная карта профориентации МБОУ СОШ № 1"
    assert (rm.period.start, rm.period.end) == (date(2023, 9, 1), date(2024, 8, 31))
    assert rm.approval.date == date(2023, 8, 30)
    assert rm.approval.number == "101-о"
    assert rm.executors["zam"].short == "ЗДВР"
    entries = list(rm.walk())
    assert [e.item.number for e in entries] == ["1.1", "1.2", None, None]
    first = entries[0].item
    assert first.status == "done"
    assert first.completions[0].date == date(2023, 9, 20)
    assert first.where("deadline") == Pos(21, 19)
    co = entries[1].item.executors[1]
    assert (co.id, co.role, co.note) == ("dir", "co", "по согласованию")


def test_sub_items_inherit_executors_and_deadline() -> None:
    rm = load(DATA / "positive" / "minimal.yaml").roadmap
    entries = list(rm.walk())
    second_sub = entries[3]
    assert second_sub.parent is entries[1].item
    assert [r.id for r in second_sub.effective_executors] == ["zam", "dir"]
    assert second_sub.effective_deadline == "Октябрь – ноябрь"
    assert entries[2].effective_deadline == "октябрь"


def test_numbers_stay_text() -> None:
    result = load_text(
        'title: t\nperiod: 2023/2024\nsections:\n  - number: 2\n    title: s\n'
        '    items:\n      - number: 2.10\n        title: x\n', "x.yaml")
    item = result.roadmap.sections[0].items[0]
    assert item.number == "2.10"
    assert result.roadmap.sections[0].number == "2"


def test_dates_as_yaml_dates_or_strings() -> None:
    text = ('title: t\nperiod: 2023/2024\napproval:\n  date: "2023-08-30"\n'
            'order:\n  date: 30.08.2023\nsections: []\n')
    rm = load_text(text, "x.yaml").roadmap
    assert rm.approval.date == rm.order.date == date(2023, 8, 30)


def test_problems_are_returned_not_raised() -> None:
    result = load_text("title: [a]\nperiod: 2023/2025\nsections: {}\nextra: 1\n", "x.yaml")
    messages = [(p.line, p.col, p.code, p.message) for p in result.problems]
    assert messages == [
        (4, 1, "R002", "дорожная карта: неизвестный ключ «extra»"),
        (1, 8, "R002", "title: ожидался текст, а здесь список; в YAML квадратные скобки — это список: "
                       "возьмите текст в кавычки"),
        (2, 9, "R002", "period: учебный год «2023/2025» должен состоять из двух соседних лет, "
                       "например «2023/2024»"),
        (3, 11, "R002", "sections: ожидался список (строки, начинающиеся с «- »), а здесь словарь"),
    ]


def test_every_roadmap_loads_cleanly() -> None:
    for path in sorted(ROADMAPS.glob("*.yaml")):
        result = load(path)
        assert result.problems == [], path
        assert result.roadmap is not None


def test_unknown_key_suggests_english_name_for_russian_word(tmp_path: Path) -> None:
    text = ("title: t\nperiod: 2023/2024\nsections:\n  - title: s\n    items:\n"
            "      - title: x\n        срок: октябрь\n")
    result = load_text(text, "x.yaml")
    assert [p.message for p in result.problems] == [
        "мероприятие: неизвестный ключ «срок» — может быть, «deadline»?"
    ]


YAML_MISTAKES = [
    # what people type in Notepad → where the message points and what it says
    ("title: t\nperiod: 2023/2024\n  sections: []\n", 3, 11,
     "здесь не может стоять «ключ: значение»: проверьте отступ строки, а если двоеточие — часть "
     "текста, возьмите значение в кавычки"),
    ("title: Срок: октябрь\n", 1, 12,
     "здесь не может стоять «ключ: значение»: проверьте отступ строки, а если двоеточие — часть "
     "текста, возьмите значение в кавычки"),
    ("title: t\nperiod 2023/2024\nsections: []\n", 2, 1,
     "после ключа нет двоеточия с пробелом («ключ: значение»)"),
    ("title: t\nperiod:2023/2024\nsections: []\n", 2, 1,
     "после ключа нет двоеточия с пробелом («ключ: значение»)"),
    ('title: "Дорожная карта\nperiod: 2023/2024\n', 1, 8, "кавычка не закрыта до конца файла"),
    ('title: t\nsections:\n  - number: "1\n    title: s\n  - number: "2"\n    title: u\n', 3, 13,
     'кавычка «"» не закрыта в конце строки: допишите закрывающую'),
    ("executors: [uo, oo\nsections: []\n", 2, 9,
     "не закрыта квадратная скобка «[» из строки 1 (или между элементами нет запятой)"),
    ("executors: {uo: a, oo\nsections: []\n", 2, 9,
     "не закрыта фигурная скобка «{» из строки 1 (или между элементами нет запятой)"),
    ('title: "C:\\папка"\n', 1, 11,
     "в тексте в двойных кавычках после «\\» стоит неизвестный знак; возьмите текст в одинарные "
     "кавычки или удвойте «\\»"),
    ("title: @школа\n", 1, 8, "значение не может начинаться с «@»: возьмите его в кавычки"),
    ("title: t\n%план\n", 2, 1,
     "строка, начинающаяся с «%», — директива YAML; если это текст, возьмите его в кавычки"),
    ("title: t\n---\ntitle: u\n", 2, 1, "в файле несколько YAML-документов (---), нужен один"),
    ("title: & план\n", 1, 8,
     "после «&» или «*» ожидалось имя якоря; если это текст, возьмите его в кавычки"),
    ("title: |план\n", 1, 9, "лишний текст после «|» или «>»; если это текст, возьмите значение в кавычки"),
]


@pytest.mark.parametrize(("text", "line", "col", "message"), YAML_MISTAKES,
                         ids=[f"yaml{n}" for n in range(len(YAML_MISTAKES))])
def test_yaml_mistakes_are_told_in_russian_at_their_place(text: str, line: int, col: int,
                                                          message: str) -> None:
    problems = load_text(text, "x.yaml").problems
    assert [(p.line, p.col, p.code, p.message) for p in problems] == [
        (line, col, "R001", "ошибка синтаксиса YAML: " + message)]


ITEM = "title: t\nperiod: 2023/2024\nexecutors: {uo: УО}\nsections:\n  - title: s\n    items:\n      - title: x\n"


@pytest.mark.parametrize(("text", "message"), [
    ("территория: Лысьва\n" + ITEM, "дорожная карта: неизвестный ключ «территория» — может быть, «territory»?"),
    ("цели: [a]\n" + ITEM, "дорожная карта: неизвестный ключ «цели» — может быть, «goals»?"),
    (ITEM + "        Ответственный: [uo]\n",
     "мероприятие: неизвестный ключ «Ответственный» — может быть, «executors»?"),
    (ITEM + "        сроки исполнения: октябрь\n",
     "мероприятие: неизвестный ключ «сроки исполнения» — может быть, «deadline»?"),
    (ITEM + "        подпункты: []\n", "мероприятие: неизвестный ключ «подпункты» — может быть, «items»?"),
    (ITEM + "        executors: [{исполнитель: uo}]\n",
     "исполнитель: неизвестный ключ «исполнитель» — может быть, «id»?"),
    ("title: t\nperiod: 2023/2024\nexecutors:\n  uo: {наименование: УО}\nsections: []\n",
     "executors.uo: неизвестный ключ «наименование» — может быть, «name»?"),
    (ITEM + "        extensions: [{новый срок: 2024-01-01, причина: нет}]\n",
     "перенос срока: неизвестный ключ «новый срок» — может быть, «to»?"),
])
def test_russian_keys_suggest_the_format_key(text: str, message: str) -> None:
    assert message in [p.message for p in load_text(text, "x.yaml").problems]


@pytest.mark.parametrize(("status", "suggestion"), [
    ("выполнено", "done"), ("Выполнено", "done"), ("в работе", "in_progress"), ("отменено", "cancelled"),
    ("запланировано", "planned"),
])
def test_russian_status_suggests_the_format_word(status: str, suggestion: str) -> None:
    problems = load_text(ITEM + f"        status: {status}\n", "x.yaml").problems
    assert [p.message for p in problems] == [
        f"status: «{status}» — допустимо planned, in_progress, done, cancelled — может быть, «{suggestion}»?"]


def test_wrong_encoding_points_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("title: t\nperiod: 2023/2024\nterritory: Лысьва\n".encode())
    assert [(p.line, p.col, p.message) for p in load(path, encoding="ascii").problems] == [
        (3, 12, "файл не читается в кодировке ascii: байт 0xd0 в ней не встречается; "
                "проверьте --encoding (обычно utf-8 или cp1251)")]


def test_stray_line_above_the_roadmap_is_pointed_at() -> None:
    text = "# карта\n        - uo\n# комментарий\ntitle: t\nperiod: 2023/2024\n"
    assert [(p.line, p.col, p.message) for p in load_text(text, "x.yaml").problems] == [
        (2, 9, "ошибка синтаксиса YAML: строка не на своём месте: карта начинается с ключа у левого края "
               "(«title: …»); проверьте отступ или перенесите строку")]


def test_a_list_where_text_belongs_says_how_to_write_it() -> None:
    text = ITEM + "        deadline:\n          - октябрь\n          - ноябрь\n"
    assert [(p.line, p.col, p.message) for p in load_text(text, "x.yaml").problems] == [
        (9, 11, "deadline: ожидался текст, а здесь список; несколько значений пишите одной строкой через запятую")]


def test_a_pipe_named_like_a_roadmap_is_not_read(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    assert [(p.line, p.message) for p in load(pipe).problems] == [
        (1, "это не обычный файл (канал, устройство или сокет), в нём нет дорожной карты")]
