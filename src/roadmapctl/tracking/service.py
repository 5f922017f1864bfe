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

Which executor a user means is `tracking.executors`; the overdue report
itself (its entries, sorted and grouped) is `tracking.scan`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from roadmapctl.deadlines import Unparsed
from roadmapctl.model.roadmap import Roadmap
from roadmapctl.tracking.compute import TrackedItem, track
from roadmapctl.tracking.executors import (  # re-exported: the commands take them from here
    executor_filter,
    executor_labels,
    executor_titles,
    knows,
    require_executor,
)

if TYPE_CHECKING:
    from roadmapctl.reading import Checked

T = TypeVar("T")


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


def too_many() -> Exception:
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
    return [skipped_item(file.path, t) for t in file.items if isinstance(t.deadline, Unparsed)]


def skipped_item(path: str, item: TrackedItem) -> str:
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
            raise too_many()
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
            raise too_many()
        loaded.files.append(file)
    require_executor(executor, loaded)
    return loaded


__all__ = ["Loaded", "TrackedFile", "executor_filter", "executor_labels", "executor_titles", "find",
           "iter_kept", "iter_tracked", "knows", "load_file", "load_tracked", "read_file", "require_executor",
           "skipped"]
