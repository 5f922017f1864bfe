"""Smoke tests: the benchmark scripts run on a tiny corpus (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_process


def test_generated_corpus_passes_check(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(tmp_path),
                    "--files", "3", "--items", "12"], check=True, capture_output=True)
    result = run_process("check", "--as-of", "2024-06-01", tmp_path)
    assert (result.code, result.out) == (0, "Замечаний нет: проверено 3 файла.\n")


def test_soak_runs_without_tracebacks() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "soak.py"), "--files", "40"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 tracebacks" in proc.stdout


def test_benchmark_runner_runs_on_a_tiny_corpus() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--small", "3",
                           "--large", "4", "--items", "8", "--repeat", "1", "--jobs", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for label in ("(a) check FILE", "(b) check", "(b) overdue", "(c) check", "(d) render"):
        assert label in proc.stdout
