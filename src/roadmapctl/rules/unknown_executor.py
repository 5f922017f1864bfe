"""Каждый исполнитель мероприятия должен быть в справочнике `executors`.

Мероприятия ссылаются на исполнителей по идентификатору; опечатка в
идентификаторе означает, что напоминание о сроке никому не придёт.
Сообщение подсказывает похожий идентификатор из справочника, а для
«uo, zam» в одну строку — как записать список.

Правильно:

    executors:
      uo: {name: Управление образования, short: УО}
    ...
        executors: [uo]

Ошибка:

        executors: [ou]
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.rules import Context, Finding
from roadmapctl.rules.executor_lookalike import skeleton

ID = "R101"
NAME = "unknown-executor"
LEVEL = "error"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    glossary = ctx.roadmap.executors
    by_skeleton = {skeleton(ident): ident for ident in glossary}
    for entry in ctx.roadmap.walk():
        for ref in entry.item.executors:
            if ref.id in glossary:
                continue
            twin = by_skeleton.get(skeleton(ref.id))
            parts = ref.id.replace(",", " ").split()
            if len(parts) > 1:
                hint = f" Несколько исполнителей пишите списком: executors: [{', '.join(parts)}]"
            elif ref.id.startswith("-") and ref.id.lstrip("-") in glossary:
                hint = f" После «-» нужен пробел: «- {ref.id.lstrip('-')}»"
            elif twin is not None:
                hint = (f" В справочнике есть «{twin}», он отличается регистром или похожими "
                        "буквами (латиница и кириллица)")
            else:
                hint = _close(ref.id, list(glossary))
            yield Finding(ref.pos, f"исполнитель «{ref.id}» не найден в справочнике executors.{hint}".rstrip("."))


def _close(ident: str, known: list[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(ident, known, n=1, cutoff=0.6)
    return f" Может быть, «{close[0]}»?" if close else ""
