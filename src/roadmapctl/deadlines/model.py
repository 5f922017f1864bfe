"""The results of reading a deadline phrase: immutable values that callers keep and compare."""

from __future__ import annotations

from datetime import date
from typing import Literal

from roadmapctl.model.records import Value

DeadlineKind = Literal["date", "window", "recurring", "continuous"]


class Occurrence(Value):
    """One control point: the window [start, due], or a plain date when start is None."""

    __slots__ = ("due", "start")
    start: date | None
    due: date

    def __init__(self, start: date | None, due: date) -> None:
        self.start = start
        self.due = due


class Deadline(Value):
    """A phrase understood: its kind and control points inside (mostly) the period."""

    __slots__ = ("kind", "occurrences", "phrase", "remark", "rrule")
    kind: DeadlineKind
    occurrences: tuple[Occurrence, ...]  # sorted by due; empty for continuous
    phrase: str  # exactly as given
    remark: str | None  # bracketed remarks, «в соответствии с планами работы»
    rrule: str | None  # recurring only: RRULE value without DTSTART, for iCalendar

    def __init__(self, kind: DeadlineKind, occurrences: tuple[Occurrence, ...], phrase: str,
                 remark: str | None = None, rrule: str | None = None) -> None:
        self.kind = kind
        self.occurrences = occurrences
        self.phrase = phrase
        self.remark = remark
        self.rrule = rrule


class Unparsed(Value):
    """A phrase we could not read.  Returned, never raised."""

    __slots__ = ("fragment", "message", "offset", "phrase")
    phrase: str
    offset: int  # 0-based index in phrase where reading stopped
    fragment: str  # the part that could not be read
    message: str  # Russian, for users

    def __init__(self, phrase: str, offset: int, fragment: str, message: str) -> None:
        self.phrase = phrase
        self.offset = offset
        self.fragment = fragment
        self.message = message
