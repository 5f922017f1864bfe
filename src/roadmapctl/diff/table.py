"""«Сравнительная таблица» (was / became) as a self-contained HTML page or a DOCX file.

Columns: №, было, стало, суть изменения; one row per section change and per
added, removed or changed item.  Both formats are drawn from the same rows
of styled runs: deleted words are struck out in «было», inserted words are
marked in «стало».  HTML goes through the shared Jinja environment with
autoescape, so text from a roadmap can never become markup; DOCX is built
with python-docx, landscape A4, the header row repeated on every page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from roadmapctl.diff.report import (
    TEXT_FIELDS,
    counts_line,
    document_groups,
    document_line,
    groups,
    item_facts,
    run_span,
    uses_line,
)
from roadmapctl.diff.result import DocumentChange, FieldChange, ItemChange, ItemRef, RoadmapDiff, WordDiff
from roadmapctl.render.xmltext import xml_safe

COLUMNS = ("№", "Было", "Стало", "Суть изменения")
WIDTHS_CM = (2.4, 10.0, 10.0, 5.3)
TITLE = "Сравнительная таблица"

Run = tuple[str, str]  # (style: "", "del", "ins", "label"; text)
Line = tuple[Run, ...]


@dataclass(frozen=True)
class Row:
    number: str
    old: tuple[Line, ...]
    new: tuple[Line, ...]
    essence: tuple[str, ...]


def rows(diff: RoadmapDiff) -> list[Row]:
    """The table's rows, their text fit for XML (DOCX and HTML alike)."""
    return [_safe(row) for row in _rows(diff)]


def _safe(row: Row) -> Row:
    def cell(lines: tuple[Line, ...]) -> tuple[Line, ...]:
        return tuple(tuple((style, xml_safe(text)) for style, text in line) for line in lines)

    return Row(xml_safe(row.number), cell(row.old), cell(row.new), tuple(xml_safe(t) for t in row.essence))


def _rows(diff: RoadmapDiff) -> list[Row]:
    # the field labels inside cells follow the headings of the new version's table
    labels = {**_LABELS, **{field: f"{heading}: " for field, heading in diff.headings if field in _LABELS}}
    out = [_document_row(part, change) for part, changes in document_groups(diff) for change in changes]
    out += [Row(_section_number(s.old, s.new), _section_cell(s.old, s.words, "delete"),
                _section_cell(s.new, s.words, "insert"), (s.summary,)) for s in diff.sections]
    for _, entries in groups(diff):
        for kind, value in entries:
            if kind == "renumbered":
                out.append(Row(run_span(value),
                               tuple((("label", "№ "), ("", f"{a} {t}"))
                                     for a, t in zip(value.old, value.titles, strict=True)),
                               tuple((("label", "№ "), ("", f"{b} {t}"))
                                     for b, t in zip(value.new, value.titles, strict=True)),
                               (value.summary,)))
            elif kind == "added":
                out.append(Row(value.label, ((("", "—"),),), _item_cell(value), ("мероприятие добавлено",)))
            elif kind == "removed":
                out.append(Row(value.label, _item_cell(value), ((("", "—"),),), ("мероприятие удалено",)))
            else:
                out.append(_changed_row(value, labels))
    return out


def subtitle(diff: RoadmapDiff) -> str:
    old = diff.old_period or diff.old_source
    new = diff.new_period or diff.new_source
    return xml_safe(f"Было: {old}. Стало: {new}. {counts_line(diff)} {document_line(diff) or ''}".rstrip())


def _section_number(*refs: Any) -> str:
    numbers = [ref.number for ref in refs if ref is not None and ref.number]
    return " → ".join(dict.fromkeys(numbers))


def _section_cell(ref: Any, words: WordDiff | None, keep: str) -> tuple[Line, ...]:
    """«Раздел 2 «…»», the renamed words marked on this side."""
    if ref is None:
        return ((("", "—"),),)
    head = ("label", "Раздел "), ("", f"{ref.number + ' ' if ref.number else ''}«")
    title = _side(words, keep) if words is not None else (("", ref.title),)
    return ((*head, *title, ("", "»")),)


def _document_row(part: str, change: DocumentChange) -> Row:
    """A change outside the items: the part in the first column, the value before and after."""
    label = ("label", f"{change.label[:1].upper()}{change.label[1:]}: ")
    if change.words is not None and change.old and change.new:
        old: Line = (label, *_side(change.words, "delete"))
        new: Line = (label, *_side(change.words, "insert"))
    else:
        old = (label, ("del", change.old) if change.old else ("", "—"))
        new = (label, ("ins", change.new) if change.new else ("", "—"))
    essence = (change.summary, *((change.note,) if change.note else ()),
               *((uses_line(change.items),) if change.items else ()))
    return Row(part, (old,), (new,), essence)


def _item_cell(ref: ItemRef) -> tuple[Line, ...]:
    return ((("", ref.title),), (("label", ""), ("", item_facts(ref))))


