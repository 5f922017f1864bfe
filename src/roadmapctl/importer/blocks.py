"""A document as a flow of paragraphs and tables, assembled into the neutral `Document`.

Word, OpenDocument and web pages all come as paragraphs and tables in order.
Which table is the roadmap, and what the text around it is, is decided here
once for all of them:

* the first table whose first rows name the roadmap's columns is the roadmap;
  paragraphs before it are the preamble (order, stamp, title), paragraphs
  between its parts are the heading of the next part;
* a table before it without such a header is a layout table (a letterhead, a
  stamp set in a borderless table) whose text joins the preamble, unless it
  looks like a data table of its own (a header row naming columns), which is
  skipped and named in the report;
* after the roadmap, a table without a header continues it when it has as
  many columns (the table broken by a page or a section), else it is skipped
  and named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from roadmapctl.importer.tables import (
    Cell,
    Document,
    Paragraph,
    Row,
    Table,
    header_field,
    is_column_numbers,
    match_header_rows,
)

NO_COLUMNS = "нет столбцов «Мероприятие», «Сроки», «Ответственные», «Результат»"


@dataclass
class Block:
    """One paragraph (its lines) or one table (its grid), and where it stands («абзац 3», «таблица 2»)."""

    where: str
    lines: list[str] | None = None
    grid: list[list[Cell]] | None = None


def assemble(name: str, blocks: Iterable[Block]) -> Document:
    preamble: list[Paragraph] = []
    tables: list[Table] = []
    pending: list[Paragraph] = []
    notes: list[tuple[str, str]] = []
    width = 0
    columns: dict[str, int] | None = None
    header: list[list[str]] = []
    for block in blocks:
        if block.grid is None:
            pending += [Paragraph(line, block.where) for line in block.lines or [] if line.strip()]
            continue
        grid = block.grid
        found = find_header(grid)
        if found is None and columns is None and is_data_table(grid):
            notes.append((block.where, f"не похожа на таблицу дорожной карты ({NO_COLUMNS}) — пропущена"))
            continue
        if found is None and columns is None:
            pending += [Paragraph(text, block.where) for cells in grid for cell in cells for text in cell.paragraphs]
            continue
        if found is None and grid_width(grid) != width:
            notes.append((block.where, "нет строки заголовков, а столбцов другое число, "
                                       "чем в таблице дорожной карты, — пропущена"))
            continue
        if found is not None:
            columns, first, header = found
            width = grid_width(grid)
        else:
            first = 0
        rows = [Row(cells, f"{block.where}, строка {index + 1}") for index, cells in enumerate(grid)
                if index >= first and not is_column_numbers([c.text for c in cells])]
        if not tables:
            preamble, pending = pending, []
        assert columns is not None
        tables.append(Table(columns, rows, block.where, heading=pending, header=header))
        pending = []
    if not tables:
        preamble = pending
    return Document(name, preamble, tables, notes)


def grid_width(grid: list[list[Cell]]) -> int:
    return max((len(cells) for cells in grid), default=0)


def is_data_table(grid: list[list[Cell]]) -> bool:
    """A table of its own (a list of people, of schools) rather than a layout table.

    Its first row names columns («№», «Наименование ОО», …) and rows follow;
    a stamp or a letterhead set in a borderless table has neither.
    """
    if len(grid) < 2:
        return False
    texts = [c.text for c in grid[0] if not c.empty]
    return len(texts) >= 2 and any(header_field(text) for text in texts)


def find_header(grid: list[list[Cell]]) -> tuple[dict[str, int], int, list[list[str]]] | None:
    """The column map, the first body row and the header rows' texts, if one of the first rows is a header."""
    for index, cells in enumerate(grid[:3]):
        below = grid[index + 1] if index + 1 < len(grid) else []
        found = match_header_rows(spanned(cells), [c.text for c in below])
        if found:
            columns, used = found
            return columns, index + used, [spanned(grid[i]) for i in range(index, index + used)]
    return None


def spanned(cells: list[Cell]) -> list[str]:
    """Cell texts with a cell spanning several columns repeated in each."""
    texts: list[str] = []
    for cell in cells:
        texts.append(texts[-1] if cell.merged and texts else cell.text)
    return texts


def sheet_header(grid: list[list[Cell]]) -> tuple[int, dict[str, int], int, list[list[str]]] | None:
    """(first header row, columns, first body row, header texts) of a sheet (Excel, CSV), where
    the header may sit below the title and the stamp, in the first forty rows."""
    for start in range(min(len(grid), 40)):
        if sum(1 for cell in grid[start] if not cell.empty) < 2:
            continue  # a title or a stamp line above the table, not a header
        found = find_header(grid[start:start + 3])
        if found is not None:
            columns, used, header = found
            return start, columns, start + used, header
    return None
