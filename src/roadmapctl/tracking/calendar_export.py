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

The events are written as text (`ics`), not built as icalendar objects:
over a region's repository that took four fifths of the run.  Each roadmap
becomes the text of its events where it was read (`file_part`, run by
`tracking.service.iter_kept`), so a region's calendar holds its text, not
its roadmaps.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from roadmapctl.deadlines import Deadline, describe
from roadmapctl.model.ru import date_numeric
from roadmapctl.output import ics
from roadmapctl.tracking import Tracked, TrackedItem
from roadmapctl.tracking.service import TrackedFile, executor_filter, executor_labels

ONE_DAY = timedelta(days=1)
SUMMARY_TITLE = 80  # characters of the title in SUMMARY; the full one is in DESCRIPTION
CRLF = b"\r\n"
HEADER = CRLF.join([b"BEGIN:VCALENDAR", b"VERSION:2.0", ics.text("PRODID", "-//roadmapctl//Сроки дорожных карт//RU"),
                    b"CALSCALE:GREGORIAN", ics.text("X-WR-CALNAME", "Сроки дорожных карт"), b""])
FOOTER = b"END:VCALENDAR\r\n"


def build_calendar(files: Iterable[TrackedFile], executor: str | None = None) -> tuple[bytes, int]:
    """The .ics file and how many events (series count once) it holds."""
    chunks, total = [HEADER], 0
    for file in files:
        text, count = file_events(file, executor)
        chunks.append(text)
        total += count
    chunks.append(FOOTER)
    return b"".join(chunks), total


def file_part(file: TrackedFile, executor: str | None = None) -> tuple[str, bytes, int]:
    """What `calendar` keeps of a roadmap: its path, its events' text and their count."""
    text, count = file_events(file, executor)
    return file.path, text, count


def file_events(file: TrackedFile, executor: str | None = None) -> tuple[bytes, int]:
    """The VEVENTs of one roadmap as .ics text, and how many events (series count once).

    Only this text is kept of a roadmap, so a region's calendar holds its
    events, not its models.
    """
    matches = executor_filter(executor)
    stamp = _stamp(file)
    stem = Path(file.path).stem
    lines: list[bytes] = []
    total = 0
    for item in file.items:
        if item.cancelled or not item.occurrences or not matches(file.roadmap, item):
            continue
        total += _item_events(file, item, stem, stamp, lines)
    return b"".join(lines), total


def _item_events(file: TrackedFile, item: TrackedItem, stem: str, stamp: bytes, out: list[bytes]) -> int:
    """Append the item's events to `out`; how many of them are not overrides."""
    deadline = item.deadline
    if not isinstance(deadline, Deadline):
        return 0
    base = f"{stem}/{item.item.key or item.address}"
    summary = ics.text("SUMMARY", _summary(file, item))
    rule = _rule(item)
    if rule is None:
        for occ in item.occurrences:
            _event(out, summary, occ.effective_due, stamp, f"{base}/{occ.due.isoformat()}@roadmapctl",
                   description=_description(file, item, occ, None))
        return len(item.occurrences)
    uid = f"{base}/rrule@roadmapctl"
    _event(out, summary, item.occurrences[0].due, stamp, uid, rule=rule,
           description=_description(file, item, None, describe(deadline)))
    for occ in item.occurrences:
        if occ.effective_due != occ.due:
            _event(out, summary, occ.effective_due, stamp, uid, recurrence=occ.due,
                   description=_description(file, item, occ, None))
    return 1


def _rule(item: TrackedItem) -> bytes | None:
    """The RRULE line (with UNTIL) of a repeating item, if it yields exactly its control dates."""
    deadline = item.deadline
    if not isinstance(deadline, Deadline) or deadline.kind != "recurring" or not deadline.rrule:
        return None
    if item.pinned:
        return None
    first, last = item.occurrences[0].due, item.occurrences[-1].due
    if _expand(deadline.rrule, first, last) != tuple(o.due for o in item.occurrences):
        return None
    return ics.rrule(deadline.rrule, last)


@lru_cache(maxsize=1024)
def _expand(rule: str, first: date, last: date) -> tuple[date, ...]:
    """The dates of a rule from `first` to `last`: a region's files repeat a few rules and periods."""
    from dateutil.rrule import rrulestr

    text = f"{rule};UNTIL={last:%Y%m%d}"
    return tuple(d.date() for d in rrulestr(text, dtstart=datetime(first.year, first.month, first.day)))


def _event(out: list[bytes], summary: bytes, day: date, stamp: bytes, uid: str, description: str,
           rule: bytes | None = None, recurrence: date | None = None) -> None:
    """One VEVENT, its properties in the order icalendar writes them."""
    out += [b"BEGIN:VEVENT", CRLF, summary, CRLF, ics.day("DTSTART", day), CRLF,
            ics.day("DTEND", day + ONE_DAY), CRLF, stamp, CRLF, ics.text("UID", uid), CRLF]
    if recurrence is not None:
        out += [ics.day("RECURRENCE-ID", recurrence), CRLF]
    if rule is not None:
        out += [rule, CRLF]
    out += [ics.text("DESCRIPTION", description), CRLF, b"TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"]


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


def _stamp(file: TrackedFile) -> bytes:
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
    return ics.utc("DTSTAMP", datetime(last.year, last.month, last.day, tzinfo=timezone.utc))
