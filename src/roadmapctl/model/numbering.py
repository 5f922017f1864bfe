"""Numbering styles: which one each list of numbered things uses.

Real roadmaps number their items in two legitimate ways: hierarchically
(«2.1», «2.2» in section «2»; «5.2.5.1» under item «5.2.5») or locally
(«1.», «2.», «3.» restarting in every section).  Rules about numbers must
know which one a list uses before they can call a number wrong, so the
style is decided here once, per list of siblings: the items of a section,
the sub-items of an item, the subsections of a section.  `numbering:` at
the roadmap or a section decides it outright; otherwise the numbers vote.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from roadmapctl.model.records import Value
from roadmapctl.model.roadmap import Item, Numbering, Roadmap, Section, normalize_number

Member = Item | Section
Kind = Literal["items", "sub-items", "sections"]


class Siblings(Value):
    """A list of sibling items or sections and the numbering style it uses.

    `scope` names the set of lists within which a number must be unique:
    hierarchical numbers are unique across the roadmap, local ones restart in
    every list, and a hierarchical list inside a locally numbered part shares
    the scope of that part («1.1» under «1.» of two directions is no repeat).
    """

    __slots__ = ("forced", "kind", "members", "owner", "scope", "style")
    owner: Section | Item | None  # None: the roadmap's top-level sections
    kind: Kind
    members: tuple[Member, ...]
    style: Numbering
    forced: bool  # set by `numbering:`, not detected
    scope: int

    def __init__(self, owner: Section | Item | None, kind: Kind, members: tuple[Member, ...], style: Numbering,
                 forced: bool, scope: int) -> None:
        self.owner = owner
        self.kind = kind
        self.members = members
        self.style = style
        self.forced = forced
        self.scope = scope

    @property
    def prefix(self) -> str | None:
        """The owner's number that hierarchical numbers start with."""
        return normalize_number(self.owner.number) if self.owner is not None else None

    def fits(self, number: str | None) -> bool:
        """Whether a member's number follows the list's style."""
        return fits(number, self.prefix, self.style)


def is_flat(number: str | None) -> bool:
    """«1.», «3», «2)» — one level, as local numbering writes it."""
    bare = normalize_number(number) or ""
    return bool(bare) and "." not in bare


def fits(number: str | None, prefix: str | None, style: Numbering) -> bool:
    child = normalize_number(number)
    if not child:
        return True
    if style == "local":
        return is_flat(child)
    return not prefix or any(child.startswith(p + ".") for p in prefixes(prefix))


@lru_cache(maxsize=1024)
def prefixes(prefix: str) -> tuple[str, ...]:
    """What hierarchical numbers under `prefix` start with: section «II» numbers its items «II.1» or «2.1»."""
    arabic = roman_value(prefix)
    return (prefix,) if arabic is None else (prefix, str(arabic))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral up to 89 (Latin or look-alike Cyrillic «Х»), else None."""
    letters = text.upper().replace("Х", "X").replace("І", "I")  # noqa: RUF001 - Cyrillic look-alikes on purpose
    if not letters or any(ch not in _ROMAN for ch in letters):
        return None
    values = [_ROMAN[ch] for ch in letters]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def roman_numeral(value: int) -> str:
    """«XIV» for 14: how a list numbered in Roman numerals draws a positive number."""
    out = ""
    for number, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += digits
            value -= number
    return out


def detect(members: tuple[Member, ...], prefix: str | None) -> Numbering:
    """Local when more numbers are flat than follow the owner's number."""
    numbers = [n for m in members if (n := normalize_number(m.number))]
    flat = sum(1 for n in numbers if is_flat(n))
    if prefix:
        nested = sum(1 for n in numbers if fits(n, prefix, "hierarchical"))
    else:
        nested = len(numbers) - flat
    return "local" if flat > nested else "hierarchical"


def siblings(roadmap: Roadmap) -> Iterator[Siblings]:
    """Every list of siblings in document order, each with its style.

    `numbering:` decides the style of the items of its section and of the
    sections inside it; lists of sub-items and of subsections are always
    detected, as documents number them in their own ways under either style.
    """
    walker = _Walker()
    top = Siblings(None, "sections", tuple(roadmap.sections), "hierarchical", False, 0)
    yield top
    for section in roadmap.sections:
        yield from walker.section(section, roadmap.numbering, 0)


class _Walker:
    def __init__(self) -> None:
        self.scopes = 0

    def make(self, owner: Section | Item, kind: Kind, members: tuple[Member, ...],
             forced: Numbering | None, scope: int) -> Siblings:
        style = forced or detect(members, normalize_number(owner.number))
        if style == "local":
            self.scopes += 1
            scope = self.scopes
        return Siblings(owner, kind, members, style, forced is not None, scope)

    def section(self, section: Section, outer: Numbering | None, scope: int) -> Iterator[Siblings]:
        forced = section.numbering or outer
        items = self.make(section, "items", tuple(section.items), forced, scope)
        yield items
        for item in section.items:
            yield from self.items(item, items.scope)
        if section.sections:
            inner = self.make(section, "sections", tuple(section.sections), None, scope)
            yield inner
            for sub in section.sections:
                yield from self.section(sub, forced, inner.scope)

    def items(self, item: Item, scope: int) -> Iterator[Siblings]:
        if not item.items:
            return
        subs = self.make(item, "sub-items", tuple(item.items), None, scope)
        yield subs
        for sub in item.items:
            yield from self.items(sub, subs.scope)
