"""Срок должен попадать в период дорожной карты.

Срок «август 2023 г.» в карте на 2023/2024 учебный год (1 сентября 2023 –
31 августа 2024) лежит до начала периода: либо опечатка в годе, либо
мероприятие относится к прошлой карте.

Правильно (period: 2023/2024):

    deadline: Октябрь 2023 г.

Предупреждение:

    deadline: Октябрь 2025 г.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from roadmapctl.model.ru import date_numeric
from roadmapctl.rules import Context, Finding

ID = "R202"
NAME = "deadline-outside-period"
LEVEL = "warning"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None or ctx.roadmap.period is None:
        return
    from roadmapctl.deadlines import Deadline

    period = ctx.roadmap.period
    for entry in ctx.entries:
        item = entry.item
        if item.due:
            dues: tuple[date, ...] = item.due
            field = "due"
        else:
            parsed = ctx.deadline(entry)
            if not isinstance(parsed, Deadline):
                continue
            dues = tuple(o.due for o in parsed.occurrences)
            field = "deadline"
        outside = [d for d in dues if not period.contains(d)]
        if outside:
            yield Finding(
                item.where(field),
                f"срок {date_numeric(outside[0])} вне периода карты "
                f"({date_numeric(period.start)} – {date_numeric(period.end)})",
            )
