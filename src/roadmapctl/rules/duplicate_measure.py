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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain

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
    entries = [e for e in ctx.entries if e.item.title]
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

    Titles with the same numbers are sorted by length: a title can only be
    as alike as its length allows, so each one is compared with the window of
    titles no more than (200 − THRESHOLD) / THRESHOLD longer, through a
    substring index (`_group_pairs`): near n·log n on real titles, and
    bounded on titles of one length made of the same letters.
    """
    groups: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for title, index in unique:
        groups.setdefault(tuple(_NUMBERS.findall(title)), []).append((title, index))
    pairs: list[tuple[int, int]] = []
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=lambda entry: len(entry[0]))
            pairs.extend((min(a, b), max(a, b)) for a, b in _group_pairs(group))
    return iter(sorted(pairs, key=lambda pair: (pair[1], pair[0])))


# Groups smaller than this check shared letters before scoring a pair.
LETTERS_BOUND_BELOW = 300
# Length of the substrings («grams») the index is built on.
GRAM = 4


def _max_edits(length: int) -> int:
    """Most insertions and deletions that keep a title of `length` THRESHOLD alike to a longer one.

    ratio = 100·(1 − d / (a + b)) with b ≤ a·(200 − T)/T gives d ≤ a·2(100 − T)/T;
    one more against the rounding of the score.
    """
    return int(length * 2 * (100 - THRESHOLD) / THRESHOLD) + 1


def _window_end(lengths: list[int], length: int) -> int:
    """Index past the longest title that can still be THRESHOLD alike (+1 against rounding)."""
    return bisect_right(lengths, length * (200 - THRESHOLD) / THRESHOLD + 1)


def _group_pairs(group: list[tuple[str, int]]) -> Iterator[tuple[int, int]]:
    """Near pairs of a length-sorted group, found through an index of substrings.

    Pigeonhole: cut a title into m disjoint GRAM-long pieces; each insertion
    or deletion breaks at most one piece, so a title within d of it contains
    at least m − d of them.  The index holds the titles of the current length
    window only (it slides as titles get longer), titles are counted piece by
    piece in C (`Counter`), and only those with enough pieces are scored.
    No pair is missed; a title too short to need any piece is compared with
    its whole window.  rapidfuzz is imported for the first pair to score.
    """
    titles = [title for title, _ in group]
    lengths = [len(title) for title in titles]
    grams = [{title[at:at + GRAM] for at in range(len(title) - GRAM + 1)} for title in titles]
    index: dict[str, set[int]] = {}
    added = 0
    # In a commit-sized group, shared letters (a bound of the longest common
    # subsequence) settle most candidates before rapidfuzz is even imported;
    # in a large one, rapidfuzz scores them faster than the bound.
    bounded = len(group) < LETTERS_BOUND_BELOW
    letters = cache(lambda position: Counter(titles[position]))
    for a, title in enumerate(titles):
        end = _window_end(lengths, lengths[a])
        for b in range(added, end):
            for gram in grams[b]:
                index.setdefault(gram, set()).add(b)
        added = max(added, end)
        for gram in grams[a]:
            index[gram].discard(a)
        if end <= a + 1:
            continue
        pieces = len(title) // GRAM
        need = pieces - _max_edits(lengths[a])
        if need <= 0:
            candidates: Iterable[int] = range(a + 1, end)
        else:
            hits = Counter(chain.from_iterable(
                index.get(title[at:at + GRAM], ()) for at in range(0, pieces * GRAM, GRAM)))
            candidates = [b for b, count in hits.items() if count >= need]
        for b in candidates:
            if (bounded and 200 * sum((letters(a) & letters(b)).values())
                    < THRESHOLD * (lengths[a] + lengths[b])):
                continue
            if _alike(title, titles[b]):
                yield group[a][1], group[b][1]


def _alike(title: str, other: str) -> bool:
    from rapidfuzz.fuzz import ratio

    return ratio(title, other, score_cutoff=THRESHOLD) >= THRESHOLD
