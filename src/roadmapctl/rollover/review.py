"""Every place of next year's roadmap that still names last year's period, for the «Проверьте» list.

`rollover` moves what it can prove: deadline phrases, `due:` pins and the
mentions of the period itself («на 2023/2024 учебный год»).  A year it
cannot prove relative to the period («по итогам 2023 года», «приказ от
14.06.2023», a deadline whose shifted text reads differently) stays as
written — and the director must not sign last year's dates unawares.  So the
new file is compared with the old one value by value (both loaded in
round-trip mode, which keeps line numbers): a value that names a year of the
old period and is not the old value with every year moved is listed, with its
line in the new file.  Comments are listed too, in one line.
"""

from __future__ import annotations

import re
from typing import Any

from roadmapctl.model.period import Period
from roadmapctl.model.text import shorten
from roadmapctl.rollover.mentions import old_years

_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_FIELDS = {"title": "название", "result": "результат", "deadline": "срок", "form": "форма",
           "note": "примечание", "text": "показатель", "name": "наименование", "short": "краткое наименование"}
_ORDER = {"title": "заголовок", "preamble": "преамбула", "contacts": "справочные данные", "place": "место издания",
          "performer": "исполнитель документа", "authority": "бланк", "distribution": "рассылка",
          "signatory": "подписывает", "kind": "вид документа", "command": "распорядительное слово"}


def shifted_all(text: str, years: int) -> str:
    """Every year of the text moved: what a fully shifted value reads."""
    return _ANY_YEAR.sub(lambda m: str(int(m[1]) + years), text)


def review(old_text: str, new_text: str, old: Period, delta: int, skip_line: int,
           unshifted: set[str]) -> list[tuple[int, str]]:
    """(line in the new file, Russian description) of each value still naming the old period.

    Comments come last, as one entry with line 0 (its text names the lines).

    `old_text` is the old file with its keys; `unshifted` are the keys of
    items whose deadline could not be moved: listed even when the phrase names
    no year («до 29 февраля»).
    """
    from roadmapctl.reading.yamlsource import compose

    # The fast reader: values and line numbers are all that is needed.
    before, after = compose(old_text), compose(new_text)
    found: list[tuple[int, str]] = []
    if hasattr(before, "id") and hasattr(after, "id"):
        _walk(before, after, (), old, delta, found, None, unshifted)
    found.sort()
    lines = [n for n, line in enumerate(new_text.splitlines(), 1)
             if n != skip_line and line.lstrip().startswith("#") and old_years(line, old.start.year, old.end.year)]
    if lines:
        years = sorted({y for n in lines for y in old_years(new_text.splitlines()[n - 1], old.start.year,
                                                            old.end.year)})
        where = f"строке {lines[0]}" if len(lines) == 1 else f"строках {', '.join(map(str, lines))}"
        found.append((0, f"комментарии в {where}: упомянуты годы ({', '.join(map(str, years))})"))
    return found


_SKIPPED = ("key", "number", "id", "due", "date", "status", "role", "email", "period")


def _walk(old: Any, node: Any, path: tuple[Any, ...], period: Period, delta: int,
          found: list[tuple[int, str]], item: Any, unshifted: set[str]) -> None:
    """The new file's nodes beside the old file's, value by value, with their lines."""
    if node.id == "mapping":
        if len(path) >= 2 and path[-2] == "items":
            item = old
        for key_node, value in node.value:
            key = key_node.value
            if key in _SKIPPED:
                continue
            here = _child(old, key)
            if old_years(key, period.start.year, period.end.year):
                # A year as a key: the targets of an indicator, a group of goals.
                _check(key if here is not None else None, key, key_node.start_mark.line + 1, (*path, key),
                       old, item, period, delta, found)
            line = value.start_mark.line + 1
            if key == "deadline" and _text(_child(item, "key")) in unshifted:
                found.append((line, f"{_where((*path, key), old, item)}: срок «{value.value}» не удалось "
                                    "перенести однозначно — оставлен как был"))
            elif value.id == "scalar":
                _check(_text(here), value.value, line, (*path, key), old, item, period, delta, found)
            else:
                _walk(here, value, (*path, key), period, delta, found, item, unshifted)
    elif node.id == "sequence":
        olds = old.value if old is not None and old.id == "sequence" else []
        for index, value in enumerate(node.value):
            here = olds[index] if index < len(olds) else None
            if value.id == "scalar":
                _check(_text(here), value.value, value.start_mark.line + 1, (*path, index), old, item, period,
                       delta, found)
            else:
                _walk(here, value, (*path, index), period, delta, found, item, unshifted)


def _child(node: Any, key: str) -> Any:
    """The value node under `key` of a mapping node, or None."""
    if node is None or node.id != "mapping":
        return None
    return next((value for k, value in node.value if k.value == key), None)


def _text(node: Any) -> str | None:
    return node.value if node is not None and node.id == "scalar" else None


def _check(old: str | None, new: str, line: int, path: tuple[Any, ...], holder: Any, item: Any, period: Period,
           delta: int, found: list[tuple[int, str]]) -> None:
    years = old_years(new, period.start.year, period.end.year)
    if not years or (old is not None and old != new and new == shifted_all(old, delta)):
        return
    named = ", ".join(map(str, years))
    where = _where(path, holder, item)
    if path[-1] == "deadline":
        found.append((line, f"{where}: срок «{new}» не удалось перенести однозначно — оставлен как был"))
    else:
        found.append((line, f"{where}: упомянуты годы ({named})"))


def _where(path: tuple[Any, ...], holder: Any, item: Any) -> str:
    """«мероприятие 1.2: название», «приказ: пункт 2.1», «гриф утверждения» — a person's words for a path."""
    head, last = path[0], path[-1]
    if head == "title":
        return "название карты"
    if head == "territory":
        return "территория"
    if head == "approval":
        return "гриф утверждения"
    if head == "goals":
        return "цели и задачи"
    if head == "executors":
        return f"исполнитель {path[1]}: {_FIELDS.get(str(last), 'описание')}"
    if head == "order":
        if path[1] == "points":
            numbers = [str(p + 1) for p in path[2:] if isinstance(p, int)]
            return f"приказ: пункт {'.'.join(numbers)}"
        return f"приказ: {_ORDER.get(str(path[1]), str(path[1]))}"
    if head == "sections" and item is not None:
        number = _text(_child(item, "number"))
        name = f"мероприятие {number}" if number else f"мероприятие «{shorten(_text(_child(item, 'title')) or '')}»"
        if "targets" in path:
            return f"{name}: целевые значения показателя"
        if "executors" in path:
            return f"{name}: примечание к исполнителю"
        if "indicator" in path:
            return f"{name}: показатель"
        return f"{name}: {_FIELDS.get(str(last), str(last))}"
    if head == "sections":
        number = _text(_child(holder, "number"))
        return f"раздел {number}: название" if number else "раздел: название"
    return str(head)


