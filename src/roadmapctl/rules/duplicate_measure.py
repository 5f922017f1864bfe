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
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from itertools import chain

from roadmapctl.model.text import fold
from roadmapctl.rules import Context, Finding

ID = "R108"
NAME = "duplicate-measure"
LEVEL = "warning"
THRESHOLD = 95.0

_NUMBERS = re.compile(r"\d+")
_PUNCT = re.compile(r"[«»\"'„“”.,;:!?()\-–—\u2011\s]+")


def normalize_title(title: str) -> str:
    return _PUNCT.sub(" ", fold(title)).strip()


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
    titles no more than (200 − THRESHOLD) / THRESHOLD longer.  How depends on
    how many pairs the windows hold (`_group_pairs`).
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


# Up to this many pairs in the windows, shared letters are checked pair by
# pair and rapidfuzz is imported only for a pair that passes: a commit-sized
# file does not pay for the import.
PAIRWISE_UP_TO = 400
# From this many pairs per title on average, a substring index picks the
# pairs to score; below it, rapidfuzz scores whole windows in its C loop.
INDEX_FROM = 150
# Length of the substrings («grams») the index is built on.
GRAM = 4


def _group_pairs(group: list[tuple[str, int]]) -> Iterator[tuple[int, int]]:
    titles = [title for title, _ in group]
    lengths = [len(title) for title in titles]
    ends = [max(a + 1, _window_end(lengths, length)) for a, length in enumerate(lengths)]
    window = sum(end - a - 1 for a, end in enumerate(ends))
    if window <= PAIRWISE_UP_TO:
        found = _pairwise(titles, ends)
    elif window < INDEX_FROM * len(titles):
        found = _scored(titles, ends)
    else:
        found = _indexed(titles, ends)
    for a, b in found:
        yield group[a][1], group[b][1]


def _max_edits(length: int) -> int:
    """Most insertions and deletions that keep a title of `length` THRESHOLD alike to a longer one.

    ratio = 100·(1 − d / (a + b)) with b ≤ a·(200 − T)/T gives d ≤ a·2(100 − T)/T;
    one more against the rounding of the score.
    """
    return int(length * 2 * (100 - THRESHOLD) / THRESHOLD) + 1


def _window_end(lengths: list[int], length: int) -> int:
    """Index past the longest title that can still be THRESHOLD alike (+1 against rounding)."""
    return bisect_right(lengths, length * (200 - THRESHOLD) / THRESHOLD + 1)


def _pairwise(titles: list[str], ends: list[int]) -> Iterator[tuple[int, int]]:
    """Cheap exact bounds first: most pairs stop before rapidfuzz is imported.

    Shared letters bound the longest common subsequence; shared pairs of
    adjacent letters too, since each insertion or deletion breaks at most
    two of them.
    """
    letters = [Counter(title) for title in titles]
    pairs: dict[int, Counter[str]] = {}
    for a, end in enumerate(ends):
        for b in range(a + 1, end):
            total = len(titles[a]) + len(titles[b])
            if 200 * sum((letters[a] & letters[b]).values()) < THRESHOLD * total:
                continue
            edits = int(total * (100 - THRESHOLD) / 100) + 1
            for c in (a, b):
                if c not in pairs:
                    pairs[c] = Counter(map("".join, zip(titles[c], titles[c][1:], strict=False)))
            if sum((pairs[a] & pairs[b]).values()) < len(titles[b]) - 1 - 2 * edits:
                continue
            if _alike(titles[a], titles[b]):
                yield a, b


def _scored(titles: list[str], ends: list[int]) -> Iterator[tuple[int, int]]:
    """Each title against its whole window, in rapidfuzz's C loop."""
    from rapidfuzz import fuzz, process

    for a, end in enumerate(ends):
        if end > a + 1:
            for _, _, b in process.extract(titles[a], titles[a + 1:end], scorer=fuzz.ratio,
                                           score_cutoff=THRESHOLD, limit=None):
                yield a, a + 1 + b


def _indexed(titles: list[str], ends: list[int]) -> Iterator[tuple[int, int]]:
    """Windows of many titles: only those holding enough pieces of a title are scored.

    Pigeonhole: cut a title into m disjoint GRAM-long pieces; each insertion
    or deletion breaks at most one piece, so a title within d of it contains
    at least m − d of them.  The index holds the titles of the current window
    only (it slides as titles get longer), titles are counted piece by piece
    in C (`Counter`), and only those with enough pieces are scored.  No pair
    is missed; a title too short to need any piece is scored against its
    whole window.  Titles of one length made of the same letters share few
    pieces, so they stay near linear.
    """
    from rapidfuzz import fuzz, process

    grams = [{title[at:at + GRAM] for at in range(len(title) - GRAM + 1)} for title in titles]
    index: dict[str, set[int]] = {}
    added = 0
    for a, title in enumerate(titles):
        end = ends[a]
        for b in range(added, end):
            for gram in grams[b]:
                index.setdefault(gram, set()).add(b)
        added = max(added, end)
        for gram in grams[a]:
            index[gram].discard(a)
        if end <= a + 1:
            continue
        pieces = len(title) // GRAM
        need = pieces - _max_edits(len(title))
        if need <= 0:
            for _, _, b in process.extract(title, titles[a + 1:end], scorer=fuzz.ratio,
                                           score_cutoff=THRESHOLD, limit=None):
                yield a, a + 1 + b
            continue
        hits = Counter(chain.from_iterable(
            index.get(title[at:at + GRAM], ()) for at in range(0, pieces * GRAM, GRAM)))
        for b, count in hits.items():
            if count >= need and fuzz.ratio(title, titles[b], score_cutoff=THRESHOLD) >= THRESHOLD:
                yield a, b


def _alike(title: str, other: str) -> bool:
    """ratio(title, other) ≥ THRESHOLD, with rapidfuzz's ratio = 200·LCS / (a + b).

    The longest common subsequence is counted bit-parallel on Python
    integers (one addition per letter); only a pair exactly at the threshold
    goes to rapidfuzz, so that its floating point decides as it always did.
    """
    total = len(title) + len(other)
    score = 200 * _lcs(title, other)
    if score != THRESHOLD * total:
        return score > THRESHOLD * total
    from rapidfuzz.fuzz import ratio

    return ratio(title, other, score_cutoff=THRESHOLD) >= THRESHOLD


def _lcs(first: str, second: str) -> int:
    """Length of the longest common subsequence (Hyyrö's bit-vector recurrence)."""
    masks: dict[str, int] = {}
    for position, char in enumerate(second):
        masks[char] = masks.get(char, 0) | 1 << position
    ones = (1 << len(second)) - 1
    row = ones
    for char in first:
        matched = row & masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & ones
    return len(second) - bin(row).count("1")
