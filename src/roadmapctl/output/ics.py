"""iCalendar (RFC 5545) content lines written as text, without building icalendar objects.

`calendar` over a region's repository wrote tens of thousands of events; the
icalendar package spent most of that run creating objects and folding lines
one character at a time.  The calendar needs only a handful of property
kinds (TEXT, DATE, a UTC DATE-TIME, a RRULE), so they are written here
directly, byte for byte as icalendar 7 writes them — the same escaping, the
same folding — so that regenerating a calendar changes nothing for its
subscribers.  The files still parse back with icalendar (tests check that).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

LIMIT = 75  # a folded line holds fewer octets than this, excluding the CRLF
FOLD = b"\r\n "
_SPECIAL = re.compile(r"[\\;,\r\n]")  # what `escape` replaces («\\N» starts with a backslash)


def escape(text: str) -> str:
    """TEXT escaping (RFC 5545 3.3.11), in icalendar's order: a literal «\\N» reads as a line break."""
    if _SPECIAL.search(text) is None:
        return text  # most UIDs and many summaries: one scan instead of seven
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded into pieces of at most LIMIT-1 octets.

    A piece never splits a multi-byte character, and never ends in a
    backslash or «^» (the escape would be cut from what it escapes; old
    clients misread that), as icalendar does.
    """
    data = line.encode("utf-8")
    size = len(data)
    if size < LIMIT:
        return data
    pieces = []
    start = 0
    width = LIMIT - 1
    while size - start > width:
        end = start + width
        while data[end] & 0xC0 == 0x80:  # a continuation byte: the character starts earlier
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return FOLD.join(pieces)


def text(name: str, value: str) -> bytes:
    return fold(f"{name}:{escape(value)}")


def day(name: str, value: date) -> bytes:
    return f"{name};VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}".encode("ascii")


def utc(name: str, value: datetime) -> bytes:
    """A DATE-TIME in UTC (the caller passes one with tzinfo=UTC)."""
    return (f"{name}:{value.year:04}{value.month:02}{value.day:02}"
            f"T{value.hour:02}{value.minute:02}{value.second:02}Z").encode("ascii")


@lru_cache(maxsize=1024)
def rrule(rule: str, until: date) -> bytes:
    """RRULE with UNTIL, its parts in icalendar's canonical order.

    The rules the deadline parser writes (FREQ, INTERVAL, BYMONTH,
    BYMONTHDAY, BYDAY, BYSETPOS with plain values) are put in order here;
    anything else is left to icalendar itself, whose import alone cost a
    `calendar` run a tenth of its time.
    """
    simple = _simple_rule(rule)
    if simple is not None:
        simple["UNTIL"] = f"{until.year:04}{until.month:02}{until.day:02}"
        return fold("RRULE:" + ";".join(f"{key}={simple[key]}" for key in _ORDER if key in simple))
    from icalendar import vRecur

    recur = vRecur.from_ical(rule)
    recur["UNTIL"] = until
    return fold(f"RRULE:{recur.to_ical().decode('utf-8')}")


# icalendar's canonical order of the parts this module writes itself, and what their values may be.
_ORDER = ("FREQ", "UNTIL", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS")
_VALUE = {
    "FREQ": re.compile(r"(?:YEARLY|MONTHLY|WEEKLY|DAILY)"),
    "INTERVAL": re.compile(r"[1-9][0-9]*"),
    "BYDAY": re.compile(r"(?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*"),
    "BYMONTHDAY": re.compile(r"-?[1-9][0-9]?(?:,-?[1-9][0-9]?)*"),
    "BYMONTH": re.compile(r"[1-9][0-9]?(?:,[1-9][0-9]?)*"),
    "BYSETPOS": re.compile(r"-?[1-9][0-9]*"),
}


def _simple_rule(rule: str) -> dict[str, str] | None:
    """The parts of a rule by name when each is one this module writes as icalendar does, else None.

    Empty parts («…;») are skipped, as icalendar skips them.
    """
    parts: dict[str, str] = {}
    for pair in rule.split(";"):
        if not pair:
            continue
        key, eq, value = pair.partition("=")
        pattern = _VALUE.get(key)
        if not eq or pattern is None or key in parts or pattern.fullmatch(value) is None:
            return None
        parts[key] = value
    return parts if "FREQ" in parts else None
