"""Table rows → a flat list of entries: headings and measures, continuations joined.

A row is one of:

* a repeat of the header or the row «1 2 3 4 5» numbering the columns —
  skipped wherever it stands (Word repeats headers on each page and
  before each direction);
* a heading — a number and a title with every other cell empty or merged
  across the row («5.1 | Нормативное обеспечение | | |», «1. Нормативно –
  правовое обеспечение» all in the first cell, «I. Кадры», or a merged row
  without a number: «Направление 2. Кадры»);
* an editorial row — «Примечание: …», «* …», «(в ред. приказа …)» merged
  across the table: it goes into the note of the measure above;
* a continuation — no number, and the text starts in lower case or the
  title above stops mid-phrase («… в рамках»): the row was broken by a page
  break and continues the entry above;
* a measure, numbered or not.

A stage column («Этап», «Направление», «Задачи», merged down over its
measures) opens a heading whenever its text changes.  Whether a numbered
heading is a section or a measure with sub-items is decided later by
`build`, which sees the rows after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roadmapctl.importer.cleanup import join_lines, mend_broken_words
from roadmapctl.importer.tables import Cell, Row, Table, heading_text, is_column_numbers, match_header
from roadmapctl.model.roadmap import Item
from roadmapctl.model.text import shorten

_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
# «I.», also typed with the Cyrillic look-alikes of I and X
_ROMAN = re.compile(r"^([IVXLC]+|[ІХ]+)\.?$")  # noqa: RUF001 - the Cyrillic letters on purpose
_NUMBER_AND_TITLE = re.compile(r"^(\d+(?:\.\d+)*\.?)\s+(\S.*)$", re.DOTALL)
_ROMAN_AND_TITLE = re.compile(r"^([IVXLC]+)\.?\s+([А-ЯЁA-Z«\"].*)$", re.DOTALL)
_SECTION_WORD = re.compile(r"^(?:раздел|направление|блок|этап|модуль)\s+(\d+|[IVXLC]+)\.?\s*(.*)$", re.IGNORECASE)
# Rows that comment on the table rather than add to it: «Примечание: …»,
# «* …», «(в ред. приказа от …)», «Пункт исключён».
EDITORIAL = re.compile(r"^\(?\s*(в\s+ред(\.|акции)|примечани|прим\.|\*|сноска|пункт\s+исключ|исключ[её]н)",
                        re.IGNORECASE)
_LAST_WORD = re.compile(r"(\w+|[,\-–—])\s*$")
_DANGLING = {"в", "во", "на", "по", "для", "с", "со", "о", "об", "к", "ко", "и", "или", "а", "из", "от", "до",
             "при", "за", "под", "над", "через", "рамках", ",", "-", "–", "—"}
_NOISE = {"control": "удалены управляющие символы", "html": "удалены HTML-теги",
          "noise": "удалены знаки «?» (испорченные символы)", "markup": "удалена разметка «**»"}


_FIELD_NAMES = {"deadline": "срок", "executors": "исполнитель", "result": "результат", "form": "форма",
                "indicator": "показатель", "note": "примечание", "title": "текст мероприятия"}




@dataclass
class Entry:
    kind: str  # "heading", "item" or "note" (an editorial row)
    number: str | None
    cells: dict[str, Cell]
    where: str
    merged_across: bool = False
    guessed: list[str] = field(default_factory=list)  # words joined across a hyphen by guess
    broken: list[str] = field(default_factory=list)  # «нормативны х»: maybe one word cut by a line end
    item: Item | None = None  # the measure built from this entry
    responsible: list[str] = field(default_factory=list)  # who answers for a section («Ответственный: …»)

    def text(self, name: str, vocabulary: set[str]) -> str | None:
        """The cell as one line: paragraphs and broken lines joined."""
        cell = self.cells.get(name)
        if cell is None or cell.empty:
            return None
        lines, suspects = mend_broken_words([line for p in cell.paragraphs for line in p.split("\n")], vocabulary)
        text, guessed = join_lines(lines, vocabulary)
        self.guessed += guessed
        self.broken += suspects
        return text or None

    def paragraphs(self, name: str, vocabulary: set[str]) -> list[str]:
        """The cell's paragraphs, each with its broken lines joined (for executors)."""
        cell = self.cells.get(name)
        if cell is None:
            return []
        out = []
        for paragraph in cell.paragraphs:
            text, guessed = join_lines(paragraph.split("\n"), vocabulary)
            self.guessed += guessed
            if text:
                out.append(text)
        return out


