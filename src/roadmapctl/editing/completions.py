"""`done` and `extend` write into the roadmap itself, changing nothing but what they add.

An item is named as users see it: its number as written, with or without the
trailing dot («1.2», «1.2.»), its `key`, or — for an item without a number —
the number of its parent item (or section) and its position: «5.2.5/3» is the
third sub-item of 5.2.5, «5.3/1» the first item of section 5.3.  Where
sections number their items locally, «1.» is in every section: «2:1.» names
item «1.» of section «2», and a bare «1.» gets the list of candidates.

Which control date a completion or an extension belongs to is decided by the
rules of `tracking`, on the item as it would be after the edit, so what is
written is exactly what `overdue` will read back.  `editfile` writes it:
new keys go where docs/format.md puts them, a comment or blank line that
stood after the insertion point stays in front of what follows it
(`yamlinsert`), and if anything but the added lines (and the `status:`
line) would change, nothing is written.  The commands hold the edit lock
(`filelock`) from reading the file to writing it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from roadmapctl.deadlines import Deadline, Unparsed
from roadmapctl.editing.item import add_entry, as_written
from roadmapctl.errors import InputError, UsageError, ValueRefused
from roadmapctl.model.records import replace
from roadmapctl.model.roadmap import Completion, Extension, Roadmap, Status
from roadmapctl.model.ru import date_numeric
from roadmapctl.tracking import Tracked, TrackedItem, bare_number, track_item, window_start


@dataclass(frozen=True)
class Edit:
    """What was recorded, for the message the command prints."""

    item: TrackedItem
    occurrence: Tracked  # the control date, as it is after the edit
    status: Status
    was: date | None = None  # an extended control date: its due date before this extension


def load_roadmap(path: Path) -> Roadmap:
    """The roadmap to edit, through the one load path: a roadmap with errors is not edited."""
    from roadmapctl.reading import require

    if not path.is_file():
        raise InputError(f"файла {path} нет", "укажите путь к карте, например roadmaps/карта.yaml")
    return require(path, "файл не изменён")


def editable(path: Path) -> None:
    """Refuse before any work a roadmap that cannot be edited in place: missing, not a file, read-only."""
    from roadmapctl.output.fsio import existing_target, real_path

    if not path.exists():
        raise InputError(f"файла {path} нет", "укажите путь к карте, например roadmaps/карта.yaml")
    existing_target(real_path(path))


def find_item(items: list[TrackedItem], text: str, path: Path) -> TrackedItem:
    """The item named by its number, key, «раздел:номер» or «родитель/позиция»; exactly one, or a clear error."""
    wanted = text.strip()
    plain = bare_number(wanted)
    found = ([t for t in items if bare_number(t.address) == plain]
             or [t for t in items if t.item.key == wanted]
             or [t for t in items if plain in _qualified(t)]
             or [t for t in items if t.item.number and bare_number(t.item.number) == plain])
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(f"в {path} несколько мероприятий «{wanted}»: {_listing(found)}", _which(found))
    close = difflib.get_close_matches(plain, [bare_number(t.address) for t in items], n=3, cutoff=0.6)
    maybe = f" — может быть, {', '.join(close)}?" if close else ""
    raise UsageError(f"в {path} нет мероприятия «{wanted}»{maybe}",
                     "номер как в карте (1.2 или 1.2.), ключ key, номер раздела и номер «2:1.» "
                     f"или подпункт без номера «5.2.5/3»; все мероприятия: roadmapctl list {path}")


def _qualified(item: TrackedItem) -> set[str]:
    """«2:1» for item «1.» of section «2» (also of its outer sections), whatever its address."""
    local = bare_number(item.address.rsplit(":", 1)[-1])
    return {f"{bare_number(s.number)}:{local}" for s in item.entry.sections if s.number}


def _listing(found: list[TrackedItem]) -> str:
    """«2:1. (строка 30, «Экскурсии»)» for each candidate."""
    def title(t: TrackedItem) -> str:
        words = " ".join(t.item.title.split())
        return words if len(words) <= 40 else words[:39] + "…"
    return "; ".join(f"{t.address} (строка {t.line}, «{title(t)}»)" for t in found)


def _which(found: list[TrackedItem]) -> str:
    addresses = {bare_number(t.address) for t in found}
    if len(addresses) == len(found):
        return f"укажите одно из них: {', '.join(t.address for t in found)} — или его ключ key"
    return "укажите ключ мероприятия (key) или исправьте номера: roadmapctl check"


def trackable(item: TrackedItem, path: Path) -> Deadline:
    """The item's deadline, or a clear refusal when there is nothing to record against."""
    name = f"мероприятие {item.address}"
    if item.cancelled:
        why = "отменено" if item.item.status == "cancelled" else "входит в отменённое"
        raise UsageError(f"{name} {why} (status: cancelled)")
    if isinstance(item.deadline, Unparsed):
        raise UsageError(f"{name}: {item.deadline.message}",
                         f"исправьте срок или добавьте due: — roadmapctl check {path}")
    if item.deadline is None:
        subs = "; отмечайте его подпункты" if item.item.items else ""
        raise UsageError(f"у мероприятия {item.address} нет срока{subs}")
    if not item.deadline.occurrences:
        raise UsageError(f"у мероприятия {item.address} срок «{item.phrase}» без контрольных дат: "
                         "отмечать нечего")
    return item.deadline


