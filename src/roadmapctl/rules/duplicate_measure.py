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

from roadmapctl.model.text import fold
from roadmapctl.rules import Context, Finding

ID = "R108"
NAME = "duplicate-measure"
LEVEL = "warning"
THRESHOLD = 95.0
_T = round(THRESHOLD)  # a whole percent: the bounds compare integers

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
    if _NUMBERS.search("\n".join(title for title, _ in unique)):
        for title, index in unique:
            groups.setdefault(tuple(_NUMBERS.findall(title)), []).append((title, index))
    else:  # real titles rarely carry numbers: one group, without a search per title
        groups[()] = list(unique)
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
# Scoring every pair of the windows costs rapidfuzz about one step per letter
# of one title and 64 letters of the other (`_scoring_work`, ~5 ns a step).
# Below this many steps it scores whole windows in its C loop (`_scored`) and
# numpy, whose import costs about as much, is not imported; from it on, numpy
# bounds reject pairs by the thousand before any is scored (`_bounded`), so
# that long titles or titles of one length made of the same letters stay cheap.
BOUNDED_FROM = 10_000_000
# Buckets of the hashed letter pairs in `_bounded`: at least BUCKETS, and
# one for every LETTERS_PER_BUCKET letters of a tile's longest title, so that
# the bound stays tight on long titles and cheap on short ones.
BUCKETS = 32
LETTERS_PER_BUCKET = 8
# Tiles of `_bounded`: this many titles against this many (numpy's loops
# slow down fivefold once a tile's row no longer fits the processor's cache).
ROWS = 128
COLUMNS = 1024


# Set by `warm_up` when many files are checked in this process: rapidfuzz, imported once, scores
# even small windows faster than the pure-Python bounds (the import would cost a single file more).
_batch = False


def warm_up() -> None:
    global _batch
    import rapidfuzz.fuzz
    import rapidfuzz.process  # noqa: F401 - imported once for the batch, used by `_scored`

    _batch = True


def _group_pairs(group: list[tuple[str, int]]) -> Iterator[tuple[int, int]]:
    titles = [title for title, _ in group]
    lengths = [len(title) for title in titles]
    ends = [max(a + 1, _window_end(lengths, length)) for a, length in enumerate(lengths)]
    window = sum(end - a - 1 for a, end in enumerate(ends))
    if window <= PAIRWISE_UP_TO and not _batch:
        found = _pairwise(titles, ends)
    elif _scoring_work(lengths, ends) < BOUNDED_FROM:
        found = _scored(titles, ends)
    else:
        found = _bounded(titles, ends)
    for a, b in found:
        yield group[a][1], group[b][1]


