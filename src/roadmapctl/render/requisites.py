"""The annex's requisites: the approval mark in the corner and the period line.

Kept apart from the table data because they follow the rules of
office paperwork rather than the roadmap: a draft order not yet signed
leaves blanks for its date and number, in the order and in the mark alike,
so the clerk fills both in by hand on the same day.
"""

from __future__ import annotations

from roadmapctl.model.period import Period
from roadmapctl.model.roadmap import Roadmap
from roadmapctl.render import filters

NBSP = "\u00a0"
# The blanks of a draft, as the order's template prints them.
DATE_BLANK = "__________"
NUMBER_BLANK = "______"

_DATIVE_KINDS = {"приказ": "приказу", "распоряжение": "распоряжению",
                 "постановление": "постановлению", "решение": "решению"}


def annex_mark(roadmap: Roadmap) -> list[str]:
    """The annex's corner requisite: approval stamp, or the note of the order.

    An approval that names its date or number is printed as written; a draft —
    an order, or a stamp, with neither yet — gets blanks where they go.
    """
    from roadmapctl.render.context import clean

    approval, order = roadmap.approval, roadmap.order
    lines: list[str | None]  # None: a line the roadmap leaves out
    if approval is not None:
        lines = [clean(approval.stamp or "УТВЕРЖДЕНА"), _opt(approval.by)]
        day, number = approval.date, _opt(approval.number)
        draft = not (day or number)
    elif order is not None:
        kind = clean(order.kind).lower()
        lines = ["Приложение", f"к {_DATIVE_KINDS[kind]}" if kind in _DATIVE_KINDS else None]
        day, number = order.date, _opt(order.number)
        draft = True
    else:
        return []
    dated = " ".join(part for part in (
        f"от {filters.date_numeric(day)}" if day else (f"от {DATE_BLANK}" if draft else None),
        f"№{NBSP}{number}" if number else (f"№{NBSP}{NUMBER_BLANK}" if draft else None),
    ) if part)
    return [line for line in (*lines, dated) if line]


def _opt(text: object | None) -> str:
    from roadmapctl.render.context import clean

    return "" if text is None else clean(text)


def period_line(period: Period | None, title: str) -> str:
    """«на 2023/2024 учебный год» unless the title already names those years."""
    if period is None or all(str(y) in title for y in {period.start.year, period.end.year}):
        return ""
    if period.kind == "academic":
        return f"на {period.start.year}/{period.end.year} учебный год"
    if period.kind == "years":
        if period.start.year == period.end.year:
            return f"на {period.start.year} год"
        return f"на {period.start.year}–{period.end.year} годы"
    return (f"на период с {filters.date_words(period.start)} "
            f"по {filters.date_words(period.end)}")