def retrack(item: TrackedItem, roadmap: Roadmap, as_of: date, **changes: Any) -> TrackedItem:
    """The item tracked as if it had `changes` (new completions, extensions, status)."""
    entry = replace(item.entry, item=replace(item.item, **changes))
    return track_item(entry, item.address, item.steps, roadmap.period, as_of)


def plan_completion(roadmap: Roadmap, item: TrackedItem, on: date, due: date | None,
                    note: str | None, path: Path) -> tuple[Completion, Edit]:
    """The completion to write and what it covers; refuses duplicates and unknown dates."""
    deadline = trackable(item, path)
    now = retrack(item, roadmap, date.max, status="in_progress")
    occs = now.occurrences
    if due is not None and not any(due in (o.due, o.effective_due) for o in occs):
        dates = ", ".join(date_numeric(o.due) for o in occs)
        raise UsageError(f"у мероприятия {item.address} нет срока {date_numeric(due)}; "
                         f"контрольные даты: {dates}")
    if due is None and len(occs) > 1:
        inside = [o for i, o in enumerate(occs)
                  if window_start(deadline.occurrences, i) <= on <= o.effective_due]
        if inside and all(o.completion is not None for o in inside):
            raise ValueRefused(_already(item, inside[0]), "если это отметка за другой срок, укажите его",
                               field="due", given=False)
    new = Completion(date=on, due=due, note=note)
    after = retrack(item, roadmap, date.max, status="in_progress",
                    completions=[*item.item.completions, new])
    covered = [o for o in after.occurrences if o.completion is new]
    if not covered:
        if len(occs) > 1 and due is None:
            raise UsageError(f"все контрольные сроки мероприятия {item.address} уже отмечены")
        raise UsageError(_already(item, next(o for o in occs if due in (None, o.due, o.effective_due))))
    target = covered[0]
    if len(occs) > 1 and due is None:
        new = Completion(date=on, due=target.due, note=note)
    status: Status = "done" if all(o.completion is not None for o in after.occurrences) else "in_progress"
    return new, Edit(item, target, status)


def _already(item: TrackedItem, occ: Tracked) -> str:
    done = f" ({date_numeric(occ.done_on)})" if occ.done_on else ""
    if len(item.occurrences) == 1:
        return f"выполнение мероприятия {item.address} уже отмечено{done}"
    return f"выполнение мероприятия {item.address} за срок {date_numeric(occ.due)} уже отмечено{done}"


def plan_extension(roadmap: Roadmap, item: TrackedItem, to: date, reason: str, basis: str | None,
                   on: date, path: Path) -> tuple[Extension, Edit]:
    """The extension to write and the control date it moves; refuses moving a date earlier."""
    trackable(item, path)
    now = retrack(item, roadmap, on)
    open_ = [o for o in now.occurrences if not o.covered]
    if not open_:
        raise UsageError(f"все сроки мероприятия {item.address} уже выполнены: переносить нечего")
    current = open_[0]
    if to <= current.effective_due:
        word = "совпадает с текущим сроком" if to == current.effective_due else "раньше текущего срока"
        raise UsageError(f"новый срок {date_numeric(to)} {word} "
                         f"{date_numeric(current.effective_due)} мероприятия {item.address}")
    new = Extension(to=to, reason=reason, basis=basis, date=on)
    after = retrack(item, roadmap, on, extensions=[*item.item.extensions, new])
    moved = next(o for o in after.occurrences if o.extension is new)
    return new, Edit(item, moved, item.item.status, current.effective_due)


def write_completion(path: Path, item: TrackedItem, completion: Completion, status: str) -> None:
    entry: dict[str, Any] = {"date": completion.date}
    if completion.due is not None:
        entry["due"] = completion.due
    if completion.note:
        entry["note"] = as_written(completion.note)
    if completion.evidence:
        entry["evidence"] = [as_written(proof.text) for proof in completion.evidence]
    add_entry(path, item, "completions", entry, status)


def write_extension(path: Path, item: TrackedItem, extension: Extension) -> None:
    entry: dict[str, Any] = {"to": extension.to, "reason": as_written(extension.reason or "")}
    if extension.basis:
        entry["basis"] = as_written(extension.basis)
    entry["date"] = extension.date
    add_entry(path, item, "extensions", entry, None)
