"""R108 (duplicate-measure) finds exactly what the plain all-pairs rule found.

The rule compares titles through a length window and, for many titles,
numpy bounds over tiles of the windows; the reference below is the rule as
it was before (every pair in the length window, behind exact bounds), kept
here to compare against on the real roadmaps, on every fixture, and on
generated titles: real-like ones without numbers, near duplicates made by
small edits, short titles, titles of one length made of the same letters,
pairs exactly at the threshold, long titles, letters outside the BMP.  Each
test runs every way of comparing a group, forced (`path`).
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
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


PATHS = ("as configured", "pairwise", "scored", "bounded", "batch")


@contextmanager
def forced(name: str) -> Iterator[None]:
    """The rule made to compare a group one way (`name`): each way must find the same pairs."""
    with pytest.MonkeyPatch.context() as patch:
        if name == "batch":  # many files in one process: `warm_up` imported rapidfuzz
            patch.setattr(rule, "_batch", False)
            rule.warm_up()
            assert rule._batch
        elif name == "pairwise":
            patch.setattr(rule, "PAIRWISE_UP_TO", 10**9)
        elif name == "scored":
            patch.setattr(rule, "PAIRWISE_UP_TO", -1)
            patch.setattr(rule, "BOUNDED_FROM", 10**18)
        elif name == "bounded":
            patch.setattr(rule, "PAIRWISE_UP_TO", -1)
            patch.setattr(rule, "BOUNDED_FROM", 0)
            patch.setattr(rule, "ROWS", 7)  # many tiles, and their edges
            patch.setattr(rule, "COLUMNS", 13)
        yield


def _found(roadmap: Roadmap) -> list[Finding]:
    return sorted(rule.check(Context(roadmap, [], date(2024, 1, 1))), key=repr)


def _same(roadmap: Roadmap, paths: tuple[str, ...] = PATHS) -> list[Finding]:
    """The rule's findings on `roadmap` in each way of comparing (`paths`), each checked against
    the reference's (computed once: the all-pairs reference is the slow part)."""
    expected = sorted(reference(roadmap), key=repr)
    for name in paths:
        with forced(name):
            assert _found(roadmap) == expected, f"способ сравнения «{name}»"
    return expected


FILES = sorted(ROADMAPS.glob("*.yaml")) + sorted((DATA).rglob("*.yaml")) + sorted(
    (ROOT / "tests" / "corpus").rglob("*.yaml"))


def test_same_findings_as_before_on_real_files_and_fixtures() -> None:
    """Every sample, fixture and corpus file that loads, in every way of comparing; all files are
    checked before the test fails, and the message names each file that differs."""
    differ = []
    for file in FILES:
        result = load(file)
        if result.roadmap is None:
            continue
        expected = sorted(reference(result.roadmap), key=repr)
        for name in PATHS:
            with forced(name):
                if _found(result.roadmap) != expected:
                    differ.append(f"{file.relative_to(ROOT)}: {name}")
    assert not differ, "\n".join(differ)
    assert len(FILES) > 20  # the corpus is there


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


def test_same_findings_on_generated_titles(thorough_run: bool) -> None:
    """400 real-like titles: three draws in the thorough profile, one by default."""
    for seed in range(3 if thorough_run else 1):
        rng = random.Random(seed)
        titles = _real_like(rng, 400, _vocabulary())
        found = _same(_roadmap(titles))
        assert any("почти совпадает" in f.message for f in found), seed  # the generator makes near duplicates


def test_same_findings_with_numbers_and_short_titles() -> None:
    rng = random.Random(7)
    titles = [f"{rng.choice(['Собрание', 'Классный час', 'Урок'])} {rng.randint(1, 11)}-х классов"
              for _ in range(200)] + [rng.choice("абв") * rng.randint(1, 30) for _ in range(200)]
    _same(_roadmap(titles))


def test_same_findings_on_titles_of_one_length_and_the_same_letters(thorough_run: bool) -> None:
    # 300 titles in the thorough profile, 120 by default: every way of comparing is forced either way
    rng = random.Random(3)
    base = list("организация профориентационной работы с обучающимися")
    titles = []
    for _ in range(300 if thorough_run else 120):
        chars = base[:]
        for _ in range(rng.choice([1, 2, 40])):  # a few swaps stay alike, many do not
            i, j = rng.randrange(len(chars)), rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        titles.append("".join(chars))
    found = _same(_roadmap(titles))
    assert any("почти совпадает" in f.message for f in found)  # a few swaps do make near duplicates


def test_the_bit_parallel_lcs_matches_rapidfuzz(thorough_run: bool) -> None:
    from rapidfuzz.distance import LCSseq

    rng = random.Random(11)
    for _ in range(2000 if thorough_run else 500):
        first = "".join(rng.choice("абв гдё") for _ in range(rng.randint(0, 150)))
        second = "".join(rng.choice("абв гдё") for _ in range(rng.randint(0, 150)))
        assert rule._lcs(first, second) == LCSseq.similarity(first, second)
        assert rule._alike(first, second) == (ratio(first, second) >= THRESHOLD)


def _edit(rng: random.Random, title: str, edits: int, letters: str) -> str:
    chars = list(title)
    for _ in range(edits):
        at = rng.randrange(len(chars) + 1)
        if rng.random() < 0.5 or not chars:
            chars.insert(at, rng.choice(letters))
        else:
            del chars[min(at, len(chars) - 1)]
    return "".join(chars)


