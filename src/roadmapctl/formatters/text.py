"""`path:line:col: error [R101] message`, then a summary with Russian plurals."""

from __future__ import annotations

from collections.abc import Sequence

from roadmapctl.diagnostics import Problem
from roadmapctl.ru import count, plural

LEVELS = {"error": "ошибка", "warning": "предупреждение"}


def line(problem: Problem) -> str:
    return (f"{problem.path}:{problem.line}:{problem.col}: {problem.level} "
            f"[{problem.code}] {problem.message}")


def summary(problems: Sequence[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    where = f"в {files} {plural(files, 'файле', 'файлах', 'файлах')}"
    if not problems:
        return f"Замечаний нет: проверено {count(files, 'файл', 'файла', 'файлов')}."
    parts = []
    if errors:
        parts.append(count(errors, "ошибка", "ошибки", "ошибок"))
    if warnings:
        parts.append(count(warnings, "предупреждение", "предупреждения", "предупреждений"))
    return f"{', '.join(parts)} {where}."


def render(problems: Sequence[Problem], files: int) -> str:
    lines = [line(p) for p in problems]
    lines.append(summary(problems, files))
    return "\n".join(lines) + "\n"
