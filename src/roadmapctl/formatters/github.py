"""GitHub Actions workflow commands: findings show up as annotations on the diff."""

from __future__ import annotations

from collections.abc import Sequence

from roadmapctl.diagnostics import Problem


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render(problems: Sequence[Problem], files: int) -> str:
    out = []
    for p in problems:
        out.append(
            f"::{p.level} file={_escape(p.path, True)},line={p.line},col={p.col},"
            f"title={_escape(p.code, True)}::{_escape(p.message)}"
        )
    return "".join(line + "\n" for line in out)
