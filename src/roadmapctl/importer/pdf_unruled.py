"""Rows of a PDF table drawn without lines: lines of words → rows of cells, page by page.

`pdf_words` finds the lines, the header and the columns; this module walks
the lines in order and decides, line by line, what a person decides by eye:
a header (a new table, or the old one's header repeated on the next page), a
new row (a number in the number column, or text standing in the number
column or running across column borders: a section or a note), a line of the
row above (a wrapped cell, also across a page break), or text after the
table.  Whenever the decision rests on spacing rather than on a number, the
import report says so with the page and row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roadmapctl.importer.pdf_words import (
    Columns,
    Line,
    drop_running_lines,
    find_header,
    make_columns,
    page_lines,
    split_line,
)
from roadmapctl.importer.rows import EDITORIAL
from roadmapctl.importer.tables import Cell, is_column_numbers, make_cell
from roadmapctl.model.text import shorten

_ROW_NUMBER_CHARS = "0123456789IVXLCІХ"  # noqa: RUF001 - the Cyrillic look-alikes of I and X
_TIGHT = 1.6  # a line pitch up to this many font sizes keeps to one cell; wider is a gap between rows
_AFTER = 3.0  # a gap this many font sizes wide ends the table


@dataclass
class _Row:
    lines: list[list[str]]
    merged: set[int] = field(default_factory=set)
    kind: str = "item"  # "item", "text" (a section or a note) or "plain" (a header again, «1 2 3»)
    where: str = ""

    def add(self, texts: list[str]) -> None:
        for index, text in enumerate(texts):
            if text:
                self.lines[index].append(text)

    def cells(self) -> list[Cell]:
        filled = [i for i, lines in enumerate(self.lines) if lines]
        lonely = len(filled) == 1 and (self.kind == "text" or bool(self.merged))
        return [make_cell(["\n".join(lines)]) if lines
                else Cell(merged=i in self.merged or (lonely and i > filled[0])) for i, lines in enumerate(self.lines)]


@dataclass
class _Grid:
    page: int
    rows: list[_Row] = field(default_factory=list)


@dataclass
class _Page:
    number: int
    blocks: list[str | _Grid] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PageBlocks:
    """What one page holds, in reading order: paragraphs (str) and grids (the header first, if printed)."""

    number: int
    blocks: list[str | list[list[Cell]]]
    notes: list[tuple[str, str]]


class _Reader:
    def __init__(self) -> None:
        self.pages: list[_Page] = []
        self.columns: Columns | None = None
        self.grid: _Grid | None = None
        self.row: _Row | None = None
        self.tables = 0
        self.fresh = True
        self.trail: list[tuple[_Page, _Grid, _Row]] = []  # the open table's rows, in order

    def page(self, page_no: int, lines: list[Line]) -> None:
        self.pages.append(_Page(page_no))
        self.grid = None
        self.fresh = True  # no line of the table read on this page yet
        previous: Line | None = None
        i = 0
        while i < len(lines):
            line = lines[i]
            inside = self.columns is not None and previous is not None and not _gap(line, previous)
            header = find_header(lines, i)
            if header is not None and inside and not self._repeated(header[1]):
                header = None  # a header never goes on from a cell's line, but the table's own may follow
                # its last row without a gap (rows set tight, as Excel prints them)
            if header is not None:
                used, found = header
                self._header(make_columns(found, lines[i + used:]), page_no)
                previous, i = lines[i + used - 1], i + used
                continue
            if self.columns is not None and previous is not None and self._after_table(line, previous):
                self.close()
            if self.columns is None:
                self.pages[-1].blocks.append(line.text)
            else:
                self._body(line, previous, page_no)
            previous, i = line, i + 1

    def _repeated(self, found: list[tuple[float, float, str]]) -> bool:
        """Is this the open table's own header again?"""
        return self.columns is not None and [text for _, _, text in found] == self.columns.texts

    def _header(self, columns: Columns, page_no: int) -> None:
        again = self.columns is not None and self.columns.texts == columns.texts
        if not again:
            self.close()
        self.columns = columns
        width = len(columns.texts)
        if again and self.grid is not None:  # the header repeated inside the table: rows skip it
            self._new_row([[t] for t in columns.texts], "plain")
            return
        self.grid = _Grid(page_no)
        self.pages[-1].blocks.append(self.grid)
        self.grid.rows.append(_Row([[t] for t in columns.texts], kind="plain", where=self._where(0)))
        if not again:
            self.tables += 1
            how = ("строки — по номерам в столбце «№»" if columns.number is not None
                   else "строки — по промежуткам между строками")
            self.pages[-1].notes.append((self._where(0), f"таблица без линий прочитана по расположению текста: "
                                                         f"столбцы ({width}) — по строке заголовков, {how}; "
                                                         "сверьте мероприятия с документом"))

    def _where(self, index: int) -> str:
        assert self.grid is not None
        return f"страница {self.grid.page}, строка {index + 1}"

    def _new_row(self, lines: list[list[str]], kind: str) -> _Row:
        assert self.grid is not None
        row = _Row(lines, kind=kind, where=self._where(len(self.grid.rows)))
        self.grid.rows.append(row)
        self.trail.append((self.pages[-1], self.grid, row))
        return row

    def close(self) -> None:
        """End the table; text rows after its last measure were text below it (a signature), not rows.

        An editorial row («Примечание: …») stays: it belongs to the measure above.
        """
        while self.trail and self.trail[-1][2].kind == "text":
            page, grid, row = self.trail[-1]
            lines = next((lines for lines in row.lines if lines), [""])
            if EDITORIAL.match(lines[0]):
                break
            self.trail.pop()
            grid.rows.remove(row)
            at = next(i for i, block in enumerate(page.blocks) if block is grid) + 1
            page.blocks[at:at] = lines
            page.notes.append((row.where, f"строка «{shorten(' '.join(lines))}» после последнего мероприятия "
                                          "не отнесена к таблице: это текст под таблицей"))
        self.trail = []
        self.columns = self.grid = self.row = None

    def _after_table(self, line: Line, previous: Line) -> bool:
        """Text set left of the table, or after a gap no row leaves, is no longer the table."""
        assert self.columns is not None
        if _numbered(line, self.columns):
            return False
        return line.x0 < self.columns.left - 3 or line.top - previous.bottom > _AFTER * line.size

    def _body(self, line: Line, previous: Line | None, page_no: int) -> None:
        columns = self.columns
        assert columns is not None
        if self.grid is None:  # the table goes on at the top of the next page, without its header
            self.grid = _Grid(page_no)
            self.pages[-1].blocks.append(self.grid)
        texts, spans = split_line(line, columns)
        empty: list[list[str]] = [[] for _ in texts]
        if is_column_numbers(texts):
            self._new_row([[t] if t else [] for t in texts], "plain")
            self.row = None
            return
        gap = previous is None or _gap(line, previous)
        standing = columns.number is not None and bool(texts[columns.number]) and not _numbered(line, columns)
        if _numbered(line, columns):
            self.row = self._new_row(empty, "item")
        elif spans or standing:
            start = min([columns.index(line.words[0]), *spans])  # where merged text begins, if it does
            # Text beginning in the number column and running across the cells, right under a row of
            # separate cells (a measure), opens a row of its own: a note or a section merged across the
            # table, printed without a gap (Excel sets rows tight). A section title wrapped inside
            # the number column, or text merged across that goes on, stays with its row.
            after_item = (bool(spans) and _in_number_column(line, columns) and self.row is not None
                          and self.row.kind == "item" and not self.row.merged)
            if self.row is None or gap or after_item or not (self.row.kind == "text" or self.row.lines[start]):
                self.row = self._new_row(empty, "text")
        elif gap and sum(1 for t in texts if t) == 1 and columns.centred(line):
            # a section centred across the table that stays inside one column: merged across, as it is
            self.row = self._new_row(empty, "text")
            texts, spans = [line.text] + [""] * (len(texts) - 1), {0: len(texts) - 1}
        elif self.row is None or (columns.number is None and gap):
            self.row = self._new_row(empty, "item")
        elif gap:
            self._gap_line(texts, columns)
        self.fresh = False
        row = self.row
        assert row is not None
        for first, last in spans.items():
            row.merged |= set(range(first + 1, last + 1))
        row.add(texts)

    def _gap_line(self, texts: list[str], columns: Columns) -> None:
        """A line without a number after a gap: a new unnumbered row, or the rest of the row above.

        A line filling two cells or more, the text one starting with a capital
        letter, begins a row; any other continues the row above (at the top
        of a page: the row the page break cut).
        """
        assert self.row is not None and self.grid is not None
        title = next((texts[i] for i in range(len(texts)) if texts[i] and i != columns.number), "")
        filled = sum(1 for t in texts if t)
        here = self._where(len(self.grid.rows))
        if filled >= 2 and title[:1].isupper():
            self.row = self._new_row([[] for _ in texts], "item")
            self.pages[-1].notes.append((here, "строка без номера после промежутка прочитана как новое "
                                               "мероприятие — проверьте"))
        elif self.fresh:
            self.pages[-1].notes.append((self.row.where, "строки без номера в начале следующей страницы "
                                                         "присоединены к этой строке как продолжение ячеек, "
                                                         "разорванных переходом страницы"))
        else:
            self.pages[-1].notes.append((self.row.where, "строка без номера после промежутка присоединена к этой "
                                                         "строке как продолжение ячеек — проверьте"))


