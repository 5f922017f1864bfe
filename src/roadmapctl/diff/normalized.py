"""A roadmap as stable, normalized text for `git diff` (the `textconv` driver).

Git shows line differences; YAML of a roadmap edited for the next year
differs on nearly every line (years, renumbering, re-wrapped strings).  This
rendering puts one item in one block of short lines — title, number, deadline,
executors, result, status — in document order, with whitespace collapsed and
every year written relative to the period's first year ({Г}, {Г+1}, …), so
the diff of next year's roadmap against last year's shows only what changed:
the period line once, and the items that really differ.  The item number is a
line of its own: a renumbered item shows one changed line, not a new block.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from roadmapctl.vocabulary import STATUS_NAMES
from roadmapctl.diff.matching import Entry, entries
from roadmapctl.model import Item, Roadmap, Section

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SPACED_DASH = re.compile(r"\s+[-\u2010-\u2015\u2212]\s+")
RADIUS = 10  # years around the period that are written relative to it

Clean = Callable[[str | None], str]


def render(roadmap: Roadmap) -> str:
    base = roadmap.period.start.year if roadmap.period else None

    def clean(text: str | None) -> str:
        text = _SPACED_DASH.sub(" – ", " ".join((text or "").split()))
        if base is None:
            return text
        return _YEAR.sub(lambda m: _relative(int(m[1]), base), text)

    lines = [f"Карта: {clean(roadmap.title)}"]
    if roadmap.period is not None:
        lines.append(f"Период: {clean(roadmap.period.text)} (Г = {base})")
    if roadmap.territory:
        lines.append(f"Территория: {clean(roadmap.territory)}")
    if roadmap.executors:
        lines += ["", "Исполнители:"]
        lines += [f"  {key}: {clean(ex.name)}" + (f" ({clean(ex.short)})" if ex.short and ex.short != ex.name else "")
                  for key, ex in roadmap.executors.items()]
    by_section: dict[int, list[Entry]] = {}
    for entry in entries(roadmap):
        by_section.setdefault(id(entry.ctx.section), []).append(entry)
    for section in _all_sections(roadmap.sections):
        title = clean(section.title)
        lines += ["", f"== {section.number} {title} ==" if section.number else f"== {title} =="]
        for entry in by_section.get(id(section), []):
            lines += [""] + _item(entry.item, entry.label, entry.parent is not None, roadmap, clean)
    return "\n".join(lines) + "\n"


def _relative(year: int, base: int) -> str:
    offset = year - base
    if abs(offset) > RADIUS:
        return str(year)
    return "{Г}" if offset == 0 else f"{{Г{offset:+d}}}"


def _item(item: Item, label: str, sub: bool, roadmap: Roadmap, c: Clean) -> list[str]:
    lines = [("  подпункт: " if sub else "") + c(item.title)]
    lines.append(f"  № {label}")
    if item.key:
        lines.append(f"  ключ: {item.key}")
    if item.deadline:
        lines.append(f"  срок: {c(item.deadline)}")
    if item.due:
        lines.append("  дата: " + ", ".join(c(d.isoformat()) for d in item.due))
    for ref in item.executors:
        executor = roadmap.executors.get(ref.id)
        name = executor.label if executor else ref.id
        extra = ", соисполнитель" if ref.role == "co" else ""
        extra += f", {c(ref.note)}" if ref.note else ""
        lines.append(f"  исполнитель: {c(name)}{extra}")
    for field, value in (("результат", item.result), ("форма", item.form), ("примечание", item.note)):
        if value:
            lines.append(f"  {field}: {c(value)}")
    if item.indicator is not None:
        if item.indicator.text:
            lines.append(f"  показатель: {c(item.indicator.text)}")
        for year, value in item.indicator.targets.items():
            lines.append(f"  цель {c(year)}: {c(value)}")
    if item.status != "planned":
        lines.append(f"  статус: {STATUS_NAMES[item.status]}")
    for done in item.completions:
        when = c(done.date.isoformat()) if done.date else "без даты"
        lines.append(f"  исполнено: {when}" + (f" — {c(done.note)}" if done.note else ""))
    for ext in item.extensions:
        to = c(ext.to.isoformat()) if ext.to else "?"
        lines.append(f"  срок продлён до {to}" + (f" — {c(ext.reason)}" if ext.reason else ""))
    return lines


def _all_sections(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out += _all_sections(section.sections)
    return out
