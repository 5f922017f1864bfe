"""Reading years and parts of them: «2021-2025 гг.», «I квартал 2024 г.», «II полугодие», «летом».

The base of the date readers (`dates.DateReader` builds on `PartReader`), and
the home of `Raw`, the value every date reader returns.
"""

from __future__ import annotations

from datetime import date

from roadmapctl.deadlines import words as W
from roadmapctl.deadlines.calendar import Template, clip, comes_after, resolve
from roadmapctl.deadlines.cursor import Cursor, compile_patterns
from roadmapctl.deadlines.model import Occurrence
from roadmapctl.deadlines.tokens import Fail
from roadmapctl.limits import MAX_YEAR, MIN_YEAR
from roadmapctl.model.period import academic_year

_PART_PREFIX = compile_patterns(W.PART_PREFIX)
_SEASON_PREFIX = compile_patterns(W.SEASON_PREFIX)
_YEAR_PREFIX = compile_patterns(W.YEAR_PREFIX)


class Raw:
    """A date or window just read: explicit (`occ`) or year-less (`tpl`)."""

    __slots__ = ("end", "occ", "seasonal", "tpl")

    def __init__(self, end: int, occ: Occurrence | None = None, tpl: Template | None = None,
                 seasonal: bool = False) -> None:
        self.end = end  # next token
        self.occ, self.tpl = occ, tpl
        self.seasonal = seasonal  # «летом»: repeats every year of a multi-year plan


class PartReader(Cursor):
    """Years, quarters, halves, school terms and seasons; each reader returns a `Raw` or None."""

    def _year(self, k: int) -> tuple[int, int] | None:
        """«2024», «2024 г.», «2024 года» → (year, next token)."""
        tok = self._tok(k)
        if tok is None or tok.year is None:
            return None
        if not MIN_YEAR <= tok.year <= MAX_YEAR:
            raise Fail(tok.start, tok.end, f"год «{{}}» вне допустимых {MIN_YEAR}–{MAX_YEAR}")
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
            raise Fail(*self._span(i, k), "учебный год «{}» должен состоять из двух соседних лет")
        if y2 < y1:
            raise Fail(*self._span(i, k), "конец срока «{}» раньше начала")
        return academic, y1, y2, k

    def _onward(self, raw: Raw) -> Raw:
        """«с 1 сентября», «с октября»: from that day on, to the end of the plan."""
        occ = raw.occ if raw.tpl is None else resolve(raw.tpl, self.period)
        if occ is None:  # a 29 February the period never reaches
            return raw
        start = occ.start or occ.due
        return Raw(raw.end, occ=Occurrence(start, max(start, self.period.end)))

    def _part(self, i: int) -> Raw | None:
        """A part of a year, or a range of two: «1 квартал 2024 г. – 2 квартал 2024 г.»."""
        if (first := self._one_part(i)) is None:
            return None
        j = self._skip(first.end)
        if self._text(j) not in ("-", "по", "до") or (second := self._one_part(j + 1)) is None:
            return first
        if first.occ is not None and second.occ is not None:
            start = first.occ.start or first.occ.due
            if second.occ.due < start:
                raise Fail(*self._span(i, second.end), "конец срока «{}» раньше начала")
            return Raw(second.end, occ=Occurrence(start, second.occ.due))
        if first.tpl is not None and second.tpl is not None and first.tpl.start is not None:
            begin, due = first.tpl.start, second.tpl.due
            return Raw(second.end, tpl=Template(due, begin, int(comes_after(begin, due))))
        return first

    def _one_part(self, i: int) -> Raw | None:
        """«I квартал 2024 г.», «II полугодие», «в 1-2 кварталах», «I полугодие 2023/2024 уч. года», «IV четверть»."""
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
        elif self._text(k) in W.TERM_WORDS:
            size = 0  # school terms: uneven, see `words.TERM_MONTHS`
        else:
            return None
        if size == 6 and max(q1, q2) > 2:
            raise Fail(*self._span(i, k + 1), "в году только два полугодия, а здесь «{}»")
        k = self._skip(k + 1)
        span = self._year_span(k)
        academic = size == 6 and (span[0] if span else self.period.kind == "academic")

        def months(q: int) -> tuple[int, int]:
            if not size:
                return W.TERM_MONTHS[q]
            if academic:
                return (9, 12) if q == 1 else (1, 8)
            return size * (q - 1) + 1, size * q

        start, due = (months(q1)[0], 1), (months(q2)[1], -1)
        tpl = Template(due, start, int(comes_after(start, due)))
        if span is None:
            return Raw(k, tpl=tpl)
        is_academic, y1, y2, end = span
        if is_academic:
            occ = resolve(tpl, academic_year(y1))
        elif y1 != y2:
            raise Fail(*self._span(i, end), "непонятно, к какому году относится «{}»")
        else:
            occ = tpl.at(y1)
        assert occ is not None  # quarters and halves exist every year
        return Raw(end, occ=occ)

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

    def _season(self, i: int) -> Raw | None:
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
        tpl = Template((dm, dd), (sm, sd), int(comes_after((sm, sd), (dm, dd))))
        if (span := self._year_span(k)) is None:
            return Raw(k, tpl=tpl, seasonal=True)
        academic, y1, y2, end = span
        occ = resolve(tpl, academic_year(y1)) if academic else tpl.at(y2)
        assert occ is not None
        return Raw(end, occ=occ)

    def _years(self, i: int) -> Raw | None:
        """«2021-2025», «в 2024 году», «2023/2024 учебный год»: the part of the plan in them."""
        k = self._match(_YEAR_PREFIX, i) or i
        opened = k == i and self._text(i) in ("с", "со")  # «с 2023 года»: from then on
        if (span := self._year_span(k + opened)) is None:
            return None
        academic, y1, y2, end = span
        if academic:
            occ = Occurrence(date(y1, 9, 1), date(y2, 8, 31))
        else:
            occ = Occurrence(date(y1, 1, 1), date(y2, 12, 31))
        if opened and y1 == y2 - academic:
            return self._onward(Raw(end, occ=occ))
        return Raw(end, occ=clip(occ, self.period))
