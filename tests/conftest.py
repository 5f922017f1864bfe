"""Shared test helpers: run the real CLI in-process or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
ROADMAPS = ROOT / "roadmaps"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Call `roadmapctl` in-process with arguments; return code, stdout, stderr."""
    from roadmapctl.main import run

    def call(*args: str | os.PathLike[str]) -> Result:
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


def run_process(*args: str | os.PathLike[str], cwd: Path | None = None,
                env: dict[str, str] | None = None) -> Result:
    """`python -m roadmapctl …` in a real process (for tracebacks, TTY, signals)."""
    proc = subprocess.run(
        [sys.executable, "-m", "roadmapctl", *[str(a) for a in args]],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})},
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def golden(path: Path, actual: str) -> None:
    """Compare with a golden file; UPDATE_GOLDEN=1 rewrites it."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"нет эталона {path}; запустите с UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")
