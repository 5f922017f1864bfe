"""One roadmap layout written as Word, as text pasted from Word, as PDF and as Excel.

A layout is a list of blocks: paragraphs (str) and tables (`Grid`).  A row
of a grid is a tuple of cells; three markers describe merges the way real
documents have them:

* ``Span(text)`` as the only cell: a row merged across the whole table
  (a section row); in pasted text it is a line without tabs;
* ``Span(text, 2)`` after a first cell: that text merged over the rest;
* ``UP``: the cell is merged with the one above (a vertically merged stage or
  deadline); Word repeats nothing, the text shows only in the first row.

Cell text may hold «\\n» (a line break inside the cell).  The PDF is drawn
with reportlab (table lines, merged spans, a header repeated on every page)
and needs a TrueType font with Cyrillic letters; `pdf_font()` finds one or
the PDF tests are skipped with the reason.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

UP = object()


@dataclass
class Span:
    text: str
    start: int = 0  # the column where the merged text begins


@dataclass
class Grid:
    header: tuple[str, ...] | None
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    repeat_header: bool = True  # PDF: the header repeats on every page


Block = str | Grid

_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
          "/usr/share/fonts/TTF/DejaVuSans.ttf",
          "/Library/Fonts/Arial Unicode.ttf",
          "C:/Windows/Fonts/arial.ttf")


def pdf_font() -> str | None:
    return next((f for f in _FONTS if Path(f).is_file()), None)


@functools.cache
def register_font() -> None:
    """Make `pdf_font()` reportlab's font «Body» (once a process), for the PDFs drawn here and by the tests."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = pdf_font()
    assert font, "no TrueType font with Cyrillic letters"
    pdfmetrics.registerFont(TTFont("Body", font))


def _cells(row: tuple[Any, ...], width: int) -> list[tuple[str | None, int, bool]]:
    """(text, span, merged-up) per starting cell of a row."""
    if len(row) == 1 and isinstance(row[0], Span):
        return [(row[0].text, width, False)]
    out: list[tuple[str | None, int, bool]] = []
    for index, value in enumerate(row):
        if isinstance(value, Span):
            out.append((value.text, width - index, False))
            return out
        out.append((None, 1, True) if value is UP else (value or "", 1, False))
    return out + [("", 1, False)] * (width - len(out))


def _width(blocks: list[Block]) -> int:
    return max(len(b.header or b.rows[0]) for b in blocks if isinstance(b, Grid))


# --- Word -----------------------------------------------------------------

def _write(cell: Any, text: str) -> None:
    lines = text.split("\n")
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if index < len(lines) - 1:
            run.add_break()


def _shares(header: tuple[str, ...] | None, width: int) -> list[float]:
    """Relative column widths as a person sets them: narrow «№», wide measure, wider result."""
    if not header:
        return [0.6] + [1.0] * (width - 1)
    return [0.6 if "№" in h else 2.2 if any(w in h.lower() for w in ("мероприят", "содержан"))
            else 1.6 if "результат" in h.lower() or "этап" in h.lower() else 1.0 for h in header]


