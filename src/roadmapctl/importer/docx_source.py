"""Reading a Word (.docx) document: body paragraphs and tables, in order.

python-docx gives the XML; the cells are read from it directly, because
what matters here is exactly what python-docx smooths over: a cell spanning
several grid columns (`w:gridSpan`), a cell continuing the one above
(`w:vMerge` without «restart»), rows that skip leading grid columns
(`w:gridBefore`).  Swallowed grid positions become empty cells marked
`merged`, so a section row merged across the table reads as «number, title,
merged, merged, …»; a cell merged down several rows («В течение года» for
five measures) gives its text to each of them.  Runs are concatenated as they are (Word splits a word
into several runs when formatting changes mid-word); `w:br` and `w:cr`
start a new line, `w:tab` is a space, soft hyphens are kept for `cleanup`.
Tables that are not the roadmap (a list of the working group before it, an
approval sheet after it) are skipped and named in the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError
from roadmapctl.importer.tables import (
    Cell,
    Document,
    Paragraph,
    Row,
    Table,
    header_field,
    is_column_numbers,
    make_cell,
    match_header_rows,
)


def read_docx_document(path: Path) -> Document:
    import zipfile
    import zlib

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from roadmapctl.importer import docx_package

    check_archive(path)
    try:
        body = docx_package.read_body(path)
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile, zlib.error, EOFError,
            NotImplementedError, XMLSyntaxError):
        raise _unreadable(path) from None
    return read_body(body, path.name)


def check_archive(path: Path) -> None:
    """Refuse a .docx whose members unpack beyond the bound, before anything inflates them.

    A zip states each member's unpacked size; a 2 MB file can claim (and hold)
    gigabytes of XML.  The stated sizes are what zipfile enforces while reading,
    so their sum bounds the memory python-docx can take.
    """
    import zipfile

    from roadmapctl.limits import MAX_UNPACKED_BYTES, megabytes

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _unreadable(path) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(f"{path}: файл повреждён или слишком велик — в распакованном виде "
                         f"{megabytes(unpacked)}, а допустимо не больше {megabytes(MAX_UNPACKED_BYTES)}",
                         "откройте его в Word и сохраните заново как .docx")


def _unreadable(path: Path) -> InputError:
    """Why a .docx does not open: often it is another kind of file renamed."""
    from roadmapctl.importer import SAVE_AS_DOCX

    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        return InputError(f"не удалось прочитать {path}: {exc.strerror or exc}")
    failed = f"{path}: не удалось открыть документ Word"
    if head.startswith(b"%PDF"):
        return InputError(f"{failed} — это PDF", "откройте его в Word и сохраните как .docx")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return InputError(f"{failed} — это документ в старом формате Word (.doc)", SAVE_AS_DOCX)
    return InputError(f"{failed} — файл повреждён или это не .docx",
                      "откройте его в Word и сохраните заново как .docx")


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def read_body(body: Any, name: str) -> Document:
    preamble: list[Paragraph] = []
    tables: list[Table] = []
    pending: list[Paragraph] = []
    notes: list[tuple[str, str]] = []
    paragraph_no = table_no = width = 0
    columns: dict[str, int] | None = None
    header: list[list[str]] = []
    for child in _blocks(body):
        if child.tag == _qn("w:p"):
            paragraph_no += 1
            for line in paragraph_lines(child):
                if line.strip():
                    pending.append(Paragraph(line, f"абзац {paragraph_no}"))
        elif child.tag == _qn("w:tbl"):
            table_no += 1
            grid = _table_grid(child)
            found = _find_header(grid)
            if found is None and columns is None and _is_data_table(grid):
                notes.append((f"таблица {table_no}",
                              f"не похожа на таблицу дорожной карты ({_NO_COLUMNS}) — пропущена"))
                continue
            if found is None and columns is None:
                # A layout table before the roadmap (letterhead, a stamp set in a
                # borderless table): its text belongs to the preamble.
                pending += [Paragraph(text, f"таблица {table_no}") for cells in grid for cell in cells
                            for text in cell.paragraphs]
                continue
            if found is None and _width(grid) != width:
                # Not the roadmap going on after a break (an approval sheet, a list of schools).
                notes.append((f"таблица {table_no}", "нет строки заголовков, а столбцов другое число, "
                                                     "чем в таблице дорожной карты, — пропущена"))
                continue
            if found is not None:
                columns, first, header = found
                width = _width(grid)
            else:
                first = 0
            rows = [Row(cells, f"таблица {table_no}, строка {index + 1}")
                    for index, cells in enumerate(grid) if index >= first
                    and not is_column_numbers([c.text for c in cells])]
            if not tables:
                preamble, pending = pending, []
            assert columns is not None
            tables.append(Table(columns, rows, f"таблица {table_no}", heading=pending, header=header))
            pending = []
    if not tables:
        preamble = pending
    return Document(name, preamble, tables, notes)


_NO_COLUMNS = "нет столбцов «Мероприятие», «Сроки», «Ответственные», «Результат»"


def _width(grid: list[list[Cell]]) -> int:
    return max((len(cells) for cells in grid), default=0)


def _is_data_table(grid: list[list[Cell]]) -> bool:
    """A table of its own (a list of people, of schools) rather than a layout table.

    Its first row names columns («№», «Наименование ОО», …) and rows follow;
    a stamp or a letterhead set in a borderless table has neither.
    """
    if len(grid) < 2:
        return False
    texts = [c.text for c in grid[0] if not c.empty]
    return len(texts) >= 2 and any(header_field(text) for text in texts)


def _blocks(parent: Any) -> Any:
    """Body paragraphs and tables in order, also those inside content controls (`w:sdt`)."""
    for child in parent.iterchildren():
        if child.tag == _qn("w:sdt"):
            content = child.find(_qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)
        else:
            yield child


def _find_header(grid: list[list[Cell]]) -> tuple[dict[str, int], int, list[list[str]]] | None:
    """The column map, the first body row and the header rows' texts, if one of the first rows is a header."""
    for index, cells in enumerate(grid[:3]):
        below = grid[index + 1] if index + 1 < len(grid) else []
        found = match_header_rows(_spanned(cells), [c.text for c in below])
        if found:
            columns, used = found
            return columns, index + used, [_spanned(grid[i]) for i in range(index, index + used)]
    return None