def _gap(line: Line, previous: Line) -> bool:
    """More space above the line than between the lines of one cell."""
    return line.top - previous.top > _TIGHT * line.size


def _in_number_column(line: Line, columns: Columns) -> bool:
    """Does the line begin inside the number column (its first word may run on past its border)?"""
    if columns.number is None:
        return False
    left = columns.borders[columns.number - 1] if columns.number > 0 else float("-inf")
    right = columns.borders[columns.number] if columns.number < len(columns.borders) else float("inf")
    return left <= line.x0 < right


def _numbered(line: Line, columns: Columns) -> bool:
    """A number («1.», «2.3», «IV») begins the line's text in the number column."""
    if columns.number is None:
        return False
    words = [w for w in line.words if columns.index(w) == columns.number]
    first = words[0].text.rstrip(".") if words else ""
    if not first:
        return False
    parts = first.split(".")
    return all(p.isdigit() for p in parts) or all(ch in _ROW_NUMBER_CHARS for ch in first)


def read_unruled(pages: list[Any]) -> list[PageBlocks] | None:
    """Paragraphs and grids per page, or None when no page holds a recognisable header."""
    lines = [page_lines(page) for page in pages]
    drop_running_lines(lines)
    reader = _Reader()
    for page_no, on_page in enumerate(lines, 1):
        reader.page(page_no, on_page)
    reader.close()
    if not reader.tables:
        return None
    return [PageBlocks(page.number, [[r.cells() for r in b.rows] if isinstance(b, _Grid) else b
                                     for b in page.blocks if not isinstance(b, _Grid) or b.rows], page.notes)
            for page in reader.pages]
