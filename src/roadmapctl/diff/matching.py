"""Which item of last year's roadmap became which item of this year's.

Items are paired in three steps:

1. by the stable `key`, when both versions carry the same one;
2. by identical text: same number (or same place for unnumbered sub-items)
   and the same normalized title once last year's years are shifted — most
   of a roadmap, so the fuzzy step below only sees what really changed;
3. by similarity, chosen globally (`assignment.max_weight_matching`).

Step 3 never compares all pairs.  Candidates come from blocking: the same or
a neighbouring number, and an inverted index of title word stems where each
item looks only at its rarest stems and keeps the `CANDIDATES` new items that
share the most of them — O(n·k) pairs for n items.  Each candidate pair is
scored by title similarity (rapidfuzz token ratio on normalized text plus an
IDF-weighted overlap of stems, so a distinctive word counts more than
«организация и проведение»); names in quotes that clearly differ (two
different contests with the same long preamble) halve the score.  Pairs
below `THRESHOLD` stay unmatched: a genuinely new item is reported as added
rather than pretending to be a rewording of something unrelated.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from roadmapctl.diff.assignment import max_weight_matching
from roadmapctl.model.roadmap import Item, ItemInContext, Roadmap, Section, normalize_number
from roadmapctl.model.text import fold

THRESHOLD = 55  # minimum title similarity (0–100) for a fuzzy pair
CANDIDATES = 12  # new items kept per old item from the word index
RARE_STEMS = 8  # stems of an old title looked up in the index
MIN_STEMS = 3  # stems looked up however common they are
POSTING_BUDGET = 1500  # index entries read per old item beyond the first MIN_STEMS stems
STEM = 6  # characters kept of a word: a crude but adequate Russian stemmer
QUOTE_PENALTY = 0.5

_QUOTES = str.maketrans({ch: '"' for ch in "«»“”„‟\"\u2018\u2019\u201a'"})
_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]{2,})"')


@lru_cache(maxsize=1 << 16)
def normalize(text: str | None, year_shift: int = 0) -> str:
    """Case, ё/е, quote and dash styles, spacing: the differences nobody means.

    Cached: a comparison normalizes the same executor names and titles hundreds of times."""
    if not text:
        return ""
    text = fold(text).translate(_QUOTES)
    text = _DASH.sub("-", text)
    if year_shift:
        text = shift_years(text, year_shift)
    return " ".join(text.split()).rstrip(".;:").strip()


def shift_years(text: str, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m[1]) + years), text)


def stems(normalized: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w[:STEM] for w in _WORD.findall(normalized) if len(w) > 2))


@dataclass(frozen=True)
class Entry:
    """An item or sub-item flattened, with what matching and reporting need."""

    index: int
    ctx: ItemInContext
    label: str
    number: str | None  # normalized official number
    parent: int | None  # index of the parent entry
    section: int  # index of the innermost section in `sections(roadmap)`
    place: str  # number, or parent/section label plus position: stable-ish identity
    title: str  # normalized, years shifted into the newer roadmap's years
    stems: tuple[str, ...]  # of the title, for the inverted index and the overlap score

    @property
    def item(self) -> Item:
        return self.ctx.item


def sections(roadmap: Roadmap) -> list[tuple[Section, int | None]]:
    """Every section in document order with the index of its enclosing section."""
    out: list[tuple[Section, int | None]] = []

    def visit(section: Section, parent: int | None) -> None:
        out.append((section, parent))
        mine = len(out) - 1
        for inner in section.sections:
            visit(inner, mine)

    for section in roadmap.sections:
        visit(section, None)
    return out


def entries(roadmap: Roadmap, year_shift: int = 0) -> list[Entry]:
    """All items in document order, labelled by the address `done`, `overdue` and `list` take.

    The address is the number («1.2», «2:1» where local numbering repeats it),
    else «родитель/позиция» («5.2.5/2»), written without final dots.
    """
    from roadmapctl.tracking.compute import bare_number, walk_addressed

    out: list[Entry] = []
    index_of = {id(section): i for i, (section, _) in enumerate(sections(roadmap))}
    entry_of: dict[int, int] = {}  # id(item) → its entry index, for sub-items' parents
    for ctx, address, _ in walk_addressed(roadmap):
        label = bare_number(address)
        number = normalize_number(ctx.item.number) or None
        title = normalize(ctx.item.title, year_shift)
        parent = entry_of[id(ctx.parent)] if ctx.parent is not None else None
        entry = Entry(len(out), ctx, label, number, parent, index_of[id(ctx.section)], label, title, stems(title))
        entry_of[id(ctx.item)] = entry.index
        out.append(entry)
    return out


def match(old: list[Entry], new: list[Entry]) -> dict[int, int]:
    """Old entry index → new entry index for every pair found."""
    pairs: dict[int, int] = {}
    by_key = {e.item.key: e.index for e in new if e.item.key}
    for entry in old:
        if entry.item.key and entry.item.key in by_key:
            pairs[entry.index] = by_key.pop(entry.item.key)
    taken = set(pairs.values())
    # Same place, same title: paired in document order, so that copies of one item pair up the
    # same way whichever side is old (compare(a, b) and compare(b, a) agree).
    exact_old: dict[tuple[str, str], list[int]] = defaultdict(list)
    exact_new: dict[tuple[str, str], list[int]] = defaultdict(list)
    for entry in old:
        if entry.index not in pairs:
            exact_old[(entry.place, entry.title)].append(entry.index)
    for entry in new:
        if entry.index not in taken:
            exact_new[(entry.place, entry.title)].append(entry.index)
    for place_title, olds in exact_old.items():
        pairs.update(zip(olds, exact_new.get(place_title, ()), strict=False))
    taken = set(pairs.values())
    rest_old = [e for e in old if e.index not in pairs]
    rest_new = [e for e in new if e.index not in taken]
    pairs.update(max_weight_matching(_scored(rest_old, rest_new, pairs)))
    return pairs


def candidates(old: list[Entry], new: list[Entry]) -> Iterator[tuple[Entry, Entry]]:
    """Blocking: the few new entries worth scoring for each old one.

    Each old item looks up its rarest stems, at least `MIN_STEMS` and then more
    while the posting lists read stay within `POSTING_BUDGET`: common stems say
    little and cost much.  The new items sharing the most stems are kept.
    """
    by_number: dict[str, list[Entry]] = defaultdict(list)
    index: dict[str, list[int]] = defaultdict(list)
    by_index = {entry.index: entry for entry in new}
    for entry in new:
        if entry.number:
            by_number[entry.number].append(entry)
        for stem in entry.stems:
            index[stem].append(entry.index)
    for entry in old:
        found: dict[int, Entry] = {}
        for number in _near_numbers(entry.number):
            for other in by_number.get(number, ()):
                found[other.index] = other
        shared: Counter[int] = Counter()
        scanned = 0
        for used, (size, stem) in enumerate(sorted((len(index[s]), s) for s in entry.stems if s in index)):
            if used >= RARE_STEMS or (used >= MIN_STEMS and scanned + size > POSTING_BUDGET):
                break
            shared.update(index[stem])
            scanned += size
        for other_index, _ in shared.most_common(CANDIDATES):
            found[other_index] = by_index[other_index]
        for other in found.values():
            yield entry, other


def _near_numbers(number: str | None) -> list[str]:
    """The number itself and its neighbours («5.2.4» → 5.2.2 … 5.2.6)."""
    if not number:
        return []
    head, _, last = number.rpartition(".")
    if not last.isdigit():
        return [number]
    prefix = f"{head}." if head else ""
    return [number] + [f"{prefix}{int(last) + d}" for d in (-2, -1, 1, 2) if int(last) + d > 0]


def _scored(old: list[Entry], new: list[Entry], fixed: dict[int, int]) -> Iterator[tuple[int, int, int]]:
    from rapidfuzz import fuzz

    frequency: Counter[str] = Counter()
    for entry in (*old, *new):
        frequency.update(entry.stems)
    total = max(len(old) + len(new), 1)
    # A stem's weight, and each entry's stem set with its summed weight, once (not per candidate
    # pair); the sums run over the same sets in the same order, so the scores are bit for bit those
    # of summing per pair.
    weight = {stem: math.log(1 + total / count) for stem, count in frequency.items()}
    own: dict[int, tuple[set[str], float]] = {}

    def stems_of(entry: Entry) -> tuple[set[str], float]:
        key = id(entry)
        if key not in own:
            stems = set(entry.stems)
            own[key] = stems, sum(weight[s] for s in stems)
        return own[key]

    for a, b in candidates(old, new):
        (mine, mine_weight), (theirs, their_weight) = stems_of(a), stems_of(b)
        both = sum(weight[s] for s in mine & theirs)
        every = mine_weight + their_weight
        overlap = 2 * both / every if every else 0.0
        similarity = 50 * overlap + 0.5 * fuzz.token_sort_ratio(a.title, b.title)
        if _quotes_differ(a.title, b.title, fuzz.ratio):
            similarity *= QUOTE_PENALTY
        if similarity < THRESHOLD:
            continue
        bonus = 8 * (a.number is not None and a.number == b.number)
        bonus += 4 * _same_parent(a, b, fixed)
        yield a.index, b.index, round(similarity) + bonus


def _quotes_differ(a: str, b: str, ratio: Callable[[str, str], float]) -> bool:
    """Both titles name something in quotes, and no name of one resembles a name of the other."""
    names_a, names_b = _QUOTED.findall(a), _QUOTED.findall(b)
    if not names_a or not names_b:
        return False
    return max(ratio(x, y) for x in names_a for y in names_b) < 60


def _same_parent(a: Entry, b: Entry, fixed: dict[int, int]) -> bool:
    if a.parent is None or b.parent is None:
        return a.parent is None and b.parent is None
    return fixed.get(a.parent) == b.parent
