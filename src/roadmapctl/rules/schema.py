"""Ключи и типы значений должны соответствовать формату дорожной карты.

Неизвестный ключ (с подсказкой «может быть, …?»), значение не того вида
(список вместо текста), незаполненное обязательное поле (`title`, `period`,
`sections` у карты; `title` у раздела и мероприятия; `name` у исполнителя),
недопустимый `status` или `role`, непонятный `period`.

Правильно:

    - number: "1.1"
      title: Разработка плана
      deadline: октябрь

Ошибка (опечатка в ключе):

    - number: "1.1"
      titel: Разработка плана
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.reading import codes
from roadmapctl.rules import Context, Finding, loader_findings

ID = codes.SCHEMA
NAME = "schema"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    yield from loader_findings(ctx, ID)
