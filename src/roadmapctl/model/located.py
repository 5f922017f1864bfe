"""Where a record stood in its file: the base of every class of the domain model.

`Pos` is created for nearly every YAML node the loader reads and `Located`
is the base of every record; both are `records` classes (see records.py).
"""

from __future__ import annotations

from datetime import date

from roadmapctl.model.records import Record, Value

#: `date` under another name, for classes with a field named `date`: inside such a
#: class body the field hides the type, and `due: date | None` would mean the field.
Day = date


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
