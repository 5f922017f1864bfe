"""Отметки об исполнении и переносы сроков не должны быть общими у двух мероприятий.

YAML позволяет записать значение один раз с якорем (&имя) и повторить его
ссылкой (*имя). Для completions и extensions это ошибка: ссылка — не копия,
а то же самое значение, и отметка одного мероприятия становится отметкой
другого; `roadmapctl done` дописал бы новую отметку сразу в оба.

Правильно (у каждого мероприятия свой список):

    - number: "1.1"
      completions:
        - date: 2023-09-20
    - number: "1.2"
      completions:
        - date: 2023-09-20

Ошибка:

    - number: "1.1"
      completions: &done
        - date: 2023-09-20
    - number: "1.2"
      completions: *done
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.model.roadmap import NOWHERE, Pos
from roadmapctl.rules import Context, Finding

ID = "R111"
NAME = "shared-marks"
LEVEL = "error"

_WHAT = {"completions": "отметки об исполнении", "extensions": "переносы срока"}


def check(ctx: Context) -> Iterator[Finding]:
    """Two items whose list (or an entry of it) comes from the same place in the file share it."""
    if ctx.roadmap is None:
        return
    first: dict[tuple[str, Pos], str] = {}
    for entry in ctx.entries:
        item = entry.item
        name = item.number or item.title
        for key in ("completions", "extensions"):
            marks = getattr(item, key)
            if not marks and key not in item.field_pos:
                continue  # nothing of this kind here to share (most items)
            where = {item.field_pos.get(key, NOWHERE), *(mark.pos for mark in marks)} - {NOWHERE}
            owner = next((first[(key, pos)] for pos in sorted(where, key=lambda p: (p.line, p.col))
                          if (key, pos) in first), None)
            if owner is not None and owner != name:
                yield Finding(item.pos,  # the alias itself carries the anchor's position
                              f"у мероприятия «{name}» общие {_WHAT[key]} с мероприятием «{owner}» "
                              f"(ссылка YAML *…): отметка одного стала бы отметкой другого; "
                              f"запишите {key} у каждого отдельно")
                continue
            for pos in where:
                first.setdefault((key, pos), name)
