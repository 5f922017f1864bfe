"""Reading a text PDF (what schools publish on their sites): lines and ruled tables.

pdfplumber finds the tables by their ruling lines and gives each table's
cells with their geometry: a cell missing from a row is covered by a merged
one.  A merge down (a deadline or a stage for several measures) gives its
text to each row below, as Word does; a merge across marks the swallowed
cells `merged`, so a section row reads the same as from Word.  Text outside
the tables becomes paragraphs, in reading order with the tables.  A table
continuing on the next page (with its header repeated or not) continues
the same table, so a row broken by the page break is joined as in Word.
Words hyphenated at a cell's line end are joined later by `cleanup`.
A PDF without any ruled table is read from its words' positions instead
(`pdf_unruled`, `pdf_words`); both paths meet in the same `_Assembler`.

pdfplumber is imported here only: `check` never pays for it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError
from roadmapctl.importer.tables import Cell, Document, Paragraph, Row, Table, make_cell

_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}


def read_pdf_document(path: Path) -> Document:
    import pdfplumber

    from roadmapctl.limits import MAX_PDF_PAGES
    from roadmapctl.model.ru import count

    try:
        pdf = pdfplumber.open(str(path))
        pages = list(pdf.pages)
        if len(pages) > MAX_PDF_PAGES:
            pdf.close()
            raise InputError(f"{path}: в PDF {count(len(pages), 'страница', 'страницы', 'страниц')}, а импорт "
                             f"читает не больше {MAX_PDF_PAGES} — "
                             "это не похоже на дорожную карту",
                             "сохраните в отдельный PDF только страницы с таблицей дорожной карты")
        has_text = any(page.chars for page in pages)
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for one damaged file
        raise _damaged(path, exc) from None
    with pdf:
        if not has_text:
            raise InputError(f"{path}: в PDF нет текста — похоже, это отсканированный документ",
                             "распознайте текст (OCR) или возьмите исходный документ Word")
        return _read(pages, path)


def _damaged(path: Path, exc: Exception) -> InputError:
    if "password" in type(exc).__name__.lower() or "encrypt" in str(exc).lower():
        return InputError(f"{path}: PDF защищён паролем", "снимите защиту или возьмите исходный документ Word")
    return InputError(f"{path}: файл повреждён или это не PDF",
                      "откройте его заново и сохраните как PDF или возьмите исходный документ Word")


def _read(pages: list[Any], path: Path) -> Document:
    """The ruled tables; without any, or when none of them is a roadmap (a stamp in a frame), the words' layout."""
    tables = [page.find_tables(table_settings=_SETTINGS) for page in pages]
    if any(tables):
        document = _read_ruled(pages, tables, path)
        if document.tables:
            return document
    unruled = _read_unruled(pages, path)
    if unruled is not None:
        return unruled
    if any(tables):
        return document
    raise InputError(f"{path}: в PDF не найдено ни таблицы с линиями, ни строки заголовков таблицы "
                     "(«№», «Мероприятие», «Срок», «Ответственный» …) — таблицу дорожной карты не найти",
                     "откройте PDF в Word и сохраните как .docx или скопируйте таблицу в текстовый файл")


def _read_ruled(pages: list[Any], tables: list[list[Any]], path: Path) -> Document:
    assembler = _Assembler(path.name)
    for page_no, (page, found) in enumerate(zip(pages, tables, strict=True), 1):
        boxes = [t.bbox for t in found]
        outside = page.filter(lambda obj, boxes=boxes: not _inside(obj, boxes))
        blocks: list[tuple[float, Any]] = [(line["top"], line["text"]) for line in outside.extract_text_lines()]
        blocks += [(t.bbox[1], t) for t in found]
        for _, block in sorted(blocks, key=lambda b: b[0]):
            if isinstance(block, str):
                if not _PAGE_NUMBER.match(block):
                    assembler.paragraph(block, f"страница {page_no}")
            else:
                assembler.table(_grid(block), page_no)
    return assembler.document()


