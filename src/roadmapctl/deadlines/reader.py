"""Reading a whole phrase: clause by clause («октябрь», «до 1 июня», «ежегодно в августе»).

Clauses are separated by commas, «и», «далее» …; each is «постоянно», a
repetition, the whole period («в течение года», «по графику») or a date or
window.
`Reader._combine` then makes one `Deadline` of them.
"""

from __future__ import annotations

from datetime import date

from roadmapctl.deadlines import words as W
from roadmapctl.deadlines.calendar import resolve
from roadmapctl.deadlines.cursor import compile_patterns
from roadmapctl.deadlines.model import Deadline, DeadlineKind, Occurrence
from roadmapctl.deadlines.parts import Raw
from roadmapctl.deadlines.recurring import EACH_YEAR, Item, RecurrenceReader
from roadmapctl.deadlines.tokens import HYPHENATED, Fail

_CONTINUOUS = compile_patterns(*W.CONTINUOUS)
_WHOLE_PERIOD = compile_patterns(*W.WHOLE_PERIOD)
_SCHEDULE = compile_patterns(*W.SCHEDULE)
_EVERY_YEAR = compile_patterns(W.EVERY_YEAR)
_THIS_YEAR = compile_patterns(W.THIS_YEAR)


class Reader(RecurrenceReader):
    """Reads the tokens of one phrase against a period, clause by clause."""

    def deadline(self, phrase: str, remark: str | None) -> Deadline:
        """The phrase as one `Deadline`; raises `Fail` where reading stops."""
        items: list[Item] = []
        k = 0
        while k < len(self.toks):
            if self.toks[k].text in W.SEPARATORS:
                k += 1
                continue
            self.far = k
            for clause in (self._continuous, self._recurring, self._whole, self._schedule, self._dated):
                if found := clause(k):
                    item, end = found
                    item.start, item.end = self._span(k, end)
                    items.append(item)
                    k = end
                    break
            else:
                raise self._stuck(k)
        if not items:  # only dashes, commas, «и»
            raise Fail(self.toks[0].start, self.toks[-1].end, "в «{}» нет срока")
        return self._combine(items, phrase, remark)

    def _stuck(self, k: int) -> Fail:
        if self.far >= len(self.toks):
            return Fail(self.toks[k].start, self.toks[-1].end, "не хватает продолжения после «{}»")
        tok = self.toks[self.far]
        end = tok.end
        if tok.kind == "word" and (word := HYPHENATED.match(self.text, tok.start)):
            end = word.end()  # «когда-нибудь» as one word
        return Fail(tok.start, end, "непонятно «{}»")

    def _combine(self, items: list[Item], phrase: str, remark: str | None) -> Deadline:
        """«постоянно» wins over «в течение года» only, which itself adds nothing to a date or a
        recurrence; one recurrence takes in the rest."""
        if any(i.kind == "continuous" for i in items) and all(i.kind == "continuous" or i.whole
                                                               for i in items):
            return Deadline("continuous", (), phrase, remark)
        items = [i for i in items if i.kind != "continuous"]
        if not all(i.whole for i in items):  # «по графику в октябре», «ежегодно, в течение года»
            items = [i for i in items if not i.whole]
        rules = list(dict.fromkeys(item.rule for item in items if item.rule))
        if len(rules) > 1:
            second = next(item for item in items if item.rule == rules[1])
            raise Fail(second.start, second.end, "второе повторение в одной фразе: «{}»")
        occurrences = {o for item in items for o in item.occurrences}
        ordered = tuple(sorted(occurrences, key=lambda o: (o.due, o.start or date.min)))
        if rules:
            return Deadline("recurring", ordered, phrase, remark, rules[0])
        kind: DeadlineKind = "date" if all(o.start is None for o in ordered) else "window"
        return Deadline(kind, ordered, phrase, remark)

    # clauses: each returns (item, next token) or None
    def _continuous(self, i: int) -> tuple[Item, int] | None:
        end = self._match(_CONTINUOUS, i)
        return (Item("continuous", []), end) if end and end > i else None

    def _whole(self, i: int) -> tuple[Item, int] | None:
        if (end := self._match(_WHOLE_PERIOD, i)) and end > i:
            item = Item("fixed", [Occurrence(self.period.start, self.period.end)])
        elif (end := self._match(EACH_YEAR, i)) and end > i:
            item = self._every(1) if self.multi_year else Item(
                "fixed", [Occurrence(self.period.start, self.period.end)])
        else:
            return None
        item.whole = True
        return item, end

    def _schedule(self, i: int) -> tuple[Item, int] | None:
        """«по графику», «в соответствии с планом работы ОО»: somewhen in the plan's period."""
        end = self._match(_SCHEDULE, i)
        if not end or end <= i:
            return None
        while (tok := self._tok(end)) is not None and tok.kind == "word" and not (
                tok.text in W.SEPARATORS or tok.text in W.SCHEDULE_TAIL_STOP or tok.text in W.MONTHS):
            end += 1  # whose schedule: «работы ОО», «Минпросвещения России»
        item = Item("fixed", [Occurrence(self.period.start, self.period.end)])
        item.whole = True
        return item, end

    def _dated(self, i: int) -> tuple[Item, int] | None:
        # «в период с 1 по 30 ноября», «на период 2021-2025 годов»: the window after «период»
        j = i
        if self._text(i) in ("в", "за", "на") and self._text(i + 1) == "период":
            after = self._tok(i + 2)  # looked at only here: how far reading got is what errors show
            if after is not None and (after.text in ("с", "со") or after.kind == "num"):
                j = i + 2
        for read in (self._season, self._part, self._months, self._day_window, self._years):
            if raw := read(j):
                item, end = self._finish(raw, i)
                # «2021-2025 гг.» in a 2021-2025 plan says no more than «в течение всего периода»
                item.whole = item.occurrences == [Occurrence(self.period.start, self.period.end)]
                return item, end
        return None

    def _finish(self, raw: Raw, i: int) -> tuple[Item, int]:
        """An explicit window as is; a year-less one resolved, or repeated every year."""
        if raw.occ is not None:
            return Item("fixed", [raw.occ]), raw.end
        assert raw.tpl is not None
        k = raw.end
        if (end := self._match(_EVERY_YEAR, k)) and end > k:
            return self._yearly([raw.tpl]), end
        repeat = raw.seasonal  # «летом» in a multi-year plan: every summer
        if (end := self._match(_THIS_YEAR, k)) and end > k:
            k, repeat = end, True  # «август текущего года»
        if repeat and self.multi_year:
            return self._yearly([raw.tpl]), k
        if (occ := resolve(raw.tpl, self.period)) is None:
            raise Fail(*self._span(i, k), "несуществующая дата «{}»")
        return Item("fixed", [occ]), k
