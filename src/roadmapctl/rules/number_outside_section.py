"""Номер мероприятия должен подходить к нумерации своего раздела.

При сквозной нумерации номер начинается с номера раздела: мероприятие 1.3
в разделе 2 — почти всегда ошибка копирования: строку перенесли, а номер не
поменяли. То же для вложенных разделов (5.1 в 5) и пронумерованных
подпунктов (5.2.5.1 под 5.2.5). При своей нумерации в каждом разделе
(«1.», «2.», «3.» и снова «1.» в следующем) номера одноуровневые, и «2.1»
среди них выбивается. Стиль раздела `check` определяет по большинству его
номеров или берёт из ключа `numbering` карты или раздела.

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

from roadmapctl.model.numbering import Siblings, prefixes
from roadmapctl.model.roadmap import Item, Section, normalize_number
from roadmapctl.rules import Context, Finding

ID = "R103"
NAME = "number-outside-section"
LEVEL = "error"

_WHAT = {"items": "номер", "sections": "номер раздела", "sub-items": "номер подпункта"}


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    for group in ctx.siblings:
        if group.owner is None:
            continue
        for member in group.members:
            if not group.fits(member.number):
                yield Finding(member.where("number"), _message(group, member.number or ""))


def _message(group: Siblings, number: str) -> str:
    what = f"{_WHAT[group.kind]} «{number}» не подходит к {_owner(group.owner)}"
    forced = f" (так задано ключом numbering: {group.style})" if group.forced else ""
    if group.style == "hierarchical":
        starts = " или ".join(f"«{p}.»" for p in prefixes(group.prefix or ""))
        return f"{what}: номера в нём начинаются с {starts}{forced}"
    return f"{what}: номера в нём свои, одноуровневые («1.», «2.», …), а этот — многоуровневый{forced}"


def _owner(owner: Section | Item | None) -> str:
    if isinstance(owner, Item):
        return f"мероприятию «{owner.number}»"
    assert owner is not None
    if normalize_number(owner.number):
        return f"разделу «{owner.number}»"
    return f"разделу «{owner.title}»"
