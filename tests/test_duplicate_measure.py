"""R108 (duplicate-measure) finds exactly what the plain all-pairs rule found.

The rule compares titles through a length window and a substring index;
the reference below is the rule as it was before (every pair in the length
window, behind exact bounds), kept here to compare against on the real
roadmaps, on every fixture, and on generated titles: real-like ones without
numbers, near duplicates made by small edits, short titles and titles of one
length made of the same letters.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rapidfuzz.fuzz import ratio
from tests.conftest import DATA, ROADMAPS, ROOT

from roadmapctl.model.roadmap import Item, Roadmap, Section
from roadmapctl.reading.loader import load
from roadmapctl.rules import Context, Finding
from roadmapctl.rules import duplicate_measure as rule

THRESHOLD = 95.0
_NUMBERS = re.compile(r"\d+")


def reference(roadmap: Roadmap) -> Iterator[Finding]:
    """The rule before the index: all pairs of a length window, one by one."""
    entries = [e for e in roadmap.walk() if e.item.title]
    titles = [rule.normalize_title(e.item.title) for e in entries]
    first_of: dict[str, int] = {}
    for index, title in enumerate(titles):
        if title in first_of:
            yield Finding(entries[index].item.where("title"),
                          f"такое же мероприятие уже есть в строке {entries[first_of[title]].item.pos.line}")
        else:
            first_of[title] = index
    groups: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for title, index in first_of.items():
        groups.setdefault(tuple(_NUMBERS.findall(title)), []).append((title, index))
    for group in groups.values():
        group.sort(key=lambda entry: len(entry[0]))
        for a, (title, index) in enumerate(group):
            letters = Counter(title)
            for other, other_index in group[a + 1:]:
                total = len(title) + len(other)
                if 200 * len(title) < THRESHOLD * total:
                    break
                if 200 * sum((letters & Counter(other)).values()) < THRESHOLD * total:
                    continue
                if ratio(title, other) >= THRESHOLD:
                    first, second = min(index, other_index), max(index, other_index)
                    yield Finding(entries[second].item.where("title"),
                                  f"мероприятие почти совпадает с записанным в строке "
                                  f"{entries[first].item.pos.line} — не дубль ли?")


@pytest.fixture(params=["as configured", "pairwise", "scored", "indexed"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each way of comparing a group, forced, must find the same pairs."""
    if request.param == "pairwise":
        monkeypatch.setattr(rule, "PAIRWISE_UP_TO", 10**9)
    elif request.param == "scored":
        monkeypatch.setattr(rule, "PAIRWISE_UP_TO", -1)
        monkeypatch.setattr(rule, "INDEX_FROM", 10**9)
    elif request.param == "indexed":
        monkeypatch.setattr(rule, "PAIRWISE_UP_TO", -1)
        monkeypatch.setattr(rule, "INDEX_FROM", 0)
    return request.param


def _same(roadmap: Roadmap) -> list[Finding]:
    ctx = Context(roadmap, [], date(2024, 1, 1))
    found = sorted(rule.check(ctx), key=repr)
    assert found == sorted(reference(roadmap), key=repr)
    return found


FILES = sorted(ROADMAPS.glob("*.yaml")) + sorted((DATA).rglob("*.yaml")) + sorted(
    (ROOT / "tests" / "corpus").rglob("*.yaml"))


@pytest.mark.parametrize("file", FILES, ids=lambda p: p.name)
def test_same_findings_as_before_on_real_files_and_fixtures(file: Path, path: str) -> None:
    result = load(file)
    if result.roadmap is not None:
        _same(result.roadmap)


def _roadmap(titles: list[str]) -> Roadmap:
    items = []
    for line, title in enumerate(titles, 10):
        item = Item(title=title)
        item.pos = item.pos.__class__(line, 5)
        items.append(item)
    return Roadmap(title="Карта", sections=[Section(number="1", title="Раздел", items=items)])


def _vocabulary() -> list[str]:
    words = re.findall(r"[А-Яа-яЁё]+", "\n".join(p.read_text(encoding="utf-8") for p in ROADMAPS.glob("*.yaml")))
    return sorted({w.lower() for w in words})


def _real_like(rng: random.Random, count: int, words: list[str]) -> list[str]:
    titles: list[str] = []
    for _ in range(count):
        if titles and rng.random() < 0.15:  # a near duplicate: a copy with a small edit
            chars = list(rng.choice(titles))
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(len(chars))
                if rng.random() < 0.5:
                    chars.insert(at, rng.choice("аеиоу ,."))
                elif len(chars) > 1:
                    del chars[at]
            titles.append("".join(chars))
        else:
            titles.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 22))))
    return titles


@pytest.mark.parametrize("seed", range(3))
def test_same_findings_on_generated_titles(seed: int, path: str) -> None:
    rng = random.Random(seed)
    titles = _real_like(rng, 400, _vocabulary())
    found = _same(_roadmap(titles))
    assert any("почти совпадает" in f.message for f in found)  # the generator does make near duplicates


def test_same_findings_with_numbers_and_short_titles(path: str) -> None:
    rng = random.Random(7)
    titles = [f"{rng.choice(['Собрание', 'Классный час', 'Урок'])} {rng.randint(1, 11)}-х классов"
              for _ in range(200)] + [rng.choice("абв") * rng.randint(1, 30) for _ in range(200)]
    _same(_roadmap(titles))


def test_same_findings_on_titles_of_one_length_and_the_same_letters(path: str) -> None:
    rng = random.Random(3)
    base = list("организация профориентационной работы с обучающимися")
    titles = []
    for _ in range(300):
        chars = base[:]
        for _ in range(rng.choice([1, 2, 40])):  # a few swaps stay alike, many do not
            i, j = rng.randrange(len(chars)), rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        titles.append("".join(chars))
    _same(_roadmap(titles))


def test_the_bit_parallel_lcs_matches_rapidfuzz() -> None:
    from rapidfuzz.distance import LCSseq

    rng = random.Random(11)
    for _ in range(2000):
        first = "".join(rng.choice("абв гдё") for _ in range(rng.randint(0, 150)))
        second = "".join(rng.choice("абв гдё") for _ in range(rng.randint(0, 150)))
        assert rule._lcs(first, second) == LCSseq.similarity(first, second)
        assert rule._alike(first, second) == (ratio(first, second) >= THRESHOLD)
