"""Items that were only renumbered because something was inserted or removed before them.

When a new 5.2.3 is inserted, 5.2.3–5.2.8 become 5.2.4–5.2.9 without any
change of their own.  Listing each as «изменено» drowns the six real edits
in six non-edits, so such items are taken out of the changed list and said
once: «5.2.3–5.2.8 → 5.2.4–5.2.9 перенумерованы (вставлен новый 5.2.3)».

An item counts as renumbered by its neighbours only when the arithmetic
proves it: within its parent (section or item), the items that appeared
before it minus those that disappeared before it equal the step of its last
number, and the rest of the number is the same or changed with its section
or parent («5.3.2» → «5.4.2» when section 5.3 became 5.4).  Anything else
(two items swapped, a number typed differently) stays an ordinary change.
"""

from __future__ import annotations

from collections import defaultdict

from roadmapctl.diff.matching import Entry
from roadmapctl.diff.result import RenumberRun, SectionRef
from roadmapctl.model.roadmap import normalize_number

Container = tuple[str, int]


def renumber_runs(candidates: list[tuple[Entry, Entry]], old: list[Entry], new: list[Entry],
                  pairs: dict[int, int], new_sections: tuple[SectionRef, ...],
                  old_sections: tuple[SectionRef, ...]) -> tuple[RenumberRun, ...]:
    """Runs of consecutive items renumbered only by what was inserted or removed before them.

    `candidates` are the (old, new) pairs whose only change is their number, in new order.
    """
    back = {b: a for a, b in pairs.items()}
    old_children, new_children = _children(old), _children(new)
    explained: list[tuple[Entry, Entry, tuple[str, ...]]] = []
    for a, b in candidates:
        cause = _cause(a, b, old, new, pairs, back, old_children, new_children, old_sections, new_sections)
        if cause is not None:
            explained.append((a, b, cause))
    runs: list[list[tuple[Entry, Entry, tuple[str, ...]]]] = []
    for a, b, cause in explained:
        if runs and _continues(runs[-1][-1], (a, b), old_children, new_children):
            runs[-1].append((a, b, cause))
        else:
            runs.append([(a, b, cause)])
    return tuple(_run(run, new_sections) for run in runs)


def _container(entry: Entry) -> Container:
    return ("item", entry.parent) if entry.parent is not None else ("section", entry.section)


def _children(entries: list[Entry]) -> dict[Container, list[int]]:
    out: dict[Container, list[int]] = defaultdict(list)
    for entry in entries:
        out[_container(entry)].append(entry.index)
    return out


def _split(number: str | None) -> tuple[str, int] | None:
    if not number:
        return None
    head, _, last = number.rpartition(".")
    return (head, int(last)) if last.isdigit() else None


def _container_number(entry: Entry, entries: list[Entry], sections: tuple[SectionRef, ...]) -> str | None:
    if entry.parent is not None:
        return entries[entry.parent].number
    return normalize_number(sections[entry.section].number)


def _cause(a: Entry, b: Entry, old: list[Entry], new: list[Entry], pairs: dict[int, int],
           back: dict[int, int], old_children: dict[Container, list[int]],
           new_children: dict[Container, list[int]], old_sections: tuple[SectionRef, ...],
           new_sections: tuple[SectionRef, ...]) -> tuple[str, ...] | None:
    """Why `a` became `b`, in Russian phrases; None when its neighbours do not explain it."""
    before, after = _split(a.number), _split(b.number)
    if before is None or after is None:
        return None
    here, there = _container(a), _container(b)
    gone = [x for x in old_children[here] if x < a.index and (x not in pairs or _container(new[pairs[x]]) != there)]
    came = [y for y in new_children[there] if y < b.index and (y not in back or _container(old[back[y]]) != here)]
    if after[1] - before[1] != len(came) - len(gone):
        return None
    parts: list[str] = []
    if before[0] != after[0]:
        was, now = _container_number(a, old, old_sections), _container_number(b, new, new_sections)
        if (was, now) != (before[0] or None, after[0] or None):
            return None
        parts.append(f"{'пункт' if a.parent is not None else 'раздел'} {was} стал {now}")
    added = [new[y].label for y in came if y not in back]
    moved_in = [new[y].label for y in came if y in back]
    removed = [old[x].label for x in gone if x not in pairs]
    moved_out = [old[x].label for x in gone if x in pairs]
    if added:
        parts.append(_listed(added, "вставлен новый", "вставлены новые"))
    if moved_in:
        parts.append(_listed(moved_in, "сюда перенесён", "сюда перенесены"))
    if removed:
        parts.append(_listed(removed, "удалён прежний", "удалены прежние"))
    if moved_out:
        parts.append(_listed(moved_out, "перенесён в другое место прежний", "перенесены в другое место прежние"))
    return tuple(parts) if parts else None


def _listed(labels: list[str], one: str, many: str) -> str:
    return f"{one} {labels[0]}" if len(labels) == 1 else f"{many} {', '.join(labels)}"


def _continues(last: tuple[Entry, Entry, tuple[str, ...]], pair: tuple[Entry, Entry],
               old_children: dict[Container, list[int]], new_children: dict[Container, list[int]]) -> bool:
    """The next sibling in both versions, renumbered by the same step."""
    (a0, b0, _), (a, b) = last, pair
    if _container(a0) != _container(a) or _container(b0) != _container(b):
        return False
    olds, news = old_children[_container(a)], new_children[_container(b)]
    if olds.index(a.index) != olds.index(a0.index) + 1 or news.index(b.index) != news.index(b0.index) + 1:
        return False
    step = _split(b.number)[1] - _split(a.number)[1]  # type: ignore[index]
    return step == _split(b0.number)[1] - _split(a0.number)[1]  # type: ignore[index]


def _run(run: list[tuple[Entry, Entry, tuple[str, ...]]], new_sections: tuple[SectionRef, ...]) -> RenumberRun:
    old_labels = tuple(a.label for a, _, _ in run)
    new_labels = tuple(b.label for _, b, _ in run)
    cause = "; ".join(run[0][2])
    verb = "перенумеровано" if len(run) == 1 else "перенумерованы"
    summary = f"{_span(old_labels)} → {_span(new_labels)} {verb} ({cause})"  # as report.run_span
    first = run[0][1]
    return RenumberRun(old_labels, new_labels, tuple(b.item.title for _, b, _ in run),
                       new_sections[first.section], first.index, cause, summary)


def _span(labels: tuple[str, ...]) -> str:
    return labels[0] if len(labels) == 1 else f"{labels[0]}–{labels[-1]}"
