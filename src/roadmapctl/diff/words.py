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


def _tokens(text: str) -> list[tuple[str, str, str]]:
    """(leading whitespace, token as written, normalized key)."""
    out = []
    for m in _TOKEN.finditer(text or ""):
        token = m[2]
        key = normalize(token) if token not in _TRAILING else token
        out.append((m[1], token, key or token))
    return out


def word_diff(old: str | None, new: str | None, year_shift: int = 0) -> WordDiff:
    """The edit from old to new in words; `changed` is False when they mean the same text."""
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
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(_segment("equal", b[j1:j2]))
            continue
        if op in ("delete", "replace"):
            segments.append(_segment("delete", a[i1:i2]))
        if op in ("insert", "replace"):
            segment = _segment("insert", b[j1:j2])
            if op == "replace":
                segment = ("insert", " ", segment[2])
            segments.append(segment)
    if tail:
        segments.append(_segment("equal", tail))
    return WordDiff(tuple(segments))


def same_text(old: str | None, new: str | None, year_shift: int = 0) -> bool:
    return not word_diff(old, new, year_shift).changed


def _strip(keys: list[str]) -> list[str]:
    end = len(keys)
    while end and keys[end - 1] in _TRAILING:
        end -= 1
    return keys[:end]


def _segment(op: str, tokens: list[tuple[str, str, str]]) -> Segment:
    lead = tokens[0][0]
    text = tokens[0][1] + "".join(space + token for space, token, _ in tokens[1:])
    return (op, lead and " ", text)


def plain(diff: WordDiff) -> str:
    """wdiff style: «Разработка [-планов-] {+плана+} реализации»."""
    marks = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(lead + marks[op][0] + text + marks[op][1]
                   for op, lead, text in diff.segments).strip()
