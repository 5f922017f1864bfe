"""The document around the table: its executors, the approval stamp, the order that
approves the roadmap, its signatory, and who controls execution.

Part of the domain model (`roadmapctl.model.roadmap` re-exports every name).
"""

from __future__ import annotations

from roadmapctl.model.addresses import split_addresses
from roadmapctl.model.located import NOWHERE, Day, Located, Pos


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
