"""Machine-readable findings: one JSON list of objects with stable keys."""

from __future__ import annotations

import json
from collections.abc import Sequence

from roadmapctl.diagnostics import Problem


class Formatter:
    def __init__(self) -> None:
        self._written = 0

    def begin(self) -> str:
        return "["

    def problems(self, found: Sequence[Problem]) -> str:
        out = []
        for p in found:
            item = {"path": p.path, "line": p.line, "column": p.col, "level": p.level,
                    "code": p.code, "message": p.message}
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            out.append(("," if self._written else "") + "\n  " + text)
            self._written += 1
        return "".join(out)

    def end(self, errors: int, warnings: int, files: int) -> str:
        return "\n]\n" if self._written else "]\n"
