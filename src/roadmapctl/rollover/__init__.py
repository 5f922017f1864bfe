"""Next year's roadmap from this year's: period moved, marks cleared, keys kept.

Most roadmaps are renewed every school year with the same measures.  The
rollover keeps the file as people wrote it (comments, quoting, order: it
works on the round-trip tree of `yamledit`) and changes only what belongs to
the year:

* the period, and every mention of it in the texts — title, order (title,
  preamble, points), approval stamp, goals, items: «на 2023/2024 учебный
  год» → «на 2024/2025 учебный год», «на 2021-2025 годы» → «на 2026-2030
  годы» (`period_mentions`); other years («на 2023-2025 годы» of another
  programme, «от 14.06.2023») stay as written;
* explicit years in deadline phrases, but only where the shifted phrase
  means exactly the old dates a year (or N years) later; `due:` pins move
  with the period;
* whatever still names a year of the old period afterwards — a value, a
  deadline left as it was, a comment — is listed for review with its line
  in the new file (`rollover_review`), so nobody signs last year's dates
  unawares;
* statuses, completion marks and extensions are removed;
* the order and the approval stamp lose their date and number (a draft);
* every measure gets a stable `key` if it had none — written into the old
  file too, so both years can be compared measure by measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from roadmapctl.editing.delete import drop_key, same_style
from roadmapctl.errors import InputError, OutputError, ValueRefused
from roadmapctl.model.period import Period, PeriodError, parse_period
from roadmapctl.rollover.review import review

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MARKS = ("status", "completions", "extensions")
_KEY_LINE = re.compile(r"^\s*(- )?key: ")


@dataclass
class RolloverResult:
    old_text: str  # the old file with the keys added (unchanged if all had keys)
    new_text: str
    old_period: Period
    new_period: Period
    keys_added: int = 0
    shifted: int = 0
    cleared: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_MARKS, 0))
    review: list[tuple[int, str]] = field(default_factory=list)  # (line in the new file, what to check)
    mentions: int = 0  # texts where a mention of the period was moved
    unshifted: set[str] = field(default_factory=set)  # keys of items whose deadline could not be moved
    draft: list[str] = field(default_factory=list)  # what was removed from order/approval


def target_period(old: Period, to_text: str) -> Period:
    """The new period: as written, or the old one's shape moved to those years.

    A period that cannot be used is a `ValueRefused` of the field «to»: the
    command names the option it came from.
    """
    try:
        to = parse_period(to_text)
    except PeriodError as exc:
        raise ValueRefused(str(exc), field="to") from None
    delta = to.start.year - old.start.year
    if delta <= 0:
        raise ValueRefused(f"новый период {to.text} должен начинаться позже текущего ({old.text})", field="to")
    shifted = old.shifted_years(delta)
    if to.kind == old.kind and (to.kind == "dates" or to.end.year - to.start.year == old.end.year - old.start.year):
        return to
    if (shifted.start.year, shifted.end.year) == (to.start.year, to.end.year):
        return shifted
    raise ValueRefused(f"период {to.text} не совпадает по длительности с текущим ({old.text})",
                       field="to", example=shifted.text)


def move_period_years(text: str, old: Period, delta: int) -> str:
    """The years that fall in the old period moved by `delta`; years outside it stay as written."""
    def move(m: re.Match[str]) -> str:
        year = int(m.group(1))
        return str(year + delta) if old.start.year <= year <= old.end.year else m.group(1)

    return _YEAR.sub(move, text)


def default_output(path: Path, old: Period, delta: int) -> Path:
    """chelyabinsk-2023-2024.yaml → chelyabinsk-2024-2025.yaml."""
    name = move_period_years(path.name, old, delta)
    if name == path.name:
        raise ValueRefused(f"в имени файла {path.name} нет лет периода — не из чего составить имя новой карты",
                           "укажите имя новой карты", field="output", given=False, example="roadmaps/<имя>.yaml")
    return path.with_name(name)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def shift_phrase(phrase: str, old: Period, new: Period, delta: int) -> tuple[str, bool]:
    """The phrase for the new period, and whether it provably means the same dates moved.

    A phrase without years keeps its text; it is still checked, since «до 29
    февраля» may not survive the move.  A phrase whose shifted text reads
    differently (or not at all) is returned unchanged with False.
    """
    from roadmapctl.deadlines import Deadline, Occurrence, parse_deadline

    candidate = _YEAR.sub(lambda m: str(int(m.group(1)) + delta), phrase)
    before, after = parse_deadline(phrase, old), parse_deadline(candidate, new)
    if not isinstance(before, Deadline) or not isinstance(after, Deadline):
        return phrase, False
    moved = tuple(Occurrence(add_years(o.start, delta) if o.start else None, add_years(o.due, delta))
                  for o in before.occurrences)
    if moved != after.occurrences:
        return phrase, False
    return candidate, True


def key_prefix(path: Path) -> str:
    """The file name without its years, in Latin letters: «карта-2023-2024.yaml» → karta."""
    from roadmapctl.importer.ids import translit

    stem = re.sub(r"[-_.]*(?:19|20)\d\d(?:[-_/](?:19|20)\d\d)?", "", path.stem).strip("-_.")
    words = [translit(w) for w in re.split(r"[^\w]+|_", stem)]
    return "-".join(w for w in words if w) or "item"


def _letters(index: int) -> str:
    """0 → a, 25 → z, 26 → aa: labels for unnumbered measures."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _walk(sections: Any, outer: str = "") -> Any:
    """(item mapping, parent item mapping or None, section number, index among siblings)."""
    for section in sections or ():
        number = str(section.get("number") or "").rstrip(".")
        yield from _walk_items(section.get("items"), None, number)
        yield from _walk(section.get("sections"), number)


