"""Year-over-year comparison of two roadmaps: what really changed.

Next year's roadmap is made by editing last year's, so a textual diff drowns
the reader in shifted years and renumbered items.  `compare` pairs items
across the versions (`matching`), pairs sections (`sections`), and compares
each pair field by field relative to the periods (`fields`): «октябрь 2023»
in 2023/2024 and «октябрь 2024» in 2024/2025 are the same deadline.  Items
only renumbered by an insertion before them are said once per run
(`renumber`), and the document around the items — heading, approval stamp,
goals, glossary of executors, order — is compared too (`document`): users
care about the whole document.  It is pure and returns frozen values
(`result`) that `report`, `jsonout` and `table` print.
"""

from __future__ import annotations

from roadmapctl.diff.deadline_shift import months_between
from roadmapctl.diff.document import document_changes
from roadmapctl.diff.fields import Versions, compare_item, executor_names
from roadmapctl.diff.matching import Entry, entries, match
from roadmapctl.diff.renumber import renumber_runs
from roadmapctl.diff.result import (
    DocumentChange,
    FieldChange,
    ItemChange,
    ItemRef,
    RenumberRun,
    RoadmapDiff,
    SectionChange,
    SectionRef,
    WordDiff,
)
from roadmapctl.diff.sections import match_sections, section_changes, section_refs
from roadmapctl.model.roadmap import Roadmap

__all__ = [
    "DocumentChange", "FieldChange", "ItemChange", "ItemRef", "RenumberRun", "RoadmapDiff", "SectionChange",
    "SectionRef", "WordDiff", "compare",
]


def compare(old: Roadmap, new: Roadmap, include_status: bool = False) -> RoadmapDiff:
    """Every difference between two versions of a roadmap that a reader would care about."""
    months = months_between(old.period, new.period)
    year_shift = round(months / 12)
    old_entries, new_entries = entries(old, year_shift), entries(new)
    pairs = match(old_entries, new_entries)
    section_pairs = match_sections(old, new, old_entries, new_entries, pairs, year_shift)
    old_sections, new_sections = section_refs(old), section_refs(new)
    versions = Versions(old, new, months, year_shift, include_status, pairs, section_pairs,
                        old_sections, new_sections)
    back = {b: a for a, b in pairs.items()}
    found: list[tuple[Entry, Entry, tuple[FieldChange, ...]]] = []
    unchanged = 0
    for b in new_entries:  # document order of the new version
        if b.index not in back:
            continue
        a = old_entries[back[b.index]]
        changes = compare_item(a, b, versions)
        if changes:
            found.append((a, b, changes))
        else:
            unchanged += 1
    only_number = [(a, b) for a, b, changes in found if [c.kind for c in changes] == ["renumbered"]]
    runs = renumber_runs(only_number, old_entries, new_entries, pairs, new_sections, old_sections)
    quiet = {label for run in runs for label in run.new}
    changed = [ItemChange(_ref(a, old, old_sections), _ref(b, new, new_sections), changes)
               for a, b, changes in found if not (b.label in quiet and len(changes) == 1)]
    return RoadmapDiff(
        old_source=old.path, new_source=new.path,
        old_period=old.period.text if old.period else None,
        new_period=new.period.text if new.period else None,
        shift_months=months,
        added=tuple(_ref(b, new, new_sections) for b in new_entries if b.index not in back),
        removed=tuple(_ref(a, old, old_sections) for a in old_entries if a.index not in pairs),
        changed=tuple(changed),
        unchanged_count=unchanged,
        sections=section_changes(old, new, old_entries, new_entries, pairs, section_pairs, year_shift),
        new_order=new_sections,
        removed_homes=tuple(_home(a, pairs, section_pairs, new_entries, old_sections, new_sections)
                            for a in old_entries if a.index not in pairs),
        removed_after=tuple(_anchor(a, pairs) for a in old_entries if a.index not in pairs),
        renumbered=runs,
        document=document_changes(old, new, year_shift),
        headings=tuple((c.field, " ".join(c.heading.split())) for c in new.columns if c.heading),
    )


def _anchor(entry: Entry, pairs: dict[int, int]) -> int:
    """Where a removed item stood, in the new document's order: after the new place of the
    nearest earlier item that is still there (-1: before everything)."""
    for index in range(entry.index - 1, -1, -1):
        if index in pairs:
            return pairs[index]
    return -1


def _home(entry: Entry, pairs: dict[int, int], section_pairs: dict[int, int], new_entries: list[Entry],
          old_sections: tuple[SectionRef, ...], new_sections: tuple[SectionRef, ...]) -> SectionRef:
    """Where a removed item is listed: beside its parent's new place, else its section's."""
    if entry.parent is not None and entry.parent in pairs:
        return new_sections[new_entries[pairs[entry.parent]].section]
    if entry.section in section_pairs:
        return new_sections[section_pairs[entry.section]]
    return old_sections[entry.section]


def _ref(entry: Entry, roadmap: Roadmap, refs: tuple[SectionRef, ...]) -> ItemRef:
    item, ctx = entry.item, entry.ctx
    return ItemRef(
        label=entry.label, number=entry.number, title=item.title, section=refs[entry.section],
        key=item.key, deadline=ctx.effective_deadline,
        executors=executor_names(ctx.effective_executors, roadmap), result=item.result,
        position=entry.index,
    )

