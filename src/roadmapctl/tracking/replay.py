"""Replaying completions and extensions onto an item's control dates.

Matching completions to control dates.  Completions and extensions are
replayed in date order (completions of a day before extensions of that day;
an extension without a date takes the date of the extension listed before
it, or counts from the very start):

1. If the item has one control date, its earliest completion covers it.
2. A completion with `due:` covers the control date equal to it (the date as
   planned or as extended); if that date is already covered, the completion
   is a duplicate and covers nothing.  A `due:` that names no control date is
   read as if it were absent.
3. A completion without `due:` covers the first uncovered control date whose
   window holds the completion date (a window runs from its start — or from
   the day after the previous control date — to its due, extended or not);
   else the nearest earlier uncovered one (a late report); else the earliest
   uncovered one (an early report).

Extensions.  An extension applies to the first control date still uncovered
on its date; for deadlines that do not repeat it also moves every other
uncovered control date that falls before the new date.  The latest extension
of a control date wins; the original date is kept for reports.
"""

from __future__ import annotations

from datetime import date, timedelta

from roadmapctl.deadlines import Occurrence
from roadmapctl.model.roadmap import Completion, Extension, Item


def closing(item: Item, as_of: date) -> tuple[Completion | None] | None:
    """What closes the rest of a `status: done` item as of `as_of` (in a 1-tuple), or None."""
    if item.status != "done":
        return None
    dated = [c for c in item.completions if c.date is not None]
    if not dated:
        return (None,)
    last = max(dated, key=lambda c: c.date or date.min)
    return (last,) if last.date and last.date <= as_of else None


def replay(occs: tuple[Occurrence, ...], item: Item, as_of: date,
            recurring: bool) -> tuple[list[Completion | None], list[Extension | None]]:
    """Apply completions and extensions in date order (see the module docstring)."""
    covered: list[Completion | None] = [None] * len(occs)
    extended: list[Extension | None] = [None] * len(occs)
    events: list[tuple[date, int, int, Completion | Extension]] = []
    for order, c in enumerate(item.completions):
        if c.date is not None and c.date <= as_of:
            events.append((c.date, 0, order, c))
    granted = date.min  # an extension without a date counts from the one before it
    for order, e in enumerate(item.extensions):
        granted = e.date or granted
        if e.to is not None and granted <= as_of:
            events.append((granted, 1, order, e))
    events.sort(key=lambda event: event[:3])
    for _day, _kind, _order, record in events:
        if isinstance(record, Completion):
            index = match_completion(record, occs, covered, extended)
            if index is not None:
                covered[index] = record
        else:
            for index in _extended_by(record, occs, covered, extended, recurring):
                extended[index] = record
    return covered, extended


def _due(occ: Occurrence, extension: Extension | None) -> date:
    return extension.to if extension and extension.to else occ.due


def _extended_by(ext: Extension, occs: tuple[Occurrence, ...], covered: list[Completion | None],
                 extended: list[Extension | None], recurring: bool) -> list[int]:
    uncovered = [i for i in range(len(occs)) if covered[i] is None]
    if not uncovered or ext.to is None:
        return []
    first, rest = uncovered[0], uncovered[1:]
    if recurring:
        return [first]
    return [first] + [i for i in rest if _due(occs[i], extended[i]) < ext.to]


def match_completion(c: Completion, occs: tuple[Occurrence, ...], covered: list[Completion | None],
                     extended: list[Extension | None]) -> int | None:
    """Which control date a completion covers, given those covered so far; None: none."""
    uncovered = [i for i in range(len(occs)) if covered[i] is None]
    if len(occs) == 1 or not uncovered:
        return uncovered[0] if uncovered else None
    if c.due is not None:
        named = [i for i, o in enumerate(occs) if o.due == c.due]
        named = named or [i for i, o in enumerate(occs) if _due(o, extended[i]) == c.due]
        if named:
            free = [i for i in named if covered[i] is None]
            return free[0] if free else None
    day = c.date or date.min
    inside = [i for i in uncovered if window_start(occs, i) <= day <= _due(occs[i], extended[i])]
    if inside:
        return inside[0]
    earlier = [i for i in uncovered if _due(occs[i], extended[i]) < day]
    if earlier:
        return max(earlier, key=lambda i: _due(occs[i], extended[i]))
    return uncovered[0]


def window_start(occs: tuple[Occurrence, ...], index: int) -> date:
    """Where a control date's window opens: its start, else the day after the previous due."""
    occ = occs[index]
    if occ.start is not None:
        return occ.start
    return occs[index - 1].due + timedelta(days=1) if index else date.min