def _spanned(cells: list[Cell]) -> list[str]:
    """Cell texts with a cell spanning several columns (gridSpan) repeated in each."""
    texts: list[str] = []
    for cell in cells:
        texts.append(texts[-1] if cell.merged and texts else cell.text)
    return texts


def paragraph_lines(p: Any) -> list[str]:
    """The text of a `w:p`, split at manual line breaks."""
    lines = [""]
    for node in p.iter(_qn("w:t"), _qn("w:br"), _qn("w:cr"), _qn("w:tab"), _qn("w:noBreakHyphen"),
                       _qn("w:softHyphen"), _qn("w:sym")):
        tag = node.tag
        if tag == _qn("w:t"):
            lines[-1] += node.text or ""
        elif tag in (_qn("w:br"), _qn("w:cr")):
            lines.append("")
        elif tag == _qn("w:tab"):
            if node.getparent() is not None and node.getparent().tag == _qn("w:r"):
                lines[-1] += " "
        elif tag == _qn("w:noBreakHyphen"):
            lines[-1] += "-"
        elif tag == _qn("w:softHyphen"):
            lines[-1] += "\u00ad"
        elif tag == _qn("w:sym"):
            lines[-1] += "?"
    return lines


def _cell_paragraphs(tc: Any) -> list[str]:
    out: list[str] = []
    for p in tc.iter(_qn("w:p")):
        out += paragraph_lines(p)
    return out


def _int_attr(element: Any, tag: str, default: int = 0) -> int:
    found = element.find(tag) if element is not None else None
    if found is None:
        return default
    try:
        return int(found.get(_qn("w:val")))
    except (TypeError, ValueError):
        return default


def _table_grid(tbl: Any) -> list[list[Cell]]:
    """Rows of cells on the table grid, merges marked."""
    grid: list[list[Cell]] = []
    for tr in tbl.iterchildren(_qn("w:tr")):
        cells: list[Cell] = [Cell(merged=True) for _ in range(_int_attr(tr.find(_qn("w:trPr")), _qn("w:gridBefore")))]
        for tc in tr.iterchildren(_qn("w:tc")):
            tc_pr = tc.find(_qn("w:tcPr"))
            span = max(1, _int_attr(tc_pr, _qn("w:gridSpan"), 1))
            v_merge = tc_pr.find(_qn("w:vMerge")) if tc_pr is not None else None
            continues = v_merge is not None and v_merge.get(_qn("w:val")) in (None, "continue")
            above = grid[-1][len(cells)] if continues and grid and len(grid[-1]) > len(cells) else None
            cells.append(Cell(list(above.paragraphs), from_above=not above.empty) if above is not None
                         else make_cell(_cell_paragraphs(tc)))
            cells += [Cell(merged=True) for _ in range(span - 1)]
        grid.append(cells)
    return grid
