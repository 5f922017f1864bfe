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

    label: str  # the address as `done` takes it: «1.2», «5.2.6/3» (3rd sub-item), «5.3/1»
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

    kinds: tuple[str, ...]  # subset of added, removed, renamed, renumbered; or executors, numbering (settings)
    old: SectionRef | None
    new: SectionRef | None
    summary: str
    words: WordDiff | None = None
    sources: tuple[SectionRef, ...] = ()  # added: old sections its items came from
    targets: tuple[SectionRef, ...] = ()  # removed: new sections its items went to


@dataclass(frozen=True)
class RenumberRun:
    """Consecutive items whose only change is a number moved by an insertion or removal before them."""

    old: tuple[str, ...]  # addresses in the old version
    new: tuple[str, ...]  # addresses in the new version
    titles: tuple[str, ...]
    section: SectionRef  # the new section
    position: int  # new document position of the first item
    cause: str  # «вставлен новый 5.2.3»
    summary: str  # «5.2.3–5.2.8 → 5.2.4–5.2.9 перенумерованы (вставлен новый 5.2.3)»


@dataclass(frozen=True)
class DocumentChange:
    """A change outside the table of items: the heading, the approval stamp, the order, the glossary.

    `part`: document, approval, order, executors, goals, columns.  `kind`: added,
    removed, changed (for executors also renamed, id_changed).  `items` are the
    addresses of the items an executor's change touches.
    """

    part: str
    field: str
    kind: str
    summary: str  # Russian, one line, no trailing period
    old: str | None = None
    new: str | None = None
    words: WordDiff | None = None
    items: tuple[str, ...] = ()
    label: str = ""  # what the value is, for a table cell: «дата приказа», «пункт 2 приказа»
    note: str = ""  # said after the change: «прежнее наименование осталось в приказе: рассылка»


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
    # For each removed item, the new position of the nearest earlier item still there (-1: none):
    # a removed item is listed where it stood, not at the end of its section.
    removed_after: tuple[int, ...] = ()
    renumbered: tuple[RenumberRun, ...] = ()  # not counted in `changed`
    document: tuple[DocumentChange, ...] = ()  # outside the items, in document order

    @property
    def renumbered_count(self) -> int:
        return sum(len(run.old) for run in self.renumbered)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.sections or self.renumbered
                    or self.document)
