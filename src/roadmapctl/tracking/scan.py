"""The overdue report: every control date past due (or due soon) of every roadmap, sorted and grouped.

`overdue` runs every morning over a whole region's repository, so each file
is read on its own core and comes back as the few `Entry` values the report
shows, tracking one item at a time; the entries are sorted only when all
files are in (most overdue first, then what is due soon).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from roadmapctl.deadlines import Unparsed
from roadmapctl.model.roadmap import Extension
from roadmapctl.model.text import fold
from roadmapctl.tracking.compute import Tracked, TrackedItem, track_item, walk_addressed
from roadmapctl.tracking.executors import (
    executor_filter,
    executor_labels,
    executor_titles,
    knows_among,
    require_executor,
)
from roadmapctl.tracking.service import Loaded, TrackedFile, find, read_file, skipped_item, too_many

if TYPE_CHECKING:
    from roadmapctl.reading import Checked

GroupBy = Literal["executor", "file", "none"]
GROUP_BY: tuple[str, ...] = ("executor", "file", "none")


@dataclass(frozen=True, slots=True)
class Entry:
    """One control date in the overdue report, with what the report shows of its item."""

    file: str
    line: int
    item: str  # the address: «1.2», «5.2.5/3»
    title: str
    executors: tuple[str, ...]  # labels
    executor_titles: tuple[str, ...]  # headings when grouped by executor
    deadline: str | None
    status: str
    occurrence: Tracked
    group: Literal["overdue", "upcoming"]
    days: int  # overdue: days past the due date; upcoming: days until it


@dataclass
class Scan:
    entries: list[Entry] = field(default_factory=list)  # overdue (most first), then upcoming
    loaded: Loaded = field(default_factory=Loaded)  # warnings and skipped roadmaps only
    read: int = 0  # roadmaps read and tracked


def scan(paths: Sequence[str], as_of: date, executor: str | None = None, within: int | None = None,
         jobs: int | None = None, today: date | None = None, encoding: str = "auto") -> Scan:
    """Overdue control dates of every file (on all cores); with `within`, those due soon."""
    from roadmapctl.limits import MAX_OCCURRENCES_PER_RUN
    from roadmapctl.reading.parallel import ordered_map

    files, loaded = find(paths)
    result = Scan(loaded=loaded)
    work = partial(scan_file, as_of=as_of, executor=executor, within=within, today=today, encoding=encoding)
    for entries, warnings, refused, knows_executor in ordered_map(work, files, jobs):
        result.entries += entries
        if len(result.entries) > MAX_OCCURRENCES_PER_RUN:
            raise too_many()
        result.loaded.warnings += warnings
        if refused is None:
            result.read += 1
        else:
            result.loaded.skipped.append(refused)
        result.loaded.knows_executor = result.loaded.knows_executor or knows_executor
    require_executor(executor, result.loaded)
    overdue = sorted((e for e in result.entries if e.group == "overdue"), key=lambda e: (-e.days, *_place(e)))
    upcoming = sorted((e for e in result.entries if e.group == "upcoming"), key=lambda e: (e.days, *_place(e)))
    result.entries = overdue + upcoming
    return result


def scan_file(path: Path, as_of: date, executor: str | None, within: int | None,
              today: date | None = None, encoding: str = "auto") -> tuple[list[Entry], list[str], Checked | None, bool]:
    """The unit of work of `scan`: entries and warnings of one file, or why it was skipped;
    whether it knows `executor`.

    Items are tracked one at a time and only the entries a report shows are
    kept, so a roadmap with many repeating deadlines does not fill memory.
    """
    from roadmapctl.limits import MAX_OCCURRENCES_PER_RUN

    checked = read_file(path, today, encoding)
    roadmap = checked.roadmap
    if roadmap is None:
        return [], [], checked, False
    out: list[Entry] = []
    warnings: list[str] = []
    known_refs: set[str] = set()
    for entry, address, steps in walk_addressed(roadmap):
        item = track_item(entry, address, steps, roadmap.period, as_of)
        file = TrackedFile(checked.path, roadmap, [item])
        if isinstance(item.deadline, Unparsed):
            warnings.append(skipped_item(file.path, item))
        known_refs.update(ref.id for ref in item.executors)
        out += select(file, as_of, executor, within)
        if len(out) > MAX_OCCURRENCES_PER_RUN:
            break  # the caller refuses the run; holding more would only cost memory
    return out, warnings, None, knows_among(roadmap, known_refs, executor)


def select(file: TrackedFile, as_of: date, executor: str | None, within: int | None) -> list[Entry]:
    matches = executor_filter(executor)
    horizon = as_of + timedelta(days=within) if within is not None else None
    out: list[Entry] = []
    for item in file.items:
        if not item.occurrences or not matches(file.roadmap, item):
            continue
        entry = partial(_entry, file, item, tuple(executor_labels(file.roadmap, item.executors)),
                        tuple(executor_titles(file.roadmap, item.executors)))
        for occ in item.occurrences:
            if occ.state == "overdue":
                out.append(entry(occ, "overdue", occ.days_overdue))
            elif occ.state == "open" and horizon is not None and occ.effective_due <= horizon:
                out.append(entry(occ, "upcoming", (occ.effective_due - as_of).days))
    return out


def _entry(file: TrackedFile, item: TrackedItem, labels: tuple[str, ...], titles: tuple[str, ...],
           occ: Tracked, group: Literal["overdue", "upcoming"], days: int) -> Entry:
    return Entry(file.path, item.line, item.address, item.item.title, labels, titles,
                 item.phrase, item.item.status, _slim(occ), group, days)


def _slim(occ: Tracked) -> Tracked:
    """The dates the report shows, without the completion and extension records.

    A morning run over a region holds every overdue control date until it can
    sort them; these copies keep that memory small.
    """
    extension = Extension(to=occ.extension.to) if occ.extension else None
    return Tracked(occ.start, occ.due, extension, state=occ.state, days_overdue=occ.days_overdue)


def _place(entry: Entry) -> tuple[str, int, date]:
    return entry.file, entry.line, entry.occurrence.due


@dataclass(frozen=True)
class Group:
    title: str | None
    entries: list[Entry]


def group(entries: list[Entry], by: GroupBy) -> list[Group]:
    """Entries under headings; an item with several executors appears under each."""
    if by == "none":
        return [Group(None, entries)]
    buckets: dict[str, list[Entry]] = {}
    for entry in entries:
        for title in (entry.file,) if by == "file" else entry.executor_titles:
            buckets.setdefault(title, []).append(entry)
    order = sorted(buckets, key=fold) if by == "executor" else list(buckets)
    return [Group(title, buckets[title]) for title in order]
