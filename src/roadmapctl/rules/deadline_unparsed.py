"""Срок должен читаться: `roadmapctl` должен понять фразу в `deadline`.

Сообщение цитирует фразу и место, где разбор остановился. Как понимается
фраза, покажет `roadmapctl when "фраза" --period 2023/2024`. Если фразу
нельзя переписать (так в документе), добавьте явную дату `due:` — тогда
фраза хранится как есть, а контроль ведётся по дате.

Правильно:

    deadline: Октябрь – ноябрь
    deadline: как согласуем   # фраза непонятна, но есть явная дата
    due: 2023-11-30

Ошибка:

    deadline: как согласуем
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.rules import Context, Finding

ID = "R201"
NAME = "deadline-unparsed"
LEVEL = "error"
FIX = "перепишите срок или добавьте рядом явную дату (due: ГГГГ-ММ-ДД)"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    from roadmapctl.deadlines import Unparsed

    for entry in ctx.roadmap.walk():
        if entry.item.due:
            continue
        parsed = ctx.deadline(entry)
        if isinstance(parsed, Unparsed):
            yield Finding(entry.item.where("deadline"), f"{parsed.message}; {FIX}")
