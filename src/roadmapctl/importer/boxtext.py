"""Tables drawn with characters in plain text: box drawing, ASCII rules, Markdown.

Legal reference systems (КонсультантПлюс, Гарант) and the sites that republish
orders save a table as text drawn with box characters (┌─┬─┐ │ ├─┼─┤) or with
ASCII (+---+, |, |———|); tables pasted from wikis and chats are Markdown
(| a | b | over |---|---|).  No tab marks a cell there: a table is read by the
vertical bars of its lines.

* Columns: where the bars of every line stand at the same places (the table is
  aligned, as the reference systems print it), a cell is the text between two
  bars, and a line with fewer bars has cells spanning columns: a line with bars
  only at its edges is a row merged across the table (a section heading).  An
  unaligned table (Markdown) is split by counting bars instead.
* Rows: a line of rule characters ends a row.  Between two rules, a line whose
  number cell is filled (in a table without a number column: whose first cell
  opens with a capital letter or a digit) starts a row, and the other lines are
  the wrapped text of its cells, joined later as lines of a PDF are
  (hyphenation included).
* The header is the first row, or the first two (a header whose words or
  spanning cells take two rows); the row «1 | 2 | 3» numbering the columns is
  dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from roadmapctl.importer.tables import (
    Cell,
    Row,
    Table,
    is_column_numbers,
    make_cell,
    match_header_rows,
)

_BARS = "│|┃║¦"
_BAR = re.compile(f"[{re.escape(_BARS)}]")
# A rule: only drawing characters, with a horizontal run in it.
_RULE = re.compile(r"^\s*[┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫+\-=—–_:│|┃║¦ ]+$")
_HORIZONTAL = re.compile(r"[─━═\-=—–_]{3,}")
_STARTS_ROW = re.compile(r"^[А-ЯЁA-Z0-9«\"(№]")
_MAX_GAP = 1  # blank lines a table may hold (a page break in a saved text)


def is_rule(line: str) -> bool:
    return bool(_RULE.match(line)) and bool(_HORIZONTAL.search(line))


def is_row_line(line: str) -> bool:
    """A line of cells: opens with a bar (after indentation) and has another one."""
    text = line.strip()
    return len(text) > 1 and text[0] in _BARS and len(_BAR.findall(text)) >= 2


def is_table_line(line: str) -> bool:
    return is_rule(line) or is_row_line(line)


def block_end(lines: list[str], start: int) -> int:
    """The index after the last line of the drawn table starting at `start`."""
    end = index = start
    while index < len(lines):
        if is_table_line(lines[index]):
            index += 1
            end = index
            continue
        gap = index
        while gap < len(lines) and not lines[gap].strip() and gap - index < _MAX_GAP:
            gap += 1
        if gap == index or gap >= len(lines) or not is_row_line(lines[gap]):
            break
        index = gap
    return end


def read_box_table(lines: list[str], start: int, end: int) -> Table | None:
    """The roadmap table drawn on lines[start:end], or None if it is no roadmap table."""
    bands = _bands(lines, start, end)
    if not bands:
        return None
    grid = _grid([line for band in bands for _, line in band])
    split = _by_position(grid) if _aligned(grid, bands) else _by_count(len(grid) - 1)
    width = max(len(grid) - 1, 1)
    header_rows = [_header_cells(band, split, width) for band in bands[:2]]
    found = match_header_rows(header_rows[0], header_rows[1] if len(header_rows) > 1 else [])
    if not found:
        return None
    columns, used = found
    header = header_rows[:used]
    rows: list[Row] = []
    number = columns.get("number")
    body = bands[used:]
    one_row = number is None and len(body) >= 3  # rules drawn between the rows
    for band in body:
        if _header_cells(band, split, width) == header[0]:
            continue  # the header repeated (a table that went over pages)
        for first, cells in _rows_of(band, split, width, number, one_row):
            if is_column_numbers([c.text for c in cells]):
                continue
            rows.append(Row(cells, f"строка {first + 1}"))
    table = Table(columns, rows, f"строка {bands[0][0][0] + 1}")
    table.header = header
    return table


Band = list[tuple[int, str]]  # (line index, line) between two rules


def _bands(lines: list[str], start: int, end: int) -> list[Band]:
    bands: list[Band] = [[]]
    for index in range(start, end):
        line = lines[index]
        if is_rule(line):
            bands.append([])
        elif is_row_line(line):
            bands[-1].append((index, line.rstrip()))
    return [band for band in bands if band]


def _bars(line: str) -> list[int]:
    return [m.start() for m in _BAR.finditer(line)]


def _grid(lines: list[str]) -> list[int]:
    """The bar positions of the lines with the most cells (the body rows)."""
    most = max(len(_bars(line)) for line in lines)
    counts: dict[tuple[int, ...], int] = {}
    for line in lines:
        bars = tuple(_bars(line))
        if len(bars) == most:
            counts[bars] = counts.get(bars, 0) + 1
    return list(max(counts.items(), key=lambda item: item[1])[0])


def _aligned(grid: list[int], bands: list[Band]) -> bool:
    places = set(grid)
    return all(set(_bars(line)) <= places for band in bands for _, line in band)


# A line's cells: (first column, columns spanned, text).
Split = Callable[[str], list[tuple[int, int, str]]]


def _by_position(grid: list[int]) -> Split:
    """Cells of a line of an aligned table: (first column, columns spanned, text)."""
    column_of = {place: index for index, place in enumerate(grid)}

    def split(line: str) -> list[tuple[int, int, str]]:
        bars = _bars(line)
        return [(column_of[left], column_of[right] - column_of[left], line[left + 1:right].strip())
                for left, right in pairwise(bars)]
    return split


def _by_count(width: int) -> Split:
    """Cells of a line of an unaligned table: a line of one cell spans the table."""
    def split(line: str) -> list[tuple[int, int, str]]:
        bars = _bars(line)
        texts = [line[left + 1:right].strip() for left, right in pairwise(bars)]
        if len(texts) == 1:
            return [(0, width, texts[0])]
        return [(index, 1, text) for index, text in enumerate(texts[:width])]
    return split


def _header_cells(band: Band, split: Split, width: int) -> list[str]:
    """A header row's texts; a cell spanning sub-columns is repeated in each of them."""
    parts: list[list[str]] = [[] for _ in range(width)]
    for _, line in band:
        for column, span, text in split(line):
            for covered in range(column, min(column + span, width)):
                if text:
                    parts[covered].append(text)
    return ["\n".join(texts) for texts in parts]


