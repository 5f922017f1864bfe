"""Reading a PDF table drawn without lines, from where its words stand.

Many schools publish PDFs made from tables with borders switched off, or
from spreadsheets: pdfplumber finds no ruling lines there, yet the table is
plain to the eye.  It is read the way a person reads it:

* the header is found by the same header words as in Word, Excel and text
  (`tables.match_header`), over the one to five lines a wrapped header takes;
* the header's word groups give the columns; the border between two columns
  is the widest blank strip («river») the body leaves between them, so text
  set flush left under a centred heading still lands in its column;
* rows come from the number column: a line with a number there starts a row,
  a line whose number cell is empty continues the row above, as a wrapped
  cell does (also across a page break); text standing in the number column
  or running across column borders is a row of its own (a section or a note);
  without a number column a row starts after a gap wider than a line;
* page numbers and running heads and feet (the same line on several pages)
  are dropped; a header repeated on the next page continues the table.

The result is the neutral shape the ruled reader gives: per page, paragraphs
and grids of cells, the header as a grid's first row, so `pdf_source`
assembles both the same way.  Every reading that is a guess is noted with
its page and row for the import report.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any

from roadmapctl.importer.tables import header_field, match_header

_FLUSH = 1.0  # points: how far a flush-left cell text may begin from its heading's start
_PAGE_NUMBER = re.compile(r"^\s*(?:(?:стр\.?|страница)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?\s*(?:(?:из|/)\s*\d{1,3})?\s*$",
                          re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_MAX_HEADER_LINES = 5


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class Line:
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    def chunks(self) -> list[list[Word]]:
        """Runs of words closer than a wide space: a cell's line never reaches the next cell."""
        out: list[list[Word]] = [[self.words[0]]]
        for word in self.words[1:]:
            previous = out[-1][-1]
            if word.x0 - previous.x1 > 0.6 * max(word.size, previous.size):
                out.append([word])
            else:
                out[-1].append(word)
        return out


@dataclass
class Columns:
    """A table's columns: header texts, borders between columns, the number column."""

    texts: list[str]
    borders: list[float]  # len(texts) - 1 x positions
    number: int | None
    left: float
    starts: tuple[float, ...] = ()  # where each heading's text begins (cells set flush left begin there too)
    right: float = 0.0  # where the widest text of the last column ends: about the table's right edge

    def centred(self, line: Line) -> bool:
        """Text set in the middle of the table, away from where its column's text begins: a heading
        merged across the table and centred, as spreadsheets print a section row."""
        if not self.right or not self.starts:
            return False
        middle, width = (self.left + self.right) / 2, self.right - self.left
        column = self.begins_in(line.words[0])
        apart = abs(line.x0 - self.starts[min(column, len(self.starts) - 1)]) > 2 * _FLUSH
        upper = line.words[0].text[:1].isupper()  # a heading, not the wrapped rest of a cell
        return apart and upper and abs((line.x0 + line.words[-1].x1) / 2 - middle) <= 0.06 * width

    def index(self, word: Word) -> int:
        middle = (word.x0 + word.x1) / 2
        return sum(1 for border in self.borders if middle > border)

    def begins_in(self, word: Word) -> int:
        """The column a word begins in: a long word opening text merged across the table may have
        its middle in the next column («Направление» set from the number column)."""
        return sum(1 for border in self.borders if word.x0 > border)


