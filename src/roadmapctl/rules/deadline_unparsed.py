"""Срок должен читаться: `roadmapctl` должен понять фразу в `deadline`.

Сообщение цитирует фразу и место, где разбор остановился, а столбец
указывает на это место в строке. Как понимается
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

from roadmapctl.model.roadmap import Pos
from roadmapctl.rules import Context, Finding

ID = "R201"
NAME = "deadline-unparsed"
LEVEL = "error"
FIX = "перепишите срок или добавьте рядом явную дату (due: ГГГГ-ММ-ДД)"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    from roadmapctl.deadlines import Unparsed

    for entry in ctx.entries:
        if entry.item.due or "due" in entry.item.field_pos:
            continue  # a pinned date wins; a broken one is reported by the dates rule
        parsed = ctx.deadline(entry)
        if isinstance(parsed, Unparsed):
            text = entry.item.field_pos.get("deadline.text")
            pos = Pos(text.line, text.col + parsed.offset) if text else entry.item.where("deadline")
            yield Finding(pos, f"{parsed.message}; {FIX}")
