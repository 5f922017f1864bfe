"""The body of `roadmapctl check`: check every file, print findings as they come.

Kept apart from the Typer command (`commands/check.py` only declares it) so
that `main.run` can dispatch a plain `check` without importing Typer at all
(`fastcheck`): `check` runs on every commit.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from functools import partial
from importlib import import_module
from pathlib import Path

from roadmapctl.diagnostics import Problem
from roadmapctl.errors import EXIT_FINDINGS, EXIT_OK, InputError
from roadmapctl.formatters import FORMATS
from roadmapctl.reading.discovery import iter_roadmaps


def command(paths: Sequence[str], fmt: str, as_of: str | None, encoding: str, jobs: int,
            show_rules: bool) -> int:
    """The body of `roadmapctl check`, from the option values as typed."""
    if show_rules:
        sys.stdout.write(list_rules())
        return EXIT_OK
    from roadmapctl.commands.options import encoding as codec
    from roadmapctl.commands.options import output_format, today_or

    return run(paths or [], output_format(fmt, FORMATS), today_or(as_of), codec(encoding), jobs)


def run(paths: Sequence[str], fmt: str, as_of: date, encoding: str = "auto",
        jobs: int | None = None) -> int:
    from roadmapctl.reading.checking import check_file
    from roadmapctl.reading.parallel import ordered_map

    unreadable: list[tuple[Path, str]] = []
    files = iter_roadmaps(paths, unreadable)
    formatter = import_module(f"roadmapctl.formatters.{fmt}").Formatter()
    out = sys.stdout
    opening = formatter.begin()  # written with the first result: an input error leaves no half JSON
    errors = warnings = checked = 0

    def emit(problems: list[Problem]) -> None:
        nonlocal errors, warnings, opening
        errors += sum(1 for p in problems if p.is_error)
        warnings += sum(1 for p in problems if not p.is_error)
        out.write(opening + formatter.problems(problems))
        opening = ""
        out.flush()

    from roadmapctl.rules import warm_up

    for problems in ordered_map(partial(check_file, as_of=as_of, encoding=encoding), files, jobs,
                                batch=warm_up):
        checked += 1
        emit(problems)
    if not checked and not unreadable:
        raise InputError(f"в {', '.join(map(str, paths or ['roadmaps']))} нет дорожных карт (.yaml, .yml)")
    emit([Problem(str(path), 1, 1, "error", "R001", f"не удалось прочитать: {reason}")
          for path, reason in unreadable])
    out.write(formatter.end(errors, warnings, checked))
    return EXIT_FINDINGS if errors else EXIT_OK


def list_rules() -> str:
    from roadmapctl.rules import all_rules

    levels = {"error": "ошибка", "warning": "предупреждение"}
    blocks = []
    for rule in sorted(all_rules(), key=lambda rule: rule.ID):
        doc = (rule.__doc__ or "").strip("\n")
        body = "\n".join(("    " + ln) if ln.strip() else "" for ln in doc.splitlines())
        blocks.append(f"{rule.ID} {rule.NAME} ({levels[rule.LEVEL]})\n{body}\n")
    return "\n".join(blocks)
