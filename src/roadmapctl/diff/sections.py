"""Which section became which, and how sections were added, removed, renamed, renumbered.

Sections are few, but they are still paired globally and from blocked
candidates only: the same number, the same normalized title, or a share of
items (an item pair votes for the pair of its sections).  The weight adds
title similarity (counted twice: a section is first of all its title), the
share of items that moved together and a bonus for the same number, so when a
section is split («5.2» → «5.2» and a new «5.3»), the part that kept the
title and most of the items keeps the pairing and the other is reported as
added, with the old section its items came from.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from roadmapctl.diff.assignment import max_weight_matching
from roadmapctl.diff.matching import Entry, normalize, sections
from roadmapctl.diff.result import SectionChange, SectionRef
from roadmapctl.diff.words import word_diff
from roadmapctl.model.roadmap import Roadmap, Section, normalize_number

TITLE_THRESHOLD = 60


def section_refs(roadmap: Roadmap) -> tuple[SectionRef, ...]:
    return tuple(_ref(section) for section, _ in sections(roadmap))


def _ref(section: Section) -> SectionRef:
    return SectionRef(normalize_number(section.number), section.title)


def match_sections(old: Roadmap, new: Roadmap, old_entries: list[Entry], new_entries: list[Entry],
                   pairs: dict[int, int], year_shift: int) -> dict[int, int]:
    """Old section index → new section index."""
    from rapidfuzz import fuzz

    old_refs, new_refs = section_refs(old), section_refs(new)
    votes: Counter[tuple[int, int]] = Counter()
    for a, b in pairs.items():
        if old_entries[a].parent is None:
            votes[(old_entries[a].section, new_entries[b].section)] += 1
    sizes_old = Counter(e.section for e in old_entries if e.parent is None)
    sizes_new = Counter(e.section for e in new_entries if e.parent is None)
    by_number: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    for j, ref in enumerate(new_refs):
        if ref.number:
            by_number[ref.number].append(j)
        by_title[normalize(ref.title)].append(j)
    candidates = set(votes)
    for i, ref in enumerate(old_refs):
        for j in by_number.get(ref.number or "", ()):
            candidates.add((i, j))
        for j in by_title.get(normalize(ref.title, year_shift), ()):
            candidates.add((i, j))
    edges = []
    for i, j in sorted(candidates):
        title = fuzz.token_sort_ratio(normalize(old_refs[i].title, year_shift), normalize(new_refs[j].title))
        share = votes[(i, j)] / max(sizes_old[i], sizes_new[j], 1)
        if title < TITLE_THRESHOLD and share < 0.5:
            continue
        weight = 2 * round(title) * (title >= TITLE_THRESHOLD) + round(100 * share)
        weight += 20 * (old_refs[i].number is not None and old_refs[i].number == new_refs[j].number)
        edges.append((i, j, weight))
    return max_weight_matching(edges)


def section_changes(old: Roadmap, new: Roadmap, old_entries: list[Entry], new_entries: list[Entry],
                    pairs: dict[int, int], section_pairs: dict[int, int],
                    year_shift: int) -> tuple[SectionChange, ...]:
    """Section changes in the new document's order, removed sections after them."""
    old_refs, new_refs = section_refs(old), section_refs(new)
    old_list, new_list = sections(old), sections(new)
    back = {j: i for i, j in section_pairs.items()}
    flows: dict[int, Counter[int]] = defaultdict(Counter)  # old section → new sections of its items
    for a, b in pairs.items():
        flows[old_entries[a].section][new_entries[b].section] += 1
    inflows: dict[int, Counter[int]] = defaultdict(Counter)
    for i, flow in flows.items():
        for j, n in flow.items():
            inflows[j][i] += n
    out: list[SectionChange] = []
    for j, ref in enumerate(new_refs):
        if j not in back:
            sources = tuple(old_refs[i] for i in sorted(inflows[j]) if section_pairs.get(i) != j)
            summary = f"раздел {_named(ref)} добавлен"
            if sources:
                summary += " — в него перенесены мероприятия из " + _sections_genitive(sources)
            out.append(SectionChange(("added",), None, ref, summary, sources=sources))
            continue
        before = old_refs[back[j]]
        out += _settings(old, new, old_list[back[j]][0], new_list[j][0], ref)
        kinds = []
        if before.number != ref.number:
            kinds.append("renumbered")
        words = word_diff(before.title, ref.title, year_shift)
        if words.changed:
            kinds.append("renamed")
        if not kinds:
            continue
        if kinds == ["renumbered"]:
            summary = f"раздел {before.label} → {ref.label} «{ref.title}»: перенумерован"
        elif kinds == ["renamed"]:
            summary = f"раздел {ref.label}: название изменено"
        else:
            summary = f"раздел {before.label} → {ref.label}: перенумерован, название изменено"
        out.append(SectionChange(tuple(kinds), before, ref, summary,
                                 words=words if words.changed else None))
    for i, ref in enumerate(old_refs):
        if i in section_pairs:
            continue
        targets = tuple(new_refs[j] for j in sorted(flows[i]))
        summary = f"раздел {_named(ref)} удалён"
        if targets:
            summary += " — его мероприятия перенесены в " + _sections_accusative(targets)
        out.append(SectionChange(("removed",), ref, None, summary, targets=targets))
    return tuple(out)


def _settings(old: Roadmap, new: Roadmap, a: Section, b: Section, ref: SectionRef) -> list[SectionChange]:
    """A paired section's own settings: its default executors and its numbering style."""
    from roadmapctl.diff.document import NUMBERING, executors_text

    out = []
    was, now = executors_text(a.default_executors, old), executors_text(b.default_executors, new)
    if was != now:
        out.append(SectionChange(("executors",), _ref(a), ref,
                                 f"раздел {ref.label}: исполнители по умолчанию: «{was or 'не указаны'}» → "
                                 f"«{now or 'не указаны'}»"))
    if a.numbering != b.numbering:
        out.append(SectionChange(("numbering",), _ref(a), ref,
                                 f"раздел {ref.label}: нумерация: {NUMBERING.get(a.numbering or '', 'не указана')} → "
                                 f"{NUMBERING.get(b.numbering or '', 'не указана')}"))
    return out


def _named(ref: SectionRef) -> str:
    """«5.3 «Кадровое обеспечение»», or just the title in quotes for an unnumbered section."""
    return f"{ref.number} «{ref.title}»" if ref.number else f"«{ref.title}»"


def _sections_genitive(refs: tuple[SectionRef, ...]) -> str:
    labels = ", ".join(ref.label for ref in refs)
    return f"раздела {labels}" if len(refs) == 1 else f"разделов {labels}"


def _sections_accusative(refs: tuple[SectionRef, ...]) -> str:
    labels = ", ".join(ref.label for ref in refs)
    return f"раздел {labels}" if len(refs) == 1 else f"разделы {labels}"
