"""Who must be reminded of what: control dates overdue or due soon, per executor address.

The tracking is the one `overdue` uses (`tracking.service.load_tracked`, the
only call site into it from this package).  An item with several executors is in the
reminder of each of them.  Executors are grouped by their addresses, not by
their identifiers: `oo` in one roadmap and `oo` in another may be different
people, while one school named in three roadmaps reads one message.
Executors without a usable address are collected for the controller's summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from roadmapctl.model.roadmap import Controller, ExecutorRef, Extension, Roadmap
from roadmapctl.notify.mail import Recipient, parse_addresses
from roadmapctl.tracking import Tracked, TrackedItem

if TYPE_CHECKING:
    from roadmapctl.reading import Checked


@dataclass(frozen=True)
class Due:
    """One control date in a reminder."""

    occurrence: Tracked
    overdue: bool
    days: int  # overdue: days past the control date; else days until it

    @property
    def control_date(self) -> date:
        return self.occurrence.effective_due


@dataclass(frozen=True)
class Line:
    """One item in the reminder of one executor, with its control dates."""

    file: str
    item: str  # the address: «1.2», «5.2.5/3»
    title: str
    deadline: str | None
    co: bool  # the executor is a co-executor of this item
    others: tuple[str, ...]  # the other executors, as the document names them
    extensions: tuple[Extension, ...]
    dates: tuple[Due, ...]

    def key(self, due: Due) -> str:
        """What the state file remembers: file, item and control date."""
        return f"{self.file}#{self.item}#{due.control_date.isoformat()}"

    def keys(self) -> set[str]:
        return {self.key(d) for d in self.dates}


@dataclass
class Part:
    """One roadmap in a reminder."""

    file: str
    roadmap_title: str
    executor: str  # «ЦРО — Центр развития образования»
    controller: Controller | None
    lines: list[Line] = field(default_factory=list)

    def count(self, overdue: bool) -> int:
        return sum(1 for line in self.lines if any(d.overdue == overdue for d in line.dates))


@dataclass
class Digest:
    """Everything one recipient is reminded of, over all roadmaps."""

    recipient: Recipient
    parts: list[Part] = field(default_factory=list)

    def keys(self) -> set[str]:
        return {key for part in self.parts for line in part.lines for key in line.keys()}  # noqa: SIM118 - Line is not a dict

    def only(self, keys: set[str]) -> Digest | None:
        """The digest cut down to the control dates in `keys`; None when nothing is left."""
        parts = []
        for part in self.parts:
            lines = []
            for line in part.lines:
                dates = tuple(d for d in line.dates if line.key(d) in keys)
                if dates:
                    lines.append(Line(line.file, line.item, line.title, line.deadline, line.co,
                                      line.others, line.extensions, dates))
            if lines:
                parts.append(Part(part.file, part.roadmap_title, part.executor, part.controller, lines))
        return Digest(self.recipient, parts) if parts else None

    def to(self, recipient: Recipient) -> Digest:
        return Digest(recipient, self.parts)


@dataclass(frozen=True)
class Unreachable:
    """An executor with something to be reminded of and no usable address."""

    file: str
    executor: str
    overdue: int
    upcoming: int
    why: str  # «адреса нет», «адрес «…» записан с ошибкой»


@dataclass
class Plan:
    digests: list[Digest] = field(default_factory=list)
    unreachable: list[Unreachable] = field(default_factory=list)
    skipped: list[Checked] = field(default_factory=list)  # roadmaps with errors, not used (exit 2)
    warnings: list[str] = field(default_factory=list)  # items left out of usable roadmaps
    bad_addresses: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    files: list[tuple[str, Roadmap]] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        """The skipped roadmaps in one line each, for the controller's summary."""
        return [f"карта {c.path} не прочитана — в ней ошибки; подробности: roadmapctl check {c.path}"
                for c in self.skipped]


def plan(paths: Sequence[str], as_of: date, within: int, encoding: str = "auto",
         jobs: int | None = 1) -> Plan:
    """Read and track every roadmap under `paths`; raises InputError when there are none."""
    from roadmapctl.tracking.service import load_tracked

    loaded = load_tracked(paths, as_of, encoding=encoding, jobs=jobs)
    result = Plan(skipped=list(loaded.skipped), warnings=list(loaded.warnings))
    by_address: dict[str, Digest] = {}
    horizon = as_of + timedelta(days=within)
    for file in loaded.files:
        result.files.append((file.path, file.roadmap))
        for ident, part in _parts(file.path, file.roadmap, file.items, as_of, horizon).items():
            _route(file.path, file.roadmap, ident, part, by_address, result)
    result.digests = sorted(by_address.values(), key=lambda d: d.recipient.key)
    return result


def _parts(path: str, roadmap: Roadmap, items: list[TrackedItem], as_of: date,
           horizon: date) -> dict[str, Part]:
    """Per executor id of one roadmap: the items to remind of, in document order."""
    parts: dict[str, Part] = {}
    for tracked in items:
        dates = tuple(
            Due(occ, occ.state == "overdue",
                occ.days_overdue if occ.state == "overdue" else (occ.effective_due - as_of).days)
            for occ in tracked.occurrences
            if occ.state == "overdue" or (occ.state == "open" and occ.effective_due <= horizon))
        if not dates:
            continue
        refs = list({ref.id: ref for ref in tracked.executors}.values())
        for ref in refs:
            part = parts.get(ref.id)
            if part is None:
                part = parts[ref.id] = Part(path, roadmap.title, executor_title(roadmap, ref.id),
                                            roadmap.controller)
            others = tuple(_label(roadmap, other) for other in refs if other.id != ref.id)
            part.lines.append(Line(path, tracked.address, tracked.item.title, tracked.phrase,
                                   ref.role == "co", others, tuple(tracked.item.extensions), dates))
    return parts


def _route(path: str, roadmap: Roadmap, ident: str, part: Part, by_address: dict[str, Digest],
           result: Plan) -> None:
    known = roadmap.executors.get(ident)
    recipient, invalid = parse_addresses(known.emails if known else (), part.executor)
    for text, why in invalid:
        result.bad_addresses.append(
            (path, f"{path}: исполнитель {part.executor}: адрес «{text}» не используется — {why}"))
    if recipient is None:
        why = "адрес записан с ошибкой" if invalid else "адреса нет"
        result.unreachable.append(Unreachable(path, part.executor, part.count(True), part.count(False), why))
        return
    digest = by_address.setdefault(recipient.key, Digest(recipient))
    digest.parts.append(part)


def executor_title(roadmap: Roadmap, ident: str) -> str:
    """«ЦРО — Центр развития образования», or the full name, or the bare id when unknown."""
    known = roadmap.executors.get(ident)
    if known is None:
        return ident
    if known.short and known.short != known.name:
        return f"{known.short} — {known.name}"
    return known.name or ident


def _label(roadmap: Roadmap, ref: ExecutorRef) -> str:
    known = roadmap.executors.get(ref.id)
    label = known.label if known else ref.id
    return f"{label} (соисполнитель)" if ref.role == "co" else label
