"""Одно и то же мероприятие не должно быть записано в карте дважды.

Сравниваются названия без учёта регистра, «ё/е», кавычек, тире и пробелов;
совпадающие и почти совпадающие (сходство 95 % и выше при одних и тех же
числах: «9-х классов» и «11-х классов» — разные мероприятия) — повод
проверить, не осталась ли строка после копирования.

Правильно:

    - title: Разработка плана мероприятий
    - title: Утверждение плана мероприятий

Предупреждение:

    - title: Разработка плана мероприятий
    - title: "Разработка  плана мероприятий."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from roadmapctl.rules import Context, Finding

ID = "R108"
NAME = "duplicate-measure"
LEVEL = "warning"
THRESHOLD = 95.0

_NUMBERS = re.compile(r"\d+")
_PUNCT = re.compile(r"[«»\"'„“”.,;:!?()\-–—‑\s]+")


def normalize_title(title: str) -> str:
    return _PUNCT.sub(" ", title.casefold().replace("ё", "е")).strip()


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    entries = [e for e in ctx.roadmap.walk() if e.item.title]
    titles = [normalize_title(e.item.title) for e in entries]
    first_of: dict[str, int] = {}
    reported: set[int] = set()
    for index, title in enumerate(titles):
        if title in first_of:
            reported.add(index)
            yield Finding(entries[index].item.where("title"),
                          f"такое же мероприятие уже есть в строке {entries[first_of[title]].item.pos.line}")
        else:
            first_of[title] = index
    unique = list(first_of.items())
    if len(unique) < 2:
        return
    from rapidfuzz import fuzz, process

    names = [t for t, _ in unique]
    for a, name in enumerate(names[:-1]):
        later = names[a + 1:]
        for other, _, offset in process.extract(name, later, scorer=fuzz.ratio,
                                                score_cutoff=THRESHOLD, limit=None):
            if _NUMBERS.findall(name) != _NUMBERS.findall(other):
                continue
            first, second = unique[a][1], unique[a + 1 + offset][1]
            yield Finding(entries[second].item.where("title"),
                          f"мероприятие почти совпадает с записанным в строке "
                          f"{entries[first].item.pos.line} — не дубль ли?")
