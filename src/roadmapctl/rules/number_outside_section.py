"""Номер мероприятия должен начинаться с номера своего раздела.

Мероприятие 1.3 в разделе 2 — почти всегда ошибка копирования: строку
перенесли, а номер не поменяли. То же для вложенных разделов (5.1 в 5) и
пронумерованных подпунктов (5.2.5.1 под 5.2.5).

Правильно:

    - number: "2"
      items:
        - number: "2.1"

Ошибка:

    - number: "2"
      items:
        - number: "1.3"
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.model import Item, Section, normalize_number
from roadmapctl.rules import Context, Finding

ID = "R103"
NAME = "number-outside-section"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    for section in ctx.roadmap.sections:
        yield from _section(section, None)


def _expected(prefix: str | None) -> str:
    return f"номера в нём начинаются с «{normalize_number(prefix)}.»"


def _fits(number: str | None, prefix: str | None) -> bool:
    child, parent = normalize_number(number), normalize_number(prefix)
    if not child or not parent:
        return True
    return child.startswith(parent + ".")


def _section(section: Section, outer: Section | None) -> Iterator[Finding]:
    if outer is not None and not _fits(section.number, outer.number):
        yield Finding(section.where("number"),
                      f"номер раздела «{section.number}» не подходит к разделу «{outer.number}»: "
                      f"{_expected(outer.number)}")
    for item in section.items:
        if not _fits(item.number, section.number):
            yield Finding(item.where("number"),
                          f"номер «{item.number}» не подходит к разделу «{section.number}»: "
                          f"{_expected(section.number)}")
        yield from _sub_items(item)
    for inner in section.sections:
        yield from _section(inner, section)


def _sub_items(item: Item) -> Iterator[Finding]:
    for sub in item.items:
        if sub.number and item.number and not _fits(sub.number, item.number):
            yield Finding(sub.where("number"),
                          f"номер подпункта «{sub.number}» не подходит к мероприятию «{item.number}»: "
                          f"{_expected(item.number)}")
        yield from _sub_items(sub)
