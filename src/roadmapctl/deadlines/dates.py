"""Reading dates and windows of months and days: «21 июня 2021», «Октябрь – ноябрь», «до конца года».

Each reader returns a `Raw` (see `parts`): an explicit window, or a year-less
`Template` when no year is written, which the clause reader places in the
period or repeats every year.
"""

from __future__ import annotations

import re
from datetime import date

from roadmapctl.deadlines import words as W
from roadmapctl.deadlines.calendar import Template, comes_after, real_date
from roadmapctl.deadlines.cursor import compile_patterns
from roadmapctl.deadlines.model import Occurrence
from roadmapctl.deadlines.parts import PartReader, Raw
from roadmapctl.deadlines.tokens import Fail
from roadmapctl.limits import MAX_YEAR, MIN_YEAR

_MONTH_PREFIX = compile_patterns(W.MONTH_PREFIX)
_DATE_PREFIX = compile_patterns(W.DATE_PREFIX)
_END_OF = tuple((compile_patterns(p), md) for p, md in W.END_OF.items())
_BEGIN_OF = tuple((compile_patterns(p), md) for p, md in W.BEGIN_OF.items())
_END_OF_PERIOD = compile_patterns(W.END_OF_PERIOD)
_BY_FIRST_DAY = frozenset({"до", "к", "ко", "в срок до", "срок до"})  # «до сентября» = 1 September
_BY_LAST_DAY = frozenset({"не позднее", "не позже", "в срок не позднее", "по"})

Point = tuple[int | None, int, int | None]  # (month, day, year); month None: a bare day


