"""Срок мероприятия не должен наступать раньше утверждения карты.

Если карта утверждена 25.06.2021, а срок мероприятия — «до 21 июня 2021»,
мероприятие было просрочено в день утверждения: стоит проверить, не
ошибка ли это (или отметить его выполненным).

Правильно (approval.date: 2021-06-25):

    deadline: август 2021 г.

Предупреждение:

    deadline: до 21 июня 2021
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.model.ru import date_numeric
from roadmapctl.rules import Context, Finding

ID = "R107"
NAME = "deadline-before-approval"
LEVEL = "warning"


def check(ctx: Context) -> Iterator[Finding]:
    roadmap = ctx.roadmap
    if roadmap is None or roadmap.approval is None or roadmap.approval.date is None:
        return
    from roadmapctl.deadlines import Deadline

    approved = roadmap.approval.date
    for entry in ctx.entries:
        item = entry.item
        if item.due:
            early = [d for d in item.due if d < approved]
            field = "due"
        else:
            parsed = ctx.deadline(entry)
            if not isinstance(parsed, Deadline):
                continue
            early = [o.due for o in parsed.occurrences if o.due < approved]
            field = "deadline"
        if early:
            yield Finding(item.where(field),
                          f"срок {date_numeric(early[0])} раньше утверждения карты "
                          f"({date_numeric(approved)})")
