"""The first steps of reading: normalise a phrase, blank out remarks, cut it into tokens.

None of them moves a character, so a token's offsets are offsets in the phrase
as the user wrote it, and `Unparsed` can point at the exact place.
"""

from __future__ import annotations

import re

from roadmapctl.deadlines.words import ABBREVIATIONS, COUNT_ADVERBS, FREQUENCY_ADVERBS, MONTHS, SPELLINGS

_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
#: Footnote marks that documents put after a date or a word: «до 15.09.2024*», «до 1 октября¹».
#: They point at a note below the table and say nothing about the date.
FOOTNOTE_MARKS = frozenset("*†‡¹²³⁰⁴⁵⁶⁷⁸⁹")
_SUFFIX = r"го|ого|его|ому|ему|ый|ой|ий|ым|ом|ем|ая|ую|ое|ее|ые|ых|их|х|й|я|е|м|ю"
_TOKEN = re.compile(
    r"(?P<date>[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4}|[0-9]{2})(?![0-9]))"
    r"|(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9]))"
    r"|(?P<daymonth>[0-9]{1,2}\.[0-9]{1,2}(?![0-9]))"
    rf"|(?P<num>[0-9]+)(?:-(?:{_SUFFIX})(?![^\W\d_]))?"  # «5-го», «1-й»
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[-.,;:/])"
    r"|(?P<bad>\S)"
)
_REPEATS = frozenset(FREQUENCY_ADVERBS) | COUNT_ADVERBS
#: A word with its hyphenated parts, «когда-нибудь»: what a message quotes.
HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class Fail(Exception):
    """Reading stopped for a reason worth telling; `parse_deadline` turns it into `Unparsed`.

    Raised by every step of reading, never leaves the package.
    """

    def __init__(self, start: int, end: int, reason: str) -> None:
        super().__init__(reason)
        self.start, self.end, self.reason = start, end, reason  # reason: «…{}…», {} = fragment


def normalize(text: str) -> str:
    """Lower case, «ё» as «е», one dash and one space, footnote marks blanked; the length never changes."""
    out = []
    for ch in text:
        if ch in _DASHES:
            ch = "-"
        elif ch.isspace() or ch in _INVISIBLE or ch in FOOTNOTE_MARKS:
            ch = " "
        else:
            low = ch.lower()
            ch = "е" if low == "ё" else low if len(low) == 1 else ch
        out.append(ch)
    return "".join(out)


def cut_remarks(text: str, phrase: str) -> tuple[str, str | None]:
    """Blank out bracketed remarks (offsets stay) and return their text, «; »-joined."""
    if "(" not in text and ")" not in text:
        return text, None
    chars, remarks, depth, opened = list(text), [], 0, 0
    for pos, ch in enumerate(text):
        if ch == "(":
            opened = pos if depth == 0 else opened
            depth += 1
        elif ch == ")":
            if depth == 0:
                raise Fail(pos, pos + 1, "лишняя закрывающая скобка «{}»")
            depth -= 1
            if depth == 0:
                if _says_months(text[:opened], text[opened + 1:pos]):
                    chars[opened] = chars[pos] = " "  # «2 раза в год (январь, июнь)»: read the months
                elif inner := " ".join(phrase[opened + 1:pos].split()):
                    remarks.append(inner)
                    chars[opened:pos + 1] = " " * (pos + 1 - opened)
                else:
                    chars[opened:pos + 1] = " " * (pos + 1 - opened)
    if depth:
        raise Fail(opened, len(text), "не закрыта скобка: «{}»")
    return "".join(chars), "; ".join(remarks) or None


_LIST_WORDS = frozenset({",", "и", "в", "во"})


def _says_months(before: str, inner: str) -> bool:
    """Whether brackets after a repetition only name its months: «2 раза в год (январь, июнь)».

    Such brackets say when the repetition falls, so they are read, not kept as a remark;
    months in brackets after anything else («октябрь (ноябрь)») stay a remark.
    """
    words = [t.text for t in tokenize(inner)]
    if not words or not all(w in MONTHS or w in _LIST_WORDS for w in words):
        return False
    if not any(w in MONTHS for w in words):
        return False
    said = {t.text for t in tokenize(before)}
    return bool(said & _REPEATS) or bool(said & {"раз", "раза"})


class Token:
    """One token.  Internal classes are plain: a dataclass costs import time."""

    __slots__ = ("kind", "text", "start", "end", "value")

    def __init__(self, kind: str, text: str, start: int, end: int, value: int | None) -> None:
        self.kind = kind  # a group name of _TOKEN
        self.text = text  # normalised
        self.start, self.end = start, end
        self.value = value  # numbers only

    @property
    def year(self) -> int | None:
        """The number if it is written as a year: four bare digits."""
        return self.value if self.kind == "num" and len(self.text) == 4 else None


def tokenize(text: str) -> list[Token]:
    """Cut normalised text into tokens; a number too long for any date counts as 10**9.

    A misspelt word («в течении») reads as the word meant; an abbreviation
    («в теч. года») also takes in its dot.
    """
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        digits, word = m["num"], m.group()
        if tokens and word == "." and tokens[-1].text in ABBREVIATIONS:
            tokens[-1].text, tokens[-1].end = ABBREVIATIONS[tokens[-1].text], m.end()
            continue
        value = None if digits is None else int(digits) if len(digits) <= 9 else 10**9
        tokens.append(Token(m.lastgroup or "bad", SPELLINGS.get(word, word), m.start(), m.end(), value))
    return tokens
