"""Control dates as an iCalendar file, to subscribe to in Outlook, Thunderbird or a phone.

Every control date becomes an all-day event on its due date (a window is
described in the text: calendars show deadlines, not months-long bars).  A
repeating deadline is one event with the RRULE the deadline parser found and
DTSTART at its first control date, limited by UNTIL to the last one; an
extended control date of a repeating event is a RECURRENCE-ID override.

The file is reproducible: UIDs are built from the file name, the item (its
key, else its number) and the planned date, and DTSTAMP is the latest date
recorded in the roadmap, not the clock — so regenerating an unchanged
roadmap gives the same bytes, and a calendar that re-imports it updates
events instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from roadmapctl.deadlines import Deadline, describe
from roadmapctl.tracking.service import TrackedFile, executor_filter, executor_labels
from roadmapctl.ru import date_numeric
from roadmapctl.tracking import Tracked, TrackedItem

ONE_DAY = timedelta(days=1)
SUMMARY_TITLE = 80  # characters of the title in SUMMARY; the full one is in DESCRIPTION


def build_calendar(files: list[TrackedFile], executor: str | None = None) -> tuple[bytes, int]:
    """The .ics file and how many events (series count once) it holds."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//roadmapctl//Сроки дорожных карт//RU")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Сроки дорожных карт")
    total = 0
    for event in events(files, executor):
        cal.add_component(event)
        total += "RECURRENCE-ID" not in event
    return cal.to_ical(), total


def events(files: list[TrackedFile], executor: str | None = None) -> Iterator[Any]:
    matches = executor_filter(executor)
    for file in files:
        stamp = _stamp(file)
        for item in file.items:
            if item.cancelled or not item.occurrences or not matches(file.roadmap, item):
                continue
            yield from _item_events(file, item, stamp)


def _item_events(file: TrackedFile, item: TrackedItem, stamp: datetime) -> Iterator[Any]:
    deadline = item.deadline
    if not isinstance(deadline, Deadline):
        return
    base = f"{Path(file.path).stem}/{item.item.key or item.address}"
    rule = _rule(item)
    if rule is None:
        for occ in item.occurrences:
            yield _event(file, item, occ, f"{base}/{occ.due.isoformat()}@roadmapctl", stamp)
        return
    first = item.occurrences[0]
    uid = f"{base}/rrule@roadmapctl"
    event = _event(file, item, first, uid, stamp, plain_due=True)
    event.add("rrule", rule)
    event.add("description", _description(file, item, None, describe(deadline)))
    yield event
    for occ in item.occurrences:
        if occ.effective_due != occ.due:
            override = _event(file, item, occ, uid, stamp)
            override.add("recurrence-id", occ.due)
            yield override


def _rule(item: TrackedItem) -> Any:
    """The RRULE (with UNTIL) of a repeating item, if it yields exactly its control dates."""
    from dateutil.rrule import rrulestr
    from icalendar import vRecur

    deadline = item.deadline
    if not isinstance(deadline, Deadline) or deadline.kind != "recurring" or not deadline.rrule:
        return None
    if item.pinned:
        return None
    first, last = item.occurrences[0].due, item.occurrences[-1].due
    text = f"{deadline.rrule};UNTIL={last:%Y%m%d}"
    expanded = [d.date() for d in rrulestr(text, dtstart=datetime(first.year, first.month, first.day))]
    if expanded != [o.due for o in item.occurrences]:
        return None
    rule = vRecur.from_ical(deadline.rrule)
    rule["UNTIL"] = last
    return rule


def _event(file: TrackedFile, item: TrackedItem, occ: Tracked, uid: str, stamp: datetime,
           plain_due: bool = False) -> Any:
    from icalendar import Event

    day = occ.due if plain_due else occ.effective_due
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + ONE_DAY)
    event.add("summary", _summary(file, item))
    if not plain_due:
        event.add("description", _description(file, item, occ, None))
    event.add("transp", "TRANSPARENT")
    return event


def _summary(file: TrackedFile, item: TrackedItem) -> str:
    """«1.2 Разработка планов … — УО»."""
    title = " ".join(item.item.title.split())
    if len(title) > SUMMARY_TITLE:
        cut = title[:SUMMARY_TITLE].rsplit(" ", 1)[0]
        title = f"{cut} …"
    who = ", ".join(executor_labels(file.roadmap, item.executors))
    return f"{item.address} {title}" + (f" — {who}" if who else "")


def _description(file: TrackedFile, item: TrackedItem, occ: Tracked | None,
                 repeats: str | None) -> str:
    lines = [f"Мероприятие {item.address}: {' '.join(item.item.title.split())}",
             f"Срок: «{item.phrase}»" if item.phrase else "Срок: указан датой"]
    if repeats:
        lines.append(f"Повторяется: {repeats}")
    if occ is not None and occ.start is not None and occ.start != occ.due:
        lines.append(f"Окно: {date_numeric(occ.start)} – {date_numeric(occ.due)}")
    if occ is not None and occ.effective_due != occ.due and occ.extension is not None:
        reason = f": {occ.extension.reason}" if occ.extension.reason else ""
        lines.append(f"Срок перенесён с {date_numeric(occ.due)} на "
                     f"{date_numeric(occ.effective_due)}{reason}")
    names = []
    for ref in item.executors:
        known = file.roadmap.executors.get(ref.id)
        names.append(known.name if known else ref.id)
    if names:
        lines.append(f"Исполнители: {', '.join(names)}")
    lines.append(f"Карта: {file.path}, строка {item.line}")
    return "\n".join(lines)


def _stamp(file: TrackedFile) -> datetime:
    """DTSTAMP from the data: the latest date the roadmap records (approval, order, reports)."""
    roadmap = file.roadmap
    days: list[date] = [d for d in (roadmap.approval.date if roadmap.approval else None,
                                    roadmap.order.date if roadmap.order else None) if d]
    for item in file.items:
        days += [c.date for c in item.item.completions if c.date]
        days += [e.date for e in item.item.extensions if e.date]
    if not days and roadmap.period is not None:
        days.append(roadmap.period.start)
    last = max(days, default=date(2000, 1, 1))
    return datetime(last.year, last.month, last.day, tzinfo=timezone.utc)
