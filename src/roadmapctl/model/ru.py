"""Russian language helpers: plural agreement, month names, date forms.

Plural agreement follows the CLDR rule for Russian (one / few / many).  It is
written out here instead of loading Babel because `check` prints a plural on
every commit and Babel's locale data costs more start-up time than the whole
check of a small repository; month names for documents come from Babel.
"""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_RU_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def plural_form(n: int) -> str:
    """CLDR category of an integer in Russian: 'one', 'few' or 'many'."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 ошибка», «3 ошибки», «5 ошибок»: the word form for the number."""
    return {"one": one, "few": few, "many": many}[plural_form(n)]


def count(n: int, one: str, few: str, many: str) -> str:
    return f"{n} {plural(n, one, few, many)}"


def month_names_genitive() -> list[str]:
    """«января» … «декабря» from CLDR (Babel), index 1..12 (0 is empty)."""
    from babel.dates import get_month_names

    names = get_month_names("wide", context="format", locale="ru")
    return [""] + [names[i] for i in range(1, 13)]


def month_names_nominative() -> list[str]:
    from babel.dates import get_month_names

    names = get_month_names("wide", context="stand-alone", locale="ru")
    return [""] + [names[i] for i in range(1, 13)]


def date_numeric(day: date) -> str:
    """The requisite form of GOST R 7.0.97: «07.08.2023»."""
    return day.strftime("%d.%m.%Y")


def date_words(day: date) -> str:
    """The text form: «7 августа 2023 г.»."""
    return f"{day.day} {month_names_genitive()[day.month]} {day.year} г."


def read_date(text: str) -> date | str:
    """«2024-03-15» or «15.03.2024» as a date, else why not (in Russian).

    The two spellings people use in files and on the command line alike, and
    the one place both are bounded (`limits.MIN_DATE`, `limits.MAX_DATE`).
    """
    raw = text.strip()
    if m := _ISO_DATE.match(raw):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _RU_DATE.match(raw):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    else:
        return f"«{raw}» — не дата; пишите 2024-03-15 или 15.03.2024"
    try:
        day_read = date(year, month, day)
    except ValueError:
        return f"даты «{raw}» не существует"
    return day_read if _in_range(day_read) else out_of_range(raw)


def _in_range(day: date) -> bool:
    from roadmapctl.limits import MAX_DATE, MIN_DATE

    return MIN_DATE <= day <= MAX_DATE


def out_of_range(raw: str) -> str:
    """Why a date outside `limits.MIN_DATE`…`MAX_DATE` is refused: it is a typo, and 9999-12-31
    would overflow the first «day after» any report computes."""
    from roadmapctl.limits import MAX_DATE, MIN_DATE

    return f"дата «{raw}» вне допустимых {date_numeric(MIN_DATE)} – {date_numeric(MAX_DATE)}"
