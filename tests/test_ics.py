"""`ics`: content lines written as text are byte for byte what icalendar writes."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timezone

from icalendar import Event, vRecur

from roadmapctl.output import ics

TRICKY = ["", "a", "Мероприятие 1.2: план", "x" * 73, "x" * 74, "x" * 75, "я" * 37, "я" * 38,
          "a" + "я" * 37, "\\" * 80, "^" * 90, "a\\b;c,d\ne\r\nf\rg\\Nh", "😀" * 30 + "abc",
          "Карта: roadmaps/a,b;c.yaml, строка 7", "x" * 72 + "\\n" + "y" * 80]


def _expected(name: str, value: object) -> bytes:
    event = Event()
    event.add(name, value)
    lines = event.to_ical().split(b"\r\n")
    return b"\r\n".join(lines[1:-2])  # without BEGIN/END and the final CRLF


def _random_texts(count: int) -> list[str]:
    alphabet = "ab я,;\\^\nN😀:\r\"ё"
    rng = random.Random(7)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 260))) for _ in range(count)]


def test_text_matches_icalendar() -> None:
    """The tricky texts and 300 random ones; the message lists every text that differs."""
    differ = [(name, value) for value in TRICKY + _random_texts(300) for name in ("SUMMARY", "DESCRIPTION", "UID")
              if ics.text(name, value) != _expected(name, value)]
    assert not differ, differ


def test_dates_match_icalendar() -> None:
    for day in (date(2024, 2, 29), date(999, 1, 2)):
        assert ics.day("DTSTART", day) == _expected("DTSTART", day)
    stamp = datetime(2024, 5, 30, tzinfo=timezone.utc)
    assert ics.utc("DTSTAMP", stamp) == _expected("DTSTAMP", stamp)


RULES = ["FREQ=YEARLY;BYMONTH=8,12;BYMONTHDAY=31", "FREQ=MONTHLY;BYMONTHDAY=-1",
         "FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20",
         # written by ics itself in another order, or left to icalendar
         "BYMONTHDAY=-1;BYMONTH=3,6,9,12;FREQ=YEARLY", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
         "FREQ=YEARLY;BYMONTH=1,6;", "FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=1", "FREQ=DAILY;COUNT=3",
         "freq=monthly;bymonthday=1", "FREQ=MONTHLY;BYMONTHDAY=01", "FREQ=YEARLY;WKST=SU;BYDAY=-1SU",
         "FREQ=MONTHLY;BYMONTHDAY=1;BYMONTHDAY=2"]


def _parsed_rules() -> list[str]:
    """The rules the deadline parser writes for the phrases of the real roadmaps and the tests."""
    from pathlib import Path

    from roadmapctl.deadlines import Deadline, parse_deadline
    from roadmapctl.model.period import parse_period

    root = Path(__file__).resolve().parent.parent
    phrases = set()
    for path in [*(root / "roadmaps").glob("*.yaml"), *(root / "tests" / "data").rglob("*.yaml")]:
        phrases |= set(re.findall(r"deadline: *\"?([^\"\n]+)", path.read_text(errors="replace")))
    found = set()
    for phrase in phrases:
        parsed = parse_deadline(phrase.strip(), parse_period("2021-2025"))
        if isinstance(parsed, Deadline) and parsed.rrule:
            found.add(parsed.rrule)
    return sorted(found)


def test_rrule_matches_icalendar() -> None:
    """The listed rules and every rule the parser writes for the deadlines of the tests' roadmaps."""
    parsed = _parsed_rules()
    assert len(parsed) >= 5  # the roadmaps do have repeating deadlines
    differ = []
    for rule in RULES + parsed:
        recur = vRecur.from_ical(rule)
        recur["UNTIL"] = date(2024, 8, 31)
        if ics.rrule(rule, date(2024, 8, 31)) != _expected("RRULE", recur):
            differ.append(rule)
    assert not differ, differ
