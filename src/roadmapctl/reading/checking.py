"""Running the rules of `roadmapctl check` over what was read: one function for every command."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roadmapctl.diagnostics import Problem
    from roadmapctl.reading.loader import LoadResult


def check(result: LoadResult, today: date, *, errors_only: bool = False) -> list[Problem]:
    """All findings on a roadmap, without repeats, in file order.

    `today` stands in for the real date (a completion dated after it is an
    error).  With `errors_only` only the rules that report errors run: a
    command that merely has to know whether it may use the roadmap does not
    pay for the warnings (the near-duplicate search is the costly one).
    """
    from roadmapctl.diagnostics import sort_key
    from roadmapctl.rules import Context, all_rules, run_rules

    rules = [rule for rule in all_rules() if rule.LEVEL == "error"] if errors_only else None
    ctx = Context(result.roadmap, result.problems, today)
    return sorted(set(run_rules(ctx, result.path, rules)), key=sort_key)


def check_file(path: Path, as_of: date, encoding: str = "auto") -> list[Problem]:
    """All findings on one file: the unit of work of `check` on many cores."""
    from roadmapctl.reading.source import read

    return check(read(path, encoding=encoding), as_of)
