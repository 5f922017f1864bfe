"""Word-level comparison of two texts, blind to year shifts and typography.

A text is cut into words, year ranges («2023-2024» as one token), dashes and
single punctuation marks, each keeping the whitespace before it for display.
Tokens are compared by their normalized form (case, ё, quote and dash
styles), and a year of last year's text also matches the same year shifted
into this year's period — unless the unshifted year is still in the new text
(«на 2023-2025 годы» of a multi-year programme stays as it was).  Two texts
whose tokens all match, ignoring a final full stop, are the same text.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from roadmapctl.diff.matching import normalize, shift_years
from roadmapctl.diff.result import Segment, WordDiff

_TOKEN = re.compile(
    r"(\s*)("
    r"(?:19|20)\d\d\s*[-\u2010-\u2015\u2212/]\s*(?:19|20)\d\d(?!\d)"
    r"|[^\W_]+"
    r"|[-\u2010-\u2015\u2212]"
    r"|\S)"
)
_TRAILING = {".", ";", ":"}


@lru_cache(maxsize=16384)
def _key(token: str) -> str:
    """A token's normalized form: the same few thousand words recur in every field of every item."""
    return (normalize(token) if token not in _TRAILING else token) or token


def _tokens(text: str) -> list[tuple[str, str, str]]:
    """(leading whitespace, token as written, normalized key)."""
    return [(m[1], m[2], _key(m[2])) for m in _TOKEN.finditer(text or "")]


def word_diff(old: str | None, new: str | None, year_shift: int = 0) -> WordDiff:
    """The edit from old to new in words; `changed` is False when they mean the same text."""
    if old == new:  # most fields of a matched pair: no need to cut them into words
        return WordDiff((("equal", "", new),) if new else ())
    a, b = _tokens(old or ""), _tokens(new or "")
    new_keys = {key for _, _, key in b}
    old_keys = [key if key in new_keys or not year_shift else shift_years(key, year_shift)
                for _, _, key in a]
    new_list = [key for _, _, key in b]
    if _strip(old_keys) == _strip(new_list):
        return WordDiff((("equal", "", new or ""),) if new else ())
    # A full stop added or dropped at the very end is typography, not an edit: the new
    # text's ending is kept as it is and the old one's is not marked.
    a, old_keys = a[:len(_strip(old_keys))], _strip(old_keys)
    tail = b[len(_strip(new_list)):]
    b, new_list = b[:len(_strip(new_list))], _strip(new_list)
    matcher = SequenceMatcher(None, old_keys, new_list, autojunk=False)
    # (op, whitespace before, token as written), one per token; an equal token also carries the old side's.
    tokens: list[tuple[str, ...]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for (a_lead, a_text, _), (b_lead, b_text, _) in zip(a[i1:i2], b[j1:j2], strict=True):
                if _recased(a_text, b_text):  # «меры» → «Меры»: shown, though alone it is no change
                    tokens += [("delete", a_lead, a_text), ("insert", b_lead, b_text)]
                else:
                    tokens.append(("equal", b_lead, b_text, a_lead, a_text))
            continue
        tokens += [("delete", lead, text) for lead, text, _ in a[i1:i2]]
        tokens += [("insert", lead, text) for lead, text, _ in b[j1:j2]]
    tokens += [("equal", lead, text) for lead, text, _ in tail]
    return WordDiff(_merged(_widened(tokens)))


def _widened(tokens: list[tuple[str, ...]]) -> list[Segment]:
    """A word next to an added or removed quote or bracket, with no space between, changes with it:
    «ГБНОУ ОК [-Смена-] {+«Смена»+}» reads better than «ГБНОУ ОК {+«+}Смена{+»+}»."""
    out: list[Segment] = []
    for n, token in enumerate(tokens):
        if token[0] != "equal" or len(token) == 3:
            out.append((token[0], token[1], token[2]))
            continue
        _, b_lead, b_text, a_lead, a_text = token
        after = tokens[n + 1] if n + 1 < len(tokens) else None
        touches = (n and tokens[n - 1][0] != "equal" and not b_lead and _bracket(tokens[n - 1][2])) or \
            (after is not None and after[0] != "equal" and not after[1] and _bracket(after[2]))
        if touches and b_text[:1].isalnum():
            out += [("delete", a_lead, a_text), ("insert", b_lead, b_text)]
        else:
            out.append(("equal", b_lead, b_text))
    return out


def _bracket(text: str) -> bool:
    return bool(text) and all(ch in "«»\"“”„‟'\u2018\u2019()[]" for ch in text)


def _recased(old: str, new: str) -> bool:
    """The same word with a letter's case changed (not ё/е, quote or dash style)."""
    return old != new and old.lower() == new.lower()


def _merged(tokens: list[Segment]) -> tuple[Segment, ...]:
    """Runs of one operation as one segment, deletions before insertions in each changed run.

    A segment keeps one space before it if its first token had any whitespace,
    or if it would otherwise glue two words together («[-Меры-] {+Мероприятия+}»).
    """
    ordered: list[Segment] = []
    run: list[Segment] = []
    for token in (*tokens, ("equal", "", "")):
        if token[0] != "equal":
            run.append(token)
            continue
        ordered += [t for t in run if t[0] == "delete"] + [t for t in run if t[0] == "insert"]
        run = []
        if token[2]:
            ordered.append(token)
    out: list[list[str]] = []
    for op, lead, text in ordered:
        if out and out[-1][0] == op:
            out[-1][2] += lead + text
            continue
        space = " " if lead or (out and _glued(out[-1][2], text)) else ""
        out.append([op, space, text])
    return tuple((op, lead, text) for op, lead, text in out)


def _glued(before: str, after: str) -> bool:
    return bool(before) and bool(after) and before[-1].isalnum() and after[0].isalnum()


def same_text(old: str | None, new: str | None, year_shift: int = 0) -> bool:
    return not word_diff(old, new, year_shift).changed


def _strip(keys: list[str]) -> list[str]:
    end = len(keys)
    while end and keys[end - 1] in _TRAILING:
        end -= 1
    return keys[:end]


def plain(diff: WordDiff) -> str:
    """wdiff style: «Разработка [-планов-] {+плана+} реализации»."""
    marks = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(lead + marks[op][0] + text + marks[op][1]
                   for op, lead, text in diff.segments).strip()
