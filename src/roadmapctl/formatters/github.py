"""GitHub Actions workflow commands: findings show up as annotations on the diff."""

from __future__ import annotations

from collections.abc import Sequence

from roadmapctl.diagnostics import Problem


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


class Formatter:
    def begin(self) -> str:
        return ""

    def problems(self, found: Sequence[Problem]) -> str:
        return "".join(
            f"::{p.level} file={_escape(p.path, True)},line={p.line},col={p.col},"
            f"title={_escape(p.code, True)}::{_escape(p.message)}\n"
            for p in found
        )

    def end(self, errors: int, warnings: int, files: int) -> str:
        return ""
