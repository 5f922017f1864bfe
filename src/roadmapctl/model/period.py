"""The period a roadmap covers.

Three spellings occur in real documents: an academic year «2023/2024»
(1 September – 31 August), a span of calendar years «2021-2025», and
explicit dates «2021-06-01..2022-08-31».  Everything relative in a deadline
phrase («октябрь», «ежегодно») is resolved against this period.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from roadmapctl.limits import MAX_YEAR, MIN_YEAR
from roadmapctl.model.records import Value

PeriodKind = Literal["academic", "years", "dates"]

_ACADEMIC = re.compile(r"^\s*(\d{4})\s*/\s*(\d{4})\s*$")
_YEARS = re.compile(r"^\s*(\d{4})(?:\s*[-–—]\s*(\d{4}))?\s*$")
_DATES = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$")
#: Years a roadmap can cover; the deadline reader accepts the same (limits.py).
FIRST_YEAR, LAST_YEAR = MIN_YEAR, MAX_YEAR


class PeriodError(ValueError):
    """A period spelled in a way we cannot read; the message is for users."""


class Period(Value):
    __slots__ = ("end", "kind", "start", "text")
    start: date
    end: date
    kind: PeriodKind
    text: str

    def __init__(self, start: date, end: date, kind: PeriodKind, text: str) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.text = text

    def __str__(self) -> str:
        return self.text

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def years(self) -> range:
        """Calendar years the period touches."""
        return range(self.start.year, self.end.year + 1)

    def shifted_years(self, years: int) -> Period:
        """The same period a number of years later (for rollover and diff)."""
        start = _add_years(self.start, years)
        end = _add_years(self.end, years)
        if self.kind == "academic":
            text = f"{start.year}/{end.year}"
        elif self.kind == "years":
            text = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
        else:
            text = f"{start.isoformat()}..{end.isoformat()}"
        return Period(start, end, self.kind, text)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def academic_year(first_year: int) -> Period:
    return Period(date(first_year, 9, 1), date(first_year + 1, 8, 31), "academic",
                  f"{first_year}/{first_year + 1}")


def parse_period(text: str) -> Period:
    """Read «2023/2024», «2021-2025», «2021» or «2021-06-01..2022-08-31»."""
    raw = str(text)
    if m := _ACADEMIC.match(raw) or _YEARS.match(raw) or _DATES.match(raw):
        for year in (int(y[:4]) for y in m.groups() if y):
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise PeriodError(f"в периоде «{raw.strip()}» год {year} вне допустимых "
                                  f"{FIRST_YEAR}–{LAST_YEAR}")
    if m := _ACADEMIC.match(raw):
        first, second = int(m[1]), int(m[2])
        if second != first + 1:
            raise PeriodError(
                f"учебный год «{raw.strip()}» должен состоять из двух соседних лет, "
                f"например «{first}/{first + 1}»"
            )
        return academic_year(first)
    if m := _YEARS.match(raw):
        first = int(m[1])
        last = int(m[2]) if m[2] else first
        if last < first:
            raise PeriodError(f"в периоде «{raw.strip()}» конечный год раньше начального")
        label = str(first) if first == last else f"{first}-{last}"
        return Period(date(first, 1, 1), date(last, 12, 31), "years", label)
    if m := _DATES.match(raw):
        try:
            start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        except ValueError as exc:
            raise PeriodError(f"в периоде «{raw.strip()}» несуществующая дата") from exc
        if end < start:
            raise PeriodError(f"в периоде «{raw.strip()}» дата окончания раньше даты начала")
        return Period(start, end, "dates", f"{start.isoformat()}..{end.isoformat()}")
    raise PeriodError(
        f"не удалось прочитать период «{raw.strip()}»: ожидается учебный год «2023/2024», "
        "календарные годы «2021-2025» или даты «2021-06-01..2022-08-31»"
    )


def period_from_dates(start: date, end: date) -> Period:
    if end < start:
        raise PeriodError("дата окончания периода раньше даты начала")
    return Period(start, end, "dates", f"{start.isoformat()}..{end.isoformat()}")
