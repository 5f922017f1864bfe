"""Deadlines compared relative to their periods.

«Октябрь 2023 г.» in the 2023/2024 roadmap and «Октябрь 2024 г.» in the
2024/2025 one are the same deadline.  Both phrases are resolved by the
deadline parser against their own period (an explicit `due:` pin wins), last
year's dates are moved by the difference of the periods' starts in whole
months, and only then compared.  So a reworded phrase with the same meaning
(«Октябрь-ноябрь» → «октябрь – ноябрь») is no change, while a year left
unedited («Сентябрь 2023 г.» in the 2024/2025 roadmap) is one.  A change is
shown in the phrases as written («В течение года» → «1 раз в четверть»), never
in the parser's reading of them: the reader knows the document's words; dates
are shown only when the words are the same and a `due:` pin moved.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from roadmapctl.deadlines import Occurrence, Unparsed, parse_deadline
from roadmapctl.diff.words import same_text
from roadmapctl.model.period import Period
from roadmapctl.model.roadmap import ItemInContext
from roadmapctl.model.ru import count


@dataclass(frozen=True)
class Schedule:
    """A deadline resolved: kind (date, window, recurring, continuous, pinned, none) and dates."""

    kind: str
    occurrences: tuple[Occurrence, ...]
    phrase: str | None

    @property
    def resolved(self) -> bool:
        return self.kind not in ("none", "unparsed")


def months_between(old: Period | None, new: Period | None) -> int:
    """period.start of new minus old, in whole months."""
    if old is None or new is None:
        return 0
    return (new.start.year - old.start.year) * 12 + new.start.month - old.start.month


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the last day of a month stays the last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month + 1, last if was_last else min(day.day, last))


def schedule(ctx: ItemInContext, period: Period | None) -> Schedule:
    phrase = ctx.effective_deadline
    if ctx.effective_due:
        return Schedule("pinned", tuple(Occurrence(None, d) for d in sorted(ctx.effective_due)), phrase)
    if not phrase or period is None:
        return Schedule("none", (), phrase)
    parsed = parse_deadline(phrase, period)
    if isinstance(parsed, Unparsed):
        return Schedule("unparsed", (), phrase)
    return Schedule(parsed.kind, parsed.occurrences, phrase)


def shifted(sched: Schedule, months: int) -> Schedule:
    occurrences = tuple(
        Occurrence(add_months(o.start, months) if o.start else None, add_months(o.due, months))
        for o in sched.occurrences)
    return Schedule(sched.kind, occurrences, sched.phrase)


def deadline_summary(old: Schedule, new: Schedule, months: int, year_shift: int,
                     new_period: Period | None) -> tuple[str, str] | None:
    """None when the deadline is the same relative to the period; else (kind, Russian line).

    The kind is `deadline_moved` when every date moved by the same amount,
    `deadline_changed` otherwise.
    """
    if not (old.resolved and new.resolved) or old.kind == new.kind == "continuous":
        # Without dates to compare («по мере необходимости», «постоянно») the words are the deadline.
        if same_text(old.phrase, new.phrase, year_shift):
            return None
        return "deadline_changed", f"срок изменён: {_quoted(old.phrase)} → {_quoted(new.phrase)}"
    moved = shifted(old, months)
    if "pinned" in (old.kind, new.kind):
        if _dues(moved) == _dues(new):
            return None
    elif moved.kind == new.kind and moved.occurrences == new.occurrences:
        return None
    if months and _dues(old) == _dues(new):
        return "deadline_moved", (f"срок остался прежним ({_quoted(new.phrase)}) и не сдвинут вместе с периодом: "
                f"относительно периода на {_amount(abs(months), 0)} раньше")
    if same_text(old.phrase, new.phrase, year_shift):
        # The words are the same; the pinned dates (`due:`) differ: show the dates.
        years = _needs_years(new_period, moved, new)
        before, after = _describe(moved, years), _describe(new, years)
    else:
        # The phrases as written, not their reading: the reader knows the document's words.
        before, after = _quoted(old.phrase), _quoted(new.phrase)
    step = _uniform_step(moved, new)
    if step is None or step == (0, 0):
        return "deadline_changed", f"срок изменён: {before} → {after}"
    months_step, days_step = step
    later = months_step > 0 or (months_step == 0 and days_step > 0)
    amount = _amount(abs(months_step), abs(days_step))
    return "deadline_moved", f"срок перенесён: {before} → {after} (на {amount} {'позже' if later else 'раньше'})"


def _dues(sched: Schedule) -> tuple[date, ...]:
    return tuple(o.due for o in sched.occurrences)


def _uniform_step(old: Schedule, new: Schedule) -> tuple[int, int] | None:
    """(months, days) by which every due date moved alike, or None."""
    if len(old.occurrences) != len(new.occurrences) or not old.occurrences:
        return None
    steps = {_step(a.due, b.due) for a, b in zip(old.occurrences, new.occurrences, strict=True)}
    return steps.pop() if len(steps) == 1 else None


def _step(a: date, b: date) -> tuple[int, int]:
    months = (b.year - a.year) * 12 + b.month - a.month
    if add_months(a, months) == b:
        return months, 0
    return 0, (b - a).days


def _amount(months: int, days: int) -> str:
    return f"{months} мес." if months else count(days, "день", "дня", "дней")


def _needs_years(period: Period | None, *scheds: Schedule) -> bool:
    """Month names alone are clear inside a one-year period; otherwise say the year."""
    if period is None or (period.end - period.start).days > 366:
        return True
    return any(not period.contains(d) for s in scheds for o in s.occurrences
               for d in (o.start, o.due) if d is not None)


def _describe(sched: Schedule, years: bool) -> str:
    if sched.kind in ("continuous", "recurring") or not sched.occurrences:
        return _quoted(sched.phrase)
    return ", ".join(_occurrence(o, years) for o in sched.occurrences)


def _occurrence(occ: Occurrence, years: bool) -> str:
    from roadmapctl.model.ru import month_names_genitive, month_names_nominative

    months = month_names_nominative()
    start, due = occ.start, occ.due
    month_end = due.day == calendar.monthrange(due.year, due.month)[1]
    if start is not None and start.day == 1 and month_end:
        last = months[due.month].lower() + (f" {due.year}" if years else "")
        if (start.year, start.month) == (due.year, due.month):
            return last
        first = months[start.month].lower()
        if years and start.year != due.year:
            first += f" {start.year}"
        return f"{first} – {last}"
    if start is None:
        return f"до {due.day} {month_names_genitive()[due.month]}" + (f" {due.year}" if years else "")
    pattern = "%d.%m.%Y" if years else "%d.%m"
    return f"{start.strftime(pattern)}–{due.strftime(pattern)}"


def _quoted(phrase: str | None) -> str:
    return f"«{' '.join(phrase.split())}»" if phrase else "не указан"
