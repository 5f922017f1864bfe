"""The format's words, in one place: an item's keys, its statuses and their Russian names.

The YAML keeps English values (`planned`, `in_progress`, `done`,
`cancelled`); people read and type Russian.  Reports, the schema, the diff,
the timeline and `--status` all take their words from here, so «выполнено»
in `list` is exactly what `list --status выполнено` accepts.
"""

from __future__ import annotations

from typing import Literal

from roadmapctl.model.text import fold

# The values an item's `status` may take in the file (the model and the schema take them from here).
Status = Literal["planned", "in_progress", "done", "cancelled"]
STATUSES: tuple[Status, ...] = ("planned", "in_progress", "done", "cancelled")

__all__ = ["ITEM_KEYS", "STATUSES", "STATUS_NAMES", "STATUS_WORDS", "Status", "status_from_text"]

#: The keys an item may have, in the order docs/format.md shows them: the loader accepts exactly
#: these, the schema describes them in this order, and `done`/`extend` insert a new key after the
#: last one that precedes it here.
ITEM_KEYS = ("number", "key", "title", "executors", "deadline", "due", "result", "indicator",
             "form", "note", "status", "completions", "extensions", "items")

#: What the tool prints for each status.
STATUS_NAMES: dict[Status, str] = {
    "planned": "запланировано",
    "in_progress": "выполняется",
    "done": "выполнено",
    "cancelled": "отменено",
}

#: Russian words people write or type for a status (lower case, «е» for «ё»): the printed
#: names, their other genders and numbers, and everyday synonyms.
STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(("выполнено", "выполнен", "выполнена", "выполнены", "исполнено", "исполнен",
                     "исполнена", "готово", "сделано"), "done"),
    **dict.fromkeys(("выполняется", "выполняются", "в работе", "в процессе", "в процессе выполнения"),
                    "in_progress"),
    **dict.fromkeys(("запланировано", "запланирован", "запланирована", "запланированы", "план",
                     "планируется", "не начато"), "planned"),
    **dict.fromkeys(("отменено", "отменен", "отменена", "отменены", "снято"), "cancelled"),
}


def status_from_text(text: str) -> Status | None:
    """`done` for «done», «Выполнено», «выполнен», «в работе» → `in_progress`; None if unknown."""
    word = " ".join(fold(text.strip()).replace("-", "_").split())
    if word in STATUSES:
        return word
    return STATUS_WORDS.get(word.replace("_", " ") if " " in word else word)
