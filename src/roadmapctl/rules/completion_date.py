"""Дата исполнения не может быть в будущем и не должна быть раньше периода.

Дата в будущем (позже сегодняшнего дня или `--as-of`) — ошибка: так
отмечают «на всякий случай», и контроль сроков перестаёт работать. Дата
раньше начала периода карты — предупреждение: возможно, опечатка в годе.

Правильно (карта на 2023/2024):

    completions:
      - date: 2023-10-20

Ошибка:

    completions:
      - date: 2033-10-20
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.model.ru import date_numeric
from roadmapctl.rules import Context, Finding

ID = "R106"
NAME = "completion-date"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    period = ctx.roadmap.period
    for entry in ctx.entries:
        for completion in entry.item.completions:
            day = completion.date
            if day is None:
                continue
            pos = completion.where("date")
            if day > ctx.as_of:
                yield Finding(pos, f"дата исполнения {date_numeric(day)} ещё не наступила "
                                   f"(сегодня {date_numeric(ctx.as_of)})")
            elif period is not None and day < period.start:
                yield Finding(pos, f"дата исполнения {date_numeric(day)} раньше начала периода "
                                   f"карты ({date_numeric(period.start)})", "warning")
