"""The comparison as JSON, for scripts: every change with the same addresses as `done` uses.

Keys (stable; new keys may be added, none renamed or removed):

- `old`, `new`: `{"source": path or REV:path, "period": "2023/2024"}`;
- `shift_months`: the new period's start minus the old one's, in months;
- `summary`: counts `changed`, `added`, `removed`, `unchanged`, `sections`,
  `renumbered` (items only renumbered, not in `changed`), `document`
  (changes outside the items);
- `document`: changes outside the items `{part, field, kind, summary, old,
  new, diff, items, note}`: `part` is document (title, territory, period,
  default executors, numbering),
  approval, goals, columns, executors (the glossary) or order; `kind` is
  added, removed, changed or renamed; `old`/`new` as printed (dates
  DD.MM.YYYY); `items` are the addresses of the items a glossary change
  touches; `note` (or null) says where the order still names a renamed
  organisation the old way;
- `sections`: section changes `{kinds, old, new, summary, sources, targets}`,
  `kinds` from added / removed / renamed / renumbered (or executors /
  numbering: the section's default executors or numbering style), `old`/`new` are
  `{"number", "title"}` or null;
- `added`, `removed`: items `{number, title, section, key, deadline,
  executors, result}`, where `number` is the item's address as `done`,
  `overdue` and `list` take it: «1.2», «5.2.5/2» for the second sub-item of
  5.2.5, «5.3/1» for the first unnumbered item of section 5.3;
- `changed`: `{old, new, title, old_title, section, changes}` where
  `old`/`new` are the item addresses and `changes` is a list of
  `{field, kind, summary, old, new, diff, added, removed}`; `diff` is the
  word-level diff in wdiff style («[-старое-] {+новое+}») or null; a
  deadline's `old`/`new` are the phrases as written;
- `unchanged_count`: the number of paired items without changes;
- `renumbered`: runs of items only renumbered by an insertion or removal
  before them `{old, new, titles, section, cause, summary}`, `old`/`new`
  being lists of addresses.
"""

from __future__ import annotations

import json
from typing import Any

from roadmapctl.diff.result import DocumentChange, FieldChange, ItemRef, RenumberRun, RoadmapDiff, SectionRef
from roadmapctl.diff.words import plain


def json_report(diff: RoadmapDiff) -> str:
    data = {
        "old": {"source": diff.old_source, "period": diff.old_period},
        "new": {"source": diff.new_source, "period": diff.new_period},
        "shift_months": diff.shift_months,
        "summary": {"changed": len(diff.changed), "added": len(diff.added),
                    "removed": len(diff.removed), "unchanged": diff.unchanged_count,
                    "sections": len(diff.sections), "renumbered": diff.renumbered_count,
                    "document": len(diff.document)},
        "document": [_document(c) for c in diff.document],
        "sections": [{"kinds": list(s.kinds), "old": _section(s.old), "new": _section(s.new),
                      "summary": s.summary, "sources": [_section(r) for r in s.sources],
                      "targets": [_section(r) for r in s.targets]} for s in diff.sections],
        "added": [_item(ref) for ref in diff.added],
        "removed": [_item(ref) for ref in diff.removed],
        "changed": [{"old": c.old.label, "new": c.new.label, "title": c.new.title,
                     "old_title": c.old.title, "section": _section(c.new.section),
                     "changes": [_field(f) for f in c.changes]} for c in diff.changed],
        "unchanged_count": diff.unchanged_count,
        "renumbered": [_renumbered(run) for run in diff.renumbered],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _document(change: DocumentChange) -> dict[str, Any]:
    return {"part": change.part, "field": change.field, "kind": change.kind, "summary": change.summary,
            "old": change.old, "new": change.new,
            "diff": plain(change.words) if change.words is not None else None, "items": list(change.items),
            "note": change.note or None}


def _renumbered(run: RenumberRun) -> dict[str, Any]:
    return {"old": list(run.old), "new": list(run.new), "titles": list(run.titles),
            "section": _section(run.section), "cause": run.cause, "summary": run.summary}


def _section(ref: SectionRef | None) -> dict[str, str | None] | None:
    return None if ref is None else {"number": ref.number, "title": ref.title}


def _item(ref: ItemRef) -> dict[str, Any]:
    return {"number": ref.label, "title": ref.title, "section": _section(ref.section), "key": ref.key,
            "deadline": ref.deadline, "executors": list(ref.executors), "result": ref.result}


def _field(change: FieldChange) -> dict[str, Any]:
    return {"field": change.field, "kind": change.kind, "summary": change.summary,
            "old": change.old, "new": change.new,
            "diff": plain(change.words) if change.words is not None else None,
            "added": list(change.added), "removed": list(change.removed)}
