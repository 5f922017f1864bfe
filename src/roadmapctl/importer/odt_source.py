"""Reading an OpenDocument text (.odt): LibreOffice, «Р7-Офис», «МойОфис».

Many schools and offices write in office suites whose own format is
OpenDocument.  An .odt is a zip archive; its `content.xml` holds the body:
paragraphs and headings (`text:p`, `text:h`, lists of them) and tables
(`table:table`).  They are read with the standard library's XML parser into
the same flow of paragraphs and tables as a Word body (`blocks`), so the
roadmap table, its preamble and the tables that are not the roadmap are found
as in Word.  Merged cells read as Word's: a cell spanning columns
(`number-columns-spanned`) leaves `covered-table-cell`s marked `merged`, a
cell spanning rows gives its text to the rows below (`from_above`).  Repeated
empty rows and cells (`number-rows-repeated`, how the format pads a table)
are read once.  `text:line-break` starts a new line, `text:s` and `text:tab`
are spaces, notes and comments are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError
from roadmapctl.importer.blocks import Block, assemble
from roadmapctl.importer.tables import Cell, Document, make_cell

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_PARAGRAPHS = (f"{_TEXT}p", f"{_TEXT}h")
_LEFT_OUT = (f"{_OFFICE}annotation", f"{_TEXT}note", f"{_TEXT}tracked-changes", f"{_TEXT}bookmark-ref")
_ROW_GROUPS = (f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group")
_MAX_REPEAT = 100  # filled rows or cells repeated more often than a roadmap has columns are a pad
SAVE_AGAIN = "откройте его в LibreOffice или «Р7-Офис» и сохраните заново (.odt или .docx)"


def read_odt_document(path: Path) -> Document:
    from roadmapctl.importer.odt_numbering import number_paragraphs

    root, styles = _content(path)
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise InputError(f"{path}: в файле нет текста документа — это не документ OpenDocument (.odt)", SAVE_AGAIN)
    number_paragraphs(body, [root] + ([styles] if styles is not None else []))
    return assemble(path.name, _blocks(body))


def _content(path: Path) -> tuple[Any, Any | None]:
    """The content's root and the styles' root (None when missing or unreadable: list numbers are
    then drawn from the content's own styles only)."""
    import zipfile
    from xml.etree import ElementTree

    from roadmapctl.limits import MAX_UNPACKED_BYTES, megabytes

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise InputError(f"{path}: файл повреждён или слишком велик — в распакованном виде "
                                 f"{megabytes(unpacked)}, а допустимо не больше {megabytes(MAX_UNPACKED_BYTES)}",
                                 SAVE_AGAIN)
            data = archive.read("content.xml")
            styles = archive.read("styles.xml") if "styles.xml" in archive.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError):
        raise InputError(f"{path}: файл повреждён или это не документ OpenDocument (.odt)", SAVE_AGAIN) from None
    if b"<!ENTITY" in data[:65536]:  # entities have no place in a document's XML: a bomb, not a roadmap
        raise InputError(f"{path}: файл повреждён (в XML документа объявлены сущности)", SAVE_AGAIN)
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise InputError(f"{path}: файл повреждён (XML документа не читается)", SAVE_AGAIN) from None
    try:
        style_root = ElementTree.fromstring(styles) if styles and b"<!ENTITY" not in styles[:65536] else None
    except ElementTree.ParseError:
        style_root = None
    return root, style_root


def _blocks(parent: Any) -> Iterator[Block]:
    """Paragraphs and tables in order, also inside sections and lists."""
    paragraph_no = table_no = 0

    def walk(element: Any) -> Iterator[Block]:
        nonlocal paragraph_no, table_no
        for child in element:
            if child.tag in _PARAGRAPHS:
                paragraph_no += 1
                yield Block(f"абзац {paragraph_no}", lines=paragraph_lines(child))
            elif child.tag == f"{_TABLE}table":
                table_no += 1
                yield Block(f"таблица {table_no}", grid=_grid(child))
            elif child.tag not in _LEFT_OUT:
                yield from walk(child)  # text:section, text:list, text:list-item, …

    return walk(parent)


def paragraph_lines(p: Any) -> list[str]:
    """The text of a paragraph, split at manual line breaks."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if tag == f"{_TEXT}s":
                parts.append(" " * _count(child, f"{_TEXT}c"))
            elif tag == f"{_TEXT}tab":
                parts.append(" ")
            elif tag == f"{_TEXT}line-break":
                parts.append("\n")
            elif tag not in _LEFT_OUT:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(p)
    return "".join(parts).split("\n")


def _count(element: Any, attribute: str) -> int:
    try:
        return max(int(element.get(attribute, "1")), 1)
    except ValueError:
        return 1


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _cell_paragraphs(cell: Any) -> list[str]:
    out: list[str] = []
    for block in _blocks(cell):
        out += block.lines or []  # a table inside a cell is left out
    return out


def _grid(table: Any) -> list[list[Cell]]:
    """Rows of cells with spans resolved as Word's: covered cells are merged or continue the cell above."""
    below: dict[tuple[int, int], Cell] = {}  # what a cell spanning rows leaves in the rows under it
    grid: list[list[Cell]] = []
    for row in _rows(table):
        read = _row(row, len(grid), below)
        times = min(_count(row, f"{_TABLE}number-rows-repeated"), _MAX_REPEAT)
        if not any(not c.empty for c in read):
            times = 1  # the empty rows padding a table
        for _ in range(times):
            grid.append(read if _ == 0 else [Cell(list(c.paragraphs), c.merged) for c in read])
    while grid and all(c.empty and not c.merged for c in grid[-1]):
        grid.pop()
    # The empty cells padding the rows (as the format writes them) are dropped; every row then
    # has the table's width.
    width = max((i + 1 for cells in grid for i, c in enumerate(cells) if not c.empty or c.merged), default=0)
    return [cells[:width] + [Cell() for _ in range(width - len(cells))] for cells in grid]


def _row(row: Any, r: int, below: dict[tuple[int, int], Cell]) -> list[Cell]:
    cells: list[Cell] = []
    for element in row:
        covered = element.tag == f"{_TABLE}covered-table-cell"
        if not covered and element.tag != f"{_TABLE}table-cell":
            continue
        times = _count(element, f"{_TABLE}number-columns-repeated")
        for _ in range(min(times, _MAX_REPEAT)):
            c = len(cells)
            if covered:
                cells.append(below.pop((r, c)) if (r, c) in below else Cell(merged=True))
                continue
            paragraphs = _cell_paragraphs(element)
            cell = make_cell(paragraphs) if any(p.strip() for p in paragraphs) else Cell()
            cells.append(cell)
            columns = _count(element, f"{_TABLE}number-columns-spanned")
            for down in range(1, min(_count(element, f"{_TABLE}number-rows-spanned"), 1000)):
                below[r + down, c] = Cell(list(cell.paragraphs), from_above=not cell.empty)
                for right in range(1, min(columns, _MAX_REPEAT)):
                    below[r + down, c + right] = Cell(merged=True)
    return cells
