"""Working days in Russia: weekends, public holidays and the days the government moves.

The production calendar changes every year by government decree (a Saturday
becomes a working day, a Monday a day off), so it is not typed in here: it
comes from the maintained `holidays` package (country RU), which carries the
public holidays and the transfers.  A year the package does not know yet
counts by the weekday and the fixed public holidays only.
"""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")


def day_off(day: date) -> str | None:
    """Why `day` is not a working day in Russia («суббота», «День России»), or None."""
    import holidays

    try:
        calendar = holidays.country_holidays("RU", years=day.year, language="ru")
    except (NotImplementedError, TypeError):  # an old release without Russian names
        calendar = holidays.country_holidays("RU", years=day.year)
    name = calendar.get(day)
    if name:
        return str(name)
    if hasattr(calendar, "is_working_day"):
        working = calendar.is_working_day(day)
    else:  # releases before working weekends were modelled
        working = day.weekday() < 5
    return None if working else WEEKDAYS[day.weekday()]
