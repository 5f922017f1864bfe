"""The roadmap domain model.

Plain dataclasses that know nothing of YAML, the command line or templates.
The loader builds them and records where each field stood in the file
(`Pos`), so every rule can point users at the exact line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from roadmapctl.period import Period

Status = Literal["planned", "in_progress", "done", "cancelled"]
STATUSES: tuple[Status, ...] = ("planned", "in_progress", "done", "cancelled")
Role = Literal["responsible", "co"]


@dataclass(frozen=True)
class Pos:
    """1-based line and column in the source file."""

    line: int
    col: int


NOWHERE = Pos(0, 0)


@dataclass
class Located:
    """Base for records that remember where they and their fields stood."""

    pos: Pos = NOWHERE
    field_pos: dict[str, Pos] = field(default_factory=dict, repr=False, compare=False)

    def where(self, name: str) -> Pos:
        return self.field_pos.get(name, self.pos)


@dataclass
class Executor(Located):
    id: str = ""
    name: str = ""
    short: str | None = None
    kind: str | None = None
    email: str | None = None  # one address, or several joined with commas

    @property
    def label(self) -> str:
        return self.short or self.name

    @property
    def emails(self) -> tuple[str, ...]:
        return split_addresses(self.email)


@dataclass
class Controller(Located):
    """Who controls execution of a roadmap: reports of completion go to them."""

    name: str | None = None
    email: str | None = None  # as for executors: one address or several

    @property
    def emails(self) -> tuple[str, ...]:
        return split_addresses(self.email)


def split_addresses(text: str | None) -> tuple[str, ...]:
    """«a@x.ru, b@x.ru» (commas, semicolons or spaces, as people paste them) as separate addresses."""
    if not text:
        return ()
    return tuple(dict.fromkeys(part for part in re.split(r"[,;\s]+", text) if part))


@dataclass
class ExecutorRef(Located):
    id: str = ""
    note: str | None = None
    role: Role = "responsible"


@dataclass
class Completion(Located):
    date: date | None = None
    due: date | None = None
    note: str | None = None


@dataclass
class Extension(Located):
    to: date | None = None
    reason: str | None = None
    basis: str | None = None
    date: date | None = None


@dataclass
class Indicator(Located):
    text: str | None = None
    targets: dict[str, str] = field(default_factory=dict)


@dataclass
class Item(Located):
    number: str | None = None
    title: str = ""
    key: str | None = None
    deadline: str | None = None
    due: tuple[date, ...] = ()
    executors: list[ExecutorRef] = field(default_factory=list)
    result: str | None = None
    indicator: Indicator | None = None
    form: str | None = None
    note: str | None = None
    status: Status = "planned"
    completions: list[Completion] = field(default_factory=list)
    extensions: list[Extension] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class Section(Located):
    number: str | None = None
    title: str = ""
    items: list[Item] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class Approval(Located):
    stamp: str | None = None
    by: str | None = None
    kind: str | None = None
    date: date | None = None
    number: str | None = None


@dataclass
class OrderPoint(Located):
    text: str = ""
    points: list[OrderPoint] = field(default_factory=list)


@dataclass
class Signatory(Located):
    position: str | None = None
    name: str | None = None


@dataclass
class Order(Located):
    authority: list[str] = field(default_factory=list)
    contacts: str | None = None
    kind: str = "ПРИКАЗ"
    date: date | None = None
    number: str | None = None
    place: str | None = None
    title: str | None = None
    preamble: str | None = None
    command: str = "ПРИКАЗЫВАЮ"
    points: list[OrderPoint] = field(default_factory=list)
    signatory: Signatory | None = None
    performer: str | None = None
    distribution: list[str] = field(default_factory=list)


@dataclass
class Roadmap(Located):
    path: str = ""
    title: str = ""
    territory: str | None = None
    period: Period | None = None
    approval: Approval | None = None
    goals: list[str] | dict[str, list[str]] = field(default_factory=list)
    executors: dict[str, Executor] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    order: Order | None = None
    controller: Controller | None = None

    def walk(self) -> Iterator[ItemInContext]:
        """Every item and sub-item in document order, with where it sits."""
        for section in self.sections:
            yield from _walk_section(section, ())


@dataclass(frozen=True)
class ItemInContext:
    item: Item
    sections: tuple[Section, ...]  # outermost first
    parent: Item | None

    @property
    def section(self) -> Section:
        return self.sections[-1]

    @property
    def number(self) -> str | None:
        return self.item.number

    @property
    def effective_deadline(self) -> str | None:
        """Sub-items without their own deadline follow the parent's."""
        if self.item.deadline or self.item.due or self.parent is None:
            return self.item.deadline
        return self.parent.deadline

    @property
    def effective_due(self) -> tuple[date, ...]:
        if self.item.deadline or self.item.due or self.parent is None:
            return self.item.due
        return self.parent.due

    @property
    def effective_executors(self) -> list[ExecutorRef]:
        if self.item.executors or self.parent is None:
            return self.item.executors
        return self.parent.executors


def _walk_section(section: Section, outer: tuple[Section, ...]) -> Iterator[ItemInContext]:
    chain = (*outer, section)
    yield from _walk_items(section.items, chain, None)
    for inner in section.sections:
        yield from _walk_section(inner, chain)


def _walk_items(
    items: list[Item], chain: tuple[Section, ...], parent: Item | None
) -> Iterator[ItemInContext]:
    for item in items:
        yield ItemInContext(item, chain, parent)
        yield from _walk_items(item.items, chain, item)


def normalize_number(number: str | None) -> str | None:
    """«1.1.» and «1.1» are the same official number."""
    if number is None:
        return None
    return number.strip().rstrip(".").strip()
