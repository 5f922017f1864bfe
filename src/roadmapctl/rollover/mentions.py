"""Where a text names the roadmap's own period, and how to move or neutralise that mention.

«на 2023/2024 учебный год» in the title of the 2023/2024 roadmap names the
period; next year it must read «на 2024/2025 учебный год».  «на 2023-2025
годы» in the same roadmap names a regional programme and must stay as it is,
and so must «приказ от 14.06.2023».  Only a year range equal to the period's
first and last years (any dash or a slash, the second year in full or in two
digits), or the year itself for a one-year period (unless a day or a month
comes before it: «от 5 мая 2021 г.» is a date), is a mention of the period;
everything else is a fixed year.  `rollover` moves these mentions with the
period, and the `textconv` driver writes them relative to it, so the two agree
on which years belong to the period.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from roadmapctl.model.period import Period

_RANGE = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)(\s*[-\u2010-\u2015\u2212/]\s*)((?:19|20)?\d\d)(?!\d)(?!\.\d)")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?!\d)(?!\.\d)")  # not the year of a date «14.06.2023»
_DATED = re.compile(r"(?:\d|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s*$",
                    re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def replace_mentions(text: str, period: Period, write: Callable[[int, int, str, bool], str]) -> str:
    """`text` with each mention of the period replaced by `write(first, last, separator, short)`.

    `short` is True when the last year was written in two digits («2023/24»).
    """
    first, last = period.start.year, period.end.year

    def span(m: re.Match[str]) -> str:
        start, sep, end = int(m[1]), m[2], m[3]
        end_year = end if len(end) == 4 else f"{m[1][:2]}{end}"
        if (start, int(end_year)) == (first, last) and first != last:
            return write(first, last, sep, len(end) == 2)
        return m[0]

    text = _RANGE.sub(span, text)
    if first == last:
        def year(m: re.Match[str]) -> str:
            if int(m[1]) != first or _DATED.search(text[: m.start()]):
                return m[0]  # «от 5 мая 2021 г.» is a date, not the period
            return write(first, last, "", False)

        text = _YEAR.sub(year, text)
    return text


def moved(text: str, period: Period, years: int) -> str:
    """The mentions of the period moved by `years`, in the same style («2023/24» → «2024/25»)."""
    def write(first: int, last: int, sep: str, short: bool) -> str:
        if first == last:
            return str(first + years)
        end = str(last + years)
        return f"{first + years}{sep}{end[2:] if short else end}"

    return replace_mentions(text, period, write)


def old_years(text: str, lo: int, hi: int) -> list[int]:
    """The years between `lo` and `hi` the text names, in order, without repeats."""
    found = [int(m[1]) for m in _ANY_YEAR.finditer(text)]
    for m in _RANGE.finditer(text):  # «2023/24»: the short second year counts too
        if len(m[3]) == 2:
            found.append(int(m[1][:2] + m[3]))
    return list(dict.fromkeys(y for y in found if lo <= y <= hi))
