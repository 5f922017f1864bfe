"""Pairing items across versions: normalization, blocking, the global assignment."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from conftest import ROADMAPS
from roadmapctl.diff import compare
from roadmapctl.diff.assignment import max_weight_matching
from roadmapctl.diff.matching import CANDIDATES, candidates, entries, match, normalize
from roadmapctl.reading.loader import load_text


def roadmap(items: list[dict[str, str]], period: str = "2023/2024", sections: int = 1) -> object:
    """A small roadmap from item dicts (number, title, deadline, key, section …).

    Items without a `section` are spread evenly over the sections in order.
    """
    lines = ["title: Тестовая карта", f"period: {period}", "executors:",
             "  uo: {name: Управление образования, short: УО}", "  oo: {name: Школы, short: ОО}",
             "sections:"]
    per = max(1, -(-len(items) // sections))
    home = [int(item.get("section", 0)) or n // per + 1 for n, item in enumerate(items)]
    for s in range(sections):
        mine = [item for item, h in zip(items, home, strict=True) if h == s + 1]
        lines += [f'  - number: "{s + 1}"', f"    title: Раздел {s + 1}", "    items:"]
        for item in mine:
            lines.append(f'      - title: "{item["title"]}"')
            for key in ("number", "key", "deadline", "due"):
                if key in item:
                    lines.append(f'        {key}: "{item[key]}"')
            if "deadline" not in item:
                lines.append("        deadline: В течение года")
            lines.append(f"        executors: [{item.get('executors', 'uo')}]")
        if not mine:
            lines.append("      []")
    result = load_text("\n".join(lines) + "\n", "<test>")
    assert result.roadmap is not None and not result.problems, result.problems
    return result.roadmap


def test_normalize_ignores_case_yo_quotes_dashes_spacing() -> None:
    assert normalize("  Ёлка «Новый год» — 2023 г.  ") == normalize('елка "новый год"-2023 г.')
    assert normalize("на 2023-2024 учебный год", 1) == normalize("на 2024–2025 учебный год")


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(-5, 40)), max_size=12))
def test_assignment_is_optimal(edges: list[tuple[int, int, int]]) -> None:
    found = max_weight_matching(edges)
    weights: dict[tuple[int, int], int] = {}
    for left, right, weight in edges:
        if weight > 0:
            weights[(left, right)] = max(weight, weights.get((left, right), 0))
    assert len(set(found.values())) == len(found)
    assert all((left, right) in weights for left, right in found.items())
    best = 0
    pairs = list(weights)
    for size in range(len(pairs) + 1):
        for subset in itertools.combinations(pairs, size):
            if len({p[0] for p in subset}) == size == len({p[1] for p in subset}):
                best = max(best, sum(weights[p] for p in subset))
    assert sum(weights[(left, right)] for left, right in found.items()) == best


def test_global_assignment_beats_greedy() -> None:
    """Greedy would give old 0 its best partner and leave old 1 with nothing."""
    assert max_weight_matching([(0, 0, 10), (0, 1, 9), (1, 0, 9)]) == {0: 1, 1: 0}


def test_key_wins_over_title_and_number() -> None:
    old = roadmap([{"number": "1.1", "key": "plan", "title": "Разработка плана работы"},
                   {"number": "1.2", "title": "Проведение конкурса «Я выбираю»"}])
    new = roadmap([{"number": "1.1", "title": "Разработка плана работы"},
                   {"number": "1.2", "key": "plan", "title": "Утверждение муниципальной программы"}])
    diff = compare(old, new)
    pairs = {(c.old.label, c.new.label) for c in diff.changed}
    assert ("1.1", "1.2") in pairs
    assert [r.label for r in diff.added] == ["1.1"]
    assert [r.label for r in diff.removed] == ["1.2"]


def test_reworded_and_moved_items_pair_and_new_items_do_not_steal() -> None:
    old = roadmap([
        {"number": "1.1", "title": "Организация профессиональных проб для обучающихся 8-9 классов"},
        {"number": "1.2", "title": "Проведение родительских собраний по профориентации"},
        {"number": "2.1", "title": "Экскурсии на предприятия города для учащихся"},
    ], sections=2)
    new = roadmap([
        {"number": "1.1", "title": "Мониторинг трудоустройства выпускников колледжей", "section": "1"},
        {"number": "1.2", "title": "Проведение родительских собраний по вопросам профориентации",
         "section": "1"},
        {"number": "1.3", "title": "Экскурсии на предприятия города для учащихся", "section": "1"},
        {"number": "2.1", "title": "Организация профессиональных проб для обучающихся 8–9-х классов",
         "section": "2"},
    ], sections=2)
    diff = compare(old, new)
    pairs = {(c.old.label, c.new.label): [f.kind for f in c.changes] for c in diff.changed}
    assert pairs == {("1.2", "1.2"): ["reworded"], ("2.1", "1.3"): ["moved"],
                     ("1.1", "2.1"): ["moved", "reworded"]}
    assert [r.label for r in diff.added] == ["1.1"]
    assert diff.removed == ()


def test_different_contest_is_added_not_a_rewording() -> None:
    preamble = "Организация и проведение, а также участие ОО в муниципальном конкурсе для воспитанников"
    old = roadmap([{"number": "1.1", "title": f"{preamble} «Почемучки»"},
                   {"number": "1.2", "title": f"{preamble} «Я исследователь»"}])
    new = roadmap([{"number": "1.1", "title": f"{preamble} «Я исследователь»"},
                   {"number": "1.2", "title": f"{preamble} «Юный инженер»"}])
    diff = compare(old, new)
    assert not diff.changed  # «Я исследователь» only moved up: renumbered, not changed
    assert [(run.old, run.new) for run in diff.renumbered] == [(("1.2",), ("1.1",))]
    assert diff.renumbered[0].summary == "1.2 → 1.1 перенумеровано (удалён прежний 1.1)"
    assert [r.title[-14:] for r in diff.added] == ["«Юный инженер»"]
    assert [r.title[-11:] for r in diff.removed] == ["«Почемучки»"]


def test_blocking_keeps_candidate_pairs_linear() -> None:
    """A large roadmap of look-alike titles: candidates per item stay bounded, not n²."""
    words = ["проб", "собраний", "экскурсий", "конкурса", "семинаров", "олимпиад", "смен", "проектов"]
    places = ["Челябинск", "Магнитогорск", "Миасс", "Копейск", "Златоуст", "Троицк", "Сатка"]
    items = [{"number": f"{n // 100 + 1}.{n % 100 + 1}",
              "title": f"Организация {words[n % 8]} для обучающихся {places[n % 7]} № {n}"}
             for n in range(800)]
    old_entries = entries(roadmap(items, sections=8))
    new_entries = entries(roadmap(list(reversed(items)), sections=8))
    pairs = list(candidates(old_entries, new_entries))
    assert len(pairs) <= len(old_entries) * (CANDIDATES + 5)
    found = match(old_entries, new_entries)
    assert len(found) == 800
    assert all(old_entries[a].item.title == new_entries[b].item.title for a, b in found.items())


def test_copies_of_one_item_pair_up_the_same_way_whichever_side_is_old() -> None:
    """Found by the thorough profile: two identical items on one side and one on the other.
    compare(a, b) reported both copies added and the single one removed; compare(b, a) paired one."""
    import copy

    from roadmapctl.reading import read

    base = read(ROADMAPS / "belgorod-2021-2025.yaml").roadmap
    assert base is not None
    old, new = copy.deepcopy(base), copy.deepcopy(base)
    zero = copy.deepcopy(base.sections[1].items[1])
    zero.number, zero.title = "2.10", "0"
    old.sections[1].items[1] = zero
    new.sections[1].items[0:3] = [copy.deepcopy(zero), copy.deepcopy(zero)]
    forward, backward = compare(old, new), compare(new, old)

    def labels(refs: object) -> list[tuple[str, str]]:
        return sorted((ref.label, ref.title) for ref in refs)  # type: ignore[attr-defined]

    assert labels(forward.added) == labels(backward.removed) == [("2:2.10", "0")]
    assert labels(forward.removed) == labels(backward.added)
    assert ("2:2.10", "0") not in labels(forward.removed)
