"""What `compare` returns: frozen values that reports and tables only read.

Everything here is plain data (strings, tuples), already worded in Russian
where a person reads it, so the text, Markdown, JSON, HTML and DOCX outputs
say the same thing in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

# One piece of a word-level diff: operation ("equal", "delete", "insert"),
# the whitespace that stood before it in the source, and the text itself.
Segment = tuple[str, str, str]


@dataclass(frozen=True)
class WordDiff:
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return any(op != "equal" for op, _, _ in self.segments)


@dataclass(frozen=True)
class SectionRef:
    number: str | None
    title: str

    @property
    def label(self) -> str:
        return self.number or f"«{self.title}»"


@dataclass(frozen=True)
class ItemRef:
    """One item as the reader identifies it: its number and where it stands."""

    label: str  # «1.2», «5.2.6, подп. 3», «5.3, б/н 1»
    number: str | None  # the official number, normalized; None for unnumbered items
    title: str
    section: SectionRef  # the innermost section
    key: str | None
    deadline: str | None
    executors: tuple[str, ...]  # display names in document order
    result: str | None
    position: int = 0  # index in its own roadmap's document order


@dataclass(frozen=True)
class FieldChange:
    """One changed field of a matched item.

    `field`: title, place, deadline, executors, result, indicator, form, status,
    completions, extensions.  `kind`: reworded, moved, renumbered, deadline_moved,
    deadline_changed, executors_changed, text_changed, status_changed.
    """

    field: str
    kind: str
    summary: str  # Russian, one line, no trailing period
    old: str | None = None
    new: str | None = None
    words: WordDiff | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemChange:
    old: ItemRef
    new: ItemRef
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SectionChange:
    """A section added, removed, renamed or renumbered (possibly both)."""

    kinds: tuple[str, ...]  # subset of added, removed, renamed, renumbered
    old: SectionRef | None
    new: SectionRef | None
    summary: str
    words: WordDiff | None = None
    sources: tuple[SectionRef, ...] = ()  # added: old sections its items came from
    targets: tuple[SectionRef, ...] = ()  # removed: new sections its items went to


@dataclass(frozen=True)
class RoadmapDiff:
    old_source: str
    new_source: str
    old_period: str | None
    new_period: str | None
    shift_months: int  # period.start of new minus old, in whole months
    added: tuple[ItemRef, ...]
    removed: tuple[ItemRef, ...]
    changed: tuple[ItemChange, ...]
    unchanged_count: int
    sections: tuple[SectionChange, ...]
    new_order: tuple[SectionRef, ...] = ()  # new sections in document order
    # For each removed item, the new section it is listed under (where its parent or section went).
    removed_homes: tuple[SectionRef, ...] = ()
    # (field, heading) of the new version's `columns:`, for the comparison table's labels.
    headings: tuple[tuple[str, str], ...] = ()

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.sections)
