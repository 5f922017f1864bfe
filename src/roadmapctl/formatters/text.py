"""`path:line:col: error [R101] message`, then a summary with Russian plurals."""

from __future__ import annotations

from collections.abc import Sequence

from roadmapctl.diagnostics import Problem
from roadmapctl.model.ru import count, plural


class Formatter:
    def begin(self) -> str:
        return ""

    def problems(self, found: Sequence[Problem]) -> str:
        return "".join(
            f"{p.path}:{p.line}:{p.col}: {p.level} [{p.code}] {p.message}\n" for p in found
        )

    def end(self, errors: int, warnings: int, files: int) -> str:
        if not errors and not warnings:
            return f"Замечаний нет: проверено {count(files, 'файл', 'файла', 'файлов')}.\n"
        parts = []
        if errors:
            parts.append(count(errors, "ошибка", "ошибки", "ошибок"))
        if warnings:
            parts.append(count(warnings, "предупреждение", "предупреждения", "предупреждений"))
        where = f"в {files} {plural(files, 'файле', 'файлах', 'файлах')}"
        return f"{', '.join(parts)} {where}.\n"
