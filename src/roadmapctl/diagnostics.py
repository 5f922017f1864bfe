"""Problems found in users' data: plain frozen values, collected, never raised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, pointing at a file position (1-based; 0 when unknown)."""

    path: str
    line: int
    col: int
    level: Level
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.path, problem.line, problem.col, problem.code, problem.message)
