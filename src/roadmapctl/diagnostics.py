"""Problems found in users' data: plain frozen values, collected, never raised."""

from __future__ import annotations

from typing import Literal

from roadmapctl.model.records import Value

Level = Literal["error", "warning"]


class Problem(Value):
    """One finding, pointing at a file position (1-based; 0 when unknown).

    Ordered by its fields in this order, as `@dataclass(order=True)` would be.
    """

    __slots__ = ("code", "col", "level", "line", "message", "path")
    path: str
    line: int
    col: int
    level: Level
    code: str
    message: str

    def __init__(self, path: str, line: int, col: int, level: Level, code: str, message: str) -> None:
        self.path = path
        self.line = line
        self.col = col
        self.level = level
        self.code = code
        self.message = message

    def __lt__(self, other: Problem) -> bool:
        return self._values() < other._values() if other.__class__ is self.__class__ else NotImplemented

    def __le__(self, other: Problem) -> bool:
        return self._values() <= other._values() if other.__class__ is self.__class__ else NotImplemented

    def __gt__(self, other: Problem) -> bool:
        return self._values() > other._values() if other.__class__ is self.__class__ else NotImplemented

    def __ge__(self, other: Problem) -> bool:
        return self._values() >= other._values() if other.__class__ is self.__class__ else NotImplemented

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.path, problem.line, problem.col, problem.code, problem.message)