def test_same_findings_exactly_at_the_threshold() -> None:
    """200·L = 95·(a + b): ratio itself decides, with its floating point, as before."""
    rng = random.Random(5)
    letters = "абвгдежзиклмнопрстуф"
    titles = []
    for total in range(40, 801, 40):  # a + b = total, the longest common subsequence 0.475·total
        common = total * 19 // 40
        base = "".join(rng.choice(letters) for _ in range(common))
        extra_a = rng.randint(0, total - 2 * common)
        a, b = list(base), list(base)
        for _ in range(extra_a):
            a.insert(rng.randrange(len(a) + 1), "ъ")
        for _ in range(total - 2 * common - extra_a):
            b.insert(rng.randrange(len(b) + 1), "ь")
        titles += ["".join(a), "".join(b)]
    from rapidfuzz.distance import LCSseq

    ties = list(zip(titles[::2], titles[1::2], strict=True))
    assert all(200 * LCSseq.similarity(x, y) == THRESHOLD * (len(x) + len(y)) for x, y in ties)
    found = _same(_roadmap(titles))
    assert any("почти совпадает" in f.message for f in found)


def test_same_findings_on_long_titles_across_the_byte_counts() -> None:
    """Titles of 200–320 letters: tiles count in bytes below 256 letters and in wider integers above."""
    rng = random.Random(9)
    words = _vocabulary()
    titles: list[str] = []
    while len(titles) < 160:
        title = " ".join(rng.choice(words) for _ in range(40))[:rng.randint(200, 320)]
        titles += [title, _edit(rng, title, rng.randint(1, 8), "аеио ")]
    found = _same(_roadmap(titles))
    assert any("почти совпадает" in f.message for f in found)


def test_same_findings_on_unusual_letters() -> None:
    """Letters outside the basic plane, Latin and Cyrillic lookalikes, titles that normalise to nothing."""
    rng = random.Random(13)
    letters = "abcаbсе\U0001F600\U0001F4DA\u0301ё "
    titles = ["...", "—", "«»", "a", "b"]
    for _ in range(150):
        title = "".join(rng.choice(letters) for _ in range(rng.randint(15, 60)))
        titles += [title, _edit(rng, title, 1, letters)]
    _same(_roadmap(titles))


def test_checking_the_sample_roadmaps_imports_neither_numpy_nor_rapidfuzz() -> None:
    """`check` runs on every commit: a file of a few hundred titles must not pay for the imports."""
    files = [str(p) for p in sorted(ROADMAPS.glob("*.yaml"))]
    code = ("import sys; from roadmapctl.main import run; "
            f"code = run(['check', '--as-of', '2024-01-01', *{files!r}]); "
            "print(code, 'numpy' in sys.modules, 'rapidfuzz' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1].split()[1:] == ["False", "False"]


@given(st.lists(st.tuples(st.text("аб вг", min_size=0, max_size=45), st.integers(0, 3), st.randoms()),
                min_size=2, max_size=40))
def test_the_bounded_path_finds_what_the_reference_finds(drawn: list[tuple[str, int, random.Random]]) -> None:
    """Few letters, short titles and their copies with a few edits: many ties and near misses."""
    titles = []
    for title, edits, rng in drawn:
        titles += [title, _edit(rng, title, edits, "аб вг")]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rule, "PAIRWISE_UP_TO", -1)
        patch.setattr(rule, "BOUNDED_FROM", 0)
        patch.setattr(rule, "ROWS", 5)
        patch.setattr(rule, "COLUMNS", 3)
        _same(_roadmap(titles), paths=("as configured",))


def test_titles_of_more_than_65535_letters_in_the_bounded_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts wider than two bytes: a long title and its copy with a few edits are still found."""
    monkeypatch.setattr(rule, "PAIRWISE_UP_TO", -1)
    monkeypatch.setattr(rule, "BOUNDED_FROM", 0)
    rng = random.Random(17)
    words = _vocabulary()
    title = " ".join(rng.choice(words) for _ in range(9000))[:66000]
    other = "".join(rng.choice("abcdef ") for _ in range(67000))  # rejected by the bounds, not scored
    found = _same(_roadmap([title, other, _edit(rng, title, 30, "аеио ")]), paths=("as configured",))
    assert [f.pos.line for f in found] == [12]


def test_long_titles_of_the_same_letters_are_not_scored_pair_by_pair(monkeypatch: pytest.MonkeyPatch,
                                                                     thorough_run: bool) -> None:
    """500 shuffles of 2,000 letters (150 by default): 125,000 pairs of a second each to score; the
    bounds reject them first."""
    def scored(titles: list[str], ends: list[int]) -> Iterator[tuple[int, int]]:
        raise AssertionError("every pair of the windows scored")

    monkeypatch.setattr(rule, "_scored", scored)
    rng = random.Random(19)
    letters = list("организация профориентационной работы с обучающимися" * 40)
    titles = []
    for _ in range(500 if thorough_run else 150):
        rng.shuffle(letters)
        titles.append("".join(letters))
    assert list(rule.check(Context(_roadmap(titles), [], date(2024, 1, 1)))) == []


def test_a_batch_of_files_warms_up_the_rule_and_a_single_file_does_not(tmp_path: Path) -> None:
    """`check` over many files imports rapidfuzz once for all of them; over one file, never."""
    for copy in range(16):
        (tmp_path / f"{copy}.yaml").write_bytes((ROADMAPS / "lysva-2021-2022.yaml").read_bytes())
    code = ("import sys; from roadmapctl.main import run; run(['check', '-j', '1', {path!r}]); "
            "from roadmapctl.rules import duplicate_measure as r; print(r._batch, 'rapidfuzz' in sys.modules)")
    many = subprocess.run([sys.executable, "-c", code.format(path=str(tmp_path))], capture_output=True,
                          text=True, check=True)
    one = subprocess.run([sys.executable, "-c", code.format(path=str(tmp_path / "0.yaml"))],
                         capture_output=True, text=True, check=True)
    assert (many.stdout.split()[-2:], one.stdout.split()[-2:]) == (["True", "True"], ["False", "False"])