def write_docx(blocks: list[Block], path: Path, ruled: bool = True) -> None:
    """Word tables with all borders (`ruled`) or with none (Word's plain table style)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    for block in blocks:
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        width = len(block.header or block.rows[0])
        table = doc.add_table(rows=0, cols=width)
        if ruled:
            table.style = "Table Grid"
        table.autofit = False
        shares = _shares(block.header, width)
        widths = [Cm(26.7 * share / sum(shares)) for share in shares]
        for column, size in zip(table.columns, widths, strict=True):
            column.width = size
        for row in ([block.header] if block.header else []) + block.rows:
            cells = table.add_row().cells
            for cell, size in zip(cells, widths, strict=True):
                cell.width = size
            column = 0
            for text, span, up in _cells(tuple(row), width):
                target = cells[column]
                if span > 1:
                    target = target.merge(cells[column + span - 1])
                if up:
                    above = table.rows[len(table.rows) - 2].cells[column]
                    above.merge(target)
                elif text:
                    _write(target, text)
                column += span
    doc.save(str(path))


# --- Text pasted from Word ------------------------------------------------

def write_text(blocks: list[Block], path: Path) -> None:
    """Rows as tab-separated lines; a merged row is a line without tabs.

    A line break inside a cell becomes a space (as a paste into a plain
    editor gives), a word hyphenated at a line end («сорев-\\nнований») is
    whole again (the hyphen was the layout's), a cell merged from above is empty.
    """
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        width = len(block.header or block.rows[0])
        for row in ([block.header] if block.header else []) + block.rows:
            parts = _cells(tuple(row), width)
            if len(parts) == 1 and parts[0][1] == width:
                lines.append(parts[0][0] or "")
                continue
            texts = [(t or "").replace("-\n", "").replace("\n", " ") for t, _, _ in parts]
            lines.append("\t".join(texts))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- PDF ------------------------------------------------------------------

def write_pdf(blocks: list[Block], path: Path, ruled: bool = True, head: str | None = None,
              split_rows: bool = False) -> None:
    """A text PDF with ruled tables, drawn by reportlab (no LibreOffice needed).

    Unruled (`ruled=False`): the same tables without any line, on portrait
    pages when the longest words allow (narrower columns, so cells wrap over
    several lines), each page numbered at its foot, as schools print tables
    with borders switched off.  `head`: a running head printed atop every
    page; `split_rows`: a row may break across pages, as Word breaks it.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_font()
    text_style = ParagraphStyle("body", fontName="Body", fontSize=9, leading=11)
    # Wrap as office programs do: at spaces, after a hyphen inside a word, and URLs at their hyphens.
    cell_style = ParagraphStyle("cell", fontName="Body", fontSize=8, leading=10, embeddedHyphenation=1)

    def para(text: str, style: ParagraphStyle) -> Any:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped.replace("\n", "<br/>"), style)

    portrait = not ruled and all(_fit_words(b, [1.0] * len(b.header or b.rows[0]), A4[0] - 72)
                                 for b in blocks if isinstance(b, Grid))
    page = A4 if portrait else landscape(A4)
    story: list[Any] = []
    usable = page[0] - 72
    for block in blocks:
        if isinstance(block, str):
            story.append(para(block, text_style))
            continue
        width = len(block.header or block.rows[0])
        shares = _shares(block.header, width)
        col_widths = [usable * s / sum(shares) for s in shares]
        if not ruled:
            col_widths = _fit_words(block, col_widths, usable) or col_widths
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if ruled:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        runs: dict[int, list[int]] = {}  # column → [first row, last row] of a vertical merge

        def close(column: int) -> None:
            first, last = runs.pop(column)  # noqa: B023 - called only in this block
            commands.append(("SPAN", (column, first), (column, last)))  # noqa: B023 - called only in this block

        for r, row in enumerate(([block.header] if block.header else []) + block.rows):
            cells: list[Any] = [""] * width
            column = 0
            for text, span, up in _cells(tuple(row), width):
                if up:
                    runs.setdefault(column, [r - 1, r])[1] = r
                else:
                    if column in runs:
                        close(column)
                    cells[column] = para(text, cell_style) if text else ""
                    if span > 1:
                        commands.append(("SPAN", (column, r), (column + span - 1, r)))
                column += span
            data.append(cells)
        for column in list(runs):
            close(column)
        story.append(Table(data, colWidths=col_widths, repeatRows=1 if block.header and block.repeat_header else 0,
                           style=TableStyle(commands), splitInRow=int(split_rows),
                           splitByRow=int(not split_rows)))
        story.append(Spacer(1, 6))
    number = _page_marks(page, numbered=not ruled, head=head)
    SimpleDocTemplate(str(path), pagesize=page, leftMargin=36, rightMargin=36,
                      topMargin=36, bottomMargin=36).build(story, onFirstPage=number, onLaterPages=number)


def _page_marks(page: tuple[float, float], numbered: bool, head: str | None) -> Any:
    """What reportlab draws on every page: the page number at the foot, a running head."""
    def draw(canvas: Any, doc: Any) -> None:
        if numbered:
            canvas.setFont("Body", 9)
            canvas.drawCentredString(page[0] / 2, 18, f"– {doc.page} –")
        if head:
            canvas.setFont("Body", 8)
            canvas.drawRightString(page[0] - 36, page[1] - 20, head)

    return draw