def page_lines(page: Any) -> list[Line]:
    """The page's words grouped into lines, top to bottom.

    Words are split where a gap is wider than a sixth of the letters' size:
    some PDFs place each word without a space character, and a fixed
    tolerance would glue the words of small print together.
    """
    words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], float(w.get("size") or 10))
             for w in page.extract_words(use_text_flow=False, extra_attrs=["size"], x_tolerance_ratio=0.15)]
    words.sort(key=lambda w: (w.top, w.x0))
    lines: list[Line] = []
    for word in words:
        if lines and abs(word.top - lines[-1].words[0].top) <= 0.3 * word.size:
            lines[-1].words.append(word)
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def drop_running_lines(pages: list[list[Line]]) -> None:
    """Drop page numbers and the heads and feet repeated on several pages (in place).

    A running head is the first or last line of its page, once on the page,
    and the same on other pages but for its digits; a row of a table whose
    rows differ only in their numbers is on each page many times.
    """
    seen: dict[str, set[int]] = {}
    for page_no, lines in enumerate(pages):
        keys = [_key(line) for line in lines]
        for line in _edges(lines):
            if keys.count(_key(line)) == 1:
                seen.setdefault(_key(line), set()).add(page_no)
    for lines in pages:
        for line in _edges(lines):
            repeated = len(seen.get(_key(line), ())) >= 2 and not _names_fields(line)
            if (_PAGE_NUMBER.match(line.text) and _apart(line, lines)) or repeated:
                lines.remove(line)


def _key(line: Line) -> str:
    return _DIGITS.sub("#", line.text)


def _edges(lines: list[Line]) -> list[Line]:
    return list({id(line): line for line in (lines[:1] + lines[-1:])}.values())


def _apart(line: Line, lines: list[Line]) -> bool:
    """A line standing off the text around it (a page number in the margin, not a number cell)."""
    others = [other for other in lines if other is not line]
    if not others:
        return True
    gap = min(min(abs(line.top - o.bottom), abs(o.top - line.bottom)) for o in others)
    return gap > 1.2 * line.size


def _names_fields(line: Line) -> bool:
    return any(header_field(" ".join(w.text for w in chunk)) for chunk in line.chunks())


def find_header(lines: list[Line], start: int) -> tuple[int, list[tuple[float, float, str]]] | None:
    """The header starting at line `start`: how many lines it takes and its columns (x0, x1, text).

    Lines set close above a header (a list before the table) would join its
    first column; the header is where the most columns are, so a block
    that reads better from a later line does not start at this one.
    """
    here = _header_at(lines, start)
    if here is None:
        return None
    for later in range(start + 1, start + here[0]):
        other = _header_at(lines, later)
        if other is not None and len(other[1]) > len(here[1]):
            return None
    return here


def _header_at(lines: list[Line], start: int) -> tuple[int, list[tuple[float, float, str]]] | None:
    if _has_number(lines[start]):
        return None
    block = [lines[start]]
    for line in lines[start + 1:start + _MAX_HEADER_LINES]:
        if line.top - block[-1].bottom > 0.9 * line.size or _has_number(line):
            break
        block.append(line)
    for used in range(len(block), 0, -1):
        columns = _header_columns(block[:used])
        texts = [text for _, _, text in columns]
        if len(texts) >= 3 and match_header(texts):
            return used, columns
    return None


def _has_number(line: Line) -> bool:
    return any(ch.isdigit() for ch in line.text)


def _header_columns(block: list[Line]) -> list[tuple[float, float, str]]:
    """Word groups of the header lines merged where they overlap across lines: one per column."""
    groups: list[list[Any]] = []  # [x0, x1, [(line index, text)]]
    for index, line in enumerate(block):
        for chunk in line.chunks():
            x0, x1 = chunk[0].x0, chunk[-1].x1
            text = " ".join(w.text for w in chunk)
            hits = [g for g in groups if g[0] < x1 and x0 < g[1]]
            if hits:
                keep = hits[0]
                for other in hits[1:]:
                    keep[2] += other[2]
                    groups.remove(other)
                keep[0] = min([keep[0], x0, *(o[0] for o in hits)])
                keep[1] = max([keep[1], x1, *(o[1] for o in hits)])
                keep[2].append((index, text))
            else:
                groups.append([x0, x1, [(index, text)]])
    groups.sort(key=lambda g: g[0])
    return [(g[0], g[1], "\n".join(text for _, text in sorted(g[2], key=lambda p: p[0]))) for g in groups]


