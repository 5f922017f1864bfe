"""The shared work of the tracking commands: which files, which items, what is overdue or due soon.

`overdue`, `list`, `stats` and `calendar` read roadmaps the same way: every
file is read by the reading policy (`reading.examine`: a roadmap `check`
finds errors in is not guessed at) and tracked as of one date.  What could
not be used comes back as data — the skipped roadmaps with their errors, the
items left out — and the command decides how to tell the user; nothing here
writes to stderr.

`overdue` runs every morning over a whole region's repository, so it reads
files on all cores (`parallel.ordered_map`) and keeps of each file only the
control dates it reports, as small self-contained `Entry` values, tracking
one item at a time; `list` and `calendar` keep of each roadmap only their
rows or text (`iter_kept`), `stats` only counts (`iter_tracked`).  Either way a run holds at most
`limits.MAX_OCCURRENCES_PER_RUN` control dates: past that the report would
take gigabytes, and the run stops with a clear message instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from roadmapctl.deadlines import Unparsed
from roadmapctl.model.roadmap import ExecutorRef, Extension, Roadmap
from roadmapctl.model.text import fold
from roadmapctl.tracking.compute import Tracked, TrackedItem, track, track_item, walk_addressed

if TYPE_CHECKING:
    from roadmapctl.reading import Checked

T = TypeVar("T")
GroupBy = Literal["executor", "file", "none"]
GROUP_BY: tuple[str, ...] = ("executor", "file", "none")


@dataclass(frozen=True)
class TrackedFile:
    path: str  # as the user named it, for messages and reports
    roadmap: Roadmap
    items: list[TrackedItem]


@dataclass
class Loaded:
    """What a command read: usable files, and what it must tell the user about."""

    files: list[TrackedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # items left out of usable files
    skipped: list[Checked] = field(default_factory=list)  # roadmaps not used, with their errors
    knows_executor: bool = False  # whether a usable roadmap knows the executor asked for

    @property
    def broken(self) -> bool:
        """Whether something could not be read: the command exits 2 and never reports «all is well»."""
        return bool(self.skipped)


def _too_many() -> Exception:
    """A run that would hold more control dates than the bound: refused, not left to take gigabytes."""
    from roadmapctl.errors import InputError
    from roadmapctl.limits import MAX_OCCURRENCES_PER_RUN

    bound = f"{MAX_OCCURRENCES_PER_RUN:,}".replace(",", " ")
    return InputError(f"в картах больше {bound} контрольных сроков (предел одного запуска) — отчёт не построен",
                      "проверьте периоды карт и повторяющиеся сроки (roadmapctl check); "
                      "или запустите команду для части карт")


def read_file(path: Path, today: date | None = None, encoding: str = "auto") -> Checked:
    """One roadmap by the reading policy; the roadmap is dropped when it may not be used."""
    from roadmapctl.reading import Checked, examine

    checked = examine(path, today=today, encoding=encoding)
    return checked if checked.usable else Checked(checked.path, None, checked.errors)


def load_file(path: Path, as_of: date, today: date | None = None,
              encoding: str = "auto") -> TrackedFile | Checked:
    """One roadmap, tracked; or, when it has errors, what `check` found."""
    checked = read_file(path, today, encoding)
    if checked.roadmap is None:
        return checked
    return TrackedFile(checked.path, checked.roadmap, track(checked.roadmap, as_of))


def skipped(file: TrackedFile) -> list[str]:
    """Warnings for items whose deadline cannot be read (they are left out)."""
    return [_skipped_item(file.path, t) for t in file.items if isinstance(t.deadline, Unparsed)]


def _skipped_item(path: str, item: TrackedItem) -> str:
    assert isinstance(item.deadline, Unparsed)
    return (f"предупреждение: {path}:{item.line}: мероприятие {item.address} пропущено — "
            f"{item.deadline.message}; подробнее: roadmapctl check {path}")


def find(paths: Sequence[str]) -> tuple[list[Path], Loaded]:
    """The roadmap files under `paths`, and the folders that could not be read.

    Folders without a single roadmap are an error rather than «nothing
    overdue»: a cron job pointed at the wrong folder would report a good day
    forever, and a calendar written from nothing would empty subscribers' feeds.
    """
    from roadmapctl.diagnostics import Problem
    from roadmapctl.errors import InputError
    from roadmapctl.reading import Checked, codes
    from roadmapctl.reading.discovery import DEFAULT_DIR, SUFFIXES, find_roadmaps

    found = find_roadmaps(paths)
    if not found.files and not found.unreadable:
        given = [str(p) for p in paths] or [DEFAULT_DIR]
        where = f"папке {given[0]}" if len(given) == 1 else f"папках {', '.join(given)}"
        raise InputError(f"в {where} нет карт (файлов {', '.join(SUFFIXES)})",
                         "укажите файлы карт или папку, где они лежат")
    unreadable = [Checked(str(p), None, (Problem(str(p), 1, 1, "error", codes.YAML, f"не удалось прочитать: {why}"),))
                  for p, why in found.unreadable]
    return found.files, Loaded(skipped=unreadable)


def iter_tracked(files: Iterable[Path], as_of: date, loaded: Loaded, executor: str | None = None,
                 today: date | None = None, encoding: str = "auto",
                 jobs: int | None = 1) -> Iterator[TrackedFile]:
    """Each usable roadmap, tracked, one at a time; what was skipped goes into `loaded`.

    For reports that keep only counts (`stats`): memory does not grow with
    the number of roadmaps.  Call `require_executor(executor, loaded)` after.
    """
    from roadmapctl.reading.parallel import ordered_map

    work = partial(load_file, as_of=as_of, today=today, encoding=encoding)
    for result in ordered_map(work, files, jobs):  # lazy: in input order, one at a time
        if isinstance(result, TrackedFile):
            loaded.warnings += skipped(result)
            loaded.knows_executor = loaded.knows_executor or knows(result, executor)
            yield result
        else:
            loaded.skipped.append(result)


def _load_kept(path: Path, as_of: date, executor: str | None, today: date | None, encoding: str,
               keep: Callable[[TrackedFile], object]) -> tuple[object, Checked | None, list[str], bool, int]:
    """The unit of work of `iter_kept`: what `keep` takes of one roadmap, or why it was skipped;
    its warnings, whether it knows `executor`, and how many control dates it has."""
    result = load_file(path, as_of, today, encoding)
    if not isinstance(result, TrackedFile):
        return None, result, [], False, 0
    held = sum(len(t.occurrences) for t in result.items)
    return keep(result), None, skipped(result), knows(result, executor), held


def iter_kept(files: Iterable[Path], as_of: date, loaded: Loaded, keep: Callable[[TrackedFile], T],
              executor: str | None = None, today: date | None = None, encoding: str = "auto",
              jobs: int | None = 1) -> Iterator[T]:
    """`keep(file)` of each usable roadmap, in input order; what was skipped goes into `loaded`.

    `keep` runs where the file was read (on its core with `jobs`) and only
    what it returns comes back: a report over a region holds its rows or
    its text, never the roadmaps' models.  `keep` must be picklable (a
    module-level function or a `partial` of one).  The run is refused past
    `limits.MAX_OCCURRENCES_PER_RUN` control dates, as `load_tracked`'s is.
    Call `require_executor(executor, loaded)` after.
    """
    from roadmapctl.limits import MAX_OCCURRENCES_PER_RUN
    from roadmapctl.reading.parallel import ordered_map

    work = partial(_load_kept, as_of=as_of, executor=executor, today=today, encoding=encoding, keep=keep)
    held = 0
    for kept, refused, warnings, knows_executor, count in ordered_map(work, files, jobs):
        if refused is not None:
            loaded.skipped.append(refused)
            continue
        held += count
        if held > MAX_OCCURRENCES_PER_RUN:
            raise _too_many()
        loaded.warnings += warnings
        loaded.knows_executor = loaded.knows_executor or knows_executor
        yield kept  # type: ignore[misc]


def load_tracked(paths: Sequence[str], as_of: date, executor: str | None = None,
                 today: date | None = None, encoding: str = "auto", jobs: int | None = 1) -> Loaded:
    """Load and track every roadmap under `paths`; roadmaps with errors are listed, not raised."""
    from roadmapctl.limits import MAX_OCCURRENCES_PER_RUN

    files, loaded = find(paths)
    held = 0
    for file in iter_tracked(files, as_of, loaded, executor, today, encoding, jobs):
        held += sum(len(t.occurrences) for t in file.items)
        if held > MAX_OCCURRENCES_PER_RUN:
            raise _too_many()
        loaded.files.append(file)
    require_executor(executor, loaded)
    return loaded




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
    return _knows(file.roadmap, {ref.id for item in file.items for ref in item.executors}, text)


def _knows(roadmap: Roadmap, referenced: set[str], text: str | None) -> bool:
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
    loaded: Loaded = field(default_factory=Loaded)  # warnings and skipped roadmaps only
    read: int = 0  # roadmaps read and tracked


def scan(paths: Sequence[str], as_of: date, executor: str | None = None, within: int | None = None,
         jobs: int | None = None, today: date | None = None, encoding: str = "auto") -> Scan:
    """Overdue control dates of every file (on all cores); with `within`, those due soon."""
    from roadmapctl.limits import MAX_OCCURRENCES_PER_RUN
    from roadmapctl.reading.parallel import ordered_map

    files, loaded = find(paths)
    result = Scan(loaded=loaded)
    work = partial(scan_file, as_of=as_of, executor=executor, within=within, today=today, encoding=encoding)
    for entries, warnings, refused, knows_executor in ordered_map(work, files, jobs):
        result.entries += entries
        if len(result.entries) > MAX_OCCURRENCES_PER_RUN:
            raise _too_many()
        result.loaded.warnings += warnings
        if refused is None:
            result.read += 1
        else:
            result.loaded.skipped.append(refused)
        result.loaded.knows_executor = result.loaded.knows_executor or knows_executor
    require_executor(executor, result.loaded)
    overdue = sorted((e for e in result.entries if e.group == "overdue"), key=lambda e: (-e.days, *_place(e)))
    upcoming = sorted((e for e in result.entries if e.group == "upcoming"), key=lambda e: (e.days, *_place(e)))
    result.entries = overdue + upcoming
    return result


def scan_file(path: Path, as_of: date, executor: str | None, within: int | None,
              today: date | None = None, encoding: str = "auto") -> tuple[list[Entry], list[str], Checked | None, bool]:
    """The unit of work of `scan`: entries and warnings of one file, or why it was skipped;
    whether it knows `executor`.

    Items are tracked one at a time and only the entries a report shows are
    kept, so a roadmap with many repeating deadlines does not fill memory.
    """
    from roadmapctl.limits import MAX_OCCURRENCES_PER_RUN

    checked = read_file(path, today, encoding)
    roadmap = checked.roadmap
    if roadmap is None:
        return [], [], checked, False
    out: list[Entry] = []
    warnings: list[str] = []
    known_refs: set[str] = set()
    for entry, address, steps in walk_addressed(roadmap):
        item = track_item(entry, address, steps, roadmap.period, as_of)
        file = TrackedFile(checked.path, roadmap, [item])
        if isinstance(item.deadline, Unparsed):
            warnings.append(_skipped_item(file.path, item))
        known_refs.update(ref.id for ref in item.executors)
        out += select(file, as_of, executor, within)
        if len(out) > MAX_OCCURRENCES_PER_RUN:
            break  # the caller refuses the run; holding more would only cost memory
    return out, warnings, None, _knows(roadmap, known_refs, executor)


def select(file: TrackedFile, as_of: date, executor: str | None, within: int | None) -> list[Entry]:
    matches = executor_filter(executor)
    horizon = as_of + timedelta(days=within) if within is not None else None
    out: list[Entry] = []
    for item in file.items:
        if not item.occurrences or not matches(file.roadmap, item):
            continue
        entry = partial(_entry, file, item, tuple(executor_labels(file.roadmap, item.executors)),
                        tuple(executor_titles(file.roadmap, item.executors)))
        for occ in item.occurrences:
            if occ.state == "overdue":
                out.append(entry(occ, "overdue", occ.days_overdue))
            elif occ.state == "open" and horizon is not None and occ.effective_due <= horizon:
                out.append(entry(occ, "upcoming", (occ.effective_due - as_of).days))
    return out


def _entry(file: TrackedFile, item: TrackedItem, labels: tuple[str, ...], titles: tuple[str, ...],
           occ: Tracked, group: Literal["overdue", "upcoming"], days: int) -> Entry:
    return Entry(file.path, item.line, item.address, item.item.title, labels, titles,
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
