"""Reading a roadmap saved from a web page (.html, .htm).

Schools and education offices publish their roadmaps on their sites, and
«Сохранить страницу как» is how a methodologist keeps one.  The page is read
with the standard library's HTML parser: the text before the roadmap table
(headings, paragraphs, the approval stamp) becomes paragraphs, as text
before a Word table does, and every table becomes a grid of cells.  Which
table is the roadmap and what text is its preamble is decided as for Word
(`blocks`).  Merged cells read as they do from Word: `colspan` marks the swallowed cells
`merged` (a section row), `rowspan` gives the text to every row it covers
and marks them `from_above`.  Paragraphs of a cell are split at <p>, <br>,
<li> and <div>.  Tables may be nested (a page laid out with tables): each is
read on its own where it starts, and a layout table's text joins the
preamble.  The encoding is the page's declared charset, else UTF-8, else
Windows-1251.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from roadmapctl.errors import InputError
from roadmapctl.importer.blocks import Block, assemble
from roadmapctl.importer.tables import Cell, Document, make_cell

_BREAKS = {"p", "br", "li", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
           "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_MAX_SPAN = 50  # a colspan or rowspan beyond any table's size is a typo


@dataclass
class _Cell:
    paragraphs: list[str]
    colspan: int
    rowspan: int


@dataclass
class _Table:
    line: int
    rows: list[list[_Cell]] = field(default_factory=list)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.flow: list[tuple[int, str] | _Table] = []  # paragraphs (line, text) outside tables, and tables
        self._stack: list[_Table] = []
        self._cell: _Cell | None = None
        self._cells: list[_Cell | None] = []  # the open cell of each open table
        self._text: list[str] = []
        self._line = 1
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in _BREAKS or tag in ("td", "th"):
            self._flush()
        if tag == "table":
            self._cells.append(self._cell)
            self._cell = None
            table = _Table(self.getpos()[0])
            self._stack.append(table)
            self.flow.append(table)
        elif tag == "tr" and self._stack:
            self._stack[-1].rows.append([])
        elif tag in ("td", "th") and self._stack:
            if not self._stack[-1].rows:
                self._stack[-1].rows.append([])
            values = dict(attrs)
            self._cell = _Cell([], _span(values.get("colspan")), _span(values.get("rowspan")))
            self._stack[-1].rows[-1].append(self._cell)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BREAKS or tag in ("td", "th"):
            self._flush()
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "table" and self._stack:
            self._stack.pop()
            self._cell = self._cells.pop() if self._cells else None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._text:
            self._line = self.getpos()[0]
        self._text.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._text)).strip()
        self._text = []
        if not text:
            return
        if self._cell is not None:
            self._cell.paragraphs.append(text)
        elif not self._stack:
            self.flow.append((self._line, text))
        # text inside a table but outside its cells (a stray caption) is left out

    def close(self) -> None:
        super().close()
        self._flush()


def _span(value: str | None) -> int:
    try:
        return min(max(int((value or "1").strip()), 1), _MAX_SPAN)
    except ValueError:
        return 1


def read_html_document(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"не удалось прочитать {path}: {exc.strerror or exc}") from None
    return parse_html(_decode(data), path.name)


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    encodings = [declared.group(1).decode("ascii", "replace")] if declared else []
    for encoding in (*encodings, "utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def parse_html(text: str, name: str) -> Document:
    page = _Page()
    page.feed(text)
    page.close()
    blocks = [Block(f"строка {part[0]}", lines=[part[1]]) if isinstance(part, tuple)
              else Block(f"таблица в строке {part.line}", grid=_grid(part)) for part in page.flow]
    document = assemble(name, blocks)
    if not document.tables:
        raise InputError(f"{name}: на странице нет таблицы дорожной карты",
                         "нужна строка заголовков: «Мероприятие», «Сроки», «Ответственные», «Результат»")
    return document


def _grid(table: _Table) -> list[list[Cell]]:
    """Rows of cells with spans resolved: a rowspan repeats the text below, a colspan merges."""
    width = max((sum(c.colspan for c in row) for row in table.rows), default=0)
    taken: dict[tuple[int, int], Cell] = {}  # cells a rowspan from above fills
    grid: list[list[Cell]] = []
    for r, row in enumerate(table.rows):
        cells: list[Cell] = []
        pending = iter(row)
        c = 0
        while c < width:
            if (r, c) in taken:
                cells.append(taken.pop((r, c)))
                c += 1
                continue
            source = next(pending, None)
            if source is None:
                cells.append(Cell())
                c += 1
                continue
            cell = make_cell(source.paragraphs) if source.paragraphs else Cell()
            for span in range(source.colspan):
                if c + span >= width:
                    break
                cells.append(cell if span == 0 else Cell(merged=True))
                for down in range(1, source.rowspan):
                    taken[r + down, c + span] = (Cell(list(cell.paragraphs), from_above=not cell.empty)
                                                 if span == 0 else Cell(merged=True))
            c += source.colspan
        if any(not cell.empty or cell.merged for cell in cells):
            grid.append(cells)
    return grid