def _fit_words(block: Grid, widths: list[float], usable: float) -> list[float] | None:
    """Columns no narrower than their longest word (plus the cell padding), the rest shared as before.

    A word wider than its column is cut anywhere by reportlab (a thing no office
    program does), and a compound like «Педагог-психолог» broken at its hyphen
    is a guess of the importer's; neither is what the unruled reading is about.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    need = [0.0] * len(widths)
    for row in ([block.header] if block.header else []) + block.rows:
        for column, value in enumerate(row):
            if isinstance(value, str) and column < len(need):
                for word in value.replace("\n", " ").split():
                    need[column] = max(need[column], stringWidth(word, "Body", 8) + 14)
    need = [min(n, 0.3 * usable) for n in need]  # a web address may still break, as in any PDF
    spare = usable - sum(need)
    if spare < 0:
        return None  # too narrow a page for these words
    extra = [max(0.0, w - n) for w, n in zip(widths, need, strict=True)]
    return [n + spare * e / (sum(extra) or 1) for n, e in zip(need, extra, strict=True)]


def write_unruled_pdf(blocks: list[Block], path: Path) -> None:
    write_pdf(blocks, path, ruled=False)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(sources: list[Path], folder: Path) -> None:
    """The PDFs LibreOffice makes of .docx files (as schools publish them), in one run."""
    exe = soffice()
    assert exe
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
                   check=True, capture_output=True, timeout=600,
                   env={"HOME": str(folder), "PATH": "/usr/bin:/bin"})


def printed_pdfs(sources: dict[Path, object], folder: Path, fresh: bool,
                 write: Callable[[Path], None] | None = None) -> None:
    """`docx_to_pdf` of each .docx (mapped to what describes how it was made), kept between runs
    of the default profile like the other documents: starting LibreOffice takes seconds. The key
    adds the LibreOffice installed; `fresh` (the thorough profile) prints them all again.
    `write(source)`, if given, makes a .docx only when it is to be printed."""
    exe = soffice()
    assert exe
    stamp = os.stat(os.path.realpath(exe))
    keys = {source: recipe_key("lo.pdf", recipe, stamp.st_mtime_ns, stamp.st_size)
            for source, recipe in sources.items()}
    missing = [source for source, key in keys.items() if fresh or cached(key, ".pdf") is None]
    if missing:
        if write is not None:
            for source in missing:
                write(source)
        docx_to_pdf(missing, folder)
        for source in missing:
            keep(folder / f"{source.stem}.pdf", keys[source], ".pdf")
    for source, key in keys.items():
        if source not in missing:
            hit = cached(key, ".pdf")
            assert hit is not None
            shutil.copyfile(hit, folder / f"{source.stem}.pdf")


# --- Excel ----------------------------------------------------------------

def write_xlsx(blocks: list[Block], path: Path) -> None:
    """A sheet as people draft a roadmap in Excel: the title and paragraphs in column A
    above the table, section rows merged across, stage or deadline cells merged down."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.title = "План"
    r = 1
    for block in blocks:
        if isinstance(block, str):
            sheet.cell(row=r, column=1, value=block)
            r += 1
            continue
        width = len(block.header or block.rows[0])
        runs: dict[int, int] = {}  # column → first row of a vertical merge in progress

        def close(column: int, last: int) -> None:
            first = runs.pop(column)  # noqa: B023 - called only in this sheet
            if last > first:
                sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)

        for row in ([block.header] if block.header else []) + block.rows:
            column = 1
            for text, span, up in _cells(tuple(row), width):
                if up:
                    runs.setdefault(column, r - 1)
                    column += 1
                    continue
                if column in runs:
                    close(column, r - 1)
                cell = sheet.cell(row=r, column=column, value=text or None)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if span > 1:
                    sheet.merge_cells(start_row=r, start_column=column, end_row=r, end_column=column + span - 1)
                column += span
            r += 1
        for column in list(runs):
            close(column, r - 1)
        r += 1  # a blank row after a table
    book.save(str(path))


WRITERS = {"docx": write_docx, "txt": write_text, "pdf": write_pdf, "xlsx": write_xlsx,
           "unruled.pdf": write_unruled_pdf}


# --- built once -------------------------------------------------------------

# Documents these writers made, kept between test runs of the default profile: drawing a PDF or
# a .docx costs tens of milliseconds each, and the import tests need about a hundred. The key is
# what the document is made of (the blocks), the form, this module's source and the versions of
# the libraries that draw it, so any change draws it again. The thorough profile draws afresh.
CACHE = Path(tempfile.gettempdir()) / f"roadmapctl-tests-{os.getuid() if hasattr(os, 'getuid') else 0}"


@functools.cache
def _makers() -> bytes:
    """What every key adds: the drawing libraries' versions, the font and this module's source
    (looked up once a process: reading the installed packages' metadata takes milliseconds)."""
    from importlib.metadata import version

    libraries = [version(name) for name in ("python-docx", "reportlab", "openpyxl")]
    return (repr(libraries) + str(pdf_font())).encode() + Path(__file__).read_bytes()


def recipe_key(*parts: object) -> str:
    """A file name for what `parts` describe (object addresses, as the UP marker's, left out)."""
    described = re.sub(r" at 0x[0-9a-f]+", "", repr(parts))
    return hashlib.sha256(described.encode() + _makers()).hexdigest()[:32]


def keep(built: Path, key: str, suffix: str) -> None:
    """Put a document just built into the cache (whole or not at all, as several runs may share it)."""
    cached = CACHE / "documents" / f"{key}{suffix}"
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}")
    shutil.copyfile(built, partial)
    os.replace(partial, cached)


def cached(key: str, suffix: str) -> Path | None:
    path = CACHE / "documents" / f"{key}{suffix}"
    return path if path.is_file() else None


def write_form(form: str, blocks: list[Block], path: Path, fresh: bool, **options: Any) -> None:
    """`WRITERS[form](blocks, path, **options)`, or the same document from the cache unless `fresh`."""
    key = recipe_key(form, blocks, *sorted(options.items()))
    hit = None if fresh else cached(key, f".{form}")
    if hit is None:
        WRITERS[form](blocks, path, **options)
        keep(path, key, f".{form}")
    else:
        shutil.copyfile(hit, path)


def built(recipe: object, path: Path, fresh: bool, build: Callable[[Path], None]) -> None:
    """`build(path)` for a document no writer here makes, or the same document from the cache:
    `recipe` must describe everything `build` puts in it."""
    key = recipe_key("built", recipe)
    suffix = "".join(path.suffixes)
    hit = None if fresh else cached(key, suffix)
    if hit is None:
        build(path)
        keep(path, key, suffix)
    else:
        shutil.copyfile(hit, path)
