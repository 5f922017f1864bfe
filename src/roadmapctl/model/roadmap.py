"""The roadmap domain model.

Plain value classes that know nothing of YAML, the command line or templates.
The loader builds them and records where each field stood in the file
(`Pos`), so every rule can point users at the exact line.  They behave as
dataclasses would (fields in this order, keyword or positional, `==` over
the fields, `repr`), but are written out by hand on `records.Record`: the
loader creates thousands of them, and `check` should not pay at start-up
for generating their methods (see records.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Literal

from roadmapctl.model.period import Period
from roadmapctl.model.records import Record, Value
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


class Pos(Value):
    """1-based line and column in the source file."""

    __slots__ = ("col", "line")
    line: int
    col: int

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col


NOWHERE = Pos(0, 0)


class Located(Record):
    """Base for records that remember where they and their fields stood."""

    __slots__ = ("field_pos", "pos")
    _hidden = ("field_pos",)  # positions are not part of a record's value
    pos: Pos
    field_pos: dict[str, Pos]

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None) -> None:
        self.pos = pos
        self.field_pos = {} if field_pos is None else field_pos

    def where(self, name: str) -> Pos:
        return self.field_pos.get(name, self.pos)


class Executor(Located):
    __slots__ = ("email", "id", "kind", "name", "short")
    id: str
    name: str
    short: str | None
    kind: str | None
    email: str | None  # one address, or several joined with commas

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, id: str = "",
                 name: str = "", short: str | None = None, kind: str | None = None,
                 email: str | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.id = id
        self.name = name
        self.short = short
        self.kind = kind
        self.email = email

    @property
    def label(self) -> str:
        return self.short or self.name

    @property
    def emails(self) -> tuple[str, ...]:
        return split_addresses(self.email)


class Controller(Located):
    """Who controls execution of a roadmap: reports of completion go to them."""

    __slots__ = ("email", "name")
    name: str | None
    email: str | None  # as for executors: one address or several

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, name: str | None = None,
                 email: str | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.name = name
        self.email = email

    @property
    def emails(self) -> tuple[str, ...]:
        return split_addresses(self.email)


def split_addresses(text: str | None) -> tuple[str, ...]:
    """«a@x.ru, b@x.ru» (commas, semicolons or spaces, as people paste them) as separate addresses."""
    if not text:
        return ()
    return tuple(dict.fromkeys(part for part in re.split(r"[,;\s]+", text) if part))


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


class Evidence(Located):
    """What proves a completion: a document reference, a link or a file path, as written."""

    __slots__ = ("text",)
    text: str

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, text: str = "") -> None:
        Located.__init__(self, pos, field_pos)
        self.text = text

    @property
    def kind(self) -> Literal["url", "file", "document"]:
        """A link has a scheme (or «www.»); a file ends in an extension; anything else is a document."""
        lowered = self.text.lower()
        if "://" in lowered or lowered.startswith(("www.", "http:", "https:", "http/", "https/")):
            return "url"
        if re.search(r"\.[A-Za-z0-9]{2,5}$", self.text) and ("/" in self.text or "\\" in self.text
                                                            or " " not in self.text):
            return "file"
        return "document"


class Completion(Located):
    __slots__ = ("date", "due", "evidence", "note")
    date: Day | None
    due: Day | None
    note: str | None
    evidence: list[Evidence]

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, date: Day | None = None,
                 due: Day | None = None, note: str | None = None, evidence: list[Evidence] | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.date = date
        self.due = due
        self.note = note
        self.evidence = [] if evidence is None else evidence


class Extension(Located):
    __slots__ = ("basis", "date", "reason", "to")
    to: Day | None
    reason: str | None
    basis: str | None
    date: Day | None

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, to: Day | None = None,
                 reason: str | None = None, basis: str | None = None, date: Day | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.to = to
        self.reason = reason
        self.basis = basis
        self.date = date


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


class Approval(Located):
    __slots__ = ("by", "date", "kind", "number", "stamp")
    stamp: str | None
    by: str | None
    kind: str | None
    date: Day | None
    number: str | None

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, stamp: str | None = None,
                 by: str | None = None, kind: str | None = None, date: Day | None = None,
                 number: str | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.stamp = stamp
        self.by = by
        self.kind = kind
        self.date = date
        self.number = number


class OrderPoint(Located):
    __slots__ = ("points", "text")
    text: str
    points: list[OrderPoint]

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, text: str = "",
                 points: list[OrderPoint] | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.text = text
        self.points = [] if points is None else points


class Signatory(Located):
    __slots__ = ("name", "position")
    position: str | None
    name: str | None

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, position: str | None = None,
                 name: str | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.position = position
        self.name = name


class Order(Located):
    __slots__ = (
        "authority",
        "command",
        "contacts",
        "date",
        "distribution",
        "kind",
        "number",
        "performer",
        "place",
        "points",
        "preamble",
        "signatory",
        "title",
    )
    authority: list[str]
    contacts: str | None
    kind: str
    date: Day | None
    number: str | None
    place: str | None
    title: str | None
    preamble: str | None
    command: str
    points: list[OrderPoint]
    signatory: Signatory | None
    performer: str | None
    distribution: list[str]

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None,
                 authority: list[str] | None = None, contacts: str | None = None, kind: str = "ПРИКАЗ",
                 date: Day | None = None, number: str | None = None, place: str | None = None,
                 title: str | None = None, preamble: str | None = None, command: str = "ПРИКАЗЫВАЮ",
                 points: list[OrderPoint] | None = None, signatory: Signatory | None = None,
                 performer: str | None = None, distribution: list[str] | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.authority = [] if authority is None else authority
        self.contacts = contacts
        self.kind = kind
        self.date = date
        self.number = number
        self.place = place
        self.title = title
        self.preamble = preamble
        self.command = command
        self.points = [] if points is None else points
        self.signatory = signatory
        self.performer = performer
        self.distribution = [] if distribution is None else distribution


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