class DateReader(PartReader):
    """Dates and windows of months and days; each reader returns a `Raw` or None."""

    def _month_point(self, k: int) -> tuple[int, int | None, int] | None:
        """«август», «август 2021 г.», «2020 г. сентябрь» → (month, year or None, next)."""
        if (month := W.MONTHS.get(self._text(k) or "")) is not None:
            year = self._year(self._skip(k + 1)) or self._comma_year(k + 1)
            return (month, *year) if year else (month, None, k + 1)
        if year := self._year(k):
            j = self._skip(year[1])
            if (month := W.MONTHS.get(self._text(j) or "")) is not None:
                return month, year[0], j + 1
        return None

    def _comma_year(self, k: int) -> tuple[int, int] | None:
        """«, 2024» after a month: the month's year, when nothing but the phrase's end or
        a separator follows it («октябрь, 2024» is October 2024; «октябрь, 2024-2025» is not)."""
        if self._text(k) != "," or (year := self._year(k + 1)) is None:
            return None
        after = self._text(self._skip(year[1]) if self._text(year[1]) == "." else year[1])
        if after is None or (after in W.SEPARATORS and after not in ("-", ".")):
            return year
        return None

    def _day_point(self, k: int) -> tuple[Point, int] | None:
        """«21 июня 2021», «01.10.2020», «20.12», or a bare day «1» (of «с 1 по 15 июня»)."""
        tok = self._tok(k)
        if tok is None:
            return None
        if tok.kind in ("date", "iso", "daymonth"):
            parts = [int(p) for p in re.split(r"[.-]", tok.text)]
            if tok.kind == "iso":
                parts.reverse()
            d, m = parts[0], parts[1]
            y = parts[2] if len(parts) > 2 else None
            if y is not None and y < 100:
                y += 2000
            if y is not None and not MIN_YEAR <= y <= MAX_YEAR:
                raise Fail(tok.start, tok.end, f"год в дате «{{}}» вне допустимых {MIN_YEAR}–{MAX_YEAR}")
            if real_date(y or 2000, m, d) is None:
                raise Fail(tok.start, tok.end, "несуществующая дата «{}»")
            if y is not None and self._text(k + 1) in W.YEAR_WORDS:
                k += 1  # «15.09.2023 г.», «30.06.2024г.»
            return (m, d, y), k + 1
        if tok.kind != "num" or len(tok.text.split("-")[0]) > 2:
            return None
        month = W.MONTHS.get(self._text(k + 1) or "")
        if month is None:
            return (None, tok.value or 0, None), k + 1
        year = self._year(k + 2)
        y, end = year if year else (None, k + 2)
        if real_date(y or 2000, month, tok.value or 0) is None:
            raise Fail(*self._span(k, end), "несуществующая дата «{}»")
        return (month, tok.value or 0, y), end

    def _window(self, first: Point | None, last: Point, i: int, end: int) -> Raw:
        """[first, last] as dates, or a template if no year is given; a year on one end
        fixes the other («Февраль- март 2021»)."""
        lo, hi = self._span(i, end)
        m2, d2, y2 = last
        assert m2 is not None
        if first is None:
            if y2 is None:
                return Raw(end, tpl=self._template(None, (m2, d2), lo, hi))
            return Raw(end, occ=Occurrence(None, self._make_date(y2, m2, d2, lo, hi)))
        m1, d1, y1 = first
        assert m1 is not None
        crosses = comes_after((m1, d1), (m2, d2))
        if y1 is None and y2 is None:
            return Raw(end, tpl=self._template((m1, d1), (m2, d2), lo, hi))
        if y1 is None:
            assert y2 is not None
            y1 = y2 - crosses
        elif y2 is None:
            y2 = y1 + crosses
        start, due = self._make_date(y1, m1, d1, lo, hi), self._make_date(y2, m2, d2, lo, hi)
        if due < start:
            raise Fail(lo, hi, "конец срока «{}» раньше начала")
        return Raw(end, occ=Occurrence(start, due))

    @staticmethod
    def _make_date(y: int, m: int, d: int, lo: int, hi: int) -> date:
        if (day := real_date(y, m, d)) is None:
            raise Fail(lo, hi, "несуществующая дата «{}»")
        return day

    @staticmethod
    def _template(start: tuple[int, int] | None, due: tuple[int, int], lo: int, hi: int) -> Template:
        def checked(month: int, day: int) -> tuple[int, int]:
            if real_date(2000, month, day) is None:  # 2000 is a leap year: 29 February passes
                raise Fail(lo, hi, "несуществующая дата «{}»")
            return (month, -1) if month != 2 and day == W.MONTH_DAYS[month] else (month, day)

        if start is None:
            return Template(checked(*due))
        return Template(checked(*due), checked(*start), int(comes_after(start, due)))

    def _months(self, i: int) -> Raw | None:
        """«август», «в августе 2021 г.», «Октябрь – ноябрь», «с сентября по декабрь»."""
        k = self._match(_MONTH_PREFIX, i) or i
        opened = k > i and self.toks[k - 1].text in ("с", "со")
        if (first := self._month_point(k)) is None:
            return None
        m1, y1, k = first
        j = self._skip(k)
        joined = self._text(j) in ("-", "/", "по") or (opened and self._text(j) == "до")
        if joined and (second := self._month_point(j + 1)):
            m2, y2, end = second
            return self._window((m1, 1, y1), (m2, -1, y2), i, end)
        if y1 is None and not opened:
            y1 = self._list_year(m1, k)
        month = self._window((m1, 1, y1), (m1, -1, y1), i, k)
        return self._onward(month) if opened else month

    def _list_year(self, month: int, k: int) -> int | None:
        """The year closing a list of months, «март, май и октябрь 2022 г.», for a year-less one."""
        for _ in range(12):
            j = self._skip(k, (",", "и"))
            if j == k or (point := self._month_point(j)) is None:
                return None
            later, year, k = point
            if year is not None:
                return year - comes_after((month, 1), (later, 1))
        return None

    def _day_window(self, i: int) -> Raw | None:
        """«до 21 июня 2021», «01.10.2020», «с 1 по 15 сентября», «до конца года», «до сентября»."""
        k = self._match(_DATE_PREFIX, i) or i
        if k == i and self._text(k) in ("в", "во", "на") and (week := self._week(i, k + 1)):
            return week
        if week := self._week(i, k):
            return week
        if k == i and self._text(k) == "в" and self._text(k + 1) == "конце":
            k += 1  # «в конце года» is due when the year ends, as «до конца года»
        if k == i and self._text(k) == "в" and self._text(k + 1) in W.EARLY_WORDS:
            return self._early(i, k + 2)
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
        if p1[0] is None:
            return None
        window = self._window(None, p1, i, k)
        return self._onward(window) if prefix in ("с", "со") else window

    def _week(self, i: int, k: int) -> Raw | None:
        """«первая неделя сентября», «последней недели мая»: the month's first or last seven days."""
        which = W.WEEK_ORDINALS.get(self._text(k) or "")
        if which is None or self._text(k + 1) not in W.WEEK_WORDS:
            return None
        if (point := self._month_point(k + 2)) is None:
            return None
        month, year, end = point
        if which == "first":
            return self._window((month, 1, year), (month, 7, year), i, end)
        return self._window((month, W.MONTH_DAYS[month] - 6, year), (month, -1, year), i, end)

    def _early(self, i: int, k: int) -> Raw | None:
        """After «в начале»: «учебного года» is September, «года» January, a month its first ten days."""
        for pattern, (month, _day) in _BEGIN_OF:
            if (end := self._match(pattern, k)) and end > k:
                return self._window((month, 1, None), (month, -1, None), i, end)
        if point := self._month_point(k):
            month, year, end = point
            return self._window((month, 1, year), (month, 10, year), i, end)
        return None

    def _edge(self, k: int, is_end: bool, i: int) -> Raw | None:
        """After «до конца» / «к началу»: «года», «учебного года», «августа», «I квартала»."""
        for pattern, (month, day) in _END_OF if is_end else _BEGIN_OF:
            if (end := self._match(pattern, k)) and end > k:
                return Raw(end, tpl=Template((month, day)))
        if span := self._year_span(k):
            academic, y1, y2, end = span
            if is_end:
                return Raw(end, occ=Occurrence(None, date(y2, 8, 31) if academic else date(y2, 12, 31)))
            return Raw(end, occ=Occurrence(None, date(y1, 9, 1) if academic else date(y1, 1, 1)))
        if is_end and (end := self._match(_END_OF_PERIOD, k)) and end > k:
            return Raw(end, occ=Occurrence(None, self.period.end))
        if point := self._month_point(k):
            month, year, end = point
            return self._window(None, (month, -1 if is_end else 1, year), i, end)
        if raw := self._part(k):
            if raw.occ is not None:
                edge = raw.occ.due if is_end else raw.occ.start
                return Raw(raw.end, occ=Occurrence(None, edge or raw.occ.due))
            assert raw.tpl is not None
            return Raw(raw.end, tpl=Template(raw.tpl.due if is_end or not raw.tpl.start
                                               else raw.tpl.start))
        return None