def _read_unruled(pages: list[Any], path: Path) -> Document | None:
    """A table without ruling lines, read from the words' positions (`pdf_unruled`), if a header is found."""
    from roadmapctl.importer.pdf_unruled import read_unruled

    read = read_unruled(pages)
    if read is None:
        return None
    assembler = _Assembler(path.name)
    for page in read:
        for block in page.blocks:
            if isinstance(block, str):
                if not _PAGE_NUMBER.match(block):
                    assembler.paragraph(block, f"страница {page.number}")
            else:
                assembler.table(block, page.number)
        assembler.notes += page.notes
    return assembler.document()


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _grid(table: Any) -> list[list[Cell]]:
    """Rows of cells; a missing cell is merged from above (text repeated) or from the left."""
    rows = table.rows  # a property that groups the cells anew on every call
    texts = _cell_texts(table.page.chars, rows)
    grid: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for c, box in enumerate(row.cells):
            if box is not None:
                text = texts[r][c] or ""
                cells.append(make_cell([text]) if text.strip() else Cell())
                continue
            above = _covering_above(rows, r, c)
            if above is not None:
                cells.append(Cell(list(grid[above][c].paragraphs), from_above=not grid[above][c].empty))
            else:
                cells.append(Cell(merged=True))
        grid.append(cells)
    return grid


def _cell_texts(chars: list[dict[str, Any]], rows: list[Any]) -> list[list[str | None]]:
    """What pdfplumber's `Table.extract()` gives, without scanning every character of the page for each row.

    A character belongs to the cell its middle falls in (the top and left edges included), as there;
    the characters sorted by their middle's height are cut to a row's band by bisection, and each
    cell keeps them in the page's order, so the text is the same.  `extract()` is quadratic: a
    long page table took as long as reading the page.
    """
    from bisect import bisect_left

    from pdfplumber.utils.text import extract_text

    middles = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars))
    heights = [m for m, _ in middles]
    out: list[list[str | None]] = []
    for row in rows:
        _, top, _, bottom = row.bbox
        band = sorted(i for _, i in middles[bisect_left(heights, top):bisect_left(heights, bottom)])
        centres = [((chars[i]["x0"] + chars[i]["x1"]) / 2, chars[i]) for i in band]
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            inside = [char for middle, char in centres if cell[0] <= middle < cell[2]
                      and cell[1] <= (char["top"] + char["bottom"]) / 2 < cell[3]]
            texts.append(extract_text(inside) if inside else "")
        out.append(texts)
    return out


def _covering_above(rows: list[Any], r: int, c: int) -> int | None:
    """The row whose cell in column `c` reaches down into row `r` (a vertical merge), if any."""
    top = rows[r].bbox[1]
    for k in range(r - 1, -1, -1):
        box = rows[k].cells[c] if c < len(rows[k].cells) else None
        if box is not None:
            return k if box[3] > top + 1 else None
    return None


class _Assembler:
    """Paragraphs and page tables → the preamble and the roadmap tables."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.pending: list[Paragraph] = []
        self.preamble: list[Paragraph] = []
        self.tables: list[Table] = []
        self.notes: list[tuple[str, str]] = []
        self.width = 0

    def paragraph(self, text: str, where: str) -> None:
        self.pending.append(Paragraph(text, where))

    def table(self, grid: list[list[Cell]], page_no: int) -> None:
        from roadmapctl.importer.blocks import find_header, is_data_table
        from roadmapctl.importer.tables import is_column_numbers

        where = f"страница {page_no}"
        found = find_header(grid)
        width = max((len(r) for r in grid), default=0)
        if found is None and not self.tables:
            if is_data_table(grid):
                self.notes.append((where, "таблица не похожа на таблицу дорожной карты — пропущена"))
            else:
                self.pending += [Paragraph(t, where) for row in grid for cell in row for t in cell.paragraphs]
            return
        if found is None and width != self.width:
            self.notes.append((where, "таблица без строки заголовков и другой ширины, чем таблица дорожной "
                                      "карты, — пропущена"))
            return
        first = found[1] if found else 0
        rows = [Row(cells, f"{where}, строка {i + 1}") for i, cells in enumerate(grid)
                if i >= first and not is_column_numbers([c.text for c in cells])]
        previous = self.tables[-1] if self.tables else None
        if previous is not None and not self.pending and (found is None or found[0] == previous.columns):
            previous.rows += rows  # the same table going on after a page break
            return
        if not self.tables:
            self.preamble, self.pending = self.pending, []
        if found is not None:
            columns, header = found[0], found[2]
        else:
            assert previous is not None  # a table without a header only ever continues one
            columns, header = previous.columns, previous.header
        self.tables.append(Table(columns, rows, where, heading=self.pending, header=header))
        self.width = width
        self.pending = []

    def document(self) -> Document:
        if not self.tables:
            self.preamble = self.pending
        return Document(self.name, self.preamble, self.tables, self.notes)
