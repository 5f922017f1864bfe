"""Excel workbooks: tables people filter, sort and send on, with nothing that runs.

Every sheet has a frozen, bold header row, an autofilter and column widths
that fit their text; dates are real dates (Excel sorts and filters them),
numbers are numbers.  Text from users never becomes a formula: openpyxl
treats any string starting with «=» as one, so every text cell is forced to
the string type after it is assigned («=HYPERLINK(…)», «+1», «@SUM» stay text).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

MAX_WIDTH = 60  # characters: wider text wraps inside the cell
DATE_FORMAT = "DD.MM.YYYY"


@dataclass
class Sheet:
    title: str  # at most 31 characters, no []:*?/\ (Excel's rules); cleaned here
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    bold_rows: set[int] = field(default_factory=set)  # 0-based data rows shown bold (sections, totals)
    merged_rows: set[int] = field(default_factory=set)  # data rows whose first cell spans the width
    caption: str | None = None  # a title line above the header


def workbook(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    if book.active is not None:  # the default sheet; ours are added below
        book.remove(book.active)
    for sheet in sheets:
        _fill(book.create_sheet(_sheet_title(sheet.title, book.sheetnames)), sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    width = len(sheet.headers)
    top = 1
    if sheet.caption:
        cell = ws.cell(row=1, column=1)
        _set(cell, sheet.caption)
        cell.font = Font(bold=True, size=12)
        top = 3
    bold = Font(bold=True)
    for col, header in enumerate(sheet.headers, start=1):
        cell = ws.cell(row=top, column=col)
        _set(cell, header)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in sheet.headers]
    wrap = Alignment(wrap_text=True, vertical="top")
    styles: dict[tuple[bool, bool], Any] = {}  # (bold, date) → the style of the first such cell
    for index, values in enumerate(sheet.rows):
        r = top + 1 + index
        is_bold = index in sheet.bold_rows
        for col, value in enumerate(values[:width], start=1):
            cell = ws.cell(row=r, column=col)
            _set(cell, value)
            key = (is_bold, isinstance(value, (datetime, date)))
            if key in styles:
                cell._style = copy(styles[key])  # what the assignments below register, without redoing them
            else:
                cell.alignment = wrap
                if is_bold:
                    cell.font = bold
                styles[key] = copy(cell._style)
            widths[col - 1] = max(widths[col - 1], _text_width(value))
        if index in sheet.merged_rows and width > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    for col, chars in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(8, chars + 2))
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    last = get_column_letter(width)
    ws.auto_filter.ref = f"A{top}:{last}{top + max(1, len(sheet.rows))}"
    ws.print_title_rows = f"{top}:{top}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _set(cell: Any, value: Any) -> None:
    """Assign a value with its real type; text stays text whatever it starts with."""
    if value is None:
        return
    if isinstance(value, bool):
        cell.value = "да" if value else "нет"
        cell.data_type = "s"
    elif isinstance(value, (int, float)):
        cell.value = value
    elif isinstance(value, (datetime, date)):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        cell.value = _clean(str(value))
        cell.data_type = "s"


def _clean(text: str) -> str:
    """Characters XML (and so XLSX) cannot hold are dropped: tabs and line breaks stay."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 32 and ch not in "\ufffe\uffff"))[:32767]


def _text_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    text = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    return max((len(line) for line in text.split("\n")), default=0)


def _sheet_title(title: str, taken: list[str]) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "Лист"
    cleaned = cleaned[:31]
    candidate, n = cleaned, 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    return candidate
