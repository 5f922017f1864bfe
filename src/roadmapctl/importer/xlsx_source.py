"""Reading an Excel workbook (.xlsx): many roadmaps are drafted in Excel first.

The sheet that holds the roadmap is the first one with a header row of a
roadmap table («Мероприятие», «Срок», «Ответственные», …, in any wording the
Word import knows).  Rows above the header — the title, the approval stamp,
the goals — become paragraphs, as text before a Word table does.  Merged
cells read as they do from Word: a range merged across a row marks the
swallowed cells `merged` (a section row), a range merged down gives its text
to every row it covers and marks them `from_above` (a stage or a deadline for
several measures).  Values are read as shown: dates as «15.09.2023», whole
numbers without «.0»; formulas give their last computed value.

openpyxl is imported here only: `check` never pays for it.  The archive is
bounded before it is opened, as a .docx is.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError
from roadmapctl.importer.blocks import sheet_header
from roadmapctl.importer.tables import Cell, Document, Paragraph, Row, Table, is_column_numbers, make_cell


def read_xlsx_document(path: Path) -> Document:
    from roadmapctl.importer.docx_source import check_archive

    check_archive(path)
    book = _open(path)
    notes: list[tuple[str, str]] = []
    for sheet in book.worksheets:
        grid = _grid(sheet)
        found = sheet_header(grid)
        if found is None:
            if any(not c.empty for row in grid for c in row):
                notes.append((f"лист «{sheet.title}»", "нет строки заголовков таблицы дорожной карты — пропущен"))
            continue
        start, columns, body, header = found
        where = f"лист «{sheet.title}»"
        preamble = [Paragraph(cell.text, f"{where}, строка {r + 1}")
                    for r, row in enumerate(grid[:start]) for cell in row if not cell.empty]
        rows = [Row(cells, f"{where}, строка {r + 1}") for r, cells in enumerate(grid) if r >= body
                and not is_column_numbers([c.text for c in cells]) and any(not c.empty for c in cells)]
        return Document(path.name, preamble, [Table(columns, rows, where, header=header)], notes)
    raise InputError(f"{path}: ни на одном листе нет таблицы дорожной карты",
                     "нужна строка заголовков: «Мероприятие», «Сроки», «Ответственные», «Результат»")


def _open(path: Path) -> Any:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        return load_workbook(str(path), data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, BadZipFile):
            raise InputError(f"не удалось прочитать {path}: {exc.strerror or exc}") from None
        raise InputError(f"{path}: файл повреждён или это не книга Excel .xlsx",
                         "откройте его в Excel и сохраните заново как .xlsx") from None
    except Exception as exc:  # lxml's XMLSyntaxError (an entity bomb, broken XML) and the like
        if type(exc).__name__ in ("XMLSyntaxError", "ParseError", "InvalidFileException"):
            raise InputError(f"{path}: файл повреждён", "откройте его в Excel и сохраните заново как .xlsx") from None
        raise


def _grid(sheet: Any) -> list[list[Cell]]:
    """The used range as cells, merges resolved as Word's are."""
    width = sheet.max_column
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) != (merged.min_row, merged.min_col):
                    owner[r, c] = (merged.min_row, merged.min_col)
    grid: list[list[Cell]] = []
    for r, values in enumerate(sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=width,
                                               values_only=True), start=1):
        cells: list[Cell] = []
        for c, value in enumerate(values, start=1):
            if (r, c) in owner:
                top_r, _top_c = owner[r, c]
                if top_r < r:  # merged down: the text of the cell above, once per row
                    above = grid[r - 2][c - 1]
                    cells.append(Cell(list(above.paragraphs), from_above=not above.empty))
                else:  # merged across
                    cells.append(Cell(merged=True))
                continue
            text = _text(value)
            cells.append(make_cell(text.split("\n")) if text.strip() else Cell())
        grid.append(cells)
    return grid


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y") if value.time() == datetime.min.time() else value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
