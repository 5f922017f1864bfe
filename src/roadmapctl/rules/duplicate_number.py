"""Номера мероприятий, номера разделов и ключи `key` не должны повторяться.

Номера сравниваются без конечной точки: «1.1» и «1.1.» — один номер.
При сквозной нумерации («1.1», «2.3») номер не повторяется во всей карте;
при своей нумерации в каждом разделе («1.», «2.» и снова «1.» в следующем
разделе) — внутри одного раздела. Стиль раздела `check` определяет сам или
берёт из ключа `numbering`.

Правильно:

    - number: "1.1"
    - number: "1.2"

Ошибка:

    - number: "1.1"
    - number: "1.1."
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from roadmapctl.model.roadmap import Item, Located, Pos, Section, normalize_number
from roadmapctl.rules import Context, Finding

ID = "R102"
NAME = "duplicate-number"
LEVEL = "error"

Value = tuple[object, str] | None  # (where it must be unique, the number or key compared)


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    item_scope: dict[int, int] = {}
    section_scope: dict[int, int] = {}
    for group in ctx.siblings:
        into = section_scope if group.kind == "sections" else item_scope
        for member in group.members:
            into[id(member)] = group.scope
    items = [entry.item for entry in ctx.entries]
    yield from _repeats("номер мероприятия", "number",
                        ((_scoped(item_scope, i), i.number, i) for i in items))
    yield from _repeats("ключ", "key", (((None, i.key) if i.key else None, i.key, i) for i in items))
    yield from _repeats("номер раздела", "number",
                        ((_scoped(section_scope, s), s.number, s) for s in ctx.roadmap.all_sections()))


def _scoped(scopes: dict[int, int], record: Item | Section) -> Value:
    number = normalize_number(record.number)
    return (scopes.get(id(record), 0), number) if number else None


def _repeats(what: str, field: str, values: Iterable[tuple[Value, str | None, Located]]) -> Iterator[Finding]:
    """A finding at every repeat of a value: (value compared, value as written, record)."""
    first: dict[tuple[object, str], Pos] = {}
    for value, written, record in values:
        if value is None:
            continue
        pos = record.where(field)
        if value in first:
            yield Finding(pos, f"{what} «{written}» уже встречался в строке {first[value].line}")
        else:
            first[value] = pos