def _scoring_work(lengths: list[int], ends: list[int]) -> int:
    """Steps rapidfuzz would take to score every pair of the windows (a title against longer ones)."""
    return sum((end - a - 1) * length * (length // 64 + 1)
               for a, (length, end) in enumerate(zip(lengths, ends, strict=True)))


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


def _bounded(titles: list[str], ends: list[int]) -> Iterator[tuple[int, int]]:
    """Windows of many titles: numpy bounds reject most pairs, rapidfuzz scores the rest.

    ratio ≥ T needs 200·L ≥ T·(a + b), L the longest common subsequence of
    titles of a and b letters.  Two upper bounds on L, cheapest first:
      - pairs of adjacent letters: a common subsequence of L letters keeps
        at least L − 1 − (a − L) − (b − L) of its adjacent pairs adjacent in
        both titles, so 3·L ≤ S + 1 + a + b for S shared pairs.  Pairs are
        hashed into buckets counted per title; a bucket's smaller count is at
        least the shared pairs it holds, so the sum of minimums bounds S.
        It runs over tiles of the length windows, one bucket at a time over
        the whole tile (numpy's vector loops, a byte per pair while titles
        are short); titles of one length and the same letters share few
        pairs, so it rejects them too;
      - shared letters C ≥ L, only for the pairs that pass.
    The exact L is counted in C (rapidfuzz) for the pairs left, and a pair
    exactly at the threshold is decided by rapidfuzz's ratio, as it always was.
    """
    import numpy as np

    count = len(titles)
    longest = max(map(len, titles))
    # 200·(a + b) must fit: 32 bits up to titles of a million letters.
    lengths = np.fromiter(map(len, titles), dtype=np.int32 if longest < 10**6 else np.int64, count=count)
    wide = np.uint8 if longest < 256 else np.uint16 if longest < 65536 else np.uint32
    short = lengths.astype(np.uint16)  # exact for the titles under 256 letters it is used for
    text = "".join(titles)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    owner = np.repeat(np.arange(count), lengths)
    adjacent = owner[1:] == owner[:-1]
    mixed = ((codes[:-1].astype(np.uint64) << np.uint64(21) | codes[1:])[adjacent]
             * np.uint64(0x9E3779B97F4A7C15))  # its top bits name the bucket
    pair_owner = owner[1:][adjacent]
    present = np.bincount(codes) > 0  # by code point: letters are numbered in one pass, unsorted
    letters = int(present.sum())
    letter_of = np.cumsum(present) - 1
    by_letter = np.bincount(letter_of[codes] * count + owner,
                            minlength=letters * count).reshape(letters, count).astype(wide)
    ends_of = np.array(ends)
    for (buckets, narrow), tiles in _tiles(ends, lengths.tolist()).items():
        low, high = min(tile[0] for tile in tiles), max(tile[3] for tile in tiles)
        at, to = np.searchsorted(pair_owner, [low, high])
        bucket = (mixed[at:to] >> np.uint64(65 - buckets.bit_length())).astype(np.intp)
        counts = np.bincount(bucket * (high - low) + pair_owner[at:to] - low, minlength=buckets * (high - low))
        # Bytes for the counts and two bytes for the comparison while titles are short.
        by_pair = counts.reshape(buckets, high - low).astype(np.uint8 if narrow else wide)
        sizes = short if narrow else lengths
        for start, stop, first, last in tiles:
            shared = np.zeros((stop - start, last - first), dtype=by_pair.dtype)
            step = np.empty_like(shared)
            for row in by_pair:
                np.minimum(row[start - low:stop - low, None], row[None, first - low:last - low], out=step)
                shared += step
            total = sizes[start:stop, None] + sizes[None, first:last]
            total *= 3 * _T - 200
            bound = np.multiply(shared, 200, dtype=sizes.dtype)
            np.add(bound, 200, out=bound)
            near_a, near_b = np.nonzero(np.greater_equal(bound, total))
            near_a += start
            near_b += first
            inside = (near_a < near_b) & (near_b < ends_of[near_a])
            near_a, near_b = near_a[inside], near_b[inside]
            common = np.minimum(by_letter[:, near_a], by_letter[:, near_b]).sum(axis=0, dtype=np.int64)
            keep = 200 * common >= _T * (lengths[near_a] + lengths[near_b])
            yield from _exact(titles, near_a[keep].tolist(), near_b[keep].tolist())


def _tiles(ends: list[int], lengths: list[int]) -> dict[tuple[int, bool], list[tuple[int, int, int, int]]]:
    """Tiles (rows start:stop against columns first:last) covering the windows, by buckets and byte width."""
    tiles: dict[tuple[int, bool], list[tuple[int, int, int, int]]] = {}
    for start in range(0, len(ends), ROWS):
        stop = min(len(ends), start + ROWS)
        for first in range(start + 1, ends[stop - 1], COLUMNS):
            last = min(ends[stop - 1], first + COLUMNS)
            longest = lengths[last - 1]
            buckets = max(BUCKETS, 1 << (longest // LETTERS_PER_BUCKET - 1).bit_length())
            tiles.setdefault((buckets, longest < 256), []).append((start, stop, first, last))
    return tiles


def _exact(titles: list[str], firsts: list[int], seconds: list[int]) -> Iterator[tuple[int, int]]:
    """The pairs (a, b) whose ratio is ≥ THRESHOLD: subsequence lengths in C, ties by ratio itself."""
    if not firsts:
        return
    import numpy as np
    from rapidfuzz.distance import LCSseq
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import cpdist

    common = cpdist([titles[a] for a in firsts], [titles[b] for b in seconds],
                    scorer=LCSseq.similarity, dtype=np.int64).tolist()
    for a, b, shared in zip(firsts, seconds, common, strict=True):
        score, bar = 200 * shared, _T * (len(titles[a]) + len(titles[b]))
        if score > bar or (score == bar and ratio(titles[a], titles[b]) >= THRESHOLD):
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
