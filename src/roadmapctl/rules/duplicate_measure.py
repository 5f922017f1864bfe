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
from collections import Counter
from collections.abc import Callable, Iterator

from roadmapctl.rules import Context, Finding

ID = "R108"
NAME = "duplicate-measure"
LEVEL = "warning"
THRESHOLD = 95.0

_NUMBERS = re.compile(r"\d+")
_PUNCT = re.compile(r"[«»\"'„“”.,;:!?()\-–—\u2011\s]+")


def normalize_title(title: str) -> str:
    return _PUNCT.sub(" ", title.casefold().replace("ё", "е")).strip()


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    entries = [e for e in ctx.roadmap.walk() if e.item.title]
    titles = [normalize_title(e.item.title) for e in entries]
    first_of: dict[str, int] = {}
    for index, title in enumerate(titles):
        if title in first_of:
            yield Finding(entries[index].item.where("title"),
                          f"такое же мероприятие уже есть в строке {entries[first_of[title]].item.pos.line}")
        else:
            first_of[title] = index
    for first, second in _near_pairs([(t, i) for t, i in first_of.items()]):
        yield Finding(entries[second].item.where("title"),
                      f"мероприятие почти совпадает с записанным в строке "
                      f"{entries[first].item.pos.line} — не дубль ли?")


def _near_pairs(unique: list[tuple[str, int]]) -> Iterator[tuple[int, int]]:
    """Pairs of entry indexes whose titles are ≥ THRESHOLD alike and share their numbers.

    Cheap upper bounds of the similarity (length ratio, shared characters)
    discard almost every pair before rapidfuzz is even imported, which keeps
    `check` fast on every commit.
    """
    groups: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for title, index in unique:
        groups.setdefault(tuple(_NUMBERS.findall(title)), []).append((title, index))
    similarity: Callable[[str, str], float] | None = None
    for group in groups.values():
        group.sort(key=lambda entry: len(entry[0]))
        for a, (title, index) in enumerate(group):
            letters = Counter(title)
            for other, other_index in group[a + 1:]:
                total = len(title) + len(other)
                if 200 * len(title) < THRESHOLD * total:
                    break  # longer titles only get less alike by length
                if 200 * sum((letters & Counter(other)).values()) < THRESHOLD * total:
                    continue
                if similarity is None:
                    from rapidfuzz.fuzz import ratio

                    similarity = ratio
                if similarity(title, other) >= THRESHOLD:
                    yield min(index, other_index), max(index, other_index)
