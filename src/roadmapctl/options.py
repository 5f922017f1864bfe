"""Reading option values shared by several commands (dates, periods, formats)."""

from __future__ import annotations

import re
from datetime import date

from roadmapctl.errors import UsageError

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_RU = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_date(text: str | None, option: str) -> date | None:
    """«2024-03-15» or «15.03.2024»; None stays None."""
    if text is None:
        return None
    raw = text.strip()
    if m := _ISO.match(raw):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _RU.match(raw):
        parts = int(m[3]), int(m[2]), int(m[1])
    else:
        raise UsageError(f"{option}: «{text}» — не дата; пишите 2024-03-15 или 15.03.2024")
    try:
        return date(*parts)
    except ValueError:
        raise UsageError(f"{option}: даты «{text}» не существует") from None


def today_or(text: str | None, option: str = "--as-of") -> date:
    """The date an option names, or today: the only place «today» is read."""
    return parse_date(text, option) or date.today()


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise UsageError(f"{option}: «{value}» — допустимо {', '.join(allowed)}")
    return value


def encoding(value: str, option: str = "--encoding") -> str:
    """«auto» (UTF-8, with or without BOM) or any codec Python knows, e.g. cp1251."""
    if value == "auto":
        return value
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise UsageError(f"{option}: неизвестная кодировка «{value}»; например: cp1251, utf-16") from None
