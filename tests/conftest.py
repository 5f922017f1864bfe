"""Shared test helpers: run the real CLI in-process or as a subprocess."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Bytecode written for this process (pytest's rewritten test modules) and the `python -m roadmapctl`
# processes tests start, next to the sources (the __pycache__ folders git ignores): with
# PYTHONDONTWRITEBYTECODE set, every run and every process compiled the same sources again (a third
# of the suite's time). No cache prefix: it would make Python pass over the bytecode pip compiled
# for the installed libraries and compile them all again, on a fresh machine in every process.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# A run started in the background by a non-interactive shell (`sh -c '… &'`) inherits SIGINT
# ignored, and so would every process the tests start: the Ctrl-C tests need it delivered.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    with contextlib.suppress(ValueError):  # not the main thread: leave it
        signal.signal(signal.SIGINT, signal.default_int_handler)

# Hypothesis profiles: «quick» by default (every property still runs, on fewer examples),
# «thorough» for CI and nightly runs: `pytest --hypothesis-profile=thorough` or
# ROADMAPCTL_TESTS=thorough (what `.ci/run` sets). The thorough run also runs the tests
# marked slow, which the quick one skips.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("quick", max_examples=15, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("thorough", max_examples=400, deadline=None, suppress_health_check=_QUIET)
settings.load_profile("thorough" if os.environ.get("ROADMAPCTL_TESTS") == "thorough" else "quick")

# Tests that take seconds each (real processes, LibreOffice, Chromium, timed kills): they run in
# the thorough profile. Listed here so no test module has to know about profiles.
SLOW = frozenset({
    "test_bench.py::test_benchmark_runner_runs_on_a_tiny_corpus",
    "test_bench.py::test_soak_runs_without_tracebacks",
    "test_bench.py::test_only_startup_times_the_start_alone",  # the runner times real processes
    # titles of 66,000 letters (counts wider than two bytes); the bounded path runs by default on the others
    "test_duplicate_measure.py::test_titles_of_more_than_65535_letters_in_the_bounded_path",
    "test_render.py::test_real_process_writes_a_valid_docx",  # test_output_dash_writes_to_stdout runs one
    "test_render_docx.py::test_libreoffice_shows_the_table_header_on_every_page",
    "test_render_html.py::test_printed_annex_table_ends_at_the_right_margin",  # Chromium, as the next three
    "test_site.py::test_pages_read_on_a_phone",
    "test_site.py::test_index_prints_on_a4",
    "test_report.py::test_html_report_reads_on_a_phone_and_a_desktop",
    "test_render_browser.py::test_narrow_screen_reads_without_sideways_scroll",
    "test_render_browser.py::test_print_stays_a4",
    "test_robustness.py::test_ctrl_c_mid_write_keeps_the_old_file",
    "test_robustness.py::test_kill_during_write_leaves_old_or_new_file",
    "test_precommit.py::test_hook_from_the_manifest_checks_only_the_files_given",
    "test_precommit.py::test_this_repositorys_config_checks_roadmaps",
})


def thorough(config: pytest.Config) -> bool:
    """Whether this run is the thorough one (CI, nightly)."""
    return (config.getoption("hypothesis_profile", None) == "thorough"
            or os.environ.get("ROADMAPCTL_TESTS") == "thorough")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="медленный тест: запускается с --hypothesis-profile=thorough "
                                   "или ROADMAPCTL_TESTS=thorough")
    for item in items:
        if item.nodeid.split("/")[-1].split("[")[0] in SLOW:
            item.add_marker(pytest.mark.slow)
        if "slow" in item.keywords and not thorough(config):
            item.add_marker(skip)


# Test modules with a module-scoped fixture (documents built once for the module). When the
# suite runs on several cores (scripts/test.sh: `-n auto --dist loadgroup`), all tests of such a
# module go to one worker, so the fixture is built once; every other test goes to whichever
# worker is free. (pytest-xdist's own loadgroup reads `xdist_group` marks by rewriting node ids,
# which pytest 9 no longer allows; this scheduler keeps that option's meaning.)
SHARED_FIXTURE_MODULES = frozenset(
    f"tests/{path.name}" for path in Path(__file__).parent.glob("test_*.py")
    if 'scope="module"' in path.read_text(encoding="utf-8"))
# Modules that share a process-wide cache (not a fixture) go to one worker together: the
# rollovers of the samples are computed once for test_rollover and test_textconv.
SHARED_CACHE_GROUPS = {"tests/test_rollover.py": "rollovers", "tests/test_textconv.py": "rollovers"}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            if module in SHARED_CACHE_GROUPS:
                return SHARED_CACHE_GROUPS[module]
            return module if module in SHARED_FIXTURE_MODULES else nodeid

    return SharedFixtureScheduling(config, log)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def thorough_run(pytestconfig: pytest.Config) -> bool:
    """True in the thorough profile: tests that repeat a costly case run every repetition
    there, and a smaller share of them by default (never none)."""
    return thorough(pytestconfig)


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
        capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def imported(cli, source: Path, target: Path):  # type: ignore[no-untyped-def]
    """`roadmapctl import SOURCE -o TARGET`, which must succeed; (its result, the roadmap written)."""
    from roadmapctl.reading.loader import load

    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out + result.err
    roadmap = load(target).roadmap
    assert roadmap is not None
    return result, roadmap


def golden(path: Path, actual: str) -> None:
    """Compare with a golden file; UPDATE_GOLDEN=1 rewrites it."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"нет эталона {path}; запустите с UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")
