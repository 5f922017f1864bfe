"""Machine-readable findings: a list of objects, stable keys."""

from __future__ import annotations

import json
from collections.abc import Sequence

from roadmapctl.diagnostics import Problem


def render(problems: Sequence[Problem], files: int) -> str:
    data = [
        {"path": p.path, "line": p.line, "column": p.col, "level": p.level, "code": p.code,
         "message": p.message}
        for p in problems
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
