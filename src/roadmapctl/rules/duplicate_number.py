"""Номера мероприятий, номера разделов и ключи `key` не должны повторяться.

Номера сравниваются без конечной точки: «1.1» и «1.1.» — один номер.

Правильно:

    - number: "1.1"
    - number: "1.2"

Ошибка:

    - number: "1.1"
    - number: "1.1."
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from roadmapctl.model import Located, Pos, Section, normalize_number
from roadmapctl.rules import Context, Finding

ID = "R102"
NAME = "duplicate-number"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    items = [entry.item for entry in ctx.entries]
    yield from _repeats("номер мероприятия", "number",
                        ((normalize_number(i.number), i.number, i) for i in items))
    yield from _repeats("ключ", "key", ((i.key, i.key, i) for i in items))
    yield from _repeats("номер раздела", "number",
                        ((normalize_number(s.number), s.number, s)
                         for s in _all_sections(ctx.roadmap.sections)))


def _repeats(what: str, field: str,
             values: Iterable[tuple[str | None, str | None, Located]]) -> Iterator[Finding]:
    """A finding at every repeat of a value: (value compared, value as written, record)."""
    first: dict[str, Pos] = {}
    for value, written, record in values:
        if not value:
            continue
        pos = record.where(field)
        if value in first:
            yield Finding(pos, f"{what} «{written}» уже встречался в строке {first[value].line}")
        else:
            first[value] = pos


def _all_sections(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _all_sections(section.sections)
