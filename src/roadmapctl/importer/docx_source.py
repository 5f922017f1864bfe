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

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError
from roadmapctl.importer.blocks import Block, assemble
from roadmapctl.importer.tables import Cell, Document, make_cell


def read_docx_document(path: Path) -> Document:
    import zipfile
    import zlib

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from roadmapctl.importer import docx_package

    check_archive(path)
    try:
        body, numbering, styles = docx_package.read_body(path)
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile, zlib.error, EOFError,
            NotImplementedError, XMLSyntaxError):
        raise _unreadable(path) from None
    from roadmapctl.importer.docx_numbering import number_paragraphs

    number_paragraphs(body, numbering, styles)
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
    return assemble(name, _body_blocks(body))


def _body_blocks(body: Any) -> Iterator[Block]:
    paragraph_no = table_no = 0
    for child in _blocks(body):
        if child.tag == _qn("w:p"):
            paragraph_no += 1
            yield Block(f"абзац {paragraph_no}", lines=paragraph_lines(child))
        elif child.tag == _qn("w:tbl"):
            table_no += 1
            yield Block(f"таблица {table_no}", grid=_table_grid(child))


def _blocks(parent: Any) -> Any:
    """Body paragraphs and tables in order, also those inside content controls (`w:sdt`)."""
    for child in parent.iterchildren():
        if child.tag == _qn("w:sdt"):
            content = child.find(_qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)
        else:
            yield child


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
