"""`roadmapctl export`: a roadmap as an Excel or CSV table."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import ROADMAPS


@pytest.mark.parametrize("name", ["chelyabinsk-2023-2024.yaml", "lysva-2021-2022.yaml", "belgorod-2021-2025.yaml"])
def test_xlsx_has_every_item_and_section_in_document_order(cli, name: str, tmp_path: Path) -> None:
    import openpyxl

    from roadmapctl.reading.loader import load

    roadmap = load(ROADMAPS / name).roadmap
    target = tmp_path / "t.xlsx"
    assert cli("export", ROADMAPS / name, "-o", target).code == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A1"].value == roadmap.title
    assert [c.value for c in sheet[3]][:3] == ["№ п/п", "Наименование мероприятия", "Срок исполнения"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    items = [r for r in rows if r[1] is not None]
    walked = list(roadmap.walk())
    assert [(r[0] or None, r[1], r[2] or None) for r in items] == [
        (e.item.number, e.item.title, e.item.deadline) for e in walked]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    section_rows = [i + 4 for i, r in enumerate(rows) if r[1] is None]
    assert merged == {f"A{n}:{chr(64 + sheet.max_column)}{n}" for n in section_rows}
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)  # no formulas


def test_csv_keeps_the_section_in_its_own_column(cli) -> None:
    out = cli("export", ROADMAPS / "chelyabinsk-2023-2024.yaml", "-f", "csv").out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["section", "number", "title", "deadline", "executors", "result"]
    assert rows[0]["section"].startswith("1 Постановка целей") and rows[0]["number"] == "1.1"
    assert rows[0]["executors"] == "Комитет по делам образования города Челябинска, МБУ ДПО ЦРО"


def test_short_executor_names(cli) -> None:
    out = cli("export", ROADMAPS / "chelyabinsk-2023-2024.yaml", "-f", "csv", "--executors", "short").out
    assert next(iter(csv.DictReader(io.StringIO(out))))["executors"] == "Комитет, МБУ ДПО ЦРО"


def test_roadmap_with_errors_is_not_exported(cli, tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("title: [\n", encoding="utf-8")
    result = cli("export", path, "-o", tmp_path / "x.xlsx")
    assert result.code == 2 and "1 ошибка — таблица не выгружена" in result.err
    assert not (tmp_path / "x.xlsx").exists()
