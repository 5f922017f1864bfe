"""Reading repetitions: «ежегодно в августе», «2 раза в год», «до 5 числа каждого месяца», «раз в четверть».

A repetition becomes an RRULE (kept on the `Deadline` for iCalendar) and the
occurrences of that rule inside the period, computed by `calendar.recur`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from roadmapctl.deadlines import words as W
from roadmapctl.deadlines.calendar import ONE_DAY, Template, bymonthday, real_date, recur
from roadmapctl.deadlines.cursor import compile_patterns
from roadmapctl.deadlines.dates import DateReader
from roadmapctl.deadlines.model import Occurrence
from roadmapctl.deadlines.tokens import Fail
from roadmapctl.model.ru import count

EACH_YEAR = compile_patterns(*W.EACH_YEAR)
_TERMS = compile_patterns(*W.TERMS)
TERMS_RULE = f"FREQ=YEARLY;BYMONTH={','.join(map(str, W.TERM_STARTS))};BYMONTHDAY=-1"
_AT_LEAST = compile_patterns("не_реже|не_менее|не_чаще?")
_DUE_PREFIX = compile_patterns("до|к|ко|по|не_позднее|не_позже|в_срок_до|в_срок_не_позднее?")
_MONTH_DAY_TAIL = compile_patterns(W.MONTH_DAY_TAIL)
_FOLLOWING = compile_patterns(W.FOLLOWING)
_YEAR_FOLLOWING = compile_patterns(W.YEAR_FOLLOWING)
_SINCE = compile_patterns(",? начиная? с|со")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Item:
    """One clause read: explicit windows, a whole period, a recurrence or «постоянно»."""

    __slots__ = ("end", "kind", "occurrences", "rule", "start", "whole")

    def __init__(self, kind: Literal["fixed", "recurring", "continuous"],
                 occurrences: list[Occurrence], rule: str | None = None) -> None:
        self.kind, self.occurrences, self.rule = kind, occurrences, rule
        self.whole = False  # «в течение года»: only says «throughout», adds nothing to a date
        self.start = self.end = 0  # character span in the phrase, for messages


class RecurrenceReader(DateReader):
    """Repetitions: `_recurring` reads the clause, the others build its `Item`."""

    def _recurring(self, i: int) -> tuple[Item, int] | None:
        """A repetition, and the year it starts in if one follows: «ежегодно, начиная с 2023 года»."""
        found = self._repetition(i)
        if found is None:
            return None
        item, k = found
        if (end := self._match(_SINCE, k)) is None or end == k or (year := self._year(end)) is None:
            return found
        first = date(year[0], 1, 1)
        if first > self.period.end:
            raise Fail(*self._span(k, year[1]), "«{}» — позже конца периода карты")
        # an occurrence that begins before the year is not part of the repetition
        item.occurrences = [o for o in item.occurrences if (o.start or o.due) >= first]
        return item, year[1]

    def _repetition(self, i: int) -> tuple[Item, int] | None:
        if (end := self._match(_TERMS, i)) and end > i:  # «1 раз в четверть»
            def term(due: date) -> date:
                return date(due.year, *W.TERM_STARTS[due.month])

            return Item("recurring", recur(self.period, TERMS_RULE, term), TERMS_RULE), end
        found = self._frequency(i)
        if found is None:
            return self._monthly_day_first(i)
        per_year, k = found
        if per_year == 1:
            templates, k = self._anchors(k)
            if templates:
                return self._yearly(templates), k
            j = self._skip(k, (",",))
            if (end := self._match(EACH_YEAR, j)) and end > j:
                k = end  # «ежегодно в течение года» says no more than «ежегодно»
        elif per_year in (4, 12) and (day := self._month_day(self._skip(k, (":", "-")))):
            on = self._monthly_on if per_year == 12 else self._quarterly_on
            return on(day[0]), day[1]
        else:  # «2 раза в год (январь, июнь)»: the months say when it falls
            templates, end = self._anchors(k)
            if templates:
                if len(templates) != per_year:
                    raise Fail(*self._span(i, end), _months_mismatch(len(templates), per_year))
                return self._yearly(templates), end
        return self._every(per_year), k

    def _frequency(self, i: int) -> tuple[int, int] | None:
        """«ежегодно», «каждый месяц», «не реже 2 раз в год» → (times a year, next token)."""
        text = self._text(i)
        if text in W.FREQUENCY_ADVERBS:
            return W.FREQUENCY_ADVERBS[text], i + 1
        if (text in W.EVERY or text == "по") and (word := self._text(i + 1)) in W.UNITS:
            return W.UNITS[word], i + 2
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
            raise Fail(*self._span(i, k + 1), "повторение «{}» не поддерживается")
        return per_year, k + 1

    def _anchors(self, k: int) -> tuple[list[Template], int]:
        """What follows «ежегодно»: «в августе», «до 1 сентября», «в мае и ноябре»."""
        found: list[Template] = []
        while True:
            # «ежегодно, в декабре», «ежегодно: декабрь», «ежегодно – декабрь» name one month
            j = self._skip(k, (",", "и") if found else (",", ":", "-"))
            raw = next((r for read in (self._season, self._part, self._months, self._day_window)
                        if (r := read(j))), None)
            if raw is None or raw.tpl is None:
                return found, k
            if found and raw.tpl.due[1] != found[0].due[1]:
                raise Fail(*self._span(j, raw.end),
                            "в повторяющемся сроке разные числа месяца: «{}»")
            found.append(raw.tpl)
            k = self._match(_YEAR_FOLLOWING, raw.end) or raw.end  # «до 20 января года, следующего за отчетным»

    def _month_day(self, k: int) -> tuple[int, int, int] | None:
        """«, до 5-го числа (каждого месяца)» after «ежемесячно» → (day, next token, per year).

        Per year: 4 for «… месяца, следующего за отчетным кварталом», 12 for any other
        mention of the month, 0 for a bare «до 5 числа».
        """
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
                raise Fail(tok.start, tok.end, "в месяце нет числа «{}»")
            return None
        end = j + 1 + number
        if (tail := self._match(_MONTH_DAY_TAIL, end)) is None or tail == end:
            return day, end, 0
        if (following := self._match(_FOLLOWING, tail)) and following > tail:
            return day, following, 4 if self._text(following - 1) == "кварталом" else 12
        return day, tail, 12

    def _monthly_day_first(self, i: int) -> tuple[Item, int] | None:
        """«до 5 числа каждого месяца», «до 20 числа ежемесячно», «до 10 числа месяца,
        следующего за отчетным кварталом»."""
        found = self._month_day(i)
        if found is None:
            return None
        day, k, per_year = found
        if per_year == 4:
            return self._quarterly_on(day), k
        if not per_year and self._text(k) != "ежемесячно":
            return None
        return self._monthly_on(day), k + (self._text(k) == "ежемесячно")

    def _every(self, per_year: int) -> Item:
        """A recurrence that tiles the period: yearly, per half, quarter, month or week."""
        p = self.period
        eve = p.start - ONE_DAY
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
                rule = f"FREQ=YEARLY;BYMONTH={eve.month};{bymonthday(day, [eve.month])}"
            else:
                rule = f"FREQ=MONTHLY;INTERVAL={12 // per_year};{bymonthday(day, range(1, 13))}"
                anchor = eve
        else:  # academic years end in August, calendar ones in December
            last = 8 if p.kind == "academic" else 12
            if p.kind == "academic" and per_year == 2:
                months = [8, 12]  # halves of an academic year: September–December, January–August
            else:
                months = sorted((last - 1 - s * 12 // per_year) % 12 + 1 for s in range(per_year))
            rule = f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};{bymonthday(-1, months)}"
        return Item("recurring", recur(p, rule, anchor=anchor), rule)

    def _monthly_on(self, day: int) -> Item:
        rule = f"FREQ=MONTHLY;{bymonthday(day, range(1, 13))}"
        return Item("recurring", recur(self.period, rule, lambda due: due.replace(day=1)), rule)

    def _quarterly_on(self, day: int) -> Item:
        """«ежеквартально до 10 числа»: reports on a quarter, due in the month after it."""
        months = W.QUARTER_REPORT_MONTHS
        rule = f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};{bymonthday(day, months)}"
        return Item("recurring", recur(self.period, rule, lambda due: due.replace(day=1)), rule)

    def _yearly(self, templates: list[Template]) -> Item:
        """Every year in the windows of year-less templates: «ежегодно в августе»."""
        by_month = {t.due[0]: t for t in templates}
        months = sorted(by_month)
        rule = f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};"
        rule += bymonthday(templates[0].due[1], months)

        def window(due: date) -> date | None:
            tpl = by_month[due.month]
            if tpl.start is None:
                return None
            return real_date(due.year - tpl.span, *tpl.start) or due

        return Item("recurring", recur(self.period, rule, window), rule)


def _months_mismatch(named: int, per_year: int) -> str:
    """«названо 3 месяца, а повторение — 2 раза в год»."""
    verb = "назван" if named % 10 == 1 and named % 100 != 11 else "названо"
    return (f"{verb} {count(named, 'месяц', 'месяца', 'месяцев')}, "
            f"а повторение — {count(per_year, 'раз', 'раза', 'раз')} в год")
