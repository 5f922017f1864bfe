"""Даты должны существовать и быть записаны как 2024-03-15 или 15.03.2024.

Проверяются все поля-даты: `approval.date`, `order.date`, `due`,
`completions`, `extensions`, `period`.

Правильно:

    due: 2024-02-29

Ошибка (такого дня нет):

    due: 31.02.2024
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.reading import codes
from roadmapctl.rules import Context, Finding, loader_findings

ID = codes.DATE
NAME = "invalid-date"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    yield from loader_findings(ctx, ID)
