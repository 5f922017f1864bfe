"""How commands tell users what reading found: skipped roadmaps, the verdict of a written one.

Shared by several commands, so it lives here rather than in one of them
(commands never import each other).  Domain code returns these findings as
data; only the command layer writes them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from roadmapctl.diagnostics import Problem
    from roadmapctl.reading import Checked


def check_verdict(problems: list[Problem]) -> list[str]:
    """The `check` result of a written roadmap, for the reports of import and rollover."""
    from roadmapctl.model.ru import count

    errors = [p for p in problems if p.is_error]
    warnings = len(problems) - len(errors)
    verdict = "ошибок нет" if not errors else count(len(errors), "ошибка", "ошибки", "ошибок")
    tail = f", {count(warnings, 'предупреждение', 'предупреждения', 'предупреждений')}" if warnings else ""
    return [f"Проверка roadmapctl check: {verdict}{tail}.",
            *(f"  {p.path}:{p.line}:{p.col}: {p.message}" for p in errors)]


def skipped_lines(skipped: Iterable[Checked]) -> list[str]:
    """Each roadmap that could not be used, with its first errors and where to see the rest."""
    from roadmapctl.model.ru import count
    from roadmapctl.reading.policy import findings

    lines = []
    for file in skipped:
        found = count(len(file.errors), "ошибка", "ошибки", "ошибок") if file.errors else "ошибки"
        lines.append(f"ошибка: карта {file.path} пропущена — в ней {found}:")
        lines += [f"  {line}" for line in findings(file.errors)]
        lines.append(f"  подробности: roadmapctl check {file.path}")
    return lines


def refuse_skipped(skipped: list[Checked], consequence: str) -> NoReturn:
    """The refusal of a command that builds one thing from many roadmaps and may not leave one out.

    One roadmap with errors is refused as every builder refuses it
    (`reading.RoadmapRefused`); several are listed, then refused together.
    """
    from roadmapctl.errors import InputError
    from roadmapctl.model.ru import count
    from roadmapctl.reading import RoadmapRefused

    if len(skipped) == 1:
        raise RoadmapRefused(skipped[0], consequence)
    warn(skipped_lines(skipped))
    raise InputError(f"в {count(len(skipped), 'карте', 'картах', 'картах')} ошибки — {consequence}",
                     "исправьте их (roadmapctl check) и повторите")


def warn(lines: Iterable[str], err: IO[str] | None = None) -> None:
    """Warnings and errors about inputs go to stderr, one per line, after the program's name."""
    err = err or sys.stderr
    for line in lines:
        err.write(line + "\n" if line.startswith("  ") else f"roadmapctl: {line}\n")


def unread_note(skipped: list[str], read: int) -> str:
    """The line a report prints when roadmaps were skipped: the report is not the whole truth.

    It goes to stdout with the report itself, so that a cron mail (which
    carries stdout) can never read as «all is well» on a day a roadmap broke.
    """
    from roadmapctl.model.ru import count, plural

    total = len(skipped) + read
    word = plural(len(skipped), "пропущена", "пропущены", "пропущено")
    return (f"Внимание: {word} {len(skipped)} из {count(total, 'карты', 'карт', 'карт')} — в них ошибки "
            f"(roadmapctl check): {', '.join(skipped)}. Отчёт — только по прочитанным картам.")
