"""ruff and mypy as tests: the README's test command is what CI runs, so lint runs there too.

Each tool is run from the test extra's environment on the whole source tree with
the settings in pyproject.toml; a failure prints the tool's own report.  The tests
skip (and say why) only when the tool is not installed.  mypy is a slow test: it
runs in the thorough profile, which is what CI (.ci/run) runs.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=False)


def test_ruff_is_clean() -> None:
    done = _run("ruff", "check", "--output-format", "concise", "src", "tests", "scripts", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # tens of seconds without mypy's cache; pre-commit runs it on every commit
def test_mypy_is_clean() -> None:
    done = _run("mypy", "--no-error-summary", "src")
    assert done.returncode == 0, done.stdout + done.stderr