def table_entries(table: Table, notes: list[tuple[str, str]]) -> list[Entry]:
    entries: list[Entry] = []
    mapped = set(table.columns.values())
    unread = sorted({i + 1 for row in table.rows for i, c in enumerate(row.cells) if i not in mapped and not c.empty})
    if unread:
        columns = ", ".join(map(str, unread))
        what = (f"в столбце {columns} есть текст, но его заголовок не распознан" if len(unread) == 1
                else f"в столбцах {columns} есть текст, но их заголовки не распознаны")
        notes.append((table.where, f"{what} — этот текст не перенесён"))
    header = [_row_key(texts) for texts in table.header]
    stage: str | None = None
    for row in table.rows:
        if _is_repeated_header(row, header):
            continue
        entry = _entry(row, table.columns)
        if entry is None:
            continue
        for kind in sorted(set().union(*(c.noise for c in row.cells))):
            notes.append((row.where, _NOISE[kind]))
        stage_cell = entry.cells.pop("stage", None)
        if stage_cell is not None and not stage_cell.empty and stage_cell.text != stage:
            stage = stage_cell.text
            entries.append(Entry("heading", None, {"title": Cell(list(stage_cell.paragraphs))}, row.where, True))
            notes.append((row.where, f"этап «{heading_text(stage)}» из объединённой ячейки стал разделом"))
        if entry.kind == "note":
            _editorial(entry, entries, notes)
            continue
        for name, cell in entry.cells.items():
            if cell.from_above and name in _FIELD_NAMES:
                label = _FIELD_NAMES[name]
                notes.append((row.where, f"{label[:1].upper()}{label[1:]}: «{shorten(cell.text)}» — из ячейки, "
                                         "объединённой со строкой выше"))
        if _continues(entry, entries):
            previous = entries[-1]
            _join(previous, entry)
            label = f"мероприятию {previous.number}" if previous.number else "строке выше"
            notes.append((entry.where, (f"строка без номера присоединена к {label} ({previous.where}) "
                                        "как продолжение разорванной строки")))
            continue
        entries.append(entry)
    return entries


def _row_key(texts: list[str]) -> tuple[str, ...]:
    return tuple(heading_text(t).lower() for t in texts if heading_text(t))


def _is_repeated_header(row: Row, header: list[tuple[str, ...]]) -> bool:
    """The header again (Word repeats it on each page or before each direction), or «1 2 3 4 5»."""
    texts = [c.text for c in row.cells]
    key = _row_key(texts)
    return (bool(key) and key in header) or is_column_numbers(texts) or match_header(texts) is not None


def _editorial(entry: Entry, entries: list[Entry], notes: list[tuple[str, str]]) -> None:
    """An editorial row goes into the note of the measure above it."""
    text = entry.cells["title"].text
    previous = next((e for e in reversed(entries) if e.kind == "item"), None)
    if previous is None or entries[-1].kind != "item":
        notes.append((entry.where, f"строка-примечание «{text}» не перенесена: над ней нет мероприятия"))
        return
    cell = previous.cells.setdefault("note", Cell())
    cell.paragraphs = [" ".join([*cell.paragraphs, text])]
    label = f"мероприятия {previous.number}" if previous.number else "мероприятия выше"
    notes.append((entry.where, f"строка-примечание перенесена в примечание {label}"))