def _rows_of(band: Band, split: Split, width: int, number: int | None,
             one_row: bool) -> list[tuple[int, list[Cell]]]:
    """The rows of a band: (line index, cells); merged lines make a row of their own.
    `one_row`: rules stand between the rows and the table has no number column, so the
    band is one row whatever its lines open with."""
    rows: list[tuple[int, list[list[str]], bool]] = []  # (first line, texts per column, merged across)
    for index, line in band:
        parts = split(line)
        across = len(parts) == 1 and parts[0][1] >= width > 1
        if across:
            text = parts[0][2]
            if rows and rows[-1][2]:
                rows[-1][1][0].append(text)  # a heading wrapped over two lines
            elif text:
                rows.append((index, [[text]] + [[] for _ in range(width - 1)], True))
            continue
        texts: list[list[str]] = [[] for _ in range(width)]
        for column, _span, text in parts:
            if column < width and text:
                texts[column].append(text)
        key = number if number is not None else 0
        opens = bool(texts[key]) and not one_row and (
            number is not None or bool(_STARTS_ROW.match(texts[key][0])))
        if not rows or rows[-1][2] or opens:
            rows.append((index, texts, False))
        else:
            for column, more in enumerate(texts):
                rows[-1][1][column].extend(more)
    out: list[tuple[int, list[Cell]]] = []
    for first, texts, across in rows:
        if across:
            out.append((first, [make_cell(["\n".join(texts[0])])] + [Cell(merged=True) for _ in range(width - 1)]))
        else:
            out.append((first, [make_cell(["\n".join(t)]) if t else Cell() for t in texts]))
    return out
