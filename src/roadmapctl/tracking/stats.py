"""Execution discipline («исполнительская дисциплина»): who keeps deadlines.

Russian execution-control practice judges an executor by the share of
control dates met: Ко = done on time ÷ due × 100 %.  Here a control date is
«due» (counted) when its deadline has passed by `as_of` or it has already
been done; it is then exactly one of: done on time (by the due date as
extended — an extension granted in time is not a breach), done late, or
still overdue.  Dates not yet due and not done are not counted; nor are
cancelled items, nor items closed by `status: done` without any completion
date (nothing to judge them by).

The average delay is taken over the late and the still overdue dates: days
from the (extended) due date to the completion, or to `as_of`.  An item with
several executors counts for each of them; the total counts it once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from roadmapctl.model.text import fold
from roadmapctl.tracking import Tracked, TrackedItem
from roadmapctl.tracking.service import TrackedFile, executor_filter, executor_labels

By = Literal["executor", "section", "file"]
BY: tuple[By, ...] = ("executor", "section", "file")


@dataclass
class Tally:
    label: str
    due: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    extended: int = 0
    delay_days: int = 0

    @property
    def share(self) -> float | None:
        """Ко, per cent; None when nothing was due."""
        return 100.0 * self.on_time / self.due if self.due else None

    @property
    def average_delay(self) -> float | None:
        missed = self.late + self.overdue
        return self.delay_days / missed if missed else None

    def record(self) -> dict[str, object]:
        """The figures as `stats --format json` and `report --format json` give them."""
        share, delay = self.share, self.average_delay
        return {"group": self.label, "due": self.due, "on_time": self.on_time, "late": self.late,
                "overdue": self.overdue, "extended": self.extended,
                "on_time_share": None if share is None else round(share, 1),
                "average_delay": None if delay is None else round(delay, 1)}

    def merge(self, other: Tally) -> None:
        """Add another tally's counts: a total over several roadmaps."""
        self.due += other.due
        self.on_time += other.on_time
        self.late += other.late
        self.overdue += other.overdue
        self.extended += other.extended
        self.delay_days += other.delay_days

    def add(self, occ: Tracked) -> None:
        self.due += 1
        if occ.extension is not None and occ.effective_due != occ.due:
            self.extended += 1
        if occ.state == "overdue":
            self.overdue += 1
            self.delay_days += occ.days_overdue
        elif occ.on_time:
            self.on_time += 1
        else:
            self.late += 1
            self.delay_days += ((occ.done_on or occ.effective_due) - occ.effective_due).days


def counted(occ: Tracked, as_of: date) -> bool:
    """Whether a control date is judged as of `as_of` (see the module docstring)."""
    if occ.state == "overdue":
        return True
    return occ.state == "done" and occ.done_on is not None and occ.done_on <= as_of


@dataclass(frozen=True)
class Report:
    groups: list[Tally]
    total: Tally


def discipline(files: Iterable[TrackedFile], as_of: date, by: By, executor: str | None = None,
               several: bool = False) -> Report:
    """Counts over the roadmaps, taken one at a time (they may stream from `iter_tracked`).

    `several`: the sections of several roadmaps are labelled with their file.
    """
    matches = executor_filter(executor)
    groups: dict[str, Tally] = {}
    total = Tally("Итого")
    for file in files:
        for item in file.items:
            if item.cancelled or not matches(file.roadmap, item):
                continue
            labels = _labels(file, item, by, several)
            for label in labels:
                groups.setdefault(label, Tally(label))
            for occ in item.occurrences:
                if not counted(occ, as_of):
                    continue
                total.add(occ)
                for label in labels:
                    groups[label].add(occ)
    names = sorted(groups, key=fold) if by == "executor" else list(groups)
    return Report([groups[name] for name in names if groups[name].due], total)


def _labels(file: TrackedFile, item: TrackedItem, by: By, several: bool) -> list[str]:
    if by == "file":
        return [file.path]
    if by == "section":
        section = item.entry.section
        label = " ".join(part for part in ((section.number or "").rstrip("."), section.title) if part)
        return [f"{file.path}: {label}" if several else label]
    return list(dict.fromkeys(executor_labels(file.roadmap, item.executors))) or ["исполнитель не указан"]
