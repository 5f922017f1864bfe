"""Jinja filters for document templates: dates, numbers with nouns, executors.

Documents follow GOST R 7.0.97: «07.08.2023» in requisites, «7 августа 2023 г.»
in running text.  Month names come from Babel through `roadmapctl.model.ru`, which
imports it only when a date is first written in words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from roadmapctl.model import ru


def date_numeric(value: date | None) -> str:
    """«07.08.2023»; an absent date prints as nothing."""
    return ru.date_numeric(value) if value else ""


def date_words(value: date | None) -> str:
    """«7 августа 2023 г.»; an absent date prints as nothing."""
    return ru.date_words(value) if value else ""


def plural(n: int, one: str, few: str, many: str) -> str:
    """«3 мероприятия», «5 мероприятий»: the number with the agreeing noun."""
    return ru.count(int(n), one, few, many)


def executor_name(executor: Mapping[str, Any], mode: str = "full") -> str:
    """An executor as the document shows it: full or short name, with the note.

    `executor` is a context dict with `name`, `short` and `note`; the note
    («по согласованию») follows in brackets as documents write it.
    """
    name = executor["name"]
    if mode == "short" and executor.get("short"):
        name = executor["short"]
    note = executor.get("note")
    return f"{name} ({note})" if note else name


def executor_names(executors: Iterable[Mapping[str, Any]], mode: str = "full") -> list[str]:
    """Each executor of a row, with commas between them as in the documents."""
    names = [executor_name(e, mode) for e in executors]
    return [n + ("," if i < len(names) - 1 else "") for i, n in enumerate(names)]


FILTERS: dict[str, Callable[..., Any]] = {
    "date_numeric": date_numeric,
    "date_words": date_words,
    "plural": plural,
    "executor_name": executor_name,
    "executor_names": executor_names,
}
