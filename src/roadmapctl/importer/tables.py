"""The neutral shape every source is read into: paragraphs and tables of rows.

A Word file and a text pasted from Word look nothing alike, but both come
down to the same thing: the paragraphs before the roadmap table (the order,
the approval stamp, the title) and one or more tables whose rows are cells of
paragraphs.  The readers produce this shape; `build` never knows which
reader it came from.  Every row and paragraph remembers where it stood
(«строка 23», «таблица 2, строка 5») for the import report.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from roadmapctl.importer.cleanup import clean
from roadmapctl.model.text import fold

# Header words, tried in this order: «Форма представления ожидаемого результата»
# is a form, not a result; «Срок исполнения» names a deadline, not executors;
# «Этап» / «Направление» / «Задачи» next to a measure column names the stage
# a row belongs to (a column merged down over its measures).
_HEADER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(№|n|номер)(\s|$|п/п|\.)|^№")),
    ("form", re.compile(r"^форма\b")),
    ("indicator", re.compile(r"показател|индикатор|количествен")),
    ("result", re.compile(r"результат")),
    ("deadline", re.compile(r"^(срок|сроки|дата|даты|период)\b|^(время|месяц)\b|"
                            r"срок[иа]? (исполнения|реализации|проведения|выполнения)")),
    ("executors", re.compile(r"ответствен|исполнител|соисполнител")),
    ("stage", re.compile(r"^(этап|этапы|направлени[ея]|раздел|блок|задач[аи])\b")),
    ("title", re.compile(r"мероприяти|наименование|содержание|^(работа|действи[ея])\b")),
    ("note", re.compile(r"примечани")),
)
# Fields that tell a roadmap table from any other table with a «Наименование».
_BODY_FIELDS = ("deadline", "executors", "result", "form", "indicator")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad](?:\s*\n\s*| )([а-яё])")


@dataclass
class Cell:
    """One table cell; `merged` marks a cell swallowed by a merge (gridSpan, vMerge).

    `from_above` marks a cell merged down from the row above whose text was
    given to this row too (reported: the merge may mean «the same» or «see above»).
    """

    paragraphs: list[str] = field(default_factory=list)
    merged: bool = False
    noise: set[str] = field(default_factory=set)
    from_above: bool = False

    @property
    def empty(self) -> bool:
        return not any(p.strip() for p in self.paragraphs)

    @property
    def text(self) -> str:
        return " ".join(p for p in self.paragraphs if p)


@dataclass
class Row:
    cells: list[Cell]
    where: str


@dataclass
class Paragraph:
    text: str
    where: str


@dataclass
class Table:
    columns: dict[str, int]
    rows: list[Row]
    where: str
    heading: list[Paragraph] = field(default_factory=list)  # paragraphs just before it
    header: list[list[str]] = field(default_factory=list)  # the header rows' texts, as printed


@dataclass
class Document:
    """What a reader found: the text before the first table, and the tables."""

    name: str
    preamble: list[Paragraph]
    tables: list[Table]
    notes: list[tuple[str, str]] = field(default_factory=list)  # (where, what the reader skipped)


def make_cell(raw_paragraphs: list[str], merged: bool = False) -> Cell:
    """A cell from raw paragraph texts, cleaned, remembering the noise removed."""
    cell = Cell(merged=merged)
    for raw in raw_paragraphs:
        text, noise = clean(raw)
        cell.noise |= noise
        if text:
            cell.paragraphs.append(text)
    return cell


@functools.lru_cache(maxsize=4096)
def heading_text(text: str) -> str:
    """A header cell as printed, on one line: «Срок реализа-/ции» → «Срок реализации».

    A hyphen before a line break, or before a space and a lower-case letter
    (the break lost in a paste), splits a word; header words are not compounds.
    """
    text = _HYPHEN_BREAK.sub(r"\1\2", text.replace("\u00ad", ""))
    return re.sub(r"\s+", " ", text).strip()


def _header_text(text: str) -> str:
    return fold(heading_text(text))


@functools.lru_cache(maxsize=4096)
def header_field(text: str) -> str | None:
    """Which field a header cell names, or None (kept per text: every row of a table is asked
    whether it is a header again, cell by cell)."""
    norm = _header_text(text)
    if not norm or len(norm) > 80:
        return None
    for name, pattern in _HEADER_PATTERNS:
        if pattern.search(norm):
            return name
    return None


def match_header(texts: list[str]) -> dict[str, int] | None:
    """Column map of a header row, or None if the row is not a roadmap header.

    A header names the measure and its deadline, or the measure and two
    more of executors, result, form, indicator, in any order; the first
    column naming a field wins.  A stage column without a measure column is
    the measure column («Направления работы»); a form column is the result
    when there is no other («Форма представления результата»).
    """
    columns: dict[str, int] = {}
    for index, text in enumerate(texts):
        name = header_field(text)
        if name and name not in columns:
            columns[name] = index
    if "stage" in columns and "title" not in columns:
        columns["title"] = columns.pop("stage")
    if "title" not in columns:
        return None
    if "deadline" not in columns and sum(1 for name in _BODY_FIELDS if name in columns) < 2:
        return None
    if "deadline" in columns and len(columns) < 3:
        return None
    if "form" in columns and "result" not in columns:
        columns["result"] = columns.pop("form")
    return dict(sorted(columns.items(), key=lambda kv: kv[1]))


def match_header_rows(top: list[str], below: list[str]) -> tuple[dict[str, int], int] | None:
    """Column map of a header and how many rows it takes (1 or 2), or None.

    A header may take two rows: its words broken over them («Планируемый» /
    «результат»), or a cell spanning sub-columns («Ожидаемый результат» over
    «качественный» and «количественный»; the caller repeats a spanning text
    in each column it covers).  The second row counts when it holds only
    short words without digits and the two rows together name more columns,
    or when it only finishes the words of the first (all in lower case).
    """
    columns = match_header(top)
    if not columns:
        return None
    joined = _joined_header(top, below)
    wider = match_header(joined) if joined else None
    if wider and (len(wider) > len(columns) or (len(wider) == len(columns) and _word_ends(below))):
        return wider, 2
    return columns, 1


def _word_ends(below: list[str]) -> bool:
    """A second row that only finishes the header's words: «п/п», «мероприятий», «проведения»."""
    filled = [t.strip() for t in below if t.strip()]
    return len(filled) >= 2 and all(t[:1].islower() or t.startswith(("п/п", "(")) for t in filled)


def _joined_header(top: list[str], below: list[str]) -> list[str] | None:
    texts: list[str] = []
    for index, text in enumerate(top):
        lower = below[index].strip() if index < len(below) else ""
        if lower == text.strip():  # a cell merged down (vMerge) repeats the one above
            lower = ""
        if len(lower) > 40 or any(ch.isdigit() for ch in lower):
            return None
        texts.append(f"{text} {lower}".strip())
    return texts


def is_column_numbers(texts: list[str]) -> bool:
    """The row «1 | 2 | 3 | 4 | 5» under a header, numbering the columns."""
    filled = [t.strip().rstrip(".") for t in texts if t.strip()]
    return len(filled) >= 3 and filled == [str(i) for i in range(1, len(filled) + 1)]


def headings(columns: dict[str, int], header: list[list[str]]) -> dict[str, str]:
    """Each field's heading as the source printed it (two header rows joined)."""
    out: dict[str, str] = {}
    for name, index in columns.items():
        parts: list[str] = []
        for row in header:
            text = heading_text(row[index]) if index < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        out[name] = " ".join(parts)
    return out
