"""What the execution report says, as plain values.

A report covers a period: from `since` (by default, the start of each
roadmap's period) to `as_of`.  A control date belongs to it when it is
counted by `stats` on `as_of` and either falls due in the period, was done in
it, or is still overdue (a debt carried over from before the period is
reported until it is paid).  The summaries use `stats.Tally`, the one
implementation of Ко, over exactly the control dates the table shows; without
`since` the figures are those of `roadmapctl stats` on the same date.

Items with no control date in the period are still listed (the report is the
whole table of measures): «срок не наступил» with the next date, «постоянно»,
or «срок не распознан».
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from roadmapctl.model.text import fold
from roadmapctl.tracking import Tracked, TrackedItem
from roadmapctl.tracking.service import Loaded, TrackedFile, executor_labels
from roadmapctl.tracking.stats import Tally, counted

State = Literal["on_time", "late", "overdue", "extended", "open", "cancelled", "done"]
STATE_NAMES: dict[str, str] = {
    "on_time": "выполнено в срок",
    "late": "выполнено с нарушением срока",
    "done": "выполнено (дата не указана)",
    "overdue": "не выполнено, срок истёк",
    "extended": "срок перенесён",
    "open": "срок не наступил",
    "cancelled": "отменено",
}
# The order of the legend and of the charts: good news first.
STATE_ORDER: tuple[str, ...] = ("on_time", "late", "done", "extended", "overdue", "open", "cancelled")


@dataclass(frozen=True)
class DateRow:
    """One control date of an item, as the report shows it."""

    start: date | None
    due: date  # as planned
    effective_due: date  # as extended
    state: State
    days: int  # late by, or overdue by
    done_on: date | None
    reason: str | None  # of the last extension
    basis: str | None
    evidence: tuple[str, ...]
    note: str | None
    counted: bool  # in Ко: due by `as_of` or done


@dataclass
class ItemRow:
    address: str
    line: int
    title: str
    deadline: str | None
    executors: list[str]
    dates: list[DateRow]
    remark: str | None = None  # for items without dates in the period
    next_due: date | None = None


@dataclass
class SectionBlock:
    label: str
    rows: list[ItemRow] = field(default_factory=list)
    tally: Tally = field(default_factory=lambda: Tally(""))
    states: Counter[str] = field(default_factory=Counter)


@dataclass
class RoadmapBlock:
    path: str
    title: str
    period: str
    sections: list[SectionBlock]
    total: Tally
    states: Counter[str]
    planned: list[date] = field(default_factory=list)  # every control date (as extended)
    done: list[date] = field(default_factory=list)  # every completion date up to `as_of`


@dataclass
class ExecutionReport:
    as_of: date
    since: date | None
    roadmaps: list[RoadmapBlock]
    by_executor: list[Tally]
    total: Tally
    states: Counter[str]
    warnings: list[str]
    errors: list[str]

    @property
    def complete(self) -> bool:
        """False when some file could not be read: the report must say so."""
        return not self.errors


def build_report(loaded: Loaded, as_of: date, since: date | None = None) -> ExecutionReport:
    executors: dict[str, Tally] = {}
    total = Tally("Итого")
    states: Counter[str] = Counter()
    blocks = []
    for file in loaded.files:
        block = _roadmap(file, as_of, since, executors)
        blocks.append(block)
        total.merge(block.total)
        states.update(block.states)
    by_executor = [executors[key] for key in sorted(executors, key=fold) if executors[key].due]
    return ExecutionReport(as_of, since, blocks, by_executor, total, states,
                           list(loaded.warnings), [_skipped(c.path, len(c.errors)) for c in loaded.skipped])


def _skipped(path: str, errors: int) -> str:
    from roadmapctl.model.ru import count

    found = count(errors, "ошибка", "ошибки", "ошибок") if errors else "ошибки"
    return f"карта {path} не прочитана (в ней {found}, подробности: roadmapctl check {path})"


def in_period(occ: Tracked, as_of: date, since: date | None) -> bool:
    """Whether a control date belongs to the report (see the module docstring)."""
    if occ.state == "cancelled":
        return since is None or occ.effective_due >= since
    if not counted(occ, as_of) and occ.effective_due > as_of:
        return False
    if since is None or occ.state == "overdue":
        return True
    return occ.effective_due >= since or (occ.done_on is not None and occ.done_on >= since)


def _roadmap(file: TrackedFile, as_of: date, since: date | None,
             executors: dict[str, Tally]) -> RoadmapBlock:
    roadmap = file.roadmap
    sections: dict[int, SectionBlock] = {}
    total = Tally("Итого")
    states: Counter[str] = Counter()
    planned: list[date] = []
    done: list[date] = []
    for item in file.items:
        if not item.cancelled:
            planned += [occ.effective_due for occ in item.occurrences]
            done += [occ.done_on for occ in item.occurrences if occ.done_on and occ.done_on <= as_of]
        section = item.entry.section
        block = sections.setdefault(id(section), SectionBlock(_section_label(item)))
        block.tally.label = block.label
        labels = executor_labels(roadmap, item.executors)
        row = _item_row(item, labels, as_of, since)
        block.rows.append(row)
        for shown, occ in zip(row.dates, _occurrences(item, as_of, since), strict=True):
            block.states[shown.state] += 1
            states[shown.state] += 1
            if not shown.counted or item.cancelled:
                continue
            total.add(occ)
            block.tally.add(occ)
            for label in dict.fromkeys(labels or ["исполнитель не указан"]):
                executors.setdefault(label, Tally(label)).add(occ)
    period = roadmap.period.text if roadmap.period is not None else ""
    return RoadmapBlock(file.path, roadmap.title, period, list(sections.values()), total, states,
                        sorted(planned), sorted(done))


def _occurrences(item: TrackedItem, as_of: date, since: date | None) -> list[Tracked]:
    return [occ for occ in item.occurrences if in_period(occ, as_of, since)]


def _item_row(item: TrackedItem, labels: list[str], as_of: date, since: date | None) -> ItemRow:
    row = ItemRow(item.address, item.line, item.item.title, item.phrase, labels,
                  [_date_row(occ, as_of) for occ in _occurrences(item, as_of, since)])
    if not row.dates:
        row.remark, row.next_due = _remark(item, as_of)
    return row


def _date_row(occ: Tracked, as_of: date) -> DateRow:
    state: State
    days = 0
    if occ.state == "cancelled":
        state = "cancelled"
    elif occ.state == "overdue":
        state, days = "overdue", occ.days_overdue
    elif occ.state == "open":
        moved = occ.extension is not None and occ.effective_due != occ.due
        state = "extended" if moved else "open"
    elif occ.done_on is None:
        state = "done"
    elif occ.done_on <= occ.effective_due:
        state = "on_time"
    else:
        state, days = "late", (occ.done_on - occ.effective_due).days
    completion, extension = occ.completion, occ.extension
    return DateRow(
        occ.start, occ.due, occ.effective_due, state, days, occ.done_on,
        extension.reason if extension else None, extension.basis if extension else None,
        tuple(p.text for p in completion.evidence) if completion else (),
        completion.note if completion else None,
        counted(occ, as_of) and state != "cancelled",
    )


def _remark(item: TrackedItem, as_of: date) -> tuple[str, date | None]:
    if item.cancelled:
        return "отменено", None
    if item.kind == "continuous":
        return "постоянно (без контрольных дат)", None
    if item.deadline is None:
        return "срок не указан", None
    if item.kind is None:
        return "срок не распознан: запустите roadmapctl check", None
    upcoming = [occ for occ in item.occurrences if occ.effective_due >= as_of and occ.state == "open"]
    if upcoming:
        first = min(upcoming, key=lambda occ: occ.effective_due)
        started = first.start is not None and first.start <= as_of
        return ("выполняется, срок не наступил" if started else "срок не наступил"), first.effective_due
    return "в отчётном периоде контрольных дат нет", None


def _section_label(item: TrackedItem) -> str:
    parts = []
    for section in item.entry.sections:
        number = (section.number or "").strip().rstrip(".")
        parts.append(" ".join(p for p in (number, section.title) if p))
    return " / ".join(parts)
