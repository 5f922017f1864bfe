"""У мероприятия должны быть срок (`deadline` или `due`) и исполнители.

Подпункты без своего срока или исполнителей наследуют их от мероприятия.
Мероприятие-заголовок (например, «Региональные мероприятия:») может не
иметь своего срока, если срок есть у каждого его подпункта.

Правильно:

    - number: "1.1"
      title: Разработка плана
      deadline: октябрь
      executors: [uo]

Ошибка:

    - number: "1.1"
      title: Разработка плана
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.model.roadmap import Item
from roadmapctl.model.text import shorten
from roadmapctl.rules import Context, Finding

ID = "R104"
NAME = "item-incomplete"
LEVEL = "error"


def _has_deadline(item: Item) -> bool:
    return bool(item.deadline or item.due)


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    for entry in ctx.entries:
        item = entry.item
        label = f"мероприятие {item.number}" if item.number else f"мероприятие «{shorten(item.title, 50)}»"
        children = item.items
        if (not _has_deadline(item) and not (entry.parent and _has_deadline(entry.parent))
                and not (children and all(_has_deadline(c) for c in children))):
            yield Finding(item.pos, f"у {_genitive(label)} не указан срок (deadline)")
        if not entry.effective_executors and not (children and all(c.executors for c in children)):
            yield Finding(item.pos, f"у {_genitive(label)} не указаны исполнители (executors)")


def _genitive(label: str) -> str:
    return label.replace("мероприятие", "мероприятия", 1)


