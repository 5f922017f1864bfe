"""Date arithmetic for deadlines: year-less templates, placing them in the period, recurrences.

Months and days are (month, day) pairs with day -1 meaning the month's last
day, so «до конца февраля» needs no year until it is placed.  `dateutil` is
imported inside `recur` only: most phrases never repeat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from roadmapctl.deadlines import words as W
from roadmapctl.deadlines.model import Occurrence
from roadmapctl.model.period import Period

ONE_DAY = timedelta(days=1)


def real_date(year: int, month: int, day: int) -> date | None:
    """The date, with day -1 meaning the month's last day; None if it does not exist."""
    if day == -1 and 1 <= month <= 12:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        day = 29 if month == 2 and leap else W.MONTH_DAYS[month]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def comes_after(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether (month, day) `a` comes after `b` within a year (day -1 = month end)."""
    return (a[0], 32 if a[1] == -1 else a[1]) > (b[0], 32 if b[1] == -1 else b[1])


def bymonthday(day: int, months: Iterable[int]) -> str:
    """BYMONTHDAY for «day `day` (or the month's last day if shorter)» in these months."""
    months = list(months)
    shortest = min(W.MONTH_DAYS[m] for m in months)
    longest = max(29 if m == 2 else W.MONTH_DAYS[m] for m in months)
    if day == -1 and shortest == longest:
        day = shortest  # months of one fixed length: name the day, «BYMONTHDAY=31»
    if 0 < day <= shortest:
        return f"BYMONTHDAY={day}"
    if day == -1 or day >= longest:
        return "BYMONTHDAY=-1"
    return f"BYMONTHDAY={','.join(map(str, range(shortest, day + 1)))};BYSETPOS=-1"


class Template:
    """A year-less date or window («до 20 июня», «ноябрь – март»), placed in a year on demand."""

    __slots__ = ("due", "span", "start")

    def __init__(self, due: tuple[int, int], start: tuple[int, int] | None = None,
                 span: int = 0) -> None:
        self.due = due  # (month, day); day -1 = the month's last day
        self.start = start  # None: a plain date
        self.span = span  # the window starts this many years before its due

    def at(self, year: int) -> Occurrence | None:
        """The instance due in `year`; None if that date does not exist (29 February)."""
        due = real_date(year, *self.due)
        if due is None or self.start is None:
            return None if due is None else Occurrence(None, due)
        start = real_date(year - self.span, *self.start)
        return None if start is None else Occurrence(start, due)


def clip(occ: Occurrence, period: Period) -> Occurrence:
    """The part of a window inside the period; a window wholly outside stays as it is."""
    if occ.start is None or occ.start > period.end or occ.due < period.start:
        return occ
    return Occurrence(max(occ.start, period.start), min(occ.due, period.end))


def resolve(tpl: Template, period: Period) -> Occurrence | None:
    """The first instance on or after the period start (a window by its first month)."""
    ps = period.start
    for year in range(ps.year, ps.year + 9):  # nine years always hold a 29 February
        occ = tpl.at(year)
        if occ is None:
            continue
        if occ.start is None:
            if occ.due >= ps:
                return occ
        elif (occ.start.year, occ.start.month) >= (ps.year, ps.month):
            return clip(occ, period)
    return None


def recur(period: Period, rule: str, window: Callable[[date], date | None] | None = None,
          anchor: date | None = None) -> list[Occurrence]:
    """Occurrences of an RRULE whose due lies in the period, window starts clipped to it.

    `window` gives a due its window start (None: a plain date); without it the
    windows tile time, each starting the day after the previous due.  `anchor`
    is DTSTART for rules with INTERVAL, which count from it.
    """
    from dateutil.rrule import rrulestr

    first = anchor or period.start - timedelta(days=400)  # early enough to see a previous due
    begin = datetime(first.year, first.month, first.day)
    end = datetime(period.end.year, period.end.month, period.end.day)
    out: list[Occurrence] = []
    previous: date | None = None
    for moment in rrulestr(rule, dtstart=begin).between(begin, end, inc=True):
        due = moment.date()
        if window is not None:
            start = window(due)
        else:
            start = previous + ONE_DAY if previous else period.start
        previous = due
        if due >= period.start:
            out.append(Occurrence(None if start is None else max(start, period.start), due))
    return out
