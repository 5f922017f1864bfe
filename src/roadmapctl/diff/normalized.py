"""A roadmap as stable, normalized text for `git diff` (the `textconv` driver).

Git shows line differences; YAML of a roadmap edited for the next year
differs on nearly every line (years, renumbering, re-wrapped strings).  This
rendering writes the whole document — heading, approval stamp, goals,
glossary, order, then one item per block of short lines — with whitespace
collapsed, so the diff of next year's roadmap against last year's shows only
what changed.

Years are written relative to the period's first year ({Г}, {Г+1}) only
where they are relative to the period, exactly where `rollover` moves them:
in deadline phrases and `due:` pins, and where a text names the period itself
(«на {Г}/{Г+1} учебный год»).  Any other year is kept as written: «на
2023-2025 годы» of a regional programme, «приказ от 14.06.2023», and real
dates (completion marks, extensions, the order's date), which print as dates.
Statuses, completion marks and extensions are shown, so `git log -p` shows
what `done` and `extend` recorded; a rolled-over roadmap shows them removed.
The item number is a line of its own: a renumbered item shows one changed
line, not a new block.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from roadmapctl.diff.matching import Entry, entries
from roadmapctl.model.roadmap import Item, Order, OrderPoint, Roadmap, Section
from roadmapctl.model.ru import date_numeric
from roadmapctl.model.vocabulary import STATUS_NAMES
from roadmapctl.rollover.mentions import replace_mentions

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SPACED_DASH = re.compile(r"\s+[-\u2010-\u2015\u2212]\s+")
RADIUS = 10  # years around the period that a deadline writes relative to it



class _Text:
    """The two ways a text is written: as is (period mentions relative) or wholly relative."""

    def __init__(self, roadmap: Roadmap) -> None:
        self.period = roadmap.period
        self.base = roadmap.period.start.year if roadmap.period else None

    def plain(self, text: str | None) -> str:
        text = _SPACED_DASH.sub(" – ", " ".join((text or "").split()))
        if self.period is None or self.base is None:
            return text
        base = self.base

        def write(first: int, last: int, sep: str, short: bool) -> str:
            end = _relative(last, base)
            return _relative(first, base) if first == last else f"{_relative(first, base)}{sep}{end}"

        return replace_mentions(text, self.period, write)

    def relative(self, text: str | None) -> str:
        text = _SPACED_DASH.sub(" – ", " ".join((text or "").split()))
        if self.base is None:
            return text
        base = self.base
        return _YEAR.sub(lambda m: _relative(int(m[1]), base), text)


def render(roadmap: Roadmap) -> str:
    t = _Text(roadmap)
    lines = [f"Карта: {t.plain(roadmap.title)}"]
    if roadmap.period is not None:
        lines.append(f"Период: {t.relative(roadmap.period.text)} (Г = {t.base})")
    if roadmap.territory:
        lines.append(f"Территория: {t.plain(roadmap.territory)}")
    lines += _settings(roadmap, roadmap.default_executors, roadmap.numbering, "")
    if roadmap.approval is not None:
        a = roadmap.approval
        lines += ["", "Гриф:", *_pairs(t, (("слово", a.stamp), ("кем", a.by), ("вид", a.kind), ("дата", a.date),
                                           ("номер", a.number)))]
    lines += _goals(roadmap.goals, t)
    columns = getattr(roadmap, "columns", None)
    if columns:
        lines += ["", "Столбцы:"] + [f"  {_column(c)}" for c in columns]
    if roadmap.executors:
        lines += ["", "Исполнители:"]
        for key, ex in roadmap.executors.items():
            short = f" ({t.plain(ex.short)})" if ex.short and ex.short != ex.name else ""
            email = f", {ex.email}" if ex.email else ""
            lines.append(f"  {key}: {t.plain(ex.name)}{short}{email}")
    if roadmap.order is not None:
        lines += ["", "Приказ:", *_order(roadmap.order, t)]
    by_section: dict[int, list[Entry]] = {}
    for entry in entries(roadmap):
        by_section.setdefault(id(entry.ctx.section), []).append(entry)
    for section in _all_sections(roadmap.sections):
        title = t.plain(section.title)
        lines += ["", f"== {section.number} {title} ==" if section.number else f"== {title} =="]
        lines += _settings(roadmap, section.default_executors, section.numbering, "  ")
        for entry in by_section.get(id(section), []):
            lines += ["", *_item(entry.item, entry.label, entry.parent is not None, roadmap, t)]
    return "\n".join(lines) + "\n"


def _settings(roadmap: Roadmap, defaults: list[Any], numbering: str | None, indent: str) -> list[str]:
    """Default executors and numbering style, where the roadmap or a section sets them."""
    from roadmapctl.diff.document import executors_text

    lines = []
    if defaults:
        lines.append(f"{indent}Исполнители по умолчанию: {executors_text(defaults, roadmap)}")
    if numbering:
        lines.append(f"{indent}Нумерация: {numbering}")
    return lines


def _relative(year: int, base: int) -> str:
    offset = year - base
    if abs(offset) > RADIUS:
        return str(year)
    return "{Г}" if offset == 0 else f"{{Г{offset:+d}}}"


def _pairs(t: _Text, values: tuple[tuple[str, Any], ...]) -> list[str]:
    """«  дата: 07.08.2023» for each value that is set; dates as dates."""
    return [f"  {name}: {date_numeric(value) if isinstance(value, date) else t.plain(str(value))}"
            for name, value in values if value not in (None, "")]


def _goals(goals: Any, t: _Text) -> list[str]:
    if not goals:
        return []
    if isinstance(goals, dict):
        out = ["", "Цели и задачи:"]
        for group, texts in goals.items():
            out.append(f"  {t.plain(group)}:")
            out += [f"    - {t.plain(text)}" for text in texts]
        return out
    return ["", "Цели и задачи:"] + [f"  - {t.plain(text)}" for text in goals]


def _column(column: Any) -> str:
    def get(name: str) -> Any:
        return column.get(name) if isinstance(column, dict) else getattr(column, name, None)

    names = f", {get('names')}" if get("names") else ""
    return f"{get('field')}: {get('heading')}{names}"


def _order(order: Order, t: _Text) -> list[str]:
    lines = [f"  бланк: {t.plain(line)}" for line in order.authority]
    lines += _pairs(t, (("справочные данные", order.contacts), ("вид", order.kind), ("дата", order.date),
                        ("номер", order.number), ("место", order.place), ("заголовок", order.title),
                        ("преамбула", order.preamble), ("распорядительное слово", order.command)))
    lines += _points(order.points, t)
    if order.signatory is not None:
        lines += _pairs(t, (("подписывает", " ".join(p for p in (order.signatory.position,
                                                                   order.signatory.name) if p)),))
    lines += _pairs(t, (("исполнитель документа", order.performer),))
    lines += [f"  рассылка: {t.plain(line)}" for line in order.distribution]
    return lines


def _points(points: list[OrderPoint], t: _Text, prefix: str = "") -> list[str]:
    out = []
    for n, point in enumerate(points, 1):
        number = f"{prefix}{n}"
        out.append(f"  пункт {number}: {t.plain(point.text)}")
        out += _points(point.points, t, f"{number}.")
    return out


def _item(item: Item, label: str, sub: bool, roadmap: Roadmap, t: _Text) -> list[str]:
    lines = [("  подпункт: " if sub else "") + t.plain(item.title)]
    lines.append(f"  № {label}")
    if item.key:
        lines.append(f"  ключ: {item.key}")
    if item.deadline:
        lines.append(f"  срок: {t.relative(item.deadline)}")
    if item.due:
        lines.append("  дата: " + ", ".join(t.relative(d.isoformat()) for d in item.due))
    for ref in item.executors:
        executor = roadmap.executors.get(ref.id)
        name = executor.label if executor else ref.id
        extra = ", соисполнитель" if ref.role == "co" else ""
        extra += f", {t.plain(ref.note)}" if ref.note else ""
        lines.append(f"  исполнитель: {t.plain(name)}{extra}")
    for field, value in (("результат", item.result), ("форма", item.form), ("примечание", item.note)):
        if value:
            lines.append(f"  {field}: {t.plain(value)}")
    if item.indicator is not None:
        if item.indicator.text:
            lines.append(f"  показатель: {t.plain(item.indicator.text)}")
        for year, value in item.indicator.targets.items():
            lines.append(f"  цель {year}: {t.plain(value)}")
    return lines + _marks(item, t)


def _marks(item: Item, t: _Text) -> list[str]:
    """Status, completion marks and extensions: real dates, every detail recorded."""
    lines = []
    if item.status != "planned":
        lines.append(f"  статус: {STATUS_NAMES[item.status]}")
    for done in item.completions:
        line = f"  исполнено: {date_numeric(done.date) if done.date else 'без даты'}"
        if done.due:
            line += f" (за срок {date_numeric(done.due)})"
        if done.note:
            line += f" — {t.plain(done.note)}"
        lines.append(line)
        lines += [f"    подтверждение: {t.plain(e.text)}" for e in done.evidence]
    for ext in item.extensions:
        line = f"  срок продлён до {date_numeric(ext.to) if ext.to else '?'}"
        if ext.date:
            line += f" ({date_numeric(ext.date)})"
        if ext.reason:
            line += f" — {t.plain(ext.reason)}"
        if ext.basis:
            line += f"; основание: {t.plain(ext.basis)}"
        lines.append(line)
    return lines


def _all_sections(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out += _all_sections(section.sections)
    return out
