"""The numbers Word draws for numbered lists, written into the paragraphs' text.

The «№ п/п» column of a Word roadmap is very often a numbered list: the cell
holds no text, Word draws «1.», «2.», «1.1.» from the list's definition in
numbering.xml.  Read as text, such a table has no numbers at all, and the
measures lose them.  Here every numbered paragraph of the body, in document
order, gets its label as Word computes it, put before its text as a run of
its own in the in-memory XML (never written back), so the readers see what
the reader of the document sees.

What is followed: the paragraph's own `w:numPr` or its style's (through
`basedOn`), `w:numId` 0 switching numbering off; the level's `w:lvlText`
(«%1.%2.»), `w:numFmt` (decimal, Roman, Latin and Russian letters, «01»;
bullets and «none» draw no number worth keeping), `w:start`, `w:isLgl`;
counters shared by every list of one abstract definition and restarted by a
list's `w:startOverride`; deeper levels restarting after a higher one.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_MAX_LEVELS = 9


class _Level:
    __slots__ = ("fmt", "legal", "start", "text")

    def __init__(self, fmt: str, text: str, start: int, legal: bool) -> None:
        self.fmt, self.text, self.start, self.legal = fmt, text, start, legal


def number_paragraphs(body: Any, numbering: Any | None, styles: Any | None) -> None:
    """Put each numbered paragraph's label («1.», «2.3.») before its text, in place."""
    if numbering is None:
        return
    abstract = {a.get(f"{_W}abstractNumId"): _levels(a) for a in numbering.iterchildren(f"{_W}abstractNum")}
    nums: dict[str, tuple[str, dict[int, int]]] = {}
    for num in numbering.iterchildren(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        overrides = {}
        for override in num.iterchildren(f"{_W}lvlOverride"):
            start = override.find(f"{_W}startOverride")
            if start is not None:
                overrides[_int(override.get(f"{_W}ilvl"))] = _int(start.get(_VAL), 1)
        if ref is not None:
            nums[num.get(f"{_W}numId", "")] = (ref.get(_VAL, ""), overrides)
    style_numbers = _style_numbers(styles)
    counters: dict[str, list[int | None]] = {}
    restarted: set[str] = set()
    for p in body.iter(f"{_W}p"):
        num_id, level = _numbering_of(p, style_numbers)
        if num_id is None or num_id == "0" or num_id not in nums or not 0 <= level < _MAX_LEVELS:
            continue
        abstract_id, overrides = nums[num_id]
        levels = abstract.get(abstract_id)
        if not levels or level not in levels:
            continue
        counts = counters.setdefault(abstract_id, [None] * _MAX_LEVELS)
        if num_id not in restarted:  # a list restarted by its own start values
            restarted.add(num_id)
            for at, value in overrides.items():
                if 0 <= at < _MAX_LEVELS:
                    counts[at] = value - 1
        current = counts[level]
        counts[level] = levels[level].start if current is None else current + 1
        for deeper in range(level + 1, _MAX_LEVELS):
            counts[deeper] = None
        label = _label(levels, level, counts)
        if label:
            _prepend(p, label)


def _levels(abstract: Any) -> dict[int, _Level]:
    out = {}
    for lvl in abstract.iterchildren(f"{_W}lvl"):
        fmt = lvl.find(f"{_W}numFmt")
        text = lvl.find(f"{_W}lvlText")
        start = lvl.find(f"{_W}start")
        out[_int(lvl.get(f"{_W}ilvl"))] = _Level(
            fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
            text.get(_VAL, "") if text is not None else "",
            _int(start.get(_VAL), 1) if start is not None else 1,
            lvl.find(f"{_W}isLgl") is not None)
    return out


def _style_numbers(styles: Any | None) -> dict[str, tuple[str | None, int | None, str | None]]:
    """Per paragraph style: (numId, level, the style it is based on)."""
    out: dict[str, tuple[str | None, int | None, str | None]] = {}
    if styles is None:
        return out
    for style in styles.iterchildren(f"{_W}style"):
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        based = style.find(f"{_W}basedOn")
        num_id = level = None
        if num_pr is not None:
            found_id, found_level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
            num_id = found_id.get(_VAL) if found_id is not None else None
            level = _int(found_level.get(_VAL)) if found_level is not None else None
        out[style.get(f"{_W}styleId", "")] = (num_id, level, based.get(_VAL) if based is not None else None)
    return out


def _numbering_of(p: Any, styles: dict[str, tuple[str | None, int | None, str | None]]) -> tuple[str | None, int]:
    num_id: str | None = None
    level: int | None = None
    num_pr = p.find(f"{_W}pPr/{_W}numPr")
    if num_pr is not None:
        found_id, found_level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        num_id = found_id.get(_VAL) if found_id is not None else None
        level = _int(found_level.get(_VAL)) if found_level is not None else None
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = style.get(_VAL) if style is not None else None
    seen = set()
    while name is not None and name not in seen and (num_id is None or level is None):
        seen.add(name)
        style_id, style_level, based = styles.get(name, (None, None, None))
        num_id = num_id if num_id is not None else style_id
        level = level if level is not None else style_level
        name = based
    return num_id, level or 0


def _label(levels: dict[int, _Level], level: int, counts: list[int | None]) -> str:
    this = levels[level]
    if this.fmt in ("bullet", "none"):
        return ""
    text = this.text
    for at in range(_MAX_LEVELS):
        marker = f"%{at + 1}"
        if marker in text:
            value = counts[at] if counts[at] is not None else (levels[at].start if at in levels else 1)
            fmt = "decimal" if this.legal or at not in levels else levels[at].fmt
            text = text.replace(marker, _format(value or 0, fmt))
    return text.strip()


# Word's number formats and how `list_labels.draw` names them.
_KINDS = {"upperRoman": "ROMAN", "lowerRoman": "roman", "upperLetter": "LATIN", "lowerLetter": "latin",
          "russianUpper": "RUSSIAN", "russianLower": "russian", "decimalZero": "decimal-zero"}


def _format(value: int, fmt: str) -> str:
    from roadmapctl.importer.list_labels import draw

    return draw(value, _KINDS.get(fmt, "decimal"))


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _prepend(p: Any, label: str) -> None:
    """A run with the label (and a space) right after the paragraph's properties."""
    from lxml import etree

    run = etree.Element(f"{_W}r")
    text = etree.SubElement(run, f"{_W}t")
    text.text = f"{label} "
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    properties = p.find(f"{_W}pPr")
    p.insert(0 if properties is None else p.index(properties) + 1, run)
