"""The roadmap domain model.

Plain value classes that know nothing of YAML, the command line or templates.
The loader builds them and records where each field stood in the file
(`Pos`), so every rule can point users at the exact line.  They behave as
dataclasses would (fields in this order, keyword or positional, `==` over
the fields, `repr`), but are written out by hand on `records.Record`: the
loader creates thousands of them, and `check` should not pay at start-up
for generating their methods (see records.py).  `Pos` and `Located` live
in located.py; the executors, approval, order and controller in
document.py; completions, extensions and their evidence in marks.py; every
name is importable from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Literal

from roadmapctl.model.document import Approval as Approval
from roadmapctl.model.document import Controller as Controller
from roadmapctl.model.document import Executor as Executor
from roadmapctl.model.document import Order as Order
from roadmapctl.model.document import OrderPoint as OrderPoint
from roadmapctl.model.document import Signatory as Signatory
from roadmapctl.model.located import NOWHERE as NOWHERE
from roadmapctl.model.located import Day as Day
from roadmapctl.model.located import Located as Located
from roadmapctl.model.located import Pos as Pos
from roadmapctl.model.marks import Completion as Completion
from roadmapctl.model.marks import Evidence as Evidence
from roadmapctl.model.marks import Extension as Extension
from roadmapctl.model.period import Period
from roadmapctl.model.records import Value
from roadmapctl.model.vocabulary import STATUSES as STATUSES  # re-exported: the model's vocabulary
from roadmapctl.model.vocabulary import Status as Status

Role = Literal["responsible", "co"]
ROLES: tuple[Role, ...] = ("responsible", "co")
Numbering = Literal["hierarchical", "local"]
NUMBERING_STYLES: tuple[Numbering, ...] = ("hierarchical", "local")
NamesStyle = Literal["short", "full"]
NAMES_STYLES: tuple[NamesStyle, ...] = ("short", "full")
# The item fields a printed table may show, in the order of the default table.
COLUMN_FIELDS = ("number", "title", "deadline", "executors", "result", "indicator", "form", "note")


class ExecutorRef(Located):
    __slots__ = ("id", "note", "role")
    id: str
    note: str | None
    role: Role

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, id: str = "",
                 note: str | None = None, role: Role = "responsible") -> None:
        Located.__init__(self, pos, field_pos)
        self.id = id
        self.note = note
        self.role = role

class Indicator(Located):
    __slots__ = ("targets", "text")
    text: str | None
    targets: dict[str, str]

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, text: str | None = None,
                 targets: dict[str, str] | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.text = text
        self.targets = {} if targets is None else targets


class Column(Located):
    """One column of the printed table, as the approved original had it.

    `heading` is None when the roadmap leaves the default heading; `names`
    (executors column only) says whether executors print short or full names.
    """

    __slots__ = ("field", "heading", "names")
    field: str
    heading: str | None
    names: NamesStyle | None

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, field: str = "",
                 heading: str | None = None, names: NamesStyle | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.field = field
        self.heading = heading
        self.names = names


class Item(Located):
    __slots__ = (
        "completions",
        "deadline",
        "due",
        "executors",
        "extensions",
        "form",
        "indicator",
        "items",
        "key",
        "note",
        "number",
        "result",
        "status",
        "title",
    )
    number: str | None
    title: str
    key: str | None
    deadline: str | None
    due: tuple[date, ...]
    executors: list[ExecutorRef]
    result: str | None
    indicator: Indicator | None
    form: str | None
    note: str | None
    status: Status
    completions: list[Completion]
    extensions: list[Extension]
    items: list[Item]

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, number: str | None = None,
                 title: str = "", key: str | None = None, deadline: str | None = None, due: tuple[date, ...] = (),
                 executors: list[ExecutorRef] | None = None, result: str | None = None,
                 indicator: Indicator | None = None, form: str | None = None, note: str | None = None,
                 status: Status = "planned", completions: list[Completion] | None = None,
                 extensions: list[Extension] | None = None, items: list[Item] | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.number = number
        self.title = title
        self.key = key
        self.deadline = deadline
        self.due = due
        self.executors = [] if executors is None else executors
        self.result = result
        self.indicator = indicator
        self.form = form
        self.note = note
        self.status = status
        self.completions = [] if completions is None else completions
        self.extensions = [] if extensions is None else extensions
        self.items = [] if items is None else items


class Section(Located):
    __slots__ = ("default_executors", "items", "number", "numbering", "sections", "title")
    number: str | None
    title: str
    items: list[Item]
    sections: list[Section]
    # Executors of every item below that names none (tables without an executors column).
    default_executors: list[ExecutorRef]
    numbering: Numbering | None  # None: `check` detects the style

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, number: str | None = None,
                 title: str = "", items: list[Item] | None = None, sections: list[Section] | None = None,
                 default_executors: list[ExecutorRef] | None = None, numbering: Numbering | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.number = number
        self.title = title
        self.items = [] if items is None else items
        self.sections = [] if sections is None else sections
        self.default_executors = [] if default_executors is None else default_executors
        self.numbering = numbering

class Roadmap(Located):
    __slots__ = (
        "approval",
        "columns",
        "controller",
        "default_executors",
        "executors",
        "goals",
        "numbering",
        "order",
        "path",
        "period",
        "sections",
        "territory",
        "title",
    )
    path: str
    title: str
    territory: str | None
    period: Period | None
    approval: Approval | None
    goals: list[str] | dict[str, list[str]]
    executors: dict[str, Executor]
    sections: list[Section]
    order: Order | None
    columns: list[Column]  # empty: the default table
    default_executors: list[ExecutorRef]
    numbering: Numbering | None
    controller: Controller | None

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, path: str = "",
                 title: str = "", territory: str | None = None, period: Period | None = None,
                 approval: Approval | None = None, goals: list[str] | dict[str, list[str]] | None = None,
                 executors: dict[str, Executor] | None = None, sections: list[Section] | None = None,
                 order: Order | None = None, columns: list[Column] | None = None,
                 default_executors: list[ExecutorRef] | None = None, numbering: Numbering | None = None,
                 controller: Controller | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.path = path
        self.title = title
        self.territory = territory
        self.period = period
        self.approval = approval
        self.goals = [] if goals is None else goals
        self.executors = {} if executors is None else executors
        self.sections = [] if sections is None else sections
        self.order = order
        self.columns = [] if columns is None else columns
        self.default_executors = [] if default_executors is None else default_executors
        self.numbering = numbering
        self.controller = controller

    def walk(self) -> Iterator[ItemInContext]:
        """Every item and sub-item in document order, with where it sits."""
        for section in self.sections:
            yield from _walk_section(section, (), tuple(self.default_executors))

    def all_sections(self) -> Iterator[Section]:
        """Every section and subsection in document order."""
        yield from _all_sections(self.sections)


class ItemInContext(Value):
    __slots__ = ("inherited", "item", "parent", "sections")
    item: Item
    sections: tuple[Section, ...]  # outermost first
    parent: Item | None
    # What the item takes when it names no executors: its parent's effective
    # executors, else the innermost section's `default_executors`, else the roadmap's.
    inherited: tuple[ExecutorRef, ...]

    def __init__(self, item: Item, sections: tuple[Section, ...], parent: Item | None,
                 inherited: tuple[ExecutorRef, ...] = ()) -> None:
        self.item = item
        self.sections = sections
        self.parent = parent
        self.inherited = inherited

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
