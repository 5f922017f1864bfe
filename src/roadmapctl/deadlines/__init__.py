"""Russian deadline phrases («до 21 июня 2021», «Октябрь – ноябрь», «ежегодно») as dates.

Roadmaps keep the deadline column as prose; `check`, `when` and the calendar
export need dates.  `parse_deadline` reads a phrase against the roadmap's
period and never raises: a phrase it cannot read comes back as `Unparsed`,
with the place where reading stopped, so `check` can point at it.

Reading goes in three steps.  The text is normalised without moving any
character (so offsets stay valid), cut into tokens (`tokens`), and read
clause by clause («октябрь», «до 1 июня», «ежегодно в августе» …) by
`reader.Reader`, which builds on `recurring`, `dates` and `cursor`.  A month
or date written without a year becomes a year-less `calendar.Template`,
placed in a year only at the end: that way one grammar serves «в августе»,
«август текущего года» and «ежегодно в августе».  Vocabulary lives in
`words`; the values returned, in `model`.

`dateutil` is imported only when a phrase repeats: `check` imports this
package on every commit and most phrases are plain months.
"""

from __future__ import annotations

from functools import lru_cache

from roadmapctl.deadlines.model import Deadline, DeadlineKind, Occurrence, Unparsed
from roadmapctl.deadlines.reader import Reader
from roadmapctl.deadlines.tokens import Fail, cut_remarks, normalize, tokenize
from roadmapctl.model.period import Period
from roadmapctl.model.ru import count, date_numeric, plural

__all__ = ["Deadline", "DeadlineKind", "Occurrence", "Unparsed", "describe", "parse_deadline"]


@lru_cache(maxsize=4096)
def parse_deadline(phrase: str, period: Period) -> Deadline | Unparsed:
    """Read a deadline phrase against the roadmap's period.  Never raises, for any string.

    Cached: a region's thousand roadmaps repeat the same few dozen phrases
    («В течение года», «Ежегодно»), and the result is an immutable value.
    """
    phrase = phrase if isinstance(phrase, str) else str(phrase)
    text = normalize(phrase)
    if not text.strip():
        return Unparsed(phrase, 0, "", "срок не указан")
    try:
        body, remark = cut_remarks(text, phrase)
        tokens = tokenize(body)
        if not tokens:
            lead = len(text) - len(text.lstrip())
            return Unparsed(phrase, lead, phrase.strip(), "срок не указан: в скобках только примечание")
        return _bounded(Reader(tokens, body, period).deadline(phrase, remark))
    except Fail as fail:
        return _unparsed(phrase, fail.start, fail.end, fail.reason)
    except (ValueError, OverflowError):  # calendar arithmetic near year 1 or 9999
        lead = len(text) - len(text.lstrip())
        return _unparsed(phrase, lead, len(phrase), "срок «{}» выходит за пределы календаря")


def _bounded(result: Deadline | Unparsed) -> Deadline | Unparsed:
    """A phrase with more control dates than `limits.MAX_OCCURRENCES_PER_ITEM` is not read.

    «ежемесячно» over a period of two centuries is a typo in the period, and
    a thousand such items would make `overdue` hold millions of dates.
    """
    from roadmapctl.limits import MAX_OCCURRENCES_PER_ITEM

    if not isinstance(result, Deadline) or len(result.occurrences) <= MAX_OCCURRENCES_PER_ITEM:
        return result
    found = count(len(result.occurrences), "контрольную дату", "контрольные даты", "контрольных дат")
    message = (f"срок «{_short(result.phrase)}» даёт в периоде карты {found} — больше допустимых "
               f"{MAX_OCCURRENCES_PER_ITEM}: проверьте период карты (period)")
    lead = len(result.phrase) - len(result.phrase.lstrip())
    return Unparsed(result.phrase, lead, result.phrase.strip(), message)


def _short(text: str, limit: int = 60) -> str:
    """One line, invisible characters named, at most `limit` characters: fit for a message."""
    from roadmapctl.model.text import shorten

    return shorten("".join(ch if ch.isprintable() else f"U+{ord(ch):04X}" for ch in " ".join(text.split())), limit)


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
    from roadmapctl.deadlines.recurring import TERMS_RULE

    if rule == TERMS_RULE:
        return "по четвертям"
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
