"""The results of reading a deadline phrase: immutable values that callers keep and compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

DeadlineKind = Literal["date", "window", "recurring", "continuous"]


@dataclass(frozen=True)
class Occurrence:
    """One control point: the window [start, due], or a plain date when start is None."""

    start: date | None
    due: date


@dataclass(frozen=True)
class Deadline:
    """A phrase understood: its kind and control points inside (mostly) the period."""

    kind: DeadlineKind
    occurrences: tuple[Occurrence, ...]  # sorted by due; empty for continuous
    phrase: str  # exactly as given
    remark: str | None = None  # bracketed remarks, «в соответствии с планами работы»
    rrule: str | None = None  # recurring only: RRULE value without DTSTART, for iCalendar


@dataclass(frozen=True)
class Unparsed:
    """A phrase we could not read.  Returned, never raised."""

    phrase: str
    offset: int  # 0-based index in phrase where reading stopped
    fragment: str  # the part that could not be read
    message: str  # Russian, for users
