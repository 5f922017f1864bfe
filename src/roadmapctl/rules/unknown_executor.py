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

from roadmapctl.model.roadmap import ExecutorRef
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
    for ref in _all_refs(ctx):
        if ref.id in glossary:
            continue
        twin = by_skeleton.get(skeleton(ref.id))
        parts = [p.strip("-") for p in ref.id.replace(",", " ").split() if p.strip("-")]
        if len(parts) > 1:
            hint = f" Несколько исполнителей пишите списком: executors: [{', '.join(parts)}]"
        elif ref.id.startswith("-") and ref.id.lstrip("-") in glossary:
            hint = f" После «-» нужен пробел: «- {ref.id.lstrip('-')}»"
        elif twin is not None:
            hint = f" В справочнике есть «{twin}»: {_difference(ref.id, twin)}"
        else:
            hint = _close(ref.id, list(glossary))
        yield Finding(ref.pos, f"исполнитель «{ref.id}» не найден в справочнике executors.{hint}".rstrip("."))


def _all_refs(ctx: Context) -> Iterator[ExecutorRef]:
    """Every reference in file order of kind: the defaults (roadmap, sections), then the items'."""
    assert ctx.roadmap is not None
    yield from ctx.roadmap.default_executors
    for section in ctx.roadmap.all_sections():
        yield from section.default_executors
    for entry in ctx.entries:
        yield from entry.item.executors


def _difference(written: str, known: str) -> str:
    """How a look-alike differs: «здесь русская буква «о» вместо латинской «o»»."""
    pairs = [(a, b) for a, b in zip(written, known, strict=False) if a != b]
    swapped = [(a, b) for a, b in pairs if _cyrillic(a) != _cyrillic(b)]
    if len(written) != len(known) or not swapped:
        return "отличается регистром букв"
    if len({_cyrillic(a) for a, _ in swapped}) > 1:
        return "здесь перепутаны русские и латинские буквы"
    here = "русск" if _cyrillic(swapped[0][0]) else "латинск"
    there = "латинск" if here == "русск" else "русск"
    ours, theirs = ", ".join(f"«{a}»" for a, _ in swapped), ", ".join(f"«{b}»" for _, b in swapped)
    if len(swapped) == 1:
        return f"здесь {here}ая буква {ours} вместо {there}ой {theirs}"
    return f"здесь {here}ие буквы {ours} вместо {there}их {theirs}"


def _cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _close(ident: str, known: list[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(ident, known, n=1, cutoff=0.6)
    return f" Может быть, «{close[0]}»?" if close else ""
