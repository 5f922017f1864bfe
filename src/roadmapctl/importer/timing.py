"""The period of an imported roadmap and a review of its deadline phrases.

The period comes from the command line or from the title («на 2021-2022 учебный
год», «на 2021 – 2025 годы»).  A school-year roadmap is often approved in
June and opens with measures dated in June–August before 1 September; then
the period starts on the first of the month of the earliest such deadline,
as a person converting the document would do (deadlines in the last month
before the start are preparation for the year and only get a warning).
Deadline phrases are kept
verbatim; the ones the parser does not understand and the dates outside the
period are listed for review with their table rows.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from roadmapctl.errors import ValueRefused
from roadmapctl.model.period import Period, PeriodError, parse_period, period_from_dates
from roadmapctl.model.ru import date_numeric
from roadmapctl.model.text import shorten

if TYPE_CHECKING:
    from roadmapctl.importer.build import ImportResult

_ACADEMIC = (
    re.compile(r"(\d{4})\s*/\s*(\d{4})"),
    re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})\s*(?:уч|учебн)", re.IGNORECASE),
)
_YEARS = re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})\s*(?:год|гг)", re.IGNORECASE)
_ONE_YEAR = re.compile(r"\b(?:на|в)\s+(\d{4})\s*(?:год|г\.)", re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
_EARLY_START_DAYS = 184  # how far back a school year may be stretched
_GRACE_DAYS = 31  # «август 2023 г.» before a 2023/2024 roadmap is preparation, not a new start


def guess_period(text: str) -> str | None:
    """The period a title names, spelled for `parse_period`, or None."""
    for pattern in _ACADEMIC:
        if (m := pattern.search(text)) and int(m[2]) == int(m[1]) + 1:
            return f"{m[1]}/{m[2]}"
    if m := _YEARS.search(text):
        return f"{m[1]}-{m[2]}"
    if m := _ONE_YEAR.search(text):
        return m[1]
    return None


def settle_period(result: ImportResult, period_text: str | None) -> None:
    roadmap = result.roadmap
    if period_text:
        try:
            roadmap.period = parse_period(period_text)
        except PeriodError as exc:
            raise ValueRefused(str(exc), field="period") from None
    else:
        sources = [roadmap.title, roadmap.order.title if roadmap.order else None]
        guessed = next((g for s in sources if s and (g := guess_period(s))), None)
        if guessed is None:
            guessed = _from_document(result)
        if guessed is None:
            raise ValueRefused(
                "не удалось определить период дорожной карты: его нет ни в названии, ни в заголовках, "
                "ни в датах документа",
                "укажите его: 2023/2024 (учебный год), 2021-2025 (годы) или 2021-06-01..2022-08-31",
                field="period", given=False,
            )
        roadmap.period = _early_start(result, parse_period(guessed))
    _review(result)


def _from_document(result: ImportResult) -> str | None:
    """The period from headings, else from the approval date and the dates in deadlines.

    Whatever is found here is a guess: the report says what it rests on and
    asks for a look.
    """
    for text, where in result.hints:
        if guessed := guess_period(text):
            _guessed(result, guessed, f"по заголовку «{shorten(text.strip(), 60)}» ({where})")
            return guessed
    roadmap = result.roadmap
    signed = (roadmap.approval.date if roadmap.approval else None) or (
        roadmap.order.date if roadmap.order else None)
    dues = sorted(due for due, _ in _dates_in_deadlines(result))
    if dues:
        first, last = dues[0], dues[-1]
        year = first.year if first.month >= 9 else first.year - 1
        if last <= date(year + 1, 8, 31):
            guessed = f"{year}/{year + 1}"
        else:
            guessed = f"{first.year}-{last.year}"
        what = (f"по датам в сроках мероприятий ({date_numeric(first)} – {date_numeric(last)})"
                + (f" и дате утверждения {date_numeric(signed)}" if signed else ""))
    elif signed:
        guessed = f"{signed.year}/{signed.year + 1}" if signed.month >= 5 else str(signed.year)
        what = f"по дате утверждения {date_numeric(signed)}"
    else:
        return None
    _guessed(result, guessed, what)
    return guessed


def _guessed(result: ImportResult, period: str, how: str) -> None:
    result.info.append(f"определён {how}")
    result.notes.append(("", f"период {period} определён {how}, а не по названию — проверьте его"))


def _dates_in_deadlines(result: ImportResult) -> list[tuple[date, str]]:
    """Dates of deadline phrases that name their year, read against a period wide enough for all of them."""
    years = [int(m.group(0)) for e in result.roadmap.walk() if e.item.deadline
             for m in _HAS_YEAR.finditer(e.item.deadline)]
    if not years:
        return []
    try:
        wide = period_from_dates(date(min(years) - 1, 1, 1), date(max(years) + 1, 12, 31))
    except (PeriodError, ValueError):
        return []
    return _explicit_dues(result, wide)


def _explicit_dues(result: ImportResult, period: Period) -> list[tuple[date, str]]:
    from roadmapctl.deadlines import Deadline, parse_deadline

    found = []
    for entry in result.roadmap.walk():
        phrase = entry.item.deadline
        if phrase and _HAS_YEAR.search(phrase):
            parsed = parse_deadline(phrase, period)
            if isinstance(parsed, Deadline):
                found += [(o.due, entry.item.number or entry.item.title) for o in parsed.occurrences]
    return found


def _early_start(result: ImportResult, period: Period) -> Period:
    """Stretch a school year back to cover measures dated just before it begins."""
    if period.kind != "academic":
        return period
    early = [(due, label) for due, label in _explicit_dues(result, period)
             if period.start - timedelta(days=_EARLY_START_DAYS) <= due < period.start]
    if not any(due < period.start - timedelta(days=_GRACE_DAYS) for due, _ in early):
        return period
    first = min(due for due, _ in early)
    stretched = period_from_dates(date(first.year, first.month, 1), period.end)
    labels = ", ".join(dict.fromkeys(label for _, label in early))
    result.info.append(
        f"учебный год {period.text} начат с {date_numeric(stretched.start)}: "
        f"сроки мероприятий {labels} наступают раньше 1 сентября"
    )
    return stretched


def _review(result: ImportResult) -> None:
    from roadmapctl.deadlines import Deadline, Unparsed, parse_deadline

    roadmap = result.roadmap
    period = roadmap.period
    assert period is not None
    for entry in roadmap.walk():
        item = entry.item
        where = result.places.get(id(item), "")
        label = f"мероприятие {item.number}" if item.number else f"мероприятие «{shorten(item.title)}»"
        if item.deadline:
            parsed = parse_deadline(item.deadline, period)
            if isinstance(parsed, Unparsed):
                result.notes.append((where, f"{label}: {parsed.message}; исправьте фразу или добавьте due"))
            elif isinstance(parsed, Deadline):
                outside = [o.due for o in parsed.occurrences if not period.contains(o.due)]
                if outside:
                    result.notes.append((where, f"{label}: срок {date_numeric(outside[0])} вне периода карты"))
        elif not entry.effective_deadline and not (item.items and all(c.deadline for c in item.items)):
            result.notes.append((where, f"{label}: не указан срок"))
        if not entry.effective_executors and not (item.items and all(c.executors for c in item.items)):
            result.notes.append((where, f"{label}: не указаны исполнители"))


