"""The roadmap's items across its period, as an inline SVG for the HTML.

Each item is one row: a window is a bar from its start to its due date, a
date is a mark, a recurring deadline a mark at every due date, a continuous
item («в течение года», «постоянно») is a thin bar across the whole period.
Colour tells the status recorded in the file; overdue is not judged here,
since that depends on «today» and a document must not.  Deadlines the parser
cannot read, or that fall wholly outside the period, get no bar and are
listed under the chart instead (an item without a deadline of its own that
only groups sub-items is not listed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from roadmapctl.model.period import Period
from roadmapctl.model.roadmap import ItemInContext, Roadmap, Status
from roadmapctl.model.ru import month_names_nominative
from roadmapctl.model.text import shorten
from roadmapctl.model.vocabulary import STATUS_NAMES
from roadmapctl.render.context import clean

STATUS_COLOURS: dict[Status, str] = {
    "planned": "#5b7db1",
    "in_progress": "#e0a100",
    "done": "#3a8a3f",
    "cancelled": "#a0a0a0",
}

WIDTH = 1000
LABEL_WIDTH = 330
CHART_LEFT = LABEL_WIDTH + 10
CHART_WIDTH = WIDTH - CHART_LEFT - 10
TOP = 40
ROW = 18
LABEL_CHARS = 52
CHART_ROWS = 25  # (TOP + 25 rows) × 257 mm / WIDTH ≈ 130 mm: a landscape page with the heading
MARK = 5
NO_DEADLINE = "срок не указан"


@dataclass
class Unread:
    """An item the chart could not place, and why."""

    number: str
    title: str
    deadline: str
    reason: str


@dataclass
class Timeline:
    svg: str
    unread: list[Unread] = field(default_factory=list)


@dataclass(frozen=True)
class _Span:
    start: date | None  # None: a single date, drawn as a mark
    due: date
    continuous: bool = False


def build_timeline(roadmap: Roadmap) -> Timeline:
    """Lay out every item of the roadmap; needs the roadmap's period.

    Long roadmaps get several charts of at most CHART_ROWS rows, each with its
    own axis: one chart must fit a printed landscape page, since a browser
    cuts an image that does not, row labels and all.
    """
    period = roadmap.period
    entries = list(roadmap.walk())
    if period is None or not entries:
        return Timeline("")
    charts = math.ceil(len(entries) / CHART_ROWS)
    size = math.ceil(len(entries) / charts)
    unread: list[Unread] = []
    svgs = [_chart(entries[first:first + size], period, unread)
            for first in range(0, len(entries), size)]
    return Timeline("".join(svgs), unread)


def _chart(entries: list[ItemInContext], period: Period, unread: list[Unread]) -> str:
    """One SVG for these items; what it cannot place goes to `unread`."""
    from markupsafe import escape

    height = TOP + ROW * len(entries) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-label="Мероприятия на шкале периода">',
        *(f'<rect x="0" y="{TOP + i * ROW}" width="{WIDTH}" height="{ROW}" fill="#f4f6f8"/>'
          for i in range(1, len(entries), 2)),
        *_axis(period, height),
    ]
    for index, entry in enumerate(entries):
        y = TOP + index * ROW
        label = clean(_label(entry))
        colour = STATUS_COLOURS.get(entry.item.status, STATUS_COLOURS["planned"])
        status = STATUS_NAMES.get(entry.item.status, "")
        spans, reason = _spans(entry, period)
        parts.append(f'<g class="row status-{escape(entry.item.status)}">'
                     f'<title>{escape(label)} — {escape(clean(entry.effective_deadline or ""))}'
                     f' ({escape(status)})</title>')
        parts.append(f'<text x="4" y="{y + 13}" font-size="11">{escape(shorten(label, LABEL_CHARS))}</text>')
        if reason is not None and not (reason == NO_DEADLINE and entry.item.items):
            unread.append(Unread(clean(entry.number or ""), clean(entry.item.title),
                                 clean(entry.effective_deadline or ""), reason))
        for span in spans:
            parts.append(_shape(span, period, y, colour))
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _spans(entry: ItemInContext, period: Period) -> tuple[list[_Span], str | None]:
    """What to draw for an item, or why nothing can be drawn.

    A deadline wholly outside the period would sit on the chart's edge as if
    it fell on the period's first or last day, so it is listed instead.
    """
    spans, reason = _all_spans(entry, period)
    inside = [s for s in spans if s.due >= period.start and (s.start or s.due) <= period.end]
    if spans and not inside:
        before = all(s.due < period.start for s in spans)
        return [], "срок раньше периода карты" if before else "срок позже периода карты"
    return inside, reason


def _all_spans(entry: ItemInContext, period: Period) -> tuple[list[_Span], str | None]:
    if entry.effective_due:
        return [_Span(None, day) for day in entry.effective_due], None
    phrase = entry.effective_deadline
    if not phrase:
        return [], NO_DEADLINE
    from roadmapctl.deadlines import Unparsed, parse_deadline

    parsed = parse_deadline(phrase, period)
    if isinstance(parsed, Unparsed):
        return [], parsed.message
    if parsed.kind == "continuous":
        return [_Span(period.start, period.end, continuous=True)], None
    if parsed.kind == "recurring":
        return [_Span(None, o.due) for o in parsed.occurrences], None
    return [_Span(o.start, o.due) for o in parsed.occurrences], None


def _x(day: date, period: Period) -> float:
    total = max((period.end - period.start).days, 1)
    offset = min(max((day - period.start).days, 0), total)
    return round(CHART_LEFT + CHART_WIDTH * offset / total, 1)


def _shape(span: _Span, period: Period, y: int, colour: str) -> str:
    if span.continuous:
        return (f'<rect class="continuous" x="{CHART_LEFT}" y="{y + 8}" width="{CHART_WIDTH}" '
                f'height="3" fill="{colour}" opacity="0.6"/>')
    right = _x(span.due, period)
    if span.start is not None:
        left = _x(span.start, period)
        return (f'<rect class="window" x="{left}" y="{y + 4}" '
                f'width="{max(round(right - left, 1), 2)}" height="10" rx="2" fill="{colour}"/>')
    middle = y + ROW / 2
    return (f'<path class="date" d="M{right} {middle - MARK}l{MARK} {MARK}l-{MARK} {MARK}'
            f'l-{MARK} -{MARK}z" fill="{colour}"/>')


def _axis(period: Period, height: int) -> list[str]:
    """Month ticks for a period up to two years, year ticks beyond."""
    months = month_names_nominative()
    span_months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month
    parts = [f'<line x1="{CHART_LEFT}" y1="{TOP - 2}" x2="{CHART_LEFT + CHART_WIDTH}" '
             f'y2="{TOP - 2}" stroke="#888"/>']
    year, month = period.start.year, period.start.month
    while date(year, month, 1) <= period.end:
        tick = max(date(year, month, 1), period.start)
        x = _x(tick, period)
        if span_months <= 24:
            label = months[month][:3]
            parts.append(_tick(x, height, label, month == 1 or tick == period.start, year))
        elif month == 1 or tick == period.start:
            parts.append(_tick(x, height, str(year), True, None))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return parts


def _tick(x: float, height: int, label: str, strong: bool, year: int | None) -> str:
    colour = "#888" if strong else "#d5d9de"
    text = f'<text x="{x + 2}" y="{TOP - 6}" font-size="10">{label}</text>'
    if year is not None and strong:
        text += f'<text x="{x + 2}" y="{TOP - 20}" font-size="10" font-weight="bold">{year}</text>'
    return f'<line x1="{x}" y1="{TOP - 2}" x2="{x}" y2="{height - 10}" stroke="{colour}"/>{text}'


def _label(entry: ItemInContext) -> str:
    number = entry.number or ("–" if entry.parent is not None else "")
    return f"{number} {entry.item.title}".strip()




def legend() -> list[dict[str, Any]]:
    """Status colours and names, in the order the chart's legend shows them."""
    return [{"status": s, "colour": STATUS_COLOURS[s], "name": STATUS_NAMES[s]}
            for s in STATUS_COLOURS]
