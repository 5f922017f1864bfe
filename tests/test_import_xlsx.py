"""`roadmapctl import` of Excel workbooks: what real files bring besides the layouts."""

from __future__ import annotations

from pathlib import Path

import pytest


def _book(path: Path, rows: list[list[object]], title: str = "Лист1") -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(str(path))


def test_the_roadmap_sheet_is_found_among_others(cli, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Пояснения"
    book.active.append(["Заполняется ответственными до 10 числа"])
    plan = book.create_sheet("План")
    plan.append(["План мероприятий на 2024/2025 учебный год"])
    plan.append(["№", "Мероприятие", "Срок", "Ответственный", "Результат"])
    plan.append([1, "Совещание", "Сентябрь 2024", "Директор", "Протокол"])
    plan.append([2, "Отчёт", "до 15.05.2025", "Заместитель директора", "Отчёт"])
    path = tmp_path / "plan.xlsx"
    book.save(str(path))
    target = tmp_path / "plan.yaml"
    result = cli("import", path, "-o", target)
    assert result.code == 0, result.err
    text = target.read_text(encoding="utf-8")
    assert 'number: "1"' in text and "deadline: до 15.05.2025" in text
    assert "title: План мероприятий на 2024/2025 учебный год" in text
    assert "лист «Пояснения»" in result.out  # the skipped sheet is named in the report


def test_dates_and_whole_numbers_read_as_shown(cli, tmp_path: Path) -> None:
    from datetime import datetime

    path = tmp_path / "plan.xlsx"
    _book(path, [["План на 2024/2025 учебный год"],
                 ["№ п/п", "Наименование мероприятия", "Дата", "Исполнитель", "Ожидаемый результат"],
                 [1.0, "Педсовет", datetime(2024, 8, 30), "Директор", "Решение"]])
    target = tmp_path / "plan.yaml"
    assert cli("import", path, "-o", target).code == 0
    text = target.read_text(encoding="utf-8")
    assert 'number: "1"' in text and "deadline: 30.08.2024" in text


@pytest.mark.parametrize(("name", "data", "message"), [
    ("old.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "старый формат Excel (.xls)"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "файл повреждён"),
    ("text.xlsx", b"just text", "файл повреждён"),
])
def test_damaged_or_old_workbooks_are_input_errors(cli, tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("import", path, "-o", tmp_path / "x.yaml")
    assert result.code == 2 and message in result.err, result.err
    assert not (tmp_path / "x.yaml").exists()


def test_a_workbook_without_a_roadmap_table(cli, tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    _book(path, [["Фамилия", "Имя"], ["Иванов", "Иван"]])
    result = cli("import", path, "-o", tmp_path / "x.yaml")
    assert result.code == 2 and "ни на одном листе нет таблицы дорожной карты" in result.err


@pytest.mark.parametrize("name", ["chelyabinsk-2023-2024.yaml", "lysva-2021-2022.yaml", "belgorod-2021-2025.yaml"])
def test_export_then_import_gives_the_same_items(cli, tmp_path: Path, name: str) -> None:
    """A roadmap exported to Excel (as a ministry template wants it) comes back with the same measures."""
    from conftest import ROADMAPS
    from roadmapctl.reading.loader import load

    book = tmp_path / "plan.xlsx"
    assert cli("export", ROADMAPS / name, "-o", book).code == 0
    target = tmp_path / "plan.yaml"
    result = cli("import", book, "-o", target, "--period", str(load(ROADMAPS / name).roadmap.period))
    assert result.code in (0, 1), result.err
    original, imported = load(ROADMAPS / name).roadmap, load(target).roadmap

    def measures(roadmap) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        return [(e.item.number or None, e.item.title, e.item.deadline) for e in roadmap.walk()]

    assert measures(imported) == measures(original)
