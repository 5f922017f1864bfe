"""Reading a roadmap table pasted from Word as plain text.

Copying a Word table into a text editor gives one of two layouts:

* one row per line, cells separated by tabs; a row broken across a page
  comes back as a second line whose number cell is empty (Lysva);
* one cell per line: a row starts with «\\t<number>» and every following
  cell is a line starting with a tab; paragraphs of a cell are lines without
  the tab, blank lines fall anywhere (Chelyabinsk).

Both are detected by their header row.  Lines before the first header are
the preamble (order, approval stamp, title); lines without tabs between
tables become the heading of the next table.  Inside a table, a line
without tabs is a row merged across the table when it reads like a heading
(«2. Работа с родителями», «IV. Контроль», «Направление 2.») or an
editorial note, or when it stands right under the header; otherwise it
continues the last cell of the row above.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from roadmapctl.errors import InputError
from roadmapctl.importer.boxtext import block_end, is_row_line, is_table_line, read_box_table
from roadmapctl.importer.cleanup import split_html_paragraphs
from roadmapctl.importer.rows import EDITORIAL
from roadmapctl.importer.tables import (
    Cell,
    Document,
    Paragraph,
    Row,
    Table,
    is_column_numbers,
    make_cell,
    match_header,
    match_header_rows,
)

_MAX_COLUMNS = 12  # no roadmap table is wider; bounds the header search
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")  # «# План …» pasted from a wiki or a chat
_NUMBER_LIKE = re.compile(r"^\s*(\d+(\.\d+)*\.?)?\s*$")
# A line that heads a section: «2. Работа с родителями», «IV. Контроль»,
# «Направление 2. Кадры», «Раздел 1»; a continuation starts otherwise.
_HEADING_LINE = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+[А-ЯЁA-Z«\"]"
    r"|(?i:раздел|направление|блок|этап|модуль)\s+(?:\d+|[IVXLC]+)\b)")


def read_text_document(path: Path) -> Document:
    return parse_text(read_decoded(path), path.name)


def read_decoded(path: Path) -> str:
    """A text file's contents in whichever of the encodings `decode` knows."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"не удалось прочитать {path}: {exc.strerror or exc}") from None
    return decode(data, path)


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM («Юникод» in Notepad), else
    Windows-1251 as Word saves «Обычный текст»."""
    encodings = ("utf-16",) if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else ()
    for encoding in (*encodings, "utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: не удалось прочитать текст ни в UTF-8, ни в Windows-1251")


def parse_text(text: str, name: str) -> Document:
    lines = text.split("\n")
    preamble: list[Paragraph] = []
    tables: list[Table] = []
    pending: list[Paragraph] = []
    notes: list[tuple[str, str]] = []
    index = 0
    while index < len(lines):
        if is_table_line(lines[index]):  # a table drawn with bars and rules (reference systems, Markdown)
            end = block_end(lines, index)
            if end > index + 1:
                drawn = read_box_table(lines, index, end)
                if drawn is None:
                    if sum(map(is_row_line, lines[index:end])) >= 2:  # not just two rules in a row
                        notes.append((f"строка {index + 1}", "таблица без столбцов дорожной карты пропущена"))
                else:
                    if not tables:
                        preamble, pending = pending, []
                    drawn.heading, pending = pending, []
                    tables.append(drawn)
                index = end
                continue
        found = _header_at(lines, index)
        if found is None:
            line = lines[index]
            if line.strip():
                pending.append(Paragraph(_MARKDOWN_HEADING.sub("", line), f"строка {index + 1}"))
            index += 1
            continue
        columns, width, cell_layout, first_body, header = found
        if not tables:
            preamble, pending = pending, []
        header_line = index + 1
        reader = _read_cells if cell_layout else _read_rows
        table, index = reader(lines, first_body, columns, width)
        table.heading, pending = pending, []
        table.header = header
        table.where = f"строка {header_line}"
        tables.append(table)
    if not tables:
        preamble = pending
    return Document(name, preamble, tables, notes if tables else [])


Header = tuple[dict[str, int], int, bool, int, list[list[str]]]


def _header_at(lines: list[str], index: int) -> Header | None:
    """(columns, width, cell-per-line layout?, first body line, header rows) if a header starts here."""
    line = lines[index]
    if line.count("\t") >= 2 and not line.startswith("\t"):
        below = lines[index + 1] if index + 1 < len(lines) and "\t" in lines[index + 1] else ""
        found = match_header_rows(line.split("\t"), below.split("\t") if below else [])
        if found:
            columns, used = found
            rows = [line.split("\t"), below.split("\t")][:used]
            return columns, len(line.split("\t")), False, index + used, rows
    cells: list[str] = []
    cursor = index
    while cursor < len(lines) and len(cells) <= _MAX_COLUMNS and (_single_cell(lines[cursor]) or (
            cells and lines[cursor].strip() and not lines[cursor].startswith("\t"))):
        if lines[cursor].startswith("\t"):
            cells.append(lines[cursor][1:])
        else:
            cells[-1] += " " + lines[cursor]  # «Срок» / «исполнения»: a header cell on two lines
        cursor += 1
    if len(cells) >= 3:
        header = match_header(cells)
        if header:
            return header, len(cells), True, cursor, [cells]
    return None


def _single_cell(line: str) -> bool:
    return line.startswith("\t") and "\t" not in line[1:]


def _cell(raw: str) -> list[str]:
    return split_html_paragraphs(raw)


def _read_rows(lines: list[str], start: int, columns: dict[str, int], width: int) -> tuple[Table, int]:
    """One row per line; a tab-less line continues the last cell of the row above."""
    rows: list[Row] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if _header_at(lines, index):
            break
        if "\t" not in line:
            if _starts_next_table(lines, index):
                break
            if not rows or _HEADING_LINE.match(line.strip()) or EDITORIAL.match(line.strip()):
                # A row merged across the table comes out of Word as a line without tabs;
                # right under the header there is no cell it could continue.
                cells = [make_cell(_cell(line.strip()))] + [Cell(merged=True) for _ in range(width - 1)]
                rows.append(Row(cells, f"строка {index + 1}"))
            elif rows:
                last = max((i for i, c in enumerate(rows[-1].cells) if not c.empty), default=0)
                extra = make_cell(_cell(line))
                rows[-1].cells[last].paragraphs += extra.paragraphs
                rows[-1].cells[last].noise |= extra.noise
            index += 1
            continue
        raw = line.split("\t")
        if not is_column_numbers(raw):
            cells = [make_cell(_cell(part)) for part in raw]
            cells += [make_cell([]) for _ in range(width - len(cells))]
            rows.append(Row(cells, f"строка {index + 1}"))
        index += 1
    return Table(columns, rows, ""), index


def _starts_next_table(lines: list[str], index: int) -> bool:
    """Tab-less lines right before another header are that table's heading."""
    cursor = index
    while cursor < len(lines) and (not lines[cursor].strip() or "\t" not in lines[cursor]):
        cursor += 1
        if cursor - index > 5:
            return False
    return cursor < len(lines) and _header_at(lines, cursor) is not None


def _read_cells(lines: list[str], start: int, columns: dict[str, int], width: int) -> tuple[Table, int]:
    """One cell per line: «\\t…» opens a cell, other lines add paragraphs to it."""
    rows: list[Row] = []
    current: list[list[str]] = []
    row_line = start
    after_blank = False

    def flush() -> None:
        if current and not is_column_numbers([c[0] if c else "" for c in current]):
            cells = [make_cell(paragraphs) for paragraphs in current]
            cells += [make_cell([]) for _ in range(width - len(cells))]
            rows.append(Row(cells, f"строка {row_line + 1}"))

    index = start
    while index < len(lines):
        line = lines[index]
        if not line.strip() and not line.startswith("\t"):
            after_blank = True
            index += 1
            continue
        if _header_at(lines, index):
            break
        if line.startswith("\t"):
            text = line[1:]
            opens_row = len(current) >= width or (
                after_blank and len(current) <= 2 and _NUMBER_LIKE.match(text) is not None
            )
            if opens_row or not current:
                flush()
                current = []
                row_line = index
            current.append(_cell(text))
        elif current:
            current[-1].extend(_cell(line))
        after_blank = False
        index += 1
    flush()
    return Table(columns, rows, ""), index
