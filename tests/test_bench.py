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


def test_plain_titles_corpus_has_no_unique_numbers(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(tmp_path),
                    "--files", "2", "--items", "12", "--plain-titles"], check=True, capture_output=True)
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.yaml"))
    items = [line for line in text.splitlines() if line.startswith("        title:")]
    assert len(items) == 24 and not any(ch.isdigit() for line in items for ch in line)


def test_soak_runs_without_tracebacks() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "soak.py"), "--files", "40"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 tracebacks" in proc.stdout


def test_benchmark_runner_runs_on_a_tiny_corpus() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--real", "4", "--small", "3",
                           "--large", "4", "--items", "8", "--repeat", "1", "--jobs", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for label in ("(a) check FILE", "(b) check", "(b) overdue", "(b) calendar", "(b) list json", "(c) check",
                  "(c) calendar", "(d) render", "(e) R108 300 digit-free", "(e) R108 300 same-letter"):
        assert label in proc.stdout


def test_only_startup_times_the_start_alone() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--only", "startup", "--repeat", "1"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "(a) check FILE" in proc.stdout and "(a) --help" in proc.stdout
    assert "(b)" not in proc.stdout and "(c)" not in proc.stdout and "corpora:" not in proc.stdout