def _walk_items(items: Any, parent: Any, section: str) -> Any:
    for index, item in enumerate(items or ()):
        yield item, parent, section, index
        yield from _walk_items(item.get("items"), item, section)


def assign_keys(data: Any, prefix: str) -> int:
    """Give every measure without `key` a stable one; the same tree gives the same keys."""
    taken = {str(item["key"]) for item, *_ in _walk(data.get("sections")) if item.get("key")}
    added = 0
    for item, parent, section, index in _walk(data.get("sections")):
        if item.get("key"):
            continue
        number = str(item.get("number") or "").strip().rstrip(".")
        if number:
            base = f"{prefix}-{number.replace('.', '-')}"
        elif parent is not None and parent.get("key"):
            base = f"{parent['key']}-{_letters(index)}"
        else:
            base = f"{prefix}-{section.replace('.', '-') or 's'}-{_letters(index)}"
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        taken.add(key)
        item.insert(1, "key", key)  # after the first line («- number: …» or «- title: …»), which stays as is
        added += 1
    return added


def periods(path: Path, to_text: str) -> tuple[Period, Period]:
    """The roadmap's period and the new one, from the checked roadmap (cheap: no round trip), so
    that where the new roadmap goes can be settled before the work."""
    from roadmapctl.reading import require

    roadmap = require(path, "новая карта не создана")
    if roadmap.period is None:  # a required field: `check` reports its absence as an error
        raise InputError(f"в карте {path} нет периода — новая карта не создана",
                         f"подробности: roadmapctl check {path}")
    return roadmap.period, target_period(roadmap.period, to_text)


def rollover(path: Path, to_text: str, known: tuple[Period, Period] | None = None) -> RolloverResult:
    """Next year's roadmap from the one at `path`; `known`: its `periods`, when the caller read them."""
    from roadmapctl.editing.roundtrip import dump_document, load_document
    from roadmapctl.editing.safety import unexpected_changes

    old_period, new_period = known or periods(path, to_text)
    delta = new_period.start.year - old_period.start.year
    prefix = key_prefix(path)

    old_data, original = load_document(path)
    keys_added = assign_keys(old_data, prefix)
    old_text = dump_document(old_data, original) if keys_added else original
    if keys_added and unexpected_changes(original, old_text, may_add=_KEY_LINE.match):
        raise OutputError(f"{path}: ключи нельзя добавить, не переформатировав остальной файл",
                          "добавьте ключи key вручную или выровняйте отступы как в roadmaps/")
    data = old_data  # the old text is written out: its tree becomes the new one
    result = RolloverResult(old_text, "", old_period, new_period, keys_added)
    move_year(data, old_period, new_period, delta, result)
    text = dump_document(data, original)
    result.new_text, marker = _mark_origin(text, path.name, old_period, new_period)
    result.review = review(old_text, result.new_text, old_period, delta, marker, result.unshifted)
    return result


