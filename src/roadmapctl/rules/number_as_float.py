"""Номер без кавычек, который YAML читает как дробное число, — ошибка.

`number: 2.10` без кавычек все программы, кроме roadmapctl (редакторы,
сайты, скрипты, сам YAML), читают как число 2.1: «2.10» совпадает с
настоящим «2.1», а «5.» превращается в «5.0». Пишите номер в кавычках.

Правильно:

    number: "2.10"

Ошибка:

    number: 2.10
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.reading import codes
from roadmapctl.rules import Context, Finding, loader_findings

ID = codes.NUMBER_AS_FLOAT
NAME = "number-as-float"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    yield from loader_findings(ctx, ID)
