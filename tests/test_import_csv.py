"""`roadmapctl import` of a table saved as CSV: Excel's semicolons in Windows-1251, commas in UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmapctl.importer.csv_source import parse_csv
from roadmapctl.reading.loader import load

EXCEL = ('Приложение к приказу от 01.09.2025 № 15\n'
         'Дорожная карта по профориентации на 2025/2026 учебный год;;;\n'
         '№ п/п;Мероприятие;Срок;Ответственные;Результат\n'
         '1;2;3;4;5\n'
         'I. Организационная работа;;;;\n'
         '1.1;"Совещание ""Профориентация-2025""";сентябрь;"Заместитель директора по ВР\nПедагог-психолог";Протокол\n'
         '1.2;Экскурсия на предприятие;октябрь;Классные руководители;\n'
         'II. Работа с родителями;;;;\n'
         '2.1;Родительское собрание;ноябрь;Классные руководители;Протокол\n')


@pytest.mark.parametrize(("encoding", "separator"), [("cp1251", ";"), ("utf-8-sig", ","), ("utf-8", "\t")])
def test_a_csv_imports_field_by_field(encoding: str, separator: str, tmp_path: Path, cli) -> None:
    source = tmp_path / "plan.csv"
    text = EXCEL if separator == ";" else EXCEL.replace(";", separator)
    source.write_bytes(text.encode(encoding))
    result = cli("import", source, "-o", tmp_path / "plan.yaml")
    assert result.code == 0, result.out + result.err
    assert "не подходит к разделу" not in result.out  # «1.1» stands under «I.»
    roadmap = load(tmp_path / "plan.yaml").roadmap
    assert roadmap is not None
    assert roadmap.title == "Дорожная карта по профориентации на 2025/2026 учебный год"
    assert roadmap.approval is not None and roadmap.approval.number == "15"
    assert [(s.number, s.title) for s in roadmap.sections] == [("I", "Организационная работа"),
                                                               ("II", "Работа с родителями")]
    got = [(e.item.number, e.item.title, e.item.deadline, [roadmap.executors[r.id].name for r in e.item.executors],
            e.item.result) for e in roadmap.walk()]
    assert got == [
        ("1.1", 'Совещание "Профориентация-2025"', "сентябрь", ["Заместитель директора по ВР", "Педагог-психолог"],
         "Протокол"),
        ("1.2", "Экскурсия на предприятие", "октябрь", ["Классные руководители"], None),
        ("2.1", "Родительское собрание", "ноябрь", ["Классные руководители"], "Протокол"),
    ]


def test_a_csv_without_a_roadmap_header_is_refused(tmp_path: Path, cli) -> None:
    source = tmp_path / "money.csv"
    source.write_text("Источник;2024;2025\nБюджет;100;120\n", encoding="utf-8")
    result = cli("import", source)
    assert result.code == 2 and "нет строки заголовков таблицы дорожной карты" in result.err


def test_an_unclosed_quote_keeps_what_was_read() -> None:
    document = parse_csv('№;Мероприятие;Срок;Ответственные\n1;Семинар;май;Методист\n2;"Конкурс;июнь;Жюри\n', "t.csv")
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == ["1", "Семинар", "май", "Методист"]
