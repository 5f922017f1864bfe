"""Reading a roadmap table saved as CSV (.csv).

Excel's «Сохранить как → CSV» on a Russian Windows writes cells separated by
semicolons in Windows-1251; other programs write commas or tabs in UTF-8.
The separator is the one of «;», «,» and tab that splits the most lines into
the same number of cells; quoted cells may hold line breaks (paragraphs of
the cell).  The rows then read as a sheet of an .xlsx does: rows above the
header row are the title and the stamp, the row «1 2 3 4 5» is dropped.
A CSV has no merged cells: a section row is a row with only its first cell
filled.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from roadmapctl.errors import InputError
from roadmapctl.importer.blocks import sheet_header
from roadmapctl.importer.tables import Cell, Document, Paragraph, Row, Table, is_column_numbers, make_cell

_SEPARATORS = (";", ",", "\t")
_MAX_CELLS = 200  # a row wider than any roadmap table is not one


def read_csv_document(path: Path) -> Document:
    from roadmapctl.importer.text_source import read_decoded

    return parse_csv(read_decoded(path), path.name)


def parse_csv(text: str, name: str) -> Document:
    rows = _rows(text, _separator(text))
    width = max((len(values) for values in rows), default=0)
    grid = [_cells(values + [""] * (width - len(values))) for values in rows]
    found = sheet_header(grid)
    if found is None:
        raise InputError(f"{name}: в файле нет строки заголовков таблицы дорожной карты",
                         "нужна строка заголовков: «Мероприятие», «Сроки», «Ответственные», «Результат»")
    start, columns, body, header = found
    preamble = [Paragraph(cell.text, f"строка {r + 1}") for r, row in enumerate(grid[:start])
                for cell in row if not cell.empty]
    table_rows = [Row(cells, f"строка {r + 1}") for r, cells in enumerate(grid) if r >= body
                  and not is_column_numbers([c.text for c in cells]) and any(not c.empty for c in cells)]
    return Document(name, preamble, [Table(columns, table_rows, f"строка {start + 1}", header=header)])


def _separator(text: str) -> str:
    """The separator that gives the most lines of one width above one cell."""
    sample = text[:20000]
    best, score = ";", -1
    for separator in _SEPARATORS:
        widths: dict[int, int] = {}
        for values in _rows(sample, separator)[:200]:
            if len(values) > 1:
                widths[len(values)] = widths.get(len(values), 0) + 1
        points = max(widths.values(), default=0)
        if points > score:
            best, score = separator, points
    return best


def _rows(text: str, separator: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    out = []
    try:
        for values in reader:
            out.append(values[:_MAX_CELLS])
    except csv.Error:  # a quote never closed: what was read stands, the rest is one cell
        pass
    return out


def _cells(values: list[str]) -> list[Cell]:
    width = len(values)
    filled = [i for i, v in enumerate(values) if v.strip()]
    if width > 2 and filled == [0]:  # a section heading: only its first cell has text
        return [make_cell(values[0].split("\n"))] + [Cell(merged=True) for _ in range(width - 1)]
    return [make_cell(v.split("\n")) if v.strip() else Cell() for v in values]