def make_columns(header: list[tuple[float, float, str]], body: list[Line]) -> Columns:
    """Borders in the widest blank strip between neighbouring headings, learnt from the body."""
    texts = [text for _, _, text in header]
    borders = [_river(header[k][1], header[k + 1][0], body) for k in range(len(header) - 1)]
    flush = tuple(x0 for x0, _, _ in header)
    first = Columns(texts, borders, None, header[0][0], flush)
    narrow = [line for line in body if not _crosses(line, first)]  # without spanning rows
    if narrow and len(narrow) < len(body):
        borders = [_river(header[k][1], header[k + 1][0], narrow) for k in range(len(header) - 1)]
    columns = match_header(texts) or {}
    number = columns.get("number")
    starts = [line.x0 for line in body if borders and line.x0 <= borders[0]]
    left = min(header[0][0], statistics.median(starts)) if starts else header[0][0]
    ends = [line.words[-1].x1 for line in narrow if borders and line.words[-1].x0 > borders[-1]]
    return Columns(texts, borders, number, left, flush, max([header[-1][1], *ends]))


def _river(a: float, b: float, body: list[Line]) -> float:
    """The middle of the widest strip in (a, b) that the fewest body words cover."""
    if b - a < 1:
        return (a + b) / 2
    step = 0.5
    slots = int((b - a) / step)
    cover = [0] * slots
    for line in body:
        for word in line.words:
            if word.x1 <= a or word.x0 >= b:
                continue
            lo, hi = max(0, int((word.x0 - a) / step)), min(slots, int((word.x1 - a) / step) + 1)
            for i in range(lo, hi):
                cover[i] += 1
    least = min(cover) if cover else 0
    best, run_start, best_span = (a + b) / 2, None, -1
    for i, value in enumerate([*cover, least + 1]):
        if value == least and run_start is None:
            run_start = i
        elif value != least and run_start is not None:
            if i - run_start > best_span:
                best_span, best = i - run_start, a + (run_start + i) * step / 2
            run_start = None
    return best


def _crosses(line: Line, columns: Columns) -> bool:
    """Some run of words goes over a column border: text merged across cells."""
    return any(len({columns.index(w) for w in chunk}) > 1 for chunk in runs(line, columns))


def runs(line: Line, columns: Columns) -> list[list[Word]]:
    """The line's runs of words (`Line.chunks`), also split where a cell's text ends just short of
    the next cell's: a table printed from Excel leaves only the cell padding between them, less
    than a space.  The next cell is known by its first word beginning exactly where that column's
    heading begins.  Only in a line of several runs (a row of cells): a single run across the
    table is text merged across cells, whatever its words line up with."""
    chunks = line.chunks()
    if len(chunks) < 2 or not columns.starts:
        return chunks
    out: list[list[Word]] = []
    for chunk in chunks:
        out.append([chunk[0]])
        for word in chunk[1:]:
            if any(start > out[-1][-1].x1 and abs(word.x0 - start) <= _FLUSH for start in columns.starts[1:]):
                out.append([word])
            else:
                out[-1].append(word)
    return out


def split_line(line: Line, columns: Columns) -> tuple[list[str], dict[int, int]]:
    """The line's text per column, and the spans: first column → last column of a run over borders."""
    texts = [""] * (len(columns.borders) + 1)
    spans: dict[int, int] = {}
    for chunk in runs(line, columns):
        indexes = [columns.index(w) for w in chunk]
        first, last = indexes[0], max(indexes)
        if last > first:  # text merged across cells belongs to the cell it begins in
            first = min(first, columns.begins_in(chunk[0]))
        text = " ".join(w.text for w in chunk)
        texts[first] = f"{texts[first]} {text}".strip()
        if last > first:
            spans[first] = max(last, spans.get(first, first))
    return texts, spans
