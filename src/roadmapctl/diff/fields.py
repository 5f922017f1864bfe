"""What changed in one item between the two versions, field by field.

Text fields are compared with `words.word_diff` (typography and shifted years
are no change), deadlines with `deadline_shift` (relative to the period),
executors as sets (the same id, or the same full name under another id, is
the same executor).  A sub-item that inherits its deadline from its parent,
or an item that takes its executors from above (its parent, its section's or
the roadmap's `default_executors`), in both versions is not compared on them:
the change is reported once, where it is made.  Statuses, completion marks
and extensions describe the past year's work, not the plan, and are compared
only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmapctl.diff.deadline_shift import deadline_summary, schedule
from roadmapctl.diff.matching import Entry, normalize
from roadmapctl.diff.result import FieldChange, SectionRef
from roadmapctl.diff.words import word_diff
from roadmapctl.model.roadmap import ExecutorRef, Item, Roadmap
from roadmapctl.model.vocabulary import STATUS_NAMES

TEXT_SUMMARIES = {
    "title": ("формулировка изменена", "формулировка добавлена", "формулировка удалена"),
    "result": ("результат изменён", "результат добавлен", "результат удалён"),
    "indicator": ("показатель изменён", "показатель добавлен", "показатель удалён"),
    "form": ("форма представления изменена", "форма представления добавлена",
             "форма представления удалена"),
}


@dataclass(frozen=True)
class Versions:
    """Both roadmaps and what is already known about how they correspond."""

    old: Roadmap
    new: Roadmap
    months: int
    year_shift: int
    include_status: bool
    items: dict[int, int]  # old entry index → new entry index
    sections: dict[int, int]  # old section index → new section index
    old_sections: tuple[SectionRef, ...]
    new_sections: tuple[SectionRef, ...]


def compare_item(a: Entry, b: Entry, v: Versions) -> tuple[FieldChange, ...]:
    changes: list[FieldChange | None] = [
        _place(a, b, v),
        _text("title", "reworded", a.item.title, b.item.title, v),
        _deadline(a, b, v),
        _executors(a, b, v),
        _text("result", "text_changed", a.item.result, b.item.result, v),
        _indicator(a.item, b.item, v),
        _text("form", "text_changed", a.item.form, b.item.form, v),
    ]
    if v.include_status:
        changes.extend(_status(a.item, b.item))
    return tuple(change for change in changes if change is not None)


def executor_names(refs: list[ExecutorRef], roadmap: Roadmap) -> tuple[str, ...]:
    return tuple(_executor_name(ref.id, roadmap) for ref in refs)


def _executor_name(executor_id: str, roadmap: Roadmap) -> str:
    executor = roadmap.executors.get(executor_id)
    return executor.label if executor else executor_id


def _same_executor(old: ExecutorRef, new: ExecutorRef, v: Versions) -> bool:
    """The same id, or the same full name under another id (files imported separately)."""
    if old.id == new.id:
        return True
    before, after = v.old.executors.get(old.id), v.new.executors.get(new.id)
    return before is not None and after is not None and normalize(before.name) == normalize(after.name)


def _place(a: Entry, b: Entry, v: Versions) -> FieldChange | None:
    if a.parent is not None and b.parent is not None:
        moved = v.items.get(a.parent) != b.parent
    else:
        moved = (a.parent is None) != (b.parent is None) or v.sections.get(a.section) != b.section
    renumbered = a.number != b.number and (a.number is not None or b.number is not None)
    if not moved and not renumbered:
        return None
    if not moved:
        return FieldChange("place", "renumbered", f"перенумеровано: {a.label} → {b.label}",
                           a.label, b.label)
    if a.parent is not None or b.parent is not None:
        where_a = f"подпункт {a.label}" if a.parent is not None else f"пункт {a.label}"
        where_b = f"подпункт {b.label}" if b.parent is not None else f"пункт {b.label}"
        return FieldChange("place", "moved", f"перемещено: {where_a} → {where_b}", a.label, b.label)
    before, after = v.old_sections[a.section], v.new_sections[b.section]
    summary = f"перенесено из раздела {before.label} в раздел {after.label}"
    if a.label != b.label:
        summary += f" (номер {a.label} → {b.label})"
    return FieldChange("place", "moved", summary, a.label, b.label)


def _text(field: str, kind: str, old: str | None, new: str | None, v: Versions) -> FieldChange | None:
    diff = word_diff(old, new, v.year_shift)
    if not diff.changed:
        return None
    changed, added, removed = TEXT_SUMMARIES[field]
    summary = added if not old else removed if not new else changed
    return FieldChange(field, kind, summary, old, new, diff)


def _deadline(a: Entry, b: Entry, v: Versions) -> FieldChange | None:
    if _inherits_deadline(a.item, a.parent) and _inherits_deadline(b.item, b.parent):
        return None
    found = deadline_summary(schedule(a.ctx, v.old.period), schedule(b.ctx, v.new.period),
                             v.months, v.year_shift, v.new.period)
    if found is None:
        return None
    kind, summary = found
    old, new = a.ctx.effective_deadline, b.ctx.effective_deadline
    return FieldChange("deadline", kind, summary, old, new, word_diff(old, new, v.year_shift))


def _inherits_deadline(item: Item, parent: int | None) -> bool:
    return parent is not None and not item.deadline and not item.due


def _executors(a: Entry, b: Entry, v: Versions) -> FieldChange | None:
    if not a.item.executors and not b.item.executors:
        # Both take their executors from above (the parent, a section's or the roadmap's
        # `default_executors`): a change there is reported once, where it is made.
        return None
    old_refs, new_refs = a.ctx.effective_executors, b.ctx.effective_executors
    pairs = [(next((o for o in old_refs if _same_executor(o, ref, v)), None), ref) for ref in new_refs]
    added = tuple(_executor_name(ref.id, v.new) for before, ref in pairs if before is None)
    removed = tuple(_executor_name(o.id, v.old) for o in old_refs
                    if not any(_same_executor(o, ref, v) for ref in new_refs))
    details = tuple(_executor_name(ref.id, v.new) for before, ref in pairs
                    if before is not None and (before.role, before.note or "") != (ref.role, ref.note or ""))
    if not (added or removed or details):
        return None
    parts = []
    if added:
        parts.append(("добавлен исполнитель " if len(added) == 1 else "добавлены исполнители ")
                     + ", ".join(added))
    if removed:
        parts.append(("исключён исполнитель " if len(removed) == 1 else "исключены исполнители ")
                     + ", ".join(removed))
    if details:
        parts.append("изменены роль или примечание: " + ", ".join(details))
    return FieldChange("executors", "executors_changed", "; ".join(parts),
                       ", ".join(executor_names(old_refs, v.old)),
                       ", ".join(executor_names(new_refs, v.new)), added=added, removed=removed)


def _indicator(a: Item, b: Item, v: Versions) -> FieldChange | None:
    """Text and yearly targets as one change; target years shift with the period."""
    old_text = a.indicator.text if a.indicator else None
    new_text = b.indicator.text if b.indicator else None
    old_targets = a.indicator.targets if a.indicator else {}
    new_targets = b.indicator.targets if b.indicator else {}
    moved = {_shift_key(k, v.year_shift): value for k, value in old_targets.items()}
    text = _text("indicator", "text_changed", old_text, new_text, v)
    if text is None and new_targets in (old_targets, moved):
        return None
    old, new = _indicator_text(old_text, old_targets), _indicator_text(new_text, new_targets)
    if text is not None and old_targets == new_targets:
        return text
    summary = TEXT_SUMMARIES["indicator"][1 if not old else 2 if not new else 0]
    if text is None:
        summary = "показатель: изменены целевые значения"
    return FieldChange("indicator", "text_changed", summary, old or None, new or None,
                       word_diff(old, new, v.year_shift))


def _indicator_text(text: str | None, targets: dict[str, str]) -> str:
    values = "; ".join(f"{year}: {value}" for year, value in targets.items())
    return " ".join(part for part in (text or "", f"({values})" if values else "") if part)


def _shift_key(key: str, years: int) -> str:
    return str(int(key) + years) if key.isdigit() and len(key) == 4 else key


def _status(a: Item, b: Item) -> list[FieldChange | None]:
    out: list[FieldChange | None] = []
    if a.status != b.status:
        before, after = STATUS_NAMES[a.status], STATUS_NAMES[b.status]
        out.append(FieldChange("status", "status_changed", f"статус: {before} → {after}", before, after))
    marks = (("completions", "отметки об исполнении", [(c.date, c.due) for c in a.completions],
              [(c.date, c.due) for c in b.completions]),
             ("extensions", "переносы срока", [(e.to, e.date) for e in a.extensions],
              [(e.to, e.date) for e in b.extensions]))
    for field, what, old, new in marks:
        if old != new:
            out.append(FieldChange(field, "status_changed", f"{what}: было {len(old)}, стало {len(new)}",
                                   str(len(old)), str(len(new))))
    return out
