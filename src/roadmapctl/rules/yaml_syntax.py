"""Файл должен читаться как YAML в кодировке UTF-8.

Ошибки синтаксиса, табуляция в отступах, повторяющиеся ключи, кодировка не
UTF-8 (Windows-1251, UTF-16), двоичные и слишком большие файлы, «бомбы
ссылок» (*якорей). Найденное указывает на строку и столбец.

Правильно:

    title: Дорожная карта
    period: 2023/2024

Ошибка (ключ `title` повторяется):

    title: Дорожная карта
    title: План
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.reading import codes
from roadmapctl.rules import Context, Finding, loader_findings

ID = codes.YAML
NAME = "yaml-syntax"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    yield from loader_findings(ctx, ID)
