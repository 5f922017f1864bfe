"""The words the tool uses for an item's status, in one place.

The YAML keeps English values (`planned`, `in_progress`, `done`,
`cancelled`); people read and type Russian.  Reports, the schema, the diff,
the timeline and `--status` all take their words from here, so «выполнено»
in `list` is exactly what `list --status выполнено` accepts.
"""

from __future__ import annotations

from roadmapctl.model import STATUSES, Status

__all__ = ["STATUSES", "STATUS_NAMES", "STATUS_WORDS", "status_from_text"]

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
    word = " ".join(text.strip().lower().replace("ё", "е").replace("-", "_").split())
    if word in STATUSES:
        return word  # type: ignore[return-value]  # one of the Literal's values
    return STATUS_WORDS.get(word.replace("_", " ") if " " in word else word)
