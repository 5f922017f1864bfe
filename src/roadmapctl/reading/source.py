"""Where a roadmap comes from: a file, standard input («-»), or bytes in hand (a git blob).

All three end in the same loader, behind the same size bound
(`limits.MAX_ROADMAP_BYTES`) and with the same messages about encodings, so a
roadmap `check` refuses is refused by `diff HEAD~1:…` and by a pipe alike.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roadmapctl.diagnostics import Problem
    from roadmapctl.reading.loader import LoadResult
    from roadmapctl.reading.yamlsource import SourceProblem

STDIN = "-"
STDIN_NAME = "(стандартный ввод)"


def read(source: str | Path, *, data: bytes | None = None, display: str | None = None,
         encoding: str = "auto") -> LoadResult:
    """One roadmap and the loader's problems; never raises for anything in the data.

    `source` is a path, or «-» for standard input; with `data` (the bytes of a
    git blob, say) nothing is read and `source` only names it in messages.
    """
    from roadmapctl.reading.loader import LoadResult, load, load_text
    from roadmapctl.reading.yamlsource import SourceProblem, decode, size_problem

    if data is None and str(source) == STDIN:
        display = display or STDIN_NAME
        if sys.stdin is None or sys.stdin.isatty():  # reading a terminal would wait for typing, silently
            return LoadResult(display, None, [_problem(display, SourceProblem(NOT_REDIRECTED))])
        data = sys.stdin.buffer.read(_stdin_bound())
    shown = display or str(source)
    if data is None:
        return load(Path(source), shown, encoding)
    text = size_problem(len(data)) or decode(data, encoding)
    if not isinstance(text, str):
        return LoadResult(shown, None, [_problem(shown, text)])
    return load_text(text, shown)


NOT_REDIRECTED = ("«-» означает стандартный ввод, а он не перенаправлен: передайте карту через «<» или «|», "
                  "например roadmapctl check - < карта.yaml")


def _stdin_bound() -> int:
    from roadmapctl.limits import MAX_ROADMAP_BYTES

    return MAX_ROADMAP_BYTES + 1  # one byte more is enough to know it is too big


def _problem(shown: str, problem: SourceProblem) -> Problem:
    from roadmapctl.diagnostics import Problem
    from roadmapctl.reading import codes

    return Problem(shown, problem.line, problem.col, "error", codes.YAML, problem.message)
