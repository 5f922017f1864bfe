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

from collections.abc import Iterator

from roadmapctl.model import Pos, Section, normalize_number
from roadmapctl.rules import Context, Finding

ID = "R102"
NAME = "duplicate-number"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    numbers: dict[str, Pos] = {}
    keys: dict[str, Pos] = {}
    for entry in ctx.roadmap.walk():
        item = entry.item
        number = normalize_number(item.number)
        if number:
            pos = item.where("number")
            if number in numbers:
                yield Finding(pos, f"номер мероприятия «{item.number}» уже встречался в строке {numbers[number].line}")
            else:
                numbers[number] = pos
        if item.key:
            pos = item.where("key")
            if item.key in keys:
                yield Finding(pos, f"ключ «{item.key}» уже встречался в строке {keys[item.key].line}")
            else:
                keys[item.key] = pos
    sections: dict[str, Pos] = {}
    for section in _all_sections(ctx.roadmap.sections):
        number = normalize_number(section.number)
        if number:
            pos = section.where("number")
            if number in sections:
                yield Finding(pos, f"номер раздела «{section.number}» уже встречался в строке {sections[number].line}")
            else:
                sections[number] = pos


def _all_sections(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _all_sections(section.sections)
