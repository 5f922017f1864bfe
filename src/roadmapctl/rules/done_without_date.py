"""Выполненное мероприятие (`status: done`) должно иметь дату исполнения.

Без даты нельзя сказать, выполнено ли оно в срок: показатель
исполнительской дисциплины не посчитать. Отметку добавляет команда
`roadmapctl done`.

Правильно:

    status: done
    completions:
      - date: 2023-10-20

Ошибка:

    status: done
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.rules import Context, Finding

ID = "R105"
NAME = "done-without-date"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    for entry in ctx.entries:
        item = entry.item
        # a completion whose date is wrong is told by R002/R003 at the date itself
        if item.status == "done" and not item.completions:
            yield Finding(item.where("status"),
                          "статус done, но нет даты исполнения (completions: - date: …)")
