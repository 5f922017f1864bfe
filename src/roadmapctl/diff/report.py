"""The comparison as a terminal report, Markdown, or JSON.

Text and Markdown are grouped by the new version's sections, with the counts
on top; removed items appear under the section that took the place of their
old one.  Unchanged items are counted, never listed.

JSON keys (stable; new keys may be added, none renamed or removed):

- `old`, `new`: `{"source": path or REV:path, "period": "2023/2024"}`;
- `shift_months`: the new period's start minus the old one's, in months;
- `summary`: counts `changed`, `added`, `removed`, `unchanged`, `sections`;
- `sections`: section changes `{kinds, old, new, summary, sources, targets}`,
  `kinds` from added / removed / renamed / renumbered, `old`/`new` are
  `{"number", "title"}` or null;
- `added`, `removed`: items `{number, title, section, key, deadline,
  executors, result}`, where `number` is the item's label («1.2»,
  «5.2.6, подп. 3» for a sub-item, «5.3, б/н 1» for an unnumbered item);
- `changed`: `{old, new, title, old_title, section, changes}` where
  `old`/`new` are the item numbers (labels) and `changes` is a list of
  `{field, kind, summary, old, new, diff, added, removed}`; `diff` is the
  word-level diff in wdiff style («[-старое-] {+новое+}») or null;
- `unchanged_count`: the number of paired items without changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from roadmapctl.diff.result import FieldChange, ItemChange, ItemRef, RoadmapDiff, SectionRef, WordDiff
from roadmapctl.diff.words import plain
from roadmapctl.ru import count

FORMATS = ("text", "markdown", "json", "html", "docx")
TEXT_FIELDS = ("title", "result", "indicator", "form")

Group = tuple[SectionRef, list[tuple[str, Any]]]  # section, [(kind, ItemRef | ItemChange)]


def counts_line(diff: RoadmapDiff) -> str:
    """«Изменено 5 мероприятий, добавлено 2, удалено 1, без изменений 30.»"""
    if not (diff.changed or diff.added or diff.removed):
        total = count(diff.unchanged_count, "мероприятие", "мероприятия", "мероприятий")
        return f"Мероприятия не изменились ({total})."
    changed = count(len(diff.changed), "мероприятие", "мероприятия", "мероприятий")
    return (f"Изменено {changed}, добавлено {len(diff.added)}, удалено {len(diff.removed)}, "
            f"без изменений {diff.unchanged_count}.")


def groups(diff: RoadmapDiff) -> list[Group]:
    """Changes by section of the new version, in its order; removed items after the rest."""
    entries: dict[SectionRef, list[tuple[int, int, str, Any]]] = {ref: [] for ref in diff.new_order}
    for change in diff.changed:
        entries.setdefault(change.new.section, []).append((0, change.new.position, "changed", change))
    for ref in diff.added:
        entries.setdefault(ref.section, []).append((0, ref.position, "added", ref))
    for ref, home in zip(diff.removed, diff.removed_homes, strict=True):
        entries.setdefault(home, []).append((1, ref.position, "removed", ref))
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
    if diff.sections:
        lines += ["", style("Разделы", "bold")]
        for section in diff.sections:
            mark = "+" if "added" in section.kinds else "-" if "removed" in section.kinds else "~"
            lines.append(f"  {escape(mark)} {escape(section.summary)}")
            if section.words is not None:
                lines.append(f"      {words(section.words)}")
    for home, rows in groups(diff):
        lines += ["", style(section_heading(home), "bold")]
        for kind, value in rows:
            lines += _text_item(kind, value, escape, style, words)
    return "\n".join(lines) + "\n"


def _text_item(kind: str, value: Any, escape: Callable[[str], str], style: Callable[[str, str], str],
               words: Callable[[WordDiff], str]) -> list[str]:
    if kind == "added":
        return [style(f"  + {value.label} {value.title}", "green"), f"      {escape(item_facts(value))}"]
    if kind == "removed":
        return [style(f"  - {value.label} {value.title} (удалено)", "red"),
                f"      {escape(item_facts(value))}"]
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

_MD_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>#|~"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


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
    if diff.sections:
        lines += ["", "## Разделы", ""]
        for section in diff.sections:
            tail = f": {_md_words(section.words)}" if section.words is not None else ""
            lines.append(f"- {_md(section.summary)}{tail}")
    for home, rows in groups(diff):
        lines += ["", f"## {_md(section_heading(home))}", ""]
        for kind, value in rows:
            if kind == "changed":
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


# --- json -----------------------------------------------------------------------------------


def json_report(diff: RoadmapDiff) -> str:
    data = {
        "old": {"source": diff.old_source, "period": diff.old_period},
        "new": {"source": diff.new_source, "period": diff.new_period},
        "shift_months": diff.shift_months,
        "summary": {"changed": len(diff.changed), "added": len(diff.added),
                    "removed": len(diff.removed), "unchanged": diff.unchanged_count,
                    "sections": len(diff.sections)},
        "sections": [{"kinds": list(s.kinds), "old": _section(s.old), "new": _section(s.new),
                      "summary": s.summary, "sources": [_section(r) for r in s.sources],
                      "targets": [_section(r) for r in s.targets]} for s in diff.sections],
        "added": [_item(ref) for ref in diff.added],
        "removed": [_item(ref) for ref in diff.removed],
        "changed": [{"old": c.old.label, "new": c.new.label, "title": c.new.title,
                     "old_title": c.old.title, "section": _section(c.new.section),
                     "changes": [_field(f) for f in c.changes]} for c in diff.changed],
        "unchanged_count": diff.unchanged_count,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _section(ref: SectionRef | None) -> dict[str, str | None] | None:
    return None if ref is None else {"number": ref.number, "title": ref.title}


def _item(ref: ItemRef) -> dict[str, Any]:
    return {"number": ref.label, "title": ref.title, "section": _section(ref.section), "key": ref.key,
            "deadline": ref.deadline, "executors": list(ref.executors), "result": ref.result}


def _field(change: FieldChange) -> dict[str, Any]:
    return {"field": change.field, "kind": change.kind, "summary": change.summary,
            "old": change.old, "new": change.new,
            "diff": plain(change.words) if change.words is not None else None,
            "added": list(change.added), "removed": list(change.removed)}
