"""What changed outside the table of items: heading, approval stamp, order, goals, glossary.

Users care about the whole document: a renamed organisation in the glossary
changes the order's distribution list, a new order date and number is a new
document to sign.  Every field is compared the way items are: texts by words
with last year's period years shifted («на 2023/2024 учебный год» in last
year's order and «на 2024/2025 учебный год» in this year's are the same
words), dates and numbers exactly.  Lists (order points, authority lines,
distribution, goals) are aligned as sequences, so an inserted point is one
addition, not a cascade of changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from roadmapctl.diff.matching import normalize
from roadmapctl.diff.result import DocumentChange
from roadmapctl.diff.words import word_diff
from roadmapctl.model.roadmap import Approval, Order, OrderPoint, Roadmap
from roadmapctl.model.ru import date_numeric

# Past participles by grammatical gender of the field's noun: m, f, n, p (plural).
_FORMS = {
    "changed": {"m": "изменён", "f": "изменена", "n": "изменено", "p": "изменены"},
    "added": {"m": "добавлен", "f": "добавлена", "n": "добавлено", "p": "добавлены"},
    "removed": {"m": "удалён", "f": "удалена", "n": "удалено", "p": "удалены"},
}

Value = str | date | None
NUMBERING = {"hierarchical": "иерархическая (1.1, 5.2.5)", "local": "в каждом разделе заново (1., 2.)"}


def document_changes(old: Roadmap, new: Roadmap, year_shift: int) -> tuple[DocumentChange, ...]:
    """Every change outside the items, in the order the parts stand in a roadmap file."""
    out: list[DocumentChange | None] = [
        _field("document", "title", "название карты", "n", old.title, new.title, year_shift, long=True),
        _field("document", "territory", "территория", "f", old.territory, new.territory, year_shift),
        _field("document", "period", "период", "m",
               old.period.text if old.period else None, new.period.text if new.period else None, 0),
    ]
    out += _approval(old.approval, new.approval, year_shift)
    out += _goals(old, new, year_shift)
    out.append(_columns(old, new))
    out += _settings(old, new)
    out += _executors(old, new, year_shift)
    out += _order(old.order, new.order, year_shift)
    return tuple(change for change in out if change is not None)


def _show(value: Value) -> str:
    return date_numeric(value) if isinstance(value, date) else f"«{' '.join(str(value).split())}»"


def _field(part: str, field: str, label: str, gender: str, old: Value, new: Value, year_shift: int,
           long: bool = False) -> DocumentChange | None:
    """One value: added, removed, or changed (short values «было → стало», long ones by words)."""
    if old in (None, "") and new in (None, ""):
        return None
    if isinstance(old, date) or isinstance(new, date):
        same = old == new
    else:
        same = not word_diff(old, new, year_shift).changed
    if same:
        return None
    old_text = None if old in (None, "") else (date_numeric(old) if isinstance(old, date) else str(old))
    new_text = None if new in (None, "") else (date_numeric(new) if isinstance(new, date) else str(new))
    if old_text is None:
        return DocumentChange(part, field, "added", f"{label} {_FORMS['added'][gender]}: {_show(new)}",
                              None, new_text, label=label)
    if new_text is None:
        return DocumentChange(part, field, "removed", f"{label} {_FORMS['removed'][gender]} (было: {_show(old)})",
                              old_text, None, label=label)
    if long:
        return DocumentChange(part, field, "changed", f"{label} {_FORMS['changed'][gender]}",
                              old_text, new_text, word_diff(old_text, new_text, year_shift), label=label)
    return DocumentChange(part, field, "changed", f"{label}: {_show(old)} → {_show(new)}", old_text, new_text,
                          label=label)


def _approval(old: Approval | None, new: Approval | None, year_shift: int) -> list[DocumentChange | None]:
    a, b = old or Approval(), new or Approval()
    return [
        _field("approval", "stamp", "слово грифа", "n", a.stamp, b.stamp, year_shift),
        _field("approval", "by", "кем утверждена (гриф)", "p", a.by, b.by, year_shift, long=True),
        _field("approval", "kind", "вид документа в грифе", "m", a.kind, b.kind, year_shift),
        _field("approval", "date", "дата в грифе", "f", a.date, b.date, year_shift),
        _field("approval", "number", "номер в грифе", "m", a.number, b.number, 0),  # «2023/45» is not shifted
    ]


def _order(old: Order | None, new: Order | None, year_shift: int) -> list[DocumentChange | None]:
    if old is None and new is None:
        return []
    a, b = old or Order(), new or Order()
    out: list[DocumentChange | None] = []
    out += _sequence("order", "authority", a.authority, b.authority, year_shift,
                     lambda n: "строка бланка", "f")
    out += [
        _field("order", "contacts", "справочные данные бланка", "p", a.contacts, b.contacts, year_shift, long=True),
        _field("order", "kind", "вид документа", "m", a.kind, b.kind, year_shift),
        _field("order", "date", "дата приказа", "f", a.date, b.date, year_shift),
        _field("order", "number", "номер приказа", "m", a.number, b.number, 0),
        _field("order", "place", "место издания", "n", a.place, b.place, year_shift),
        _field("order", "title", "заголовок приказа", "m", a.title, b.title, year_shift, long=True),
        _field("order", "preamble", "преамбула приказа", "f", a.preamble, b.preamble, year_shift, long=True),
        _field("order", "command", "распорядительное слово", "n", a.command, b.command, year_shift),
    ]
    old_points, new_points = list(_points(a.points)), list(_points(b.points))
    out += _sequence("order", "points", [t for _, t in old_points], [t for _, t in new_points], year_shift,
                     lambda n: f"пункт {n} приказа", "m",
                     old_labels=[p for p, _ in old_points], new_labels=[p for p, _ in new_points])
    out += [
        _field("order", "signatory", "подписывает", "n", _signatory(a), _signatory(b), year_shift),
        _field("order", "performer", "исполнитель документа", "m", a.performer, b.performer, year_shift),
    ]
    out += _sequence("order", "distribution", a.distribution, b.distribution, year_shift,
                     lambda n: "адресат рассылки", "m")
    return out


def _signatory(order: Order) -> str | None:
    if order.signatory is None:
        return None
    return " ".join(part for part in (order.signatory.position, order.signatory.name) if part) or None


def _points(points: list[OrderPoint], prefix: str = "") -> Iterator[tuple[str, str]]:
    for n, point in enumerate(points, 1):
        number = f"{prefix}{n}"
        yield number, point.text
        yield from _points(point.points, f"{number}.")


def _goals(old: Roadmap, new: Roadmap, year_shift: int) -> list[DocumentChange | None]:
    def flat(goals: Any) -> list[str]:
        if isinstance(goals, dict):
            return [f"{group}: {text}" for group, texts in goals.items() for text in texts]
        return list(goals)

    return _sequence("goals", "goals", flat(old.goals), flat(new.goals), year_shift,
                     lambda n: "пункт целей и задач", "m")


def _sequence(part: str, field: str, old: list[str], new: list[str], year_shift: int,
              label: Callable[[str], str], gender: str, old_labels: list[str] | None = None,
              new_labels: list[str] | None = None) -> list[DocumentChange | None]:
    """Two lists of texts aligned: additions, removals, and in-place rewordings."""
    old_labels = old_labels or [str(n) for n in range(1, len(old) + 1)]
    new_labels = new_labels or [str(n) for n in range(1, len(new) + 1)]
    keys_a = [normalize(text, year_shift) for text in old]
    keys_b = [normalize(text) for text in new]
    out: list[DocumentChange | None] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            out.append(_field(part, field, label(new_labels[j1 + k]), gender, old[i1 + k], new[j1 + k],
                              year_shift, long=True))
        for i in range(i1 + paired, i2):
            out.append(_field(part, field, label(old_labels[i]), gender, old[i], None, year_shift))
        for j in range(j1 + paired, j2):
            out.append(_field(part, field, label(new_labels[j]), gender, None, new[j], year_shift))
    return out


def _columns(old: Roadmap, new: Roadmap) -> DocumentChange | None:
    """The printed columns (`columns:`), when either version sets them."""
    def text(roadmap: Roadmap) -> str | None:
        shown = [f"{column.heading or column.field} ({column.field}{', ' + column.names if column.names else ''})"
                 for column in roadmap.columns]
        return " | ".join(shown) or None

    return _field("columns", "columns", "столбцы таблицы", "p", text(old), text(new), 0)


def _settings(old: Roadmap, new: Roadmap) -> list[DocumentChange | None]:
    """Roadmap-wide settings: default executors (for tables without that column), numbering style."""
    return [
        _field("document", "default_executors", "исполнители по умолчанию", "p",
               executors_text(old.default_executors, old), executors_text(new.default_executors, new), 0),
        _field("document", "numbering", "нумерация", "f", NUMBERING.get(old.numbering or ""),
               NUMBERING.get(new.numbering or ""), 0),
    ]


def executors_text(refs: list[Any], roadmap: Roadmap) -> str | None:
    """«УО, ОО» — executors by the names the document prints."""
    names = [roadmap.executors[r.id].label if r.id in roadmap.executors else r.id for r in refs]
    return ", ".join(names) or None


def _executors(old: Roadmap, new: Roadmap, year_shift: int) -> list[DocumentChange | None]:
    """The glossary: executors added, removed, renamed; with the items each change touches.

    An executor is the same under the same id, or under another id with the
    same full name (a document imported afresh).
    """
    old_uses, new_uses = _uses(old), _uses(new)
    pairs = {key: key for key in old.executors if key in new.executors}
    by_name = {normalize(e.name): key for key, e in new.executors.items() if key not in pairs.values()}
    for key, executor in old.executors.items():
        if key not in pairs and normalize(executor.name) in by_name:
            pairs[key] = by_name.pop(normalize(executor.name))
    out: list[DocumentChange | None] = []
    for key, executor in new.executors.items():
        before_key = next((a for a, b in pairs.items() if b == key), None)
        uses = tuple(new_uses.get(key, ()))
        if before_key is None:
            out.append(DocumentChange("executors", "executor", "added",
                                      f"в справочник добавлен исполнитель {_named(executor, key)}",
                                      None, executor.name, items=uses, label="исполнитель"))
            continue
        before = old.executors[before_key]
        who = f"исполнитель {_named(executor, key)}"
        name = _field("executors", "name", f"{who}: полное наименование", "n", before.name, executor.name,
                      year_shift, long=True)
        if name is not None:
            out.append(DocumentChange("executors", "name", "renamed", name.summary, name.old, name.new,
                                      name.words, uses, name.label, _stale(before.name, executor.name, new)))
        for field, what, gender in (("short", "краткое наименование", "n"), ("email", "адрес e-mail", "m"),
                                    ("kind", "вид организации", "m")):
            found = _field("executors", field, f"{who}: {what}", gender, getattr(before, field),
                           getattr(executor, field), year_shift)
            if found is not None:
                kind = "renamed" if field == "short" else "changed"
                stale = _stale(before.short, executor.short, new) if field == "short" else ""
                out.append(DocumentChange("executors", field, kind, found.summary, found.old, found.new,
                                          found.words, uses, found.label, stale))
    for key, executor in old.executors.items():
        if key not in pairs:
            out.append(DocumentChange("executors", "executor", "removed",
                                      f"из справочника исключён исполнитель {_named(executor, key)}",
                                      executor.name, None, items=tuple(old_uses.get(key, ())),
                                      label="исполнитель"))
    return out


def _stale(before: str | None, after: str | None, roadmap: Roadmap) -> str:
    """«прежнее наименование осталось в приказе: рассылка» — where the order still names it the old way.

    A renamed organisation matters most in the order's distribution list and
    points: they are typed by hand and easily left behind.
    """
    if not before or not after or roadmap.order is None:
        return ""
    old, new = normalize(before), normalize(after)
    order = roadmap.order
    texts = [(f"пункт {number}", text) for number, text in _points(order.points)]
    texts += [("рассылка", line) for line in order.distribution]
    texts += [("преамбула", order.preamble or ""), ("заголовок", order.title or "")]
    places = list(dict.fromkeys(place for place, text in texts
                                if old in normalize(text) and new not in normalize(text)))
    return f"прежнее наименование осталось в приказе: {', '.join(places)}" if places else ""


def _named(executor: Any, key: str) -> str:
    name = " ".join(executor.name.split())
    short = f", {executor.short}" if executor.short and executor.short != executor.name else ""
    return f"«{name}» ({key}{short})"


def _uses(roadmap: Roadmap) -> dict[str, list[str]]:
    """Executor id → addresses of the items that name it, in document order.

    The items are walked with their addresses (the labels of `matching.entries`) and nothing
    else: the matching's normalized titles and stems are not needed here."""
    from roadmapctl.tracking.compute import bare_number, walk_addressed

    out: dict[str, list[str]] = {}
    for ctx, address, _ in walk_addressed(roadmap):
        # Its own executors, or for an item of a section the section's or roadmap's defaults;
        # a sub-item that follows its parent is counted at the parent.
        label = bare_number(address)
        refs = ctx.item.executors or (ctx.effective_executors if ctx.parent is None else [])
        for ref in refs:
            mine = out.setdefault(ref.id, [])
            if label not in mine:
                mine.append(label)
    return out