def _changed_row(change: ItemChange, labels: dict[str, str]) -> Row:
    old_lines: list[Line] = []
    new_lines: list[Line] = []
    fields = {c.field: c for c in change.changes}
    title = fields.get("title")
    if title is not None and title.words is not None:
        old_lines.append(_side(title.words, "delete"))
        new_lines.append(_side(title.words, "insert"))
    else:
        old_lines.append((("", change.old.title),))
        new_lines.append((("", change.new.title),))
    for field in change.changes:
        if field.field == "title":
            continue
        before, after = (_executor_lines(field, change, labels) if field.field == "executors"
                         else _field_lines(field, labels))
        old_lines.append(before)
        new_lines.append(after)
    number = change.new.label if change.old.label == change.new.label else \
        f"{change.old.label} → {change.new.label}"
    return Row(number, tuple(old_lines), tuple(new_lines), tuple(c.summary for c in change.changes))


_LABELS = {"place": "Место: ", "deadline": "Срок: ", "executors": "Исполнители: ",
           "result": "Результат: ", "indicator": "Показатель: ", "form": "Форма: ",
           "status": "Статус: ", "completions": "Отметок об исполнении: ",
           "extensions": "Переносов срока: "}


def _field_lines(change: FieldChange, labels: dict[str, str]) -> tuple[Line, Line]:
    label = ("label", labels.get(change.field, ""))
    if change.field in TEXT_FIELDS and change.words is not None and change.old and change.new:
        return (label, *_side(change.words, "delete")), (label, *_side(change.words, "insert"))
    if change.field == "place":
        return (label, ("", f"№ {change.old}")), (label, ("", f"№ {change.new}"))
    return (label, ("del", change.old) if change.old else ("", "—")), \
        (label, ("ins", change.new) if change.new else ("", "—"))


def _executor_lines(field: FieldChange, change: ItemChange, labels: dict[str, str]) -> tuple[Line, Line]:
    """Both lists in full, with only the executors removed or added marked."""
    label = ("label", labels["executors"])
    return ((label, *_names(change.old.executors, field.removed, "del")),
            (label, *_names(change.new.executors, field.added, "ins")))


def _names(names: tuple[str, ...], marked: tuple[str, ...], style: str) -> list[Run]:
    if not names:
        return [("", "—")]
    runs: list[Run] = []
    for index, name in enumerate(names):
        if index:
            runs.append(("", ", "))
        runs.append((style if name in marked else "", name))
    return runs


def _side(words: WordDiff, keep: str) -> Line:
    """One side of a word diff: equal words plain, this side's changes marked."""
    style = "del" if keep == "delete" else "ins"
    runs: list[Run] = []
    pending = ""  # whitespace of a segment of the other side, kept between its neighbours
    for op, lead, text in words.segments:
        if op == "equal":
            runs.append(("", (lead or pending) + text))
        elif op == keep:
            runs += [("", lead or pending), (style, text)]
        else:
            pending = lead
            continue
        pending = ""
    first = runs[0] if runs else ("", "")
    return ((first[0], first[1].lstrip()), *runs[1:])


# --- HTML -------------------------------------------------------------------------------------

TEMPLATE = "diff.html.j2"  # in the shipped templates/


def render_html(diff: RoadmapDiff, roadmap_title: str) -> bytes:
    from roadmapctl.render.jinja import make_env, templates_dir

    env = make_env(templates_dir(), trusted=True)
    page = env.get_template(TEMPLATE).render(
        title=TITLE, roadmap_title=xml_safe(roadmap_title), subtitle=subtitle(diff),
        columns=COLUMNS, rows=rows(diff))
    return page.encode("utf-8")


# --- DOCX -------------------------------------------------------------------------------------


def render_docx(diff: RoadmapDiff, roadmap_title: str) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    for text, bold in ((TITLE, True), (xml_safe(roadmap_title), False), (subtitle(diff), False)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    header = table.rows[0]
    _flag(header, "tblHeader")  # Word repeats this row at the top of every page
    for cell, name in zip(header.cells, COLUMNS, strict=True):
        cell.paragraphs[0].add_run(name).bold = True
    for row in rows(diff):
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(row.number)
        _fill(cells[1], row.old)
        _fill(cells[2], row.new)
        _fill(cells[3], tuple((("", line),) for line in row.essence))
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS_CM, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        _flag(row, "cantSplit")
        for cell, width in zip(row.cells, WIDTHS_CM, strict=True):
            cell.width = Cm(width)
    document.core_properties.title = TITLE
    document.core_properties.author = "roadmapctl"  # the mark that lets a rerun replace the file
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill(cell: Any, lines: tuple[Line, ...]) -> None:
    from docx.shared import RGBColor

    for n, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        for style, text in line:
            if not text:
                continue
            run = paragraph.add_run(text)
            if style == "del":
                run.font.strike = True
                run.font.color.rgb = RGBColor(0xA4, 0x00, 0x00)
            elif style == "ins":
                run.font.underline = True
                run.font.color.rgb = RGBColor(0x0A, 0x5D, 0x00)
            elif style == "label":
                run.italic = True


def _flag(row: Any, name: str) -> None:
    """A row property switched on: w:tblHeader (repeat on each page), w:cantSplit (keep whole)."""
    from roadmapctl.render.ooxml import row_flag

    row_flag(row._tr.get_or_add_trPr(), name)
