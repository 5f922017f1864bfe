"""Selection for execution control: which files, which items, what is overdue or due soon.

`overdue`, `list`, `stats` and `calendar` read roadmaps the same way: every
file is loaded and tracked as of one date; a file with errors is not guessed
at (it is named on stderr and the command exits 2 after reporting the rest),
and items whose deadline cannot be read are skipped with a warning.

`overdue` runs every morning over a whole region's repository, so it reads
files on all cores (`parallel.ordered_map`) and keeps of each file only the
control dates it reports, as small self-contained `Entry` values; `list`,
`stats` and `calendar` keep the tracked roadmaps (`load_tracked`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Literal

from roadmapctl.deadlines import Unparsed
from roadmapctl.model import ExecutorRef, Extension, Roadmap
from roadmapctl.tracking import Tracked, TrackedItem, track

GroupBy = Literal["executor", "file", "none"]
GROUP_BY: tuple[str, ...] = ("executor", "file", "none")


@dataclass(frozen=True)
class TrackedFile:
    path: str  # as the user named it, for messages and reports
    roadmap: Roadmap
    items: list[TrackedItem]


@dataclass
class Loaded:
    """What a command read: usable files, and what it must tell stderr about."""

    files: list[TrackedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def warn(self) -> bool:
        """Write warnings and errors to stderr; True when a file could not be used (exit 2)."""
        for line in [*self.warnings, *self.errors]:
            sys.stderr.write(f"roadmapctl: {line}\n")
        return bool(self.errors)


def load_file(path: Path, as_of: date, encoding: str = "auto") -> TrackedFile | str:
    """One roadmap, tracked; or the error message when the file has errors."""
    from roadmapctl.loader import load

    result = load(path, encoding=encoding)
    if result.roadmap is None or any(p.is_error for p in result.problems):
        return f"ошибка: файл {path} содержит ошибки, запустите roadmapctl check {path}"
    return TrackedFile(str(path), result.roadmap, track(result.roadmap, as_of))


def skipped(file: TrackedFile) -> list[str]:
    """Warnings for items whose deadline cannot be read (they are left out)."""
    return [f"предупреждение: {file.path}:{t.line}: мероприятие {t.address} пропущено — "
            f"{t.deadline.message}; подробнее: roadmapctl check {file.path}"
            for t in file.items if isinstance(t.deadline, Unparsed)]


def find(paths: Sequence[str]) -> tuple[list[Path], Loaded]:
    """The roadmap files under `paths`, and the folders that could not be read.

    Folders without a single roadmap are an error rather than «nothing
    overdue»: a cron job pointed at the wrong folder would report a good day
    forever, and a calendar written from nothing would empty subscribers' feeds.
    """
    from roadmapctl.discovery import DEFAULT_DIR, SUFFIXES, find_roadmaps
    from roadmapctl.errors import InputError

    found = find_roadmaps(paths)
    if not found.files and not found.unreadable:
        given = [str(p) for p in paths] or [DEFAULT_DIR]
        where = f"папке {given[0]}" if len(given) == 1 else f"папках {', '.join(given)}"
        raise InputError(f"в {where} нет карт (файлов {', '.join(SUFFIXES)})",
                         "укажите файлы карт или папку, где они лежат")
    return found.files, Loaded(errors=[f"ошибка: {p}: не удалось прочитать: {why}"
                                       for p, why in found.unreadable])


def load_tracked(paths: Sequence[str], as_of: date, executor: str | None = None,
                 encoding: str = "auto", jobs: int | None = None) -> Loaded:
    """Load and track every roadmap under `paths`; broken files are listed, not raised."""
    from roadmapctl.parallel import ordered_map

    files, loaded = find(paths)
    for result in ordered_map(partial(load_file, as_of=as_of, encoding=encoding), files, jobs):
        if isinstance(result, str):
            loaded.errors.append(result)
        else:
            loaded.files.append(result)
            loaded.warnings += skipped(result)
    require_executor(executor, any(knows(f, executor) for f in loaded.files), loaded)
    return loaded


def fold(text: str) -> str:
    """Case-insensitive, «ё» = «е»: how people type executor names."""
    return text.casefold().replace("ё", "е")


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
    if not text:
        return True
    wanted = fold(text.strip())
    keys = set(file.roadmap.executors) | {ref.id for item in file.items for ref in item.executors}
    return any(wanted in name for key in keys for name in _names(file.roadmap, key))


def require_executor(text: str | None, known: bool, loaded: Loaded) -> None:
    """Refuse an executor no roadmap knows: a typo must not read as «nothing overdue» in cron mail."""
    from roadmapctl.errors import UsageError

    if text and not known and not loaded.errors:
        raise UsageError(f"--executor: исполнителя «{text}» нет ни в одной карте",
                         "укажите идентификатор, краткое или полное наименование из блока executors")


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


@dataclass(frozen=True, slots=True)
class Entry:
    """One control date in the overdue report, with what the report shows of its item."""

    file: str
    line: int
    item: str  # the address: «1.2», «5.2.5/3»
    title: str
    executors: tuple[str, ...]  # labels
    executor_titles: tuple[str, ...]  # headings when grouped by executor
    deadline: str | None
    status: str
    occurrence: Tracked
    group: Literal["overdue", "upcoming"]
    days: int  # overdue: days past the due date; upcoming: days until it


@dataclass
class Scan:
    entries: list[Entry] = field(default_factory=list)  # overdue (most first), then upcoming
    loaded: Loaded = field(default_factory=Loaded)  # warnings and errors only


def scan(paths: Sequence[str], as_of: date, executor: str | None = None, within: int | None = None,
         jobs: int | None = None, encoding: str = "auto") -> Scan:
    """Overdue control dates of every file (on all cores); with `within`, those due soon."""
    from roadmapctl.parallel import ordered_map

    files, loaded = find(paths)
    result = Scan(loaded=loaded)
    work = partial(scan_file, as_of=as_of, executor=executor, within=within, encoding=encoding)
    known = False
    for entries, warnings, error, knows_executor in ordered_map(work, files, jobs):
        result.entries += entries
        result.loaded.warnings += warnings
        result.loaded.errors += [error] if error else []
        known = known or knows_executor
    require_executor(executor, known, result.loaded)
    overdue = sorted((e for e in result.entries if e.group == "overdue"), key=lambda e: (-e.days, *_place(e)))
    upcoming = sorted((e for e in result.entries if e.group == "upcoming"), key=lambda e: (e.days, *_place(e)))
    result.entries = overdue + upcoming
    return result


def scan_file(path: Path, as_of: date, executor: str | None, within: int | None,
              encoding: str = "auto") -> tuple[list[Entry], list[str], str | None, bool]:
    """The unit of work of `scan`: entries, warnings, error of one file; whether it knows `executor`."""
    loaded = load_file(path, as_of, encoding)
    if isinstance(loaded, str):
        return [], [], loaded, False
    return select(loaded, as_of, executor, within), skipped(loaded), None, knows(loaded, executor)


def select(file: TrackedFile, as_of: date, executor: str | None, within: int | None) -> list[Entry]:
    matches = executor_filter(executor)
    horizon = as_of + timedelta(days=within) if within is not None else None
    out: list[Entry] = []
    for item in file.items:
        if not item.occurrences or not matches(file.roadmap, item):
            continue
        for occ in item.occurrences:
            if occ.state == "overdue":
                out.append(_entry(file, item, occ, "overdue", occ.days_overdue))
            elif occ.state == "open" and horizon is not None and occ.effective_due <= horizon:
                out.append(_entry(file, item, occ, "upcoming", (occ.effective_due - as_of).days))
    return out


def _entry(file: TrackedFile, item: TrackedItem, occ: Tracked,
           group: Literal["overdue", "upcoming"], days: int) -> Entry:
    roadmap = file.roadmap
    return Entry(file.path, item.line, item.address, item.item.title,
                 tuple(executor_labels(roadmap, item.executors)),
                 tuple(executor_titles(roadmap, item.executors)),
                 item.phrase, item.item.status, _slim(occ), group, days)


def _slim(occ: Tracked) -> Tracked:
    """The dates the report shows, without the completion and extension records.

    A morning run over a region holds every overdue control date until it can
    sort them; these copies keep that memory small.
    """
    extension = Extension(to=occ.extension.to) if occ.extension else None
    return Tracked(occ.start, occ.due, extension, state=occ.state, days_overdue=occ.days_overdue)


def _place(entry: Entry) -> tuple[str, int, date]:
    return entry.file, entry.line, entry.occurrence.due


@dataclass(frozen=True)
class Group:
    title: str | None
    entries: list[Entry]


def group(entries: list[Entry], by: GroupBy) -> list[Group]:
    """Entries under headings; an item with several executors appears under each."""
    if by == "none":
        return [Group(None, entries)]
    buckets: dict[str, list[Entry]] = {}
    for entry in entries:
        for title in (entry.file,) if by == "file" else entry.executor_titles:
            buckets.setdefault(title, []).append(entry)
    order = sorted(buckets, key=fold) if by == "executor" else list(buckets)
    return [Group(title, buckets[title]) for title in order]