def move_year(data: Any, old: Period, new: Period, delta: int, result: RolloverResult) -> None:
    """Edit the round-trip tree in place into next year's roadmap."""
    period = data.get("period")
    if hasattr(period, "keys"):
        period["start"], period["end"] = new.start, new.end
    else:
        data["period"] = same_style(period, new.text)

    result.mentions = move_mentions(data, old, delta)
    for block, name in (("order", "приказ"), ("approval", "гриф утверждения")):
        removed = [k for k in ("date", "number") if hasattr(data.get(block), "keys") and k in data[block]]
        for k in removed:
            drop_key(data[block], k)
        if removed:
            result.draft.append(name)
    for item, _parent, _section, _index in _walk(data.get("sections")):
        _clear_marks(item, result)
        phrase = item.get("deadline")
        if isinstance(phrase, str) and phrase.strip():
            moved, ok = shift_phrase(phrase, old, new, delta)
            if ok and moved != phrase:
                item["deadline"] = same_style(phrase, moved)
                result.shifted += 1
            elif not ok and (not item.get("due") or _YEAR.search(phrase)):
                result.unshifted.add(str(item.get("key")))
        if item.get("due") is not None:
            item["due"] = _shift_due(item["due"], delta)


# Values that are not prose: never touched by `move_mentions`.
_NOT_PROSE = ("deadline", "due", "key", "number", "id", "date", "period", "format", "email", "status", "role",
              "names", "field", "completions", "extensions")


def move_mentions(node: Any, old: Period, delta: int) -> int:
    """Move every mention of the period in the document's texts («на 2023/2024 учебный год»).

    Title, order (title, preamble, points), approval stamp, goals, items — all
    prose alike; fixed years («на 2023-2025 годы», «от 14.06.2023») stay.
    Returns how many texts changed.
    """
    from roadmapctl.rollover.mentions import moved

    changed = 0
    keys = [k for k in node if k not in _NOT_PROSE] if hasattr(node, "keys") else \
        range(len(node)) if isinstance(node, list) else []
    for key in keys:
        value = node[key]
        if isinstance(value, str):
            text = moved(value, old, delta)
            if text != value:
                node[key] = same_style(value, text)
                changed += 1
        elif hasattr(value, "keys") or isinstance(value, list):
            changed += move_mentions(value, old, delta)
    return changed


def _clear_marks(item: Any, result: RolloverResult) -> None:
    for mark in _MARKS:
        if mark in item:
            value = item[mark]
            result.cleared[mark] += len(value) if isinstance(value, list) else 1
            drop_key(item, mark)


def _shift_due(value: Any, delta: int) -> Any:
    if isinstance(value, list):
        for index, day in enumerate(value):
            value[index] = _shift_due(day, delta)
        return value
    if isinstance(value, date):
        return add_years(value, delta)
    from roadmapctl.model.ru import read_date

    day = read_date(str(value))  # file data: read as the loader reads it, not as an option
    return same_style(value, add_years(day, delta).isoformat()) if isinstance(day, date) else value


def _mark_origin(text: str, name: str, old: Period, new: Period) -> tuple[str, int]:
    """The text with a comment saying where it came from, and that comment's line number."""
    end = "\r\n" if "\r\n" in text else "\n"
    line = f"# Перенесено командой roadmapctl rollover из {name}: период {old.text} → {new.text}.{end}"
    body = text.lstrip("\ufeff")
    bom = text[: len(text) - len(body)]
    first, _, rest = body.partition("\n")
    if first.startswith("# yaml-language-server"):
        return f"{bom}{first}\n{line}{rest}", 2
    return f"{bom}{line}{body}", 1
