"""The numbers LibreOffice draws for numbered lists in an .odt, written into the paragraphs' text.

As in Word (`docx_numbering`), the «№» column of a table is often a list:
each cell holds a one-item `text:list` continuing the list of the cell above
(`text:continue-numbering`), a sub-item is a list nested in a list item, and
the number is drawn from the list style (`text:list-style` in the content's
automatic styles or in styles.xml).  Every numbered paragraph, in document
order, gets its label put before its text in the in-memory tree.

Followed: the level of nesting, the level style's `style:num-format` (1, I,
i, A, a, А, а; bullets and an empty format draw nothing worth keeping),
`style:num-prefix`/`style:num-suffix`, `text:display-levels`,
`text:start-value` (of the level and of an item); counters kept per list
style, restarted by a list that does not continue; a list item that holds
only a nested list is not counted (it is no paragraph of its level).
"""

from __future__ import annotations

from typing import Any

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_MAX_LEVELS = 10


class _Level:
    __slots__ = ("display", "fmt", "prefix", "start", "suffix")

    def __init__(self, fmt: str, prefix: str, suffix: str, display: int, start: int) -> None:
        self.fmt, self.prefix, self.suffix, self.display, self.start = fmt, prefix, suffix, display, start


def number_paragraphs(body: Any, style_roots: list[Any]) -> None:
    """Put each numbered paragraph's label before its text, in place."""
    styles = _list_styles(style_roots)
    if not styles:
        return
    counters: dict[str, list[int | None]] = {}

    def walk(element: Any, style: str | None, depth: int) -> None:
        for child in element:
            if child.tag == f"{_TEXT}list":
                name = child.get(f"{_TEXT}style-name") or style
                if depth == 0 and name is not None and not _continues(child):
                    counters[name] = [None] * _MAX_LEVELS
                walk(child, name, depth + 1)
            elif child.tag == f"{_TEXT}list-item" and style is not None:
                _item(child, style, depth)
                walk(child, style, depth)
            elif child.tag not in (f"{_TEXT}p", f"{_TEXT}h"):
                walk(child, style, depth)

    def _item(item: Any, style: str, depth: int) -> None:
        paragraph = next((c for c in item if c.tag in (f"{_TEXT}p", f"{_TEXT}h")), None)
        levels = styles.get(style)
        if paragraph is None or not levels or not 1 <= depth <= _MAX_LEVELS or depth not in levels:
            return
        counts = counters.setdefault(style, [None] * _MAX_LEVELS)
        level = levels[depth]
        start = _int(item.get(f"{_TEXT}start-value"), 0)
        current = counts[depth - 1]
        counts[depth - 1] = start if start else (level.start if current is None else current + 1)
        for deeper in range(depth, _MAX_LEVELS):
            counts[deeper] = None
        if level.fmt in ("", "bullet"):
            return
        shown = []
        for at in range(max(1, depth - level.display + 1), depth + 1):
            value = counts[at - 1]
            fmt = levels[at].fmt if at in levels else "1"
            shown.append(_format(value if value is not None else (levels[at].start if at in levels else 1), fmt))
        label = f"{level.prefix}{'.'.join(shown)}{level.suffix}".strip()
        if label:
            paragraph.text = f"{label} {paragraph.text or ''}"

    walk(body, None, 0)


def _continues(element: Any) -> bool:
    return element.get(f"{_TEXT}continue-numbering") == "true" or element.get(f"{_TEXT}continue-list") is not None


def _list_styles(roots: list[Any]) -> dict[str, dict[int, _Level]]:
    out: dict[str, dict[int, _Level]] = {}
    for root in roots:
        for style in root.iter(f"{_TEXT}list-style"):
            levels = {}
            for level in style:
                depth = _int(level.get(f"{_TEXT}level"), 0)
                if level.tag == f"{_TEXT}list-level-style-number":
                    levels[depth] = _Level(level.get(f"{_STYLE}num-format", "1"), level.get(f"{_STYLE}num-prefix", ""),
                                           level.get(f"{_STYLE}num-suffix", ""),
                                           _int(level.get(f"{_TEXT}display-levels"), 1),
                                           _int(level.get(f"{_TEXT}start-value"), 1))
                elif level.tag in (f"{_TEXT}list-level-style-bullet", f"{_TEXT}list-level-style-image"):
                    levels[depth] = _Level("bullet", "", "", 1, 1)
            out[style.get(f"{_STYLE}name", "")] = levels
    return out


# OpenDocument's number formats (`style:num-format`) and how `list_labels.draw` names them.
_KINDS = {"1": "decimal", "I": "ROMAN", "i": "roman", "A": "LATIN", "a": "latin", "А": "RUSSIAN", "а": "russian"}


def _format(value: int, fmt: str) -> str:
    from roadmapctl.importer.list_labels import draw

    return draw(value, _KINDS.get(fmt[:1], "decimal"))


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
