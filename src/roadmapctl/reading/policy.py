"""The reading policy: what a command does with a roadmap that `check` finds errors in.

One rule for every command (README, «Карты с ошибками»):

* a command that builds something from a roadmap — `render`, `diff`,
  `calendar`, `rollover`, `done`, `extend` — refuses a roadmap with errors
  (exit 2) and shows the first findings (`require` raises `RoadmapRefused`):
  a document printed from a roadmap with an unknown executor shows the raw
  id to the minister, an edit of a broken file may land on the wrong item;
* a tracking command — `overdue`, `list`, `stats` — reports every roadmap it
  could read, names each one it skipped with its first errors and exits 2;
  it never says «nothing is overdue» when something was skipped;
* `check` reports everything, and `textconv` prints a file it cannot read
  as it is (`git diff` must never fail).

«Errors» are exactly the error-level findings of `roadmapctl check` on the
same day, so what `check` accepts every command accepts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from roadmapctl.errors import InputError
from roadmapctl.model.records import Value

if TYPE_CHECKING:
    from roadmapctl.diagnostics import Problem
    from roadmapctl.model.roadmap import Roadmap

SHOWN_ERRORS = 5  # findings quoted in a refusal; the rest are counted


class Checked(Value):
    """A roadmap as read, and the errors `check` finds in it (none: it may be used)."""

    __slots__ = ("errors", "path", "roadmap")
    path: str
    roadmap: Roadmap | None
    errors: tuple[Problem, ...]

    def __init__(self, path: str, roadmap: Roadmap | None, errors: tuple[Problem, ...] = ()) -> None:
        self.path = path
        self.roadmap = roadmap
        self.errors = errors

    @property
    def usable(self) -> bool:
        return self.roadmap is not None and not self.errors


class RoadmapRefused(InputError):
    """A roadmap with errors that a command must not build anything from."""

    def __init__(self, checked: Checked, consequence: str, on_disk: bool = True) -> None:
        from roadmapctl.model.ru import count

        errors = checked.errors
        found = count(len(errors), "ошибка", "ошибки", "ошибок") if errors else "ошибки"
        hint = f"подробности: roadmapctl check {checked.path}" if on_disk else None
        super().__init__(f"в карте {checked.path} {found} — {consequence}", hint, findings(errors))
        self.checked = checked


def findings(errors: tuple[Problem, ...] | list[Problem]) -> tuple[str, ...]:
    """The first errors as `check` prints them, and how many more there are."""
    lines = [f"{p.path}:{p.line}:{p.col}: [{p.code}] {p.message}" for p in errors[:SHOWN_ERRORS]]
    if len(errors) > SHOWN_ERRORS:
        lines.append(f"… и ещё {len(errors) - SHOWN_ERRORS}")
    return tuple(lines)


def examine(source: str | Path, *, today: date | None = None, data: bytes | None = None,
            display: str | None = None, encoding: str = "auto") -> Checked:
    """Read a roadmap (see `source.read`) and find its errors as `check` would today.

    `today` is the real date unless a test or `check --as-of` says otherwise;
    never the date a report is replayed on (`overdue --as-of`): a completion
    recorded after that date is not an error, just not counted yet.
    """
    from roadmapctl.reading.checking import check
    from roadmapctl.reading.source import STDIN, read

    if data is None and str(source) != STDIN:
        _exists(Path(source))
    result = read(source, data=data, display=display, encoding=encoding)
    errors = tuple(p for p in check(result, today or date.today(), errors_only=True) if p.is_error)
    return Checked(result.path, result.roadmap, errors)


def require(source: str | Path, consequence: str, *, today: date | None = None, data: bytes | None = None,
            display: str | None = None, encoding: str = "auto") -> Roadmap:
    """The roadmap, if `check` finds no errors in it; else `RoadmapRefused`.

    `consequence` says what the command will not do: «документ не построен».
    """
    checked = examine(source, today=today, data=data, display=display, encoding=encoding)
    if not checked.usable:
        raise RoadmapRefused(checked, consequence, on_disk=data is None and str(source) != "-")
    assert checked.roadmap is not None
    return checked.roadmap


def _exists(path: Path) -> None:
    """A path that names no file is the user's slip, not a finding in a roadmap."""
    if path.is_dir():
        raise InputError(f"{path} — папка, а не файл карты", "укажите файл карты, например roadmaps/карта.yaml")
    if not path.exists():
        raise InputError(f"файла {path} нет", "укажите путь к карте, например roadmaps/карта.yaml")
