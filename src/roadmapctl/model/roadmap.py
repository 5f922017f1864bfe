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
from typing import Literal, NamedTuple

from roadmapctl.model.addresses import split_addresses
from roadmapctl.model.period import Period
from roadmapctl.model.vocabulary import STATUSES as STATUSES  # re-exported: the model's vocabulary
from roadmapctl.model.vocabulary import Status as Status

#: `date` under another name, for classes with a field named `date`: inside such a
#: class body the field hides the type, and `due: date | None` would mean the field.
Day = date

Role = Literal["responsible", "co"]
ROLES: tuple[Role, ...] = ("responsible", "co")
Numbering = Literal["hierarchical", "local"]
NUMBERING_STYLES: tuple[Numbering, ...] = ("hierarchical", "local")
NamesStyle = Literal["short", "full"]
NAMES_STYLES: tuple[NamesStyle, ...] = ("short", "full")
# The item fields a printed table may show, in the order of the default table.
COLUMN_FIELDS = ("number", "title", "deadline", "executors", "result", "indicator", "form", "note")


class Pos(NamedTuple):
    """1-based line and column in the source file.

    A named tuple, not a dataclass: the loader makes one for nearly every
    field of every item, and a tuple is made in a third of the time.
    """

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


@dataclass
class ExecutorRef(Located):
    id: str = ""
    note: str | None = None
    role: Role = "responsible"


@dataclass
class Evidence(Located):
    """What proves a completion: a document reference, a link or a file path, as written."""

    text: str = ""

    @property
    def kind(self) -> Literal["url", "file", "document"]:
        """A link has a scheme (or «www.»); a file ends in an extension; anything else is a document."""
        lowered = self.text.lower()
        if "://" in lowered or lowered.startswith(("www.", "http:", "https:", "http/", "https/")):
            return "url"
        if _FILE_NAME.search(self.text) and ("/" in self.text or "\\" in self.text or " " not in self.text):
            return "file"
        return "document"


_FILE_NAME = re.compile(r"\.[A-Za-z0-9]{2,5}$")


@dataclass
class Completion(Located):
    date: Day | None = None
    due: Day | None = None
    note: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extension(Located):
    to: Day | None = None
    reason: str | None = None
    basis: str | None = None
    date: Day | None = None


@dataclass
class Indicator(Located):
    text: str | None = None
    targets: dict[str, str] = field(default_factory=dict)


@dataclass
class Column(Located):
    """One column of the printed table, as the approved original had it.

    `heading` is None when the roadmap leaves the default heading; `names`
    (executors column only) says whether executors print short or full names.
    """

    field: str = ""
    heading: str | None = None
    names: NamesStyle | None = None


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
    # Executors of every item below that names none (tables without an executors column).
    default_executors: list[ExecutorRef] = field(default_factory=list)
    numbering: Numbering | None = None  # None: `check` detects the style


@dataclass
class Approval(Located):
    stamp: str | None = None
    by: str | None = None
    kind: str | None = None
    date: Day | None = None
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
    date: Day | None = None
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
    columns: list[Column] = field(default_factory=list)  # empty: the default table
    default_executors: list[ExecutorRef] = field(default_factory=list)
    numbering: Numbering | None = None
    controller: Controller | None = None

    def walk(self) -> Iterator[ItemInContext]:
        """Every item and sub-item in document order, with where it sits."""
        for section in self.sections:
            yield from _walk_section(section, (), tuple(self.default_executors))

    def all_sections(self) -> Iterator[Section]:
        """Every section and subsection in document order."""
        yield from _all_sections(self.sections)


@dataclass(frozen=True)
class ItemInContext:
    item: Item
    sections: tuple[Section, ...]  # outermost first
    parent: Item | None
    # What the item takes when it names no executors: its parent's effective
    # executors, else the innermost section's `default_executors`, else the roadmap's.
    inherited: tuple[ExecutorRef, ...] = ()

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
        """Item → parent item → innermost section default → … → roadmap default."""
        if self.item.executors:
            return self.item.executors
        if self.inherited:
            return list(self.inherited)
        return self.parent.executors if self.parent is not None else []

    @property
    def executors_inherited(self) -> bool:
        """The item prints no executors of its own: they come from above."""
        return not self.item.executors and bool(self.effective_executors)


def _walk_section(section: Section, outer: tuple[Section, ...],
                  defaults: tuple[ExecutorRef, ...]) -> Iterator[ItemInContext]:
    chain = (*outer, section)
    here = tuple(section.default_executors) or defaults
    yield from _walk_items(section.items, chain, None, here)
    for inner in section.sections:
        yield from _walk_section(inner, chain, here)


def _walk_items(items: list[Item], chain: tuple[Section, ...], parent: Item | None,
                inherited: tuple[ExecutorRef, ...]) -> Iterator[ItemInContext]:
    for item in items:
        entry = ItemInContext(item, chain, parent, inherited)
        yield entry
        yield from _walk_items(item.items, chain, item, tuple(entry.effective_executors))


def _all_sections(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _all_sections(section.sections)


def section_numbering(roadmap: Roadmap, chain: tuple[Section, ...]) -> Numbering | None:
    """The numbering style set for a section: its own `numbering:`, an outer one's, the roadmap's."""
    for section in reversed(chain):
        if section.numbering is not None:
            return section.numbering
    return roadmap.numbering


def normalize_number(number: str | None) -> str | None:
    """«1.1.» and «1.1» are the same official number."""
    if number is None:
        return None
    return number.strip().rstrip(".").strip()
