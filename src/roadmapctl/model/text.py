"""Two ways every layer treats users' Russian text, written once.

`fold` is how two spellings of the same words are compared: case aside and
«ё» read as «е», as Russian readers do (a list typed with «е» must find the
executor written with «ё»). `shorten` is how a long text is quoted in a
message, a chart label or a review list: cut at a word's end where it can
be, with «…» to show the cut.
"""

from __future__ import annotations


def fold(text: str) -> str:
    """«Ёлкина Е.» and «елкина е.» alike: case folded, «ё» as «е»."""
    return text.casefold().replace("ё", "е")


def shorten(text: str, limit: int = 40) -> str:
    """At most `limit` characters; a cut text ends in «…» (no space before it)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
