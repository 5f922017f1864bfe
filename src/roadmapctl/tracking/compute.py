"""Execution control («контроль исполнения»): every control date of every item, resolved.

`overdue`, `list`, `stats`, `calendar`, `done` and `extend` all ask the same
question — which control dates does an item have, and which of them are
covered by a report of completion, moved by an extension, or missed — so the
answer is computed here once, as plain values, for a given `as_of` date.

Control dates.  An explicit `due:` pin wins over the phrase (each pinned date
is one control date); otherwise the phrase is read with `parse_deadline`
against the roadmap's period.  Sub-items without their own deadline follow
their parent.  `continuous` phrases («постоянно») have no control dates and
are never overdue; phrases that cannot be read have none either (`check`
reports them).  Completions and extensions dated after `as_of` are ignored,
so any past day can be replayed.

How completions and extensions are matched to control dates is `replay`'s
(the rules are in its docstring).

Statuses.  `cancelled` items (and sub-items of cancelled items) are never
overdue.  `status: done` closes an item as of its last completion: from
that day on, control dates left without their own completion count as done
on that day (a done item without any completion is closed without a date,
and `check` reports it, R105).

A control date is overdue when it is not covered and its due date (extended,
if it was) is before `as_of`; on the due date itself it is not yet overdue.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from roadmapctl.deadlines import Deadline, Occurrence, Unparsed, parse_deadline
from roadmapctl.model.period import Period
from roadmapctl.model.roadmap import (
    Completion,
    ExecutorRef,
    Extension,
    Item,
    ItemInContext,
    Roadmap,
    Section,
)
from roadmapctl.tracking.replay import closing, replay

State = Literal["done", "overdue", "open", "cancelled"]
Steps = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Tracked:
    """One control date of an item and what became of it by `as_of`."""

    start: date | None
    due: date  # as planned
    extension: Extension | None = None
    completion: Completion | None = None
    by_status: bool = False  # covered by `status: done`, not by a completion of its own
    state: State = "open"
    days_overdue: int = 0

    @property
    def effective_due(self) -> date:
        return self.extension.to if self.extension and self.extension.to else self.due

    @property
    def covered(self) -> bool:
        return self.completion is not None or self.by_status

    @property
    def done_on(self) -> date | None:
        return self.completion.date if self.completion else None

    @property
    def on_time(self) -> bool | None:
        """Done by the due date (as extended); None while not done or done without a date."""
        return None if self.done_on is None else self.done_on <= self.effective_due


@dataclass(frozen=True)
class TrackedItem:
    """An item (or sub-item) with its resolved control dates."""

    entry: ItemInContext
    address: str  # «1.2», or «5.2.5/3» for the third unnumbered sub-item of 5.2.5
    steps: Steps  # where the item sits in the YAML tree: ("sections", 4), ("items", 2) …
    deadline: Deadline | Unparsed | None
    occurrences: tuple[Tracked, ...]
    cancelled: bool

    @property
    def item(self) -> Item:
        return self.entry.item

    @property
    def line(self) -> int:
        return self.item.pos.line

    @property
    def phrase(self) -> str | None:
        return self.entry.effective_deadline

    @property
    def executors(self) -> list[ExecutorRef]:
        return self.entry.effective_executors

    @property
    def pinned(self) -> bool:
        return bool(self.entry.effective_due)

    @property
    def kind(self) -> str | None:
        """date / window / recurring / continuous; None when there is no readable deadline."""
        return self.deadline.kind if isinstance(self.deadline, Deadline) else None


def track(roadmap: Roadmap, as_of: date) -> list[TrackedItem]:
    """Every item and sub-item of the roadmap in document order, tracked as of `as_of`."""
    return [track_item(entry, address, steps, roadmap.period, as_of)
            for entry, address, steps in walk_addressed(roadmap)]


def walk_addressed(roadmap: Roadmap) -> Iterator[tuple[ItemInContext, str, Steps]]:
    """Items with their address and tree position, in the order of `Roadmap.walk`
    (whose entries carry what the items inherit, such as default executors).

    A number that several sections use (local numbering: «1.» in every
    direction) is qualified by its section's number — «2:1.» — or, for a
    section without a number, by its place in the document («2.1» for the
    first subsection of the second section), so that every address names one item.
    """
    entries = list(roadmap.walk())
    counts = Counter(bare_number(e.item.number) for e in entries if e.item.number)
    repeated = {number for number, count in counts.items() if count > 1}
    places = (place for k, section in enumerate(roadmap.sections)
              for place in _walk_section(section, (("sections", k),), repeated))
    for entry, (address, steps) in zip(entries, places, strict=True):
        yield entry, address, steps


@lru_cache(maxsize=8192)
def bare_number(address: str | None) -> str:
    """An address as compared: no spaces or final dots around «/» and «:» parts.

    Cached: the numbers of a region's roadmaps are the same few hundred.
    """
    return _AROUND_PARTS.sub(r"\1", (address or "").strip()).rstrip(".").strip()


_AROUND_PARTS = re.compile(r"\s*\.?\s*([/:])\s*")


def _walk_section(section: Section, steps: Steps, repeated: set[str]) -> Iterator[tuple[str, Steps]]:
    base = (section.number or "").strip().rstrip(".")
    place = ".".join(str(k + 1) for kind, k in steps if kind == "sections")
    yield from _walk_items(section.items, base, steps, base or place, repeated)
    for k, inner in enumerate(section.sections):
        yield from _walk_section(inner, (*steps, ("sections", k)), repeated)


def _walk_items(items: list[Item], base: str, steps: Steps, section: str,
                repeated: set[str]) -> Iterator[tuple[str, Steps]]:
    for k, item in enumerate(items):
        here = (*steps, ("items", k))
        if item.number:
            address = item.number.strip()
            if section and bare_number(address) in repeated:
                address = f"{section}:{address}"
        else:
            address = f"{base}/{k + 1}"
        yield address, here
        yield from _walk_items(item.items, address.rstrip("."), here, section, repeated)


def resolve_deadline(entry: ItemInContext, period: Period | None) -> Deadline | Unparsed | None:
    """The control dates of an item: its `due:` pin, else its phrase read against the period."""
    pins = entry.effective_due
    phrase = entry.effective_deadline
    if pins:
        occurrences = tuple(Occurrence(None, day) for day in sorted(set(pins)))
        return Deadline("date", occurrences, phrase or "")
    if not phrase or period is None:
        return None
    return parse_deadline(phrase, period)


def track_item(entry: ItemInContext, address: str, steps: Steps, period: Period | None,
               as_of: date) -> TrackedItem:
    deadline = resolve_deadline(entry, period)
    item = entry.item
    cancelled = item.status == "cancelled" or (entry.parent is not None
                                               and entry.parent.status == "cancelled")
    occurrences: tuple[Tracked, ...] = ()
    if isinstance(deadline, Deadline) and deadline.occurrences:
        occurrences = _resolve(deadline, item, as_of, cancelled)
    return TrackedItem(entry, address, steps, deadline, occurrences, cancelled)


def _resolve(deadline: Deadline, item: Item, as_of: date, cancelled: bool) -> tuple[Tracked, ...]:
    occs = deadline.occurrences
    covered, extended = replay(occs, item, as_of, deadline.kind == "recurring")
    closed = closing(item, as_of)
    out = []
    for occ, completion, extension in zip(occs, covered, extended, strict=True):
        by_status = False
        if completion is None and closed is not None:
            completion, by_status = closed[0], True
        due = extension.to if extension and extension.to else occ.due  # Tracked.effective_due
        if cancelled:
            state: State = "cancelled"
        elif completion is not None or by_status:  # Tracked.covered
            state = "done"
        elif due < as_of:
            state = "overdue"
        else:
            state = "open"
        days = (as_of - due).days if state == "overdue" else 0
        out.append(Tracked(occ.start, occ.due, extension, completion, by_status, state, days))
    return tuple(out)
