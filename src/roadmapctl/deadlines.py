"""Russian deadline phrases («до 21 июня 2021», «Октябрь – ноябрь», «ежегодно») as dates.

Roadmaps keep the deadline column as prose; `check`, `when` and the calendar
export need dates.  `parse_deadline` reads a phrase against the roadmap's
period and never raises: a phrase it cannot read comes back as `Unparsed`,
with the place where reading stopped, so `check` can point at it.

Reading goes in three steps.  The text is normalised without moving any
character (so offsets stay valid), cut into tokens, and read clause by clause
(«октябрь», «до 1 июня», «ежегодно в августе» …).  A month or date written
without a year becomes a year-less `_Template`, placed in a year only at the
end: that way one grammar serves «в августе», «август текущего года» and
«ежегодно в августе».  Vocabulary lives in `deadline_words`.

`dateutil` is imported only when a phrase repeats: `check` imports this module
on every commit and most phrases are plain months.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from roadmapctl import deadline_words as W
from roadmapctl.period import Period, academic_year
from roadmapctl.ru import count, date_numeric, plural

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


# --- normalising and cutting into tokens -------------------------------------------

_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_SUFFIX = r"го|ого|его|ому|ему|ый|ой|ий|ым|ом|ем|ая|ую|ое|ее|ые|ых|их|х|й|я|е|м|ю"
_TOKEN = re.compile(
    r"(?P<date>[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4}|[0-9]{2})(?![0-9]))"
    r"|(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9]))"
    r"|(?P<daymonth>[0-9]{1,2}\.[0-9]{1,2}(?![0-9]))"
    rf"|(?P<num>[0-9]+)(?:-(?:{_SUFFIX})(?![^\W\d_]))?"  # «5-го», «1-й»
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[-.,;:/])"
    r"|(?P<bad>\S)"
)
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _normalize(text: str) -> str:
    """Lower case, «ё» as «е», one dash and one space; the length never changes."""
    out = []
    for ch in text:
        if ch in _DASHES:
            ch = "-"
        elif ch.isspace() or ch in _INVISIBLE:
            ch = " "
        else:
            low = ch.lower()
            ch = "е" if low == "ё" else low if len(low) == 1 else ch
        out.append(ch)
    return "".join(out)


class _Tok:
    """One token.  Internal classes are plain: a dataclass costs import time."""

    __slots__ = ("kind", "text", "start", "end", "value")

    def __init__(self, kind: str, text: str, start: int, end: int, value: int | None) -> None:
        self.kind = kind  # a group name of _TOKEN
        self.text = text  # normalised
        self.start, self.end = start, end
        self.value = value  # numbers only

    @property
    def year(self) -> int | None:
        """The number if it is written as a year: four bare digits."""
        return self.value if self.kind == "num" and len(self.text) == 4 else None


def _tokenize(text: str) -> list[_Tok]:
    tokens = []
    for m in _TOKEN.finditer(text):
        digits = m["num"]
        value = None if digits is None else int(digits) if len(digits) <= 9 else 10**9
        tokens.append(_Tok(m.lastgroup or "bad", m.group(), m.start(), m.end(), value))
    return tokens


def _cut_remarks(text: str, phrase: str) -> tuple[str, str | None]:
    """Blank out bracketed remarks (offsets stay) and return their text, «; »-joined."""
    if "(" not in text and ")" not in text:
        return text, None
    chars, remarks, depth, opened = list(text), [], 0, 0
    for pos, ch in enumerate(text):
        if ch == "(":
            opened = pos if depth == 0 else opened
            depth += 1
        elif ch == ")":
            if depth == 0:
                raise _Fail(pos, pos + 1, "лишняя закрывающая скобка «{}»")
            depth -= 1
            if depth == 0:
                if inner := " ".join(phrase[opened + 1:pos].split()):
                    remarks.append(inner)
                chars[opened:pos + 1] = " " * (pos + 1 - opened)
    if depth:
        raise _Fail(opened, len(text), "не закрыта скобка: «{}»")
    return "".join(chars), "; ".join(remarks) or None


# --- calendar helpers ---------------------------------------------------------------

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ONE_DAY = timedelta(days=1)


def _day(year: int, month: int, day: int) -> date | None:
    """The date, with day -1 meaning the month's last day; None if it does not exist."""
    if day == -1 and 1 <= month <= 12:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        day = 29 if month == 2 and leap else W.MONTH_DAYS[month]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _later(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether (month, day) `a` comes after `b` within a year (day -1 = month end)."""
    return (a[0], 32 if a[1] == -1 else a[1]) > (b[0], 32 if b[1] == -1 else b[1])


def _monthday(day: int, months: Iterable[int]) -> str:
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


class _Template:
    """A year-less date or window («до 20 июня», «ноябрь – март»), placed in a year on demand."""

    __slots__ = ("due", "start", "span")

    def __init__(self, due: tuple[int, int], start: tuple[int, int] | None = None,
                 span: int = 0) -> None:
        self.due = due  # (month, day); day -1 = the month's last day
        self.start = start  # None: a plain date
        self.span = span  # the window starts this many years before its due

    def at(self, year: int) -> Occurrence | None:
        """The instance due in `year`; None if that date does not exist (29 February)."""
        due = _day(year, *self.due)
        if due is None or self.start is None:
            return None if due is None else Occurrence(None, due)
        start = _day(year - self.span, *self.start)
        return None if start is None else Occurrence(start, due)


def _clip(occ: Occurrence, period: Period) -> Occurrence:
    """The part of a window inside the period; a window wholly outside stays as it is."""
    if occ.start is None or occ.start > period.end or occ.due < period.start:
        return occ
    return Occurrence(max(occ.start, period.start), min(occ.due, period.end))


def _resolve(tpl: _Template, period: Period) -> Occurrence | None:
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
            return _clip(occ, period)
    return None


def _recur(period: Period, rule: str, window: Callable[[date], date | None] | None = None,
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
            start = previous + _ONE_DAY if previous else period.start
        previous = due
        if due >= period.start:
            out.append(Occurrence(None if start is None else max(start, period.start), due))
    return out


# --- reading ------------------------------------------------------------------------

_Pattern = tuple[tuple[tuple[tuple[str, ...], ...], bool], ...]


def _pattern(*sources: str) -> tuple[_Pattern, ...]:
    """Compile the notation of `deadline_words`: «a|b_c d?» = (a | b c) then optional d."""
    compiled = []
    for source in sources:
        elements = []
        for element in source.split():
            optional = len(element) > 1 and element.endswith("?")
            alternatives = element[:-1] if optional else element
            elements.append((tuple(tuple(a.split("_")) for a in alternatives.split("|")), optional))
        compiled.append(tuple(elements))
    return tuple(compiled)


_CONTINUOUS = _pattern(*W.CONTINUOUS)
_EACH_YEAR = _pattern(*W.EACH_YEAR)
_WHOLE_PERIOD = _pattern(*W.WHOLE_PERIOD)
_EVERY_YEAR = _pattern(W.EVERY_YEAR)
_THIS_YEAR = _pattern(W.THIS_YEAR)
_MONTH_PREFIX = _pattern(W.MONTH_PREFIX)
_DATE_PREFIX = _pattern(W.DATE_PREFIX)
_PART_PREFIX = _pattern(W.PART_PREFIX)
_SEASON_PREFIX = _pattern(W.SEASON_PREFIX)
_YEAR_PREFIX = _pattern(W.YEAR_PREFIX)
_AT_LEAST = _pattern("не_реже|не_менее|не_чаще?")
_DUE_PREFIX = _pattern("до|к|ко|по|не_позднее|не_позже|в_срок_до|в_срок_не_позднее?")
_END_OF = tuple((_pattern(p), md) for p, md in W.END_OF.items())
_BEGIN_OF = tuple((_pattern(p), md) for p, md in W.BEGIN_OF.items())
_END_OF_PERIOD = _pattern(W.END_OF_PERIOD)
_MONTH_DAY_TAIL = _pattern(W.MONTH_DAY_TAIL)
_BY_FIRST_DAY = frozenset({"до", "к", "ко", "в срок до", "срок до"})  # «до сентября» = 1 September
_BY_LAST_DAY = frozenset({"не позднее", "не позже", "в срок не позднее", "по"})

_Point = tuple[int | None, int, int | None]  # (month, day, year); month None: a bare day


class _Fail(Exception):
    """Reading stopped for a reason worth telling; never leaves this module."""

    def __init__(self, start: int, end: int, reason: str) -> None:
        super().__init__(reason)
        self.start, self.end, self.reason = start, end, reason  # reason: «…{}…», {} = fragment


class _Item:
    """One clause read: explicit windows, a whole period, a recurrence or «постоянно»."""

    __slots__ = ("kind", "occurrences", "rule", "whole", "start", "end")

    def __init__(self, kind: Literal["fixed", "recurring", "continuous"],
                 occurrences: list[Occurrence], rule: str | None = None) -> None:
        self.kind, self.occurrences, self.rule = kind, occurrences, rule
        self.whole = False  # «в течение года»: only says «throughout», adds nothing to a date
        self.start = self.end = 0  # character span in the phrase, for messages


class _Raw:
    """A date or window just read: explicit (`occ`) or year-less (`tpl`)."""

    __slots__ = ("end", "occ", "tpl", "seasonal")

    def __init__(self, end: int, occ: Occurrence | None = None, tpl: _Template | None = None,
                 seasonal: bool = False) -> None:
        self.end = end  # next token
        self.occ, self.tpl = occ, tpl
        self.seasonal = seasonal  # «летом»: repeats every year of a multi-year plan


class _Reader:
    """Reads the tokens of one phrase against a period, clause by clause."""

    def __init__(self, toks: list[_Tok], text: str, period: Period) -> None:
        self.toks, self.text, self.period = toks, text, period  # text: the normalised phrase
        self.far = 0  # the furthest token looked at: where an unreadable phrase is reported
        self.multi_year = period.kind == "years" and period.end.year > period.start.year

    # token access; every look records how far reading got
    def _tok(self, k: int) -> _Tok | None:
        self.far = max(self.far, k)
        return self.toks[k] if k < len(self.toks) else None

    def _text(self, k: int) -> str | None:
        tok = self._tok(k)
        return None if tok is None else tok.text

    def _skip(self, k: int, words: Iterable[str] = (".",)) -> int:
        while self._text(k) in words:
            k += 1
        return k

    def _match(self, patterns: tuple[_Pattern, ...], k: int) -> int | None:
        """The end of the longest match of any pattern at token k (k itself if all optional)."""
        ends = [e for p in patterns if (e := self._match_from(p, 0, k)) is not None]
        return max(ends, default=None)

    def _match_from(self, pattern: _Pattern, e: int, k: int) -> int | None:
        if e == len(pattern):
            return k
        alternatives, optional = pattern[e]
        best = self._match_from(pattern, e + 1, k) if optional else None
        for words in alternatives:
            j = k
            for word in words:
                if self._text(j) != word:
                    break
                j += 1
            else:
                end = self._match_from(pattern, e + 1, j)
                if end is not None and (best is None or end > best):
                    best = end
        return best

    def _span(self, i: int, end: int) -> tuple[int, int]:
        return self.toks[i].start, self.toks[max(i, min(end, len(self.toks)) - 1)].end

    # the phrase
    def deadline(self, phrase: str, remark: str | None) -> Deadline:
        items: list[_Item] = []
        k = 0
        while k < len(self.toks):
            if self.toks[k].text in W.SEPARATORS:
                k += 1
                continue
            self.far = k
            for clause in (self._continuous, self._recurring, self._whole, self._dated):
                if found := clause(k):
                    item, end = found
                    item.start, item.end = self._span(k, end)
                    items.append(item)
                    k = end
                    break
            else:
                raise self._stuck(k)
        if not items:  # only dashes, commas, «и»
            raise _Fail(self.toks[0].start, self.toks[-1].end, "в «{}» нет срока")
        return self._combine(items, phrase, remark)

    def _stuck(self, k: int) -> _Fail:
        if self.far >= len(self.toks):
            return _Fail(self.toks[k].start, self.toks[-1].end, "не хватает продолжения после «{}»")
        tok = self.toks[self.far]
        end = tok.end
        if tok.kind == "word" and (word := _HYPHENATED.match(self.text, tok.start)):
            end = word.end()  # «когда-нибудь» as one word
        return _Fail(tok.start, end, "непонятно «{}»")

    def _combine(self, items: list[_Item], phrase: str, remark: str | None) -> Deadline:
        """«постоянно» wins over «в течение года» only; one recurrence takes in the rest."""
        if any(i.kind == "continuous" for i in items) and all(i.kind == "continuous" or i.whole
                                                               for i in items):
            return Deadline("continuous", (), phrase, remark)
        items = [i for i in items if i.kind != "continuous"]
        if any(i.rule for i in items):  # «ежегодно, в течение года»: the recurrence says it all
            items = [i for i in items if i.rule or not i.whole]
        rules = list(dict.fromkeys(item.rule for item in items if item.rule))
        if len(rules) > 1:
            second = next(item for item in items if item.rule == rules[1])
            raise _Fail(second.start, second.end, "второе повторение в одной фразе: «{}»")
        occurrences = {o for item in items for o in item.occurrences}
        ordered = tuple(sorted(occurrences, key=lambda o: (o.due, o.start or date.min)))
        if rules:
            return Deadline("recurring", ordered, phrase, remark, rules[0])
        kind: DeadlineKind = "date" if all(o.start is None for o in ordered) else "window"
        return Deadline(kind, ordered, phrase, remark)

    # clauses: each returns (item, next token) or None
    def _continuous(self, i: int) -> tuple[_Item, int] | None:
        end = self._match(_CONTINUOUS, i)
        return (_Item("continuous", []), end) if end and end > i else None

    def _whole(self, i: int) -> tuple[_Item, int] | None:
        if (end := self._match(_WHOLE_PERIOD, i)) and end > i:
            item = _Item("fixed", [Occurrence(self.period.start, self.period.end)])
        elif (end := self._match(_EACH_YEAR, i)) and end > i:
            item = self._every(1) if self.multi_year else _Item(
                "fixed", [Occurrence(self.period.start, self.period.end)])
        else:
            return None
        item.whole = True
        return item, end

    def _dated(self, i: int) -> tuple[_Item, int] | None:
        for read in (self._season, self._part, self._months, self._day_window, self._years):
            if raw := read(i):
                return self._finish(raw, i)
        return None

    def _finish(self, raw: _Raw, i: int) -> tuple[_Item, int]:
        """An explicit window as is; a year-less one resolved, or repeated every year."""
        if raw.occ is not None:
            return _Item("fixed", [raw.occ]), raw.end
        assert raw.tpl is not None
        k = raw.end
        if (end := self._match(_EVERY_YEAR, k)) and end > k:
            return self._yearly([raw.tpl]), end
        repeat = raw.seasonal  # «летом» in a multi-year plan: every summer
        if (end := self._match(_THIS_YEAR, k)) and end > k:
            k, repeat = end, True  # «август текущего года»
        if repeat and self.multi_year:
            return self._yearly([raw.tpl]), k
        if (occ := _resolve(raw.tpl, self.period)) is None:
            raise _Fail(*self._span(i, k), "несуществующая дата «{}»")
        return _Item("fixed", [occ]), k

    # recurrences
    def _recurring(self, i: int) -> tuple[_Item, int] | None:
        found = self._frequency(i)
        if found is None:
            return self._monthly_day_first(i)
        per_year, k = found
        if per_year == 1:
            templates, k = self._anchors(k)
            if templates:
                return self._yearly(templates), k
            j = self._skip(k, (",",))
            if (end := self._match(_EACH_YEAR, j)) and end > j:
                k = end  # «ежегодно в течение года» says no more than «ежегодно»
        elif per_year == 12 and (day := self._month_day(k)):
            return self._monthly_on(day[0]), day[1]
        return self._every(per_year), k

    def _frequency(self, i: int) -> tuple[int, int] | None:
        """«ежегодно», «каждый месяц», «не реже 2 раз в год» → (times a year, next token)."""
        text = self._text(i)
        if text in W.FREQUENCY_ADVERBS:
            return W.FREQUENCY_ADVERBS[text], i + 1
        if (text in W.EVERY or text == "по") and (unit := self._text(i + 1)) in W.UNITS:
            return W.UNITS[unit], i + 2
        k = self._match(_AT_LEAST, i) or i
        tok, times = self._tok(k), 1
        if tok is not None and tok.text in W.COUNT_ADVERBS:  # «дважды в год»
            times, k = W.COUNTS[tok.text], k + 1
        else:
            if tok is not None and tok.kind == "num":
                times, k = tok.value or 0, k + 1
            elif tok is not None and tok.text in W.COUNTS:
                times, k = W.COUNTS[tok.text], k + 1
            if self._text(k) not in ("раз", "раза"):
                return None
            k += 1
        if self._text(k) not in ("в", "за"):
            return None
        k = self._skip(k + 1, ("учебный", "календарный"))
        unit = W.UNITS.get(self._text(k) or "")
        if unit is None:
            return None
        per_year = times * unit
        if per_year not in (1, 2, 3, 4, 6, 12) and (unit, times) != (52, 1):
            raise _Fail(*self._span(i, k + 1), "повторение «{}» не поддерживается")
        return per_year, k + 1

    def _anchors(self, k: int) -> tuple[list[_Template], int]:
        """What follows «ежегодно»: «в августе», «до 1 сентября», «в мае и ноябре»."""
        found: list[_Template] = []
        while True:
            j = self._skip(k, (",", "и") if found else (",",))
            raw = next((r for read in (self._season, self._part, self._months, self._day_window)
                        if (r := read(j))), None)
            if raw is None or raw.tpl is None:
                return found, k
            if found and raw.tpl.due[1] != found[0].due[1]:
                raise _Fail(*self._span(j, raw.end),
                            "в повторяющемся сроке разные числа месяца: «{}»")
            found.append(raw.tpl)
            k = raw.end

    def _month_day(self, k: int) -> tuple[int, int] | None:
        """«, до 5-го числа (каждого месяца)» after «ежемесячно» → (day, next token)."""
        k = self._skip(k, (",",))
        j = self._match(_DUE_PREFIX, k) or k
        tok = self._tok(j)
        if tok is None or tok.kind != "num" or len(tok.text.split("-")[0]) > 2:
            return None
        number = self._text(j + 1) in ("число", "числа", "числу")
        day = tok.value or 0
        if not number and (j == k or W.MONTHS.get(self._text(j + 1) or "")):
            return None  # «ежемесячно 5» says too little, «до 5 июня» is a date
        if not 1 <= day <= 31:
            if number:
                raise _Fail(tok.start, tok.end, "в месяце нет числа «{}»")
            return None
        end = j + 1 + number
        return day, self._match(_MONTH_DAY_TAIL, end) or end

    def _monthly_day_first(self, i: int) -> tuple[_Item, int] | None:
        """«до 5 числа каждого месяца», «до 20 числа ежемесячно»."""
        found = self._month_day(i)
        if found is None:
            return None
        day, k = found
        if self._text(k - 1) != "месяца" and self._text(k) != "ежемесячно":
            return None
        return self._monthly_on(day), k + (self._text(k) == "ежемесячно")

    def _every(self, per_year: int) -> _Item:
        """A recurrence that tiles the period: yearly, per half, quarter, month or week."""
        p = self.period
        eve = p.start - _ONE_DAY
        anchor = None
        if per_year == 52:
            rule = f"FREQ=WEEKLY;BYDAY={_WEEKDAYS[eve.weekday()]}"
        elif per_year == 12:
            rule = "FREQ=MONTHLY;BYMONTHDAY=-1"
        elif per_year == 4:
            rule = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
        elif p.kind == "dates":  # years counted from the period start
            day = -1 if p.start.day == 1 else eve.day
            if per_year == 1:
                rule = f"FREQ=YEARLY;BYMONTH={eve.month};{_monthday(day, [eve.month])}"
            else:
                rule = f"FREQ=MONTHLY;INTERVAL={12 // per_year};{_monthday(day, range(1, 13))}"
                anchor = eve
        else:  # academic years end in August, calendar ones in December
            last = 8 if p.kind == "academic" else 12
            if p.kind == "academic" and per_year == 2:
                months = [8, 12]  # halves of an academic year: September–December, January–August
            else:
                months = sorted((last - 1 - s * 12 // per_year) % 12 + 1 for s in range(per_year))
            rule = f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};{_monthday(-1, months)}"
        return _Item("recurring", _recur(p, rule, anchor=anchor), rule)

    def _monthly_on(self, day: int) -> _Item:
        rule = f"FREQ=MONTHLY;{_monthday(day, range(1, 13))}"
        return _Item("recurring", _recur(self.period, rule, lambda due: due.replace(day=1)), rule)

    def _yearly(self, templates: list[_Template]) -> _Item:
        """Every year in the windows of year-less templates: «ежегодно в августе»."""
        by_month = {t.due[0]: t for t in templates}
        months = sorted(by_month)
        rule = f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};"
        rule += _monthday(templates[0].due[1], months)

        def window(due: date) -> date | None:
            tpl = by_month[due.month]
            if tpl.start is None:
                return None
            return _day(due.year - tpl.span, *tpl.start) or due

        return _Item("recurring", _recur(self.period, rule, window), rule)

    # dates and windows: each returns a _Raw or None
    def _year(self, k: int) -> tuple[int, int] | None:
        """«2024», «2024 г.», «2024 года» → (year, next token)."""
        tok = self._tok(k)
        if tok is None or tok.year is None:
            return None
        if not 1900 <= tok.year <= 2100:
            raise _Fail(tok.start, tok.end, "год «{}» вне допустимых 1900–2100")
        return tok.year, k + 1 + (self._text(k + 1) in W.YEAR_WORDS)

    def _year_span(self, k: int) -> tuple[bool, int, int, int] | None:
        """«2024 г.», «2021-2025 гг.», «2023/2024 учебного года» → (academic, first, last, next)."""
        if (first := self._year(k)) is None:
            return None
        i, (y1, k), y2, academic = k, first, first[0], False
        j = self._skip(k)
        if (sep := self._text(j)) in ("-", "/", "по", "до") and (second := self._year(j + 1)):
            (y2, k), academic = second, sep == "/"
        j = self._skip(k)
        if self._text(j) in W.ACADEMIC_WORDS and self._text(j := self._skip(j + 1)) in W.YEAR_WORDS:
            k, academic = j + 1, True
        if academic and y2 == y1:
            y2 = y1 + 1
        if academic and y2 != y1 + 1:
            raise _Fail(*self._span(i, k), "учебный год «{}» должен состоять из двух соседних лет")
        if y2 < y1:
            raise _Fail(*self._span(i, k), "конец срока «{}» раньше начала")
        return academic, y1, y2, k

    def _month_point(self, k: int) -> tuple[int, int | None, int] | None:
        """«август», «август 2021 г.», «2020 г. сентябрь» → (month, year or None, next)."""
        if (month := W.MONTHS.get(self._text(k) or "")) is not None:
            year = self._year(self._skip(k + 1))
            return (month, *year) if year else (month, None, k + 1)
        if year := self._year(k):
            j = self._skip(year[1])
            if (month := W.MONTHS.get(self._text(j) or "")) is not None:
                return month, year[0], j + 1
        return None

    def _day_point(self, k: int) -> tuple[_Point, int] | None:
        """«21 июня 2021», «01.10.2020», «20.12», or a bare day «1» (of «с 1 по 15 июня»)."""
        tok = self._tok(k)
        if tok is None:
            return None
        if tok.kind in ("date", "iso", "daymonth"):
            parts = [int(p) for p in re.split(r"[.-]", tok.text)]
            d, m, y = reversed(parts) if tok.kind == "iso" else (*parts, None)[:3]
            if y is not None and y < 100:
                y += 2000
            if y is not None and not 1900 <= y <= 2100:
                raise _Fail(tok.start, tok.end, "год в дате «{}» вне допустимых 1900–2100")
            if _day(y or 2000, m, d) is None:
                raise _Fail(tok.start, tok.end, "несуществующая дата «{}»")
            return (m, d, y), k + 1
        if tok.kind != "num" or len(tok.text.split("-")[0]) > 2:
            return None
        month = W.MONTHS.get(self._text(k + 1) or "")
        if month is None:
            return (None, tok.value or 0, None), k + 1
        year = self._year(k + 2)
        y, end = year if year else (None, k + 2)
        if _day(y or 2000, month, tok.value or 0) is None:
            raise _Fail(*self._span(k, end), "несуществующая дата «{}»")
        return (month, tok.value or 0, y), end

    def _window(self, first: _Point | None, last: _Point, i: int, end: int) -> _Raw:
        """[first, last] as dates, or a template if no year is given; a year on one end
        fixes the other («Февраль- март 2021»)."""
        lo, hi = self._span(i, end)
        m2, d2, y2 = last
        assert m2 is not None
        if first is None:
            if y2 is None:
                return _Raw(end, tpl=self._template(None, (m2, d2), lo, hi))
            return _Raw(end, occ=Occurrence(None, self._make_date(y2, m2, d2, lo, hi)))
        m1, d1, y1 = first
        assert m1 is not None
        crosses = _later((m1, d1), (m2, d2))
        if y1 is None and y2 is None:
            return _Raw(end, tpl=self._template((m1, d1), (m2, d2), lo, hi))
        if y1 is None:
            assert y2 is not None
            y1 = y2 - crosses
        elif y2 is None:
            y2 = y1 + crosses
        start, due = self._make_date(y1, m1, d1, lo, hi), self._make_date(y2, m2, d2, lo, hi)
        if due < start:
            raise _Fail(lo, hi, "конец срока «{}» раньше начала")
        return _Raw(end, occ=Occurrence(start, due))

    @staticmethod
    def _make_date(y: int, m: int, d: int, lo: int, hi: int) -> date:
        if (day := _day(y, m, d)) is None:
            raise _Fail(lo, hi, "несуществующая дата «{}»")
        return day

    @staticmethod
    def _template(start: tuple[int, int] | None, due: tuple[int, int], lo: int, hi: int) -> _Template:
        def checked(month: int, day: int) -> tuple[int, int]:
            if _day(2000, month, day) is None:  # 2000 is a leap year: 29 February passes
                raise _Fail(lo, hi, "несуществующая дата «{}»")
            return (month, -1) if month != 2 and day == W.MONTH_DAYS[month] else (month, day)

        if start is None:
            return _Template(checked(*due))
        return _Template(checked(*due), checked(*start), int(_later(start, due)))

    def _months(self, i: int) -> _Raw | None:
        """«август», «в августе 2021 г.», «Октябрь – ноябрь», «с сентября по декабрь»."""
        k = self._match(_MONTH_PREFIX, i) or i
        opened = k > i and self.toks[k - 1].text in ("с", "со")
        if (first := self._month_point(k)) is None:
            return None
        m1, y1, k = first
        j = self._skip(k)
        if self._text(j) in ("-", "по") or opened and self._text(j) == "до":
            if second := self._month_point(j + 1):
                m2, y2, end = second
                return self._window((m1, 1, y1), (m2, -1, y2), i, end)
        if y1 is None:
            y1 = self._list_year(m1, k)
        return self._window((m1, 1, y1), (m1, -1, y1), i, k)

    def _list_year(self, month: int, k: int) -> int | None:
        """The year closing a list of months, «март, май и октябрь 2022 г.», for a year-less one."""
        for _ in range(12):
            j = self._skip(k, (",", "и"))
            if j == k or (point := self._month_point(j)) is None:
                return None
            later, year, k = point
            if year is not None:
                return year - _later((month, 1), (later, 1))
        return None

    def _day_window(self, i: int) -> _Raw | None:
        """«до 21 июня 2021», «01.10.2020», «с 1 по 15 сентября», «до конца года», «до сентября»."""
        k = self._match(_DATE_PREFIX, i) or i
        prefix = " ".join(t.text for t in self.toks[i:k])
        if self._text(k) in W.END_WORDS or self._text(k) in W.BEGIN_WORDS:
            return self._edge(k + 1, self.toks[k].text in W.END_WORDS, i)
        if (first := self._day_point(k)) is None:
            if prefix not in _BY_FIRST_DAY and prefix not in _BY_LAST_DAY:
                return None
            if (point := self._month_point(k)) is None:
                return None
            month, year, end = point
            day = 1 if prefix in _BY_FIRST_DAY else -1
            return self._window(None, (month, day, year), i, end)
        p1, k = first
        j = self._skip(k)
        if self._text(j) in ("-", "по", "до") and (second := self._day_point(j + 1)):
            p2, end = second
            if p2[0] is not None:
                if p1[0] is None:
                    p1 = (p2[0], p1[1], p2[2])
                return self._window(p1, p2, i, end)
        return None if p1[0] is None else self._window(None, p1, i, k)

    def _edge(self, k: int, is_end: bool, i: int) -> _Raw | None:
        """After «до конца» / «к началу»: «года», «учебного года», «августа», «I квартала»."""
        for pattern, (month, day) in _END_OF if is_end else _BEGIN_OF:
            if (end := self._match(pattern, k)) and end > k:
                return _Raw(end, tpl=_Template((month, day)))
        if span := self._year_span(k):
            academic, y1, y2, end = span
            if is_end:
                return _Raw(end, occ=Occurrence(None, date(y2, 8, 31) if academic else date(y2, 12, 31)))
            return _Raw(end, occ=Occurrence(None, date(y1, 9, 1) if academic else date(y1, 1, 1)))
        if is_end and (end := self._match(_END_OF_PERIOD, k)) and end > k:
            return _Raw(end, occ=Occurrence(None, self.period.end))
        if point := self._month_point(k):
            month, year, end = point
            return self._window(None, (month, -1 if is_end else 1, year), i, end)
        if raw := self._part(k):
            if raw.occ is not None:
                edge = raw.occ.due if is_end else raw.occ.start
                return _Raw(raw.end, occ=Occurrence(None, edge or raw.occ.due))
            assert raw.tpl is not None
            return _Raw(raw.end, tpl=_Template(raw.tpl.due if is_end or not raw.tpl.start
                                               else raw.tpl.start))
        return None

    def _part(self, i: int) -> _Raw | None:
        """«I квартал 2024 г.», «II полугодие», «в 1-2 кварталах», «I полугодие 2023/2024 уч. года»."""
        k = self._match(_PART_PREFIX, i) or i
        if (first := self._ordinal(k)) is None:
            return None
        (q1, k), q2 = first, first[0]
        if self._text(k) in ("-", "и", ",", "по") and (second := self._ordinal(k + 1)):
            q2, k = second
        if self._text(k) in W.QUARTER_WORDS:
            size = 3
        elif self._text(k) in W.HALF_WORDS:
            size = 6
        else:
            return None
        if size == 6 and max(q1, q2) > 2:
            raise _Fail(*self._span(i, k + 1), "в году только два полугодия, а здесь «{}»")
        k = self._skip(k + 1)
        span = self._year_span(k)
        academic = size == 6 and (span[0] if span else self.period.kind == "academic")

        def months(q: int) -> tuple[int, int]:
            if academic:
                return (9, 12) if q == 1 else (1, 8)
            return size * (q - 1) + 1, size * q

        start, due = (months(q1)[0], 1), (months(q2)[1], -1)
        tpl = _Template(due, start, int(_later(start, due)))
        if span is None:
            return _Raw(k, tpl=tpl)
        is_academic, y1, y2, end = span
        if is_academic:
            occ = _resolve(tpl, academic_year(y1))
        elif y1 != y2:
            raise _Fail(*self._span(i, end), "непонятно, к какому году относится «{}»")
        else:
            occ = tpl.at(y1)
        assert occ is not None  # quarters and halves exist every year
        return _Raw(end, occ=occ)

    def _ordinal(self, k: int) -> tuple[int, int] | None:
        tok = self._tok(k)
        if tok is None:
            return None
        if tok.kind == "num" and len(tok.text.split("-")[0]) == 1 and 1 <= (tok.value or 0) <= 4:
            return tok.value or 1, k + 1
        if value := W.ROMAN.get(tok.text) or W.ORDINALS.get(tok.text):
            if self._text(k + 1) == "-" and self._text(k + 2) in W.ORDINAL_ENDINGS:
                k += 2  # «I-м», «II-е»
            return value, k + 1
        return None

    def _season(self, i: int) -> _Raw | None:
        """«летом», «в период летних каникул», «в летний период 2024 г.»."""
        k = self._match(_SEASON_PREFIX, i) or i
        text = self._text(k) or ""
        if text in W.SEASON_ADVERBS:
            window, k = W.SEASONS[W.SEASON_ADVERBS[text]], k + 1
        elif text in W.SEASON_ADJECTIVES:
            noun = self._text(k + 1)
            table = W.HOLIDAYS if noun in W.HOLIDAY_NOUNS else W.SEASONS if noun in W.SEASON_NOUNS else None
            if table is None:
                return None
            window, k = table[W.SEASON_ADJECTIVES[text]], k + 2
        else:
            return None
        sm, sd, dm, dd = window
        tpl = _Template((dm, dd), (sm, sd), int(_later((sm, sd), (dm, dd))))
        if (span := self._year_span(k)) is None:
            return _Raw(k, tpl=tpl, seasonal=True)
        academic, y1, y2, end = span
        occ = _resolve(tpl, academic_year(y1)) if academic else tpl.at(y2)
        assert occ is not None
        return _Raw(end, occ=occ)

    def _years(self, i: int) -> _Raw | None:
        """«2021-2025», «в 2024 году», «2023/2024 учебный год»: the part of the plan in them."""
        k = self._match(_YEAR_PREFIX, i) or i
        if (span := self._year_span(k)) is None:
            return None
        academic, y1, y2, end = span
        if academic:
            occ = Occurrence(date(y1, 9, 1), date(y2, 8, 31))
        else:
            occ = Occurrence(date(y1, 1, 1), date(y2, 12, 31))
        return _Raw(end, occ=_clip(occ, self.period))


# --- the public functions -----------------------------------------------------------


@lru_cache(maxsize=4096)
def parse_deadline(phrase: str, period: Period) -> Deadline | Unparsed:
    """Read a deadline phrase against the roadmap's period.  Never raises, for any string.

    Cached: a region's thousand roadmaps repeat the same few dozen phrases
    («В течение года», «Ежегодно»), and the result is an immutable value.
    """
    phrase = phrase if isinstance(phrase, str) else str(phrase)
    text = _normalize(phrase)
    if not text.strip():
        return Unparsed(phrase, 0, "", "срок не указан")
    try:
        body, remark = _cut_remarks(text, phrase)
        tokens = _tokenize(body)
        if not tokens:
            lead = len(text) - len(text.lstrip())
            return Unparsed(phrase, lead, phrase.strip(), "срок не указан: в скобках только примечание")
        return _Reader(tokens, body, period).deadline(phrase, remark)
    except _Fail as fail:
        return _unparsed(phrase, fail.start, fail.end, fail.reason)
    except (ValueError, OverflowError):  # calendar arithmetic near year 1 or 9999
        lead = len(text) - len(text.lstrip())
        return _unparsed(phrase, lead, len(phrase), "срок «{}» выходит за пределы календаря")


def _short(text: str, limit: int = 60) -> str:
    """One line, invisible characters named, at most `limit` characters: fit for a message."""
    text = "".join(ch if ch.isprintable() else f"U+{ord(ch):04X}" for ch in " ".join(text.split()))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _unparsed(phrase: str, start: int, end: int, reason: str) -> Unparsed:
    fragment = phrase[start:end].strip()
    message = f"не удалось разобрать срок «{_short(phrase)}»: " + reason.format(_short(fragment))
    return Unparsed(phrase, start, fragment, message)


def describe(deadline: Deadline) -> str:
    """A short Russian line: «окно 01.10.2023–30.11.2023», «ежегодно: 31.08.2024»."""
    occurrences = deadline.occurrences
    if deadline.kind == "continuous":
        return "постоянно (без срока)"
    if deadline.kind == "recurring":
        label = _cadence_name(deadline.rrule or "")
        dues = [date_numeric(o.due) for o in occurrences]
        if not dues:
            return f"{label}: в периоде нет сроков"
        if len(dues) > 4:
            total = count(len(dues), "срок", "срока", "сроков")
            return f"{label}: {', '.join(dues[:3])}, …, {dues[-1]} (всего {total})"
        return f"{label}: {', '.join(dues)}"
    if deadline.kind == "date":
        return "до " + ", ".join(date_numeric(o.due) for o in occurrences)
    parts = [f"{date_numeric(o.start)}–{date_numeric(o.due)}" if o.start else f"до {date_numeric(o.due)}"
             for o in occurrences]
    return ("окно " if len(parts) == 1 else "окна ") + ", ".join(parts)


def _cadence_name(rule: str) -> str:
    """«ежегодно», «2 раза в год», «ежемесячно» … from an RRULE value."""
    fields = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    freq = fields.get("FREQ")
    if freq == "WEEKLY":
        return "еженедельно"
    interval = fields.get("INTERVAL", "1")
    if freq == "MONTHLY" and interval.isdigit() and 0 < int(interval) <= 12:
        per_year = 12 // int(interval)
    elif freq == "YEARLY":
        per_year = len(fields.get("BYMONTH", "1").split(","))
    else:
        return "повторяется"
    names = {1: "ежегодно", 4: "ежеквартально", 12: "ежемесячно"}
    return names.get(per_year) or f"{per_year} {plural(per_year, 'раз', 'раза', 'раз')} в год"
