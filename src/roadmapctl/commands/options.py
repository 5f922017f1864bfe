"""Reading option values shared by several commands (dates, periods, formats)."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from roadmapctl.errors import UsageError
from roadmapctl.model.ru import read_date


def parse_date(text: str | None, option: str) -> date | None:
    """«2024-03-15» or «15.03.2024»; None stays None."""
    if text is None:
        return None
    day = read_date(text)
    if isinstance(day, str):
        raise UsageError(f"{option}: {day}")
    return day


def today_or(text: str | None, option: str = "--as-of") -> date:
    """The date an option names, or today: the only place «today» is read."""
    return parse_date(text, option) or date.today()


Choice = TypeVar("Choice", bound=str)


def choice(value: str, allowed: tuple[Choice, ...], option: str) -> Choice:
    """The value as one of `allowed` (typed as their Literal), else a usage error."""
    if value not in allowed:
        raise UsageError(f"{option}: «{value}» — допустимо {', '.join(allowed)}")
    return allowed[allowed.index(value)]


def encoding(value: str, option: str = "--encoding") -> str:
    """«auto» (UTF-8, with or without BOM) or any codec Python knows, e.g. cp1251."""
    if value == "auto":
        return value
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise UsageError(f"{option}: неизвестная кодировка «{value}»; например: cp1251, utf-16") from None


#: Old names of output formats, kept for one release: `table` was the human format's name in
#: overdue, list and stats before every command called it `text`.
FORMAT_ALIASES = {"table": "text"}


def output_format(value: str, allowed: tuple[str, ...], option: str = "--format") -> str:
    """A `--format` value, its old alias read as the new name (`table` → `text`)."""
    value = value.strip().lower()
    return choice(FORMAT_ALIASES.get(value, value) if value not in allowed else value, allowed, option)


def statuses(values: list[str] | None, option: str = "--status") -> set[str] | None:
    """`--status` values: English (planned) or the Russian words the tool prints (запланировано);
    several in one value separated by commas, or the option repeated."""
    from roadmapctl.model.roadmap import STATUSES
    from roadmapctl.model.vocabulary import STATUS_NAMES, status_from_text

    wanted: set[str] = set()
    for value in values or []:
        for word in (w for w in value.split(",") if w.strip()):
            status = status_from_text(word)
            if status is None:
                known = ", ".join(f"{STATUS_NAMES[s]} ({s})" for s in STATUSES)
                raise UsageError(f"{option}: «{word.strip()}» — допустимо {known}")
            wanted.add(status)
    return wanted or None
