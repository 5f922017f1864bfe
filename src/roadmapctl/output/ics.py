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

from datetime import date, datetime
from functools import lru_cache

LIMIT = 75  # a folded line holds fewer octets than this, excluding the CRLF
FOLD = b"\r\n "


def escape(text: str) -> str:
    """TEXT escaping (RFC 5545 3.3.11), in icalendar's order: a literal «\\N» reads as a line break."""
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

    The few rules of a region repeat in every file, so each is formatted
    once, by icalendar itself.
    """
    from icalendar import vRecur

    recur = vRecur.from_ical(rule)
    recur["UNTIL"] = until
    return fold(f"RRULE:{recur.to_ical().decode('utf-8')}")
