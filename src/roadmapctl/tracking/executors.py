"""Which executor a user means: `--executor` matched against a roadmap's glossary and references.

Methodologists type an executor as they know it — its id, its short name
(«УО»), part of its full name, in any case, «ё» or «е» — so matching is
folded and by inclusion, except that an exact name wins (abbreviations nest).
Also the labels and headings reports print for an item's executors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from roadmapctl.model.roadmap import ExecutorRef, Roadmap
from roadmapctl.model.text import fold
from roadmapctl.tracking.compute import TrackedItem

if TYPE_CHECKING:
    from roadmapctl.tracking.service import Loaded, TrackedFile


def _names(roadmap: Roadmap, key: str) -> list[str]:
    """An executor's id, full and short name, folded."""
    known = roadmap.executors.get(key)
    return [fold(name) for name in (key, *((known.name, known.short or "") if known else ()))]


def executor_filter(text: str | None) -> Callable[[Roadmap, TrackedItem], bool]:
    """Items with an executor whose id, short or full name is `text`, else contains it.

    Abbreviations nest — «ОО» is a part of «ООО» and «ПОО» — so an executor of
    the roadmap named exactly by `text` is taken alone.
    """
    if not text:
        return lambda roadmap, item: True
    wanted = fold(text.strip())

    def matches(roadmap: Roadmap, item: TrackedItem) -> bool:
        exact = {key for key in roadmap.executors if wanted in _names(roadmap, key)}
        if exact:
            return any(ref.id in exact for ref in item.executors)
        return any(wanted in name for ref in item.executors for name in _names(roadmap, ref.id))

    return matches


def knows(file: TrackedFile, text: str | None) -> bool:
    """Whether an executor of the roadmap (listed or referenced) answers to `text`."""
    return knows_among(file.roadmap, {ref.id for item in file.items for ref in item.executors}, text)


def knows_among(roadmap: Roadmap, referenced: set[str], text: str | None) -> bool:
    if not text:
        return True
    wanted = fold(text.strip())
    keys = set(roadmap.executors) | referenced
    return any(wanted in name for key in keys for name in _names(roadmap, key))


def require_executor(text: str | None, loaded: Loaded) -> None:
    """Refuse an executor no roadmap knows: a typo must not read as «nothing overdue» in cron mail.

    A `ValueRefused` of the field «executor»: the command names its option.
    """
    from roadmapctl.errors import ValueRefused

    if text and not loaded.knows_executor and not loaded.broken:
        raise ValueRefused(f"исполнителя «{text}» нет ни в одной карте",
                           "укажите идентификатор, краткое или полное наименование из блока executors",
                           field="executor")


def executor_labels(roadmap: Roadmap, refs: Iterable[ExecutorRef]) -> list[str]:
    """Short names (else full names) of the executors, as the document shows them."""
    labels = []
    for ref in refs:
        known = roadmap.executors.get(ref.id)
        labels.append(known.label if known else ref.id)
    return labels


def executor_titles(roadmap: Roadmap, refs: Iterable[ExecutorRef]) -> list[str]:
    """Headings for grouping by executor: «ООО — Общеобразовательные организации»."""
    titles = []
    for ref in refs:
        known = roadmap.executors.get(ref.id)
        if known is None:
            titles.append(ref.id)
        elif known.short and known.short != known.name:
            titles.append(f"{known.short} — {known.name}")
        else:
            titles.append(known.name)
    return list(dict.fromkeys(titles)) or ["исполнитель не указан"]
