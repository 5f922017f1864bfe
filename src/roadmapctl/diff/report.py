"""The comparison as a terminal report, Markdown, or JSON.

Text and Markdown are grouped by the new version's sections, with the counts
on top; removed items appear under the section that took the place of their
old one.  Unchanged items are counted, never listed.

JSON is written by `jsonout` (its docstring lists the keys).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from roadmapctl.diff.result import (
    DocumentChange,
    FieldChange,
    ItemChange,
    ItemRef,
    RenumberRun,
    RoadmapDiff,
    SectionRef,
    WordDiff,
)
from roadmapctl.diff.words import plain
from roadmapctl.model.ru import count
from roadmapctl.output.markdown import escape as _md

FORMATS = ("text", "markdown", "json", "html", "docx")
TEXT_FIELDS = ("title", "result", "indicator", "form")
PARTS = {"document": "Документ", "approval": "Гриф утверждения", "goals": "Цели и задачи",
         "columns": "Столбцы таблицы", "executors": "Справочник исполнителей", "order": "Приказ"}
USES_SHOWN = 12  # item addresses printed per glossary change; JSON has them all

Group = tuple[SectionRef, list[tuple[str, Any]]]  # section, [(kind, ItemRef | ItemChange)]


def counts_line(diff: RoadmapDiff) -> str:
    """«Изменено 5 мероприятий, добавлено 2, удалено 1, перенумеровано 3, без изменений 30.»

    Items only renumbered by an insertion before them are counted apart from
    the changed ones: they are not edits.
    """
    if not (diff.changed or diff.added or diff.removed or diff.renumbered):
        total = count(diff.unchanged_count, "мероприятие", "мероприятия", "мероприятий")
        return f"Мероприятия не изменились ({total})."
    changed = count(len(diff.changed), "мероприятие", "мероприятия", "мероприятий")
    renumbered = f", перенумеровано {diff.renumbered_count}" if diff.renumbered else ""
    return (f"Изменено {changed}, добавлено {len(diff.added)}, удалено {len(diff.removed)}{renumbered}, "
            f"без изменений {diff.unchanged_count}.")


def document_line(diff: RoadmapDiff) -> str | None:
    """«Вне таблицы мероприятий: 3 изменения.», or None when there are none."""
    if not diff.document:
        return None
    return f"Вне таблицы мероприятий: {count(len(diff.document), 'изменение', 'изменения', 'изменений')}."


def document_groups(diff: RoadmapDiff) -> list[tuple[str, list[DocumentChange]]]:
    """Changes outside the items by part («Приказ», «Справочник исполнителей»), in file order."""
    out: dict[str, list[DocumentChange]] = {}
    for change in diff.document:
        out.setdefault(change.part, []).append(change)
    return [(PARTS[part], changes) for part, changes in out.items()]


def uses_line(addresses: tuple[str, ...]) -> str:
    """«касается мероприятий 1.1, 5.2.5/2» — the items a glossary change touches."""
    shown = ", ".join(addresses[:USES_SHOWN])
    more = len(addresses) - USES_SHOWN
    if more > 0:
        shown += f" и ещё {count(more, 'мероприятия', 'мероприятий', 'мероприятий')}"
    return f"касается {'мероприятия' if len(addresses) == 1 else 'мероприятий'} {shown}"


def run_span(run: RenumberRun) -> str:
    """«5.2.3–5.2.8 → 5.2.4–5.2.9»."""
    def span(labels: tuple[str, ...]) -> str:
        return labels[0] if len(labels) == 1 else f"{labels[0]}–{labels[-1]}"

    return f"{span(run.old)} → {span(run.new)}"


def doc_change_line(change: DocumentChange, words: Callable[[WordDiff], str],
                    escape: Callable[[str], str]) -> str:
    """The summary, escaped for the output, and for a reworded text the word diff after a colon."""
    line = escape(change.summary)
    if change.words is not None and change.old and change.new:
        line += f": {words(change.words)}"
    return line + (f"; {escape(change.note)}" if change.note else "")


def groups(diff: RoadmapDiff) -> list[Group]:
    """Changes by section of the new version, in its order; a removed item where it stood."""
    entries: dict[SectionRef, list[tuple[int, int, str, Any]]] = {ref: [] for ref in diff.new_order}
    for change in diff.changed:
        entries.setdefault(change.new.section, []).append((change.new.position, 0, "changed", change))
    for ref in diff.added:
        entries.setdefault(ref.section, []).append((ref.position, 0, "added", ref))
    for ref, home, after in zip(diff.removed, diff.removed_homes, diff.removed_after, strict=True):
        entries.setdefault(home, []).append((after, 1 + ref.position, "removed", ref))
    for run in diff.renumbered:
        entries.setdefault(run.section, []).append((run.position, 0, "renumbered", run))
    return [(section, [(kind, value) for _, _, kind, value in sorted(rows, key=lambda r: r[:2])])
            for section, rows in entries.items() if rows]


def section_heading(ref: SectionRef) -> str:
    return f"Раздел {ref.number}. {ref.title}" if ref.number else f"Раздел «{ref.title}»"


def item_facts(ref: ItemRef) -> str:
    parts = [f"срок: {ref.deadline}" if ref.deadline else "срок не указан"]
    if ref.executors:
        parts.append("исполнители: " + ", ".join(ref.executors))
    return "; ".join(parts)


def change_line(change: FieldChange, words: Callable[[WordDiff], str]) -> str:
    """The summary, and for texts the word diff after a colon."""
    if change.words is not None and change.field in TEXT_FIELDS:
        if change.old and change.new:
            return f"{change.summary}: {words(change.words)}"
        return f"{change.summary}: {change.new or change.old}"
    return change.summary


# --- text -----------------------------------------------------------------------------------


def text_report(diff: RoadmapDiff, styled: bool = False) -> str:
    """Plain text, or rich markup (colours for the terminal) when `styled`."""
    def escape(text: str) -> str:
        """The text with rich markup escaped when `styled`, else as it is."""
        if not styled:
            return text
        from rich.markup import escape as markup_escape

        return markup_escape(text)

    def style(text: str, name: str) -> str:
        return f"[{name}]{escape(text)}[/{name}]" if styled else text

    def words(wd: WordDiff) -> str:
        marks = {"equal": ("", "", ""), "delete": ("[-", "-]", "red"), "insert": ("{+", "+}", "green")}
        out = []
        for op, lead, text in wd.segments:
            start, end, colour = marks[op]
            piece = start + text + end
            out.append(lead + (style(piece, colour) if colour and styled else escape(piece)))
        return "".join(out).strip()

    lines = [escape(f"Сравнение: {_side(diff.old_source, diff.old_period)} → "
                    f"{_side(diff.new_source, diff.new_period)}")]
    if diff.shift_months:
        shift = f"{abs(diff.shift_months)} мес.{' назад' if diff.shift_months < 0 else ''}"
        lines.append(escape(f"Сроки сравниваются относительно периодов (сдвиг на {shift})."))
    lines.append(style(counts_line(diff), "bold"))
    if document_line(diff):
        lines.append(style(document_line(diff) or "", "bold"))
    lines += _text_outside(diff, escape, style, words)
    for home, rows in groups(diff):
        lines += ["", style(section_heading(home), "bold")]
        for kind, value in rows:
            lines += _text_item(kind, value, escape, style, words)
    return "\n".join(lines) + "\n"


def _text_outside(diff: RoadmapDiff, escape: Callable[[str], str], style: Callable[[str, str], str],
                  words: Callable[[WordDiff], str]) -> list[str]:
    """The changes outside the items: parts of the document, then sections."""
    lines: list[str] = []
    for part, changes in document_groups(diff):
        lines += ["", style(part, "bold")]
        for change in changes:
            mark = {"added": "+", "removed": "-"}.get(change.kind, "~")
            lines.append(f"  {escape(mark)} {doc_change_line(change, words, escape)}")
            if change.items:
                lines.append(f"      {escape(uses_line(change.items))}")
    if diff.sections:
        lines += ["", style("Разделы", "bold")]
        for section in diff.sections:
            mark = "+" if "added" in section.kinds else "-" if "removed" in section.kinds else "~"
            lines.append(f"  {escape(mark)} {escape(section.summary)}")
            if section.words is not None:
                lines.append(f"      {words(section.words)}")
    return lines


def _text_item(kind: str, value: Any, escape: Callable[[str], str], style: Callable[[str, str], str],
               words: Callable[[WordDiff], str]) -> list[str]:
    if kind == "added":
        return [style(f"  + {value.label} {value.title}", "green"), f"      {escape(item_facts(value))}"]
    if kind == "removed":
        return [style(f"  - {value.label} {value.title} (удалено)", "red"),
                f"      {escape(item_facts(value))}"]
    if kind == "renumbered":
        return [f"  № {escape(value.summary)}"]
    change: ItemChange = value
    label = change.new.label if change.old.label == change.new.label else \
        f"{change.old.label} → {change.new.label}"
    reworded = any(c.field == "title" for c in change.changes)
    head = f"  ~ {label}" + ("" if reworded else f" {change.new.title}")
    return [style(head, "yellow")] + [f"      {_text_change(c, escape, words)}" for c in change.changes]


def _text_change(change: FieldChange, escape: Callable[[str], str],
                 words: Callable[[WordDiff], str]) -> str:
    if change.words is not None and change.field in TEXT_FIELDS and change.old and change.new:
        return f"{escape(change.summary)}: {words(change.words)}"
    return escape(change_line(change, plain))


def _side(source: str, period: str | None) -> str:
    return f"{source} ({period})" if period else source


# --- markdown -------------------------------------------------------------------------------



def _md_words(wd: WordDiff) -> str:
    """Deleted and inserted words as <del>/<ins>: unlike ~~ and **, safe next to punctuation."""
    marks = {"equal": ("", ""), "delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>")}
    return "".join(lead + marks[op][0] + _md(text) + marks[op][1]
                   for op, lead, text in wd.segments).strip()


def markdown_report(diff: RoadmapDiff) -> str:
    lines = ["# Сравнение дорожных карт", "",
             f"- Было: {_md(_side(diff.old_source, diff.old_period))}",
             f"- Стало: {_md(_side(diff.new_source, diff.new_period))}", "",
             f"**{_md(counts_line(diff))}**"]
    if document_line(diff):
        lines += ["", f"**{_md(document_line(diff) or '')}**"]
    for part, changes in document_groups(diff):
        lines += ["", f"## {_md(part)}", ""]
        for change in changes:
            lines.append(f"- {doc_change_line(change, _md_words, _md)}")
            if change.items:
                lines.append(f"  - {_md(uses_line(change.items))}")
    if diff.sections:
        lines += ["", "## Разделы", ""]
        for section in diff.sections:
            tail = f": {_md_words(section.words)}" if section.words is not None else ""
            lines.append(f"- {_md(section.summary)}{tail}")
    for home, rows in groups(diff):
        lines += ["", f"## {_md(section_heading(home))}", ""]
        for kind, value in rows:
            if kind == "renumbered":
                lines.append(f"- **Перенумеровано** {_md(run_span(value))} ({_md(value.cause)})")
            elif kind == "changed":
                label = value.new.label if value.old.label == value.new.label else \
                    f"{value.old.label} → {value.new.label}"
                lines.append(f"- **Изменено** {_md(label)} — {_md(value.new.title)}")
                lines += [f"  - {_md(c.summary) if not c.words else _md_change(c)}" for c in value.changes]
            else:
                verb = "Добавлено" if kind == "added" else "Удалено"
                lines.append(f"- **{verb}** {_md(value.label)} — {_md(value.title)}  ")
                lines.append(f"  {_md(item_facts(value))}")
    return "\n".join(lines) + "\n"


def _md_change(change: FieldChange) -> str:
    if change.words is not None and change.field in TEXT_FIELDS and change.old and change.new:
        return f"{_md(change.summary)}: {_md_words(change.words)}"
    return _md(change_line(change, plain))