def _single_text(row: Row) -> str | None:
    """The text of a row merged across the table (or holding one cell only)."""
    filled = [c for c in row.cells if not c.empty]
    merged = sum(1 for c in row.cells if c.merged)
    if len(filled) == 1 and merged >= max(1, len(row.cells) - 2):
        return filled[0].text.strip()
    return None


def _text_row(text: str, where: str) -> Entry:
    """A row that is one text: an editorial note, or a heading with or without a number."""
    if EDITORIAL.match(text):
        return Entry("note", None, {"title": Cell([text])}, where, True)
    number: str | None = None
    if m := (_NUMBER_AND_TITLE.match(text) or _ROMAN_AND_TITLE.match(text)):
        number, text = m.group(1), m.group(2)
    return Entry("heading", number, {"title": Cell([text])}, where, True)


def _entry(row: Row, columns: dict[str, int]) -> Entry | None:
    cells = {name: row.cells[index] if index < len(row.cells) else Cell() for name, index in columns.items()}
    if all(c.empty for c in row.cells):
        return None
    if (single := _single_text(row)) is not None:
        return _text_row(single, row.where)
    number_cell = cells.pop("number", None)
    number = number_cell.text.strip() if number_cell and not number_cell.empty else None
    title = cells.get("title") or Cell()
    if number and _ROMAN.match(number):
        number = number.rstrip(".")
    elif number and not _NUMBER.match(number):
        m = _NUMBER_AND_TITLE.match(number) or _ROMAN_AND_TITLE.match(number)
        if m and title.empty:
            number, cells["title"] = m.group(1), Cell([m.group(2)])
        else:
            cells["title"] = Cell([number, *title.paragraphs])
            number = None
    elif number is None and "number" not in columns and not title.empty:
        m = _NUMBER_AND_TITLE.match(title.paragraphs[0])
        if m:
            number, cells["title"] = m.group(1), Cell([m.group(2), *title.paragraphs[1:]])
    filled = [name for name, cell in cells.items() if not cell.empty and name != "stage"]
    if not filled and not number:
        return None  # text only in columns the header did not name (reported for the table)
    merged_across = sum(1 for c in row.cells if c.merged) >= max(1, len(row.cells) - 2)
    if filled == ["title"] and not number and EDITORIAL.match(cells["title"].text):
        return Entry("note", None, cells, row.where)
    if filled == ["title"] and (number or merged_across or _SECTION_WORD.match(cells["title"].text)):
        return Entry("heading", number, cells, row.where, merged_across)
    return Entry("item", number, cells, row.where)


def _continues(entry: Entry, entries: list[Entry]) -> bool:
    if entry.number or not entries or entry.merged_across:
        return False
    title = entry.cells.get("title")
    if title is None or title.empty:
        return True
    first = title.paragraphs[0].lstrip("«\"(")
    return first[:1].islower() or _cut_mid_phrase(entries[-1])


def _cut_mid_phrase(entry: Entry) -> bool:
    """The title above stops on a preposition or a comma («… в рамках»): its row was broken."""
    title = entry.cells.get("title")
    if title is None or title.empty:
        return False
    last = _LAST_WORD.search(title.paragraphs[-1])
    return last is not None and last.group(1).lower() in _DANGLING


def _join(previous: Entry, continuation: Entry) -> None:
    """Glue a continuation row onto the entry above, cell by cell."""
    for name, cell in continuation.cells.items():
        if cell.empty:
            continue
        target = previous.cells.setdefault(name, Cell())
        if target.paragraphs:
            target.paragraphs[-1] = f"{target.paragraphs[-1]}\n{cell.paragraphs[0]}"
            target.paragraphs += cell.paragraphs[1:]
        else:
            target.paragraphs = list(cell.paragraphs)


def section_word(title: str) -> tuple[str | None, str]:
    """«Направление 1. Кадры» → ("1", "Кадры"); other titles stay whole."""
    m = _SECTION_WORD.match(title)
    if m and m.group(2):
        return m.group(1), m.group(2).strip()
    return None, title
