"""Walking the tokens of one phrase: the base every reader class builds on.

The readers form one class, split by subject over modules:
`Cursor` (token access, word patterns) ← `parts.PartReader` (years,
quarters, seasons) ← `dates.DateReader` (months and days) ←
`recurring.RecurrenceReader` (repetitions) ← `reader.Reader` (clauses and
the whole phrase).  They share one cursor state: `far`, the
furthest token looked at, is where an unreadable phrase is reported.
"""

from __future__ import annotations

from collections.abc import Container

from roadmapctl.deadlines.tokens import Token
from roadmapctl.model.period import Period

Pattern = tuple[tuple[tuple[tuple[str, ...], ...], bool], ...]


def compile_patterns(*sources: str) -> tuple[Pattern, ...]:
    """Compile the notation of `words`: «a|b_c d?» = (a | b c) then optional d."""
    compiled = []
    for source in sources:
        elements = []
        for element in source.split():
            optional = len(element) > 1 and element.endswith("?")
            alternatives = element[:-1] if optional else element
            elements.append((tuple(tuple(a.split("_")) for a in alternatives.split("|")), optional))
        compiled.append(tuple(elements))
    return tuple(compiled)


class Cursor:
    """The tokens of one phrase and the period they are read against."""

    def __init__(self, toks: list[Token], text: str, period: Period) -> None:
        self.toks, self.text, self.period = toks, text, period  # text: the normalised phrase
        self.far = 0  # the furthest token looked at: where an unreadable phrase is reported
        self.multi_year = period.kind == "years" and period.end.year > period.start.year

    # token access; every look records how far reading got
    def _tok(self, k: int) -> Token | None:
        self.far = max(self.far, k)
        return self.toks[k] if k < len(self.toks) else None

    def _text(self, k: int) -> str | None:
        tok = self._tok(k)
        return None if tok is None else tok.text

    def _skip(self, k: int, words: Container[str] = (".",)) -> int:
        while self._text(k) in words:
            k += 1
        return k

    def _match(self, patterns: tuple[Pattern, ...], k: int) -> int | None:
        """The end of the longest match of any pattern at token k (k itself if all optional)."""
        ends = [e for p in patterns if (e := self._match_from(p, 0, k)) is not None]
        return max(ends, default=None)

    def _match_from(self, pattern: Pattern, e: int, k: int) -> int | None:
        if e == len(pattern):
            return k
        alternatives, optional = pattern[e]
        best = self._match_from(pattern, e + 1, k) if optional else None
        for words in alternatives:
            j = k
            for word in words:
                if self._text(j) != word:
                    break
                j += 1
            else:
                end = self._match_from(pattern, e + 1, j)
                if end is not None and (best is None or end > best):
                    best = end
        return best

    def _span(self, i: int, end: int) -> tuple[int, int]:
        """The characters of tokens i up to end (exclusive, at least one): for messages."""
        return self.toks[i].start, self.toks[max(i, min(end, len(self.toks)) - 1)].end
