"""Benchmarks of roadmapctl, as ratios against references timed in the same run.

Usage (from the repository root, after `sh scripts/run.sh`):

    .venv/bin/python bench/run.py                 # 1,000 and 10,000 files × 40 items
    .venv/bin/python bench/run.py --small 50 --large 200 --repeat 1   # a quick look

Prints, for this machine and this moment, each timing the median of
interleaved runs of the command and its reference:
  (a) `roadmapctl check FILE` (a real roadmap) wall time ÷ `python -c "import typer"`,
      and the same for `roadmapctl --help` (`--only startup`: these alone);
  (b) over the real corpus (the roadmaps of roadmaps/ copied to --real files):
      `check` and `overdue` ÷ parsing the same files with PyYAML's C loader
      (CSafeLoader) in the same number of processes; `calendar` and
      `list --format json` (`-j 1`) ÷ the one-process parse; also the ratio
      of CPU times (user + system, workers included), steadier under load;
  (c) peak memory (max RSS) of `check`, `overdue`, `calendar`, `list` and `stats` for the
      small and the large synthetic corpus (titles without unique numbers),
      with one process, and the size of the output;
  (d) `render` of a 300-item roadmap to DOCX and to HTML, in seconds;
  (e) the duplicate-measure rule (R108) on 3,000 titles (bench/r108.py).
Nothing here is asserted: the figures go into bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
# The console script users run (next to this Python in a venv), else `python -m`.
_SCRIPT = Path(PYTHON).with_name("roadmapctl")
ROADMAPCTL = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "roadmapctl"]

REFERENCE = """
import sys
from multiprocessing import Pool
from pathlib import Path
import yaml

def parse(path):
    yaml.load(Path(path).read_bytes(), Loader=yaml.CSafeLoader)
    return 0

files = sorted(str(p) for p in Path(sys.argv[1]).rglob("*.yaml"))
jobs = int(sys.argv[2])
if jobs == 1:
    for f in files:
        parse(f)
else:
    with Pool(jobs) as pool:
        for _ in pool.imap(parse, files, chunksize=max(1, min(32, len(files) // (jobs * 8)))):
            pass
"""


def generate(out: Path, files: int, items: int, seed: int = 1) -> None:
    """In a child process: a child's peak RSS counts the parent's at fork time,
    so this process must stay small for (c) to measure roadmapctl alone."""
    subprocess.run([PYTHON, str(HERE / "generate.py"), str(out), "--files", str(files),
                    "--items", str(items), "--seed", str(seed), "--plain-titles"],
                   check=True, stdout=subprocess.DEVNULL)


def copy_real(out: Path, files: int) -> None:
    """The real roadmaps of roadmaps/, copied round-robin into `files` files, 100 per folder."""
    sources = sorted((HERE.parent / "roadmaps").glob("*.yaml"))
    for index in range(files):
        folder = out / f"district-{index // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sources[index % len(sources)], folder / f"{index:05d}-{sources[index % len(sources)].name}")


def run(cmd: list[str], output: Path | None = None, refusal: bool = False) -> tuple[float, int]:
    """Wall seconds and peak RSS in MiB of one command (its own process).

    Its CPU seconds (user and system, with the worker processes it waited
    for) are kept in `LAST_CPU`: on a machine shared with other work they
    move less than wall time.

    Output goes to a file, never into this process: a child's peak RSS counts
    the parent's memory at fork time.
    """
    start = time.perf_counter()
    with open(output or os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE if refusal else subprocess.DEVNULL)
        errors = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    LAST_CODE[0] = code
    if code not in (0, 1) and not (refusal and code == 2 and "отчёт не построен" in errors):
        raise SystemExit(f"command failed with exit {code}: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss // 1024


LAST_CPU = [0.0]
LAST_CODE = [0]


def uncached_modules() -> int:
    """Modules of the installed roadmapctl without up-to-date bytecode (in the process that runs it).

    Python compiles such a module on every start when it may not write the
    cache (PYTHONDONTWRITEBYTECODE, a read-only tree): (a) then measures the
    compiler, not roadmapctl (about twice the start-up time).  `pip install .`
    writes the cache; an editable install writes it on the first run unless forbidden.
    """
    code = ("import importlib.util, os, pathlib, roadmapctl; root = pathlib.Path(roadmapctl.__file__).parent; "
            "print(sum(1 for f in root.rglob('*.py') if not os.path.exists(c := importlib.util.cache_from_source(f))"
            " or os.path.getmtime(c) < os.path.getmtime(f)))")
    out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout)


def count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def median_time(cmd: list[str], repeat: int) -> float:
    return statistics.median(run(cmd)[0] for _ in range(repeat))


def ratio_pair(cmd: list[str], reference: list[str], repeat: int) -> tuple[float, float, float]:
    """Interleave runs of both commands so machine load hits them alike.

    Wall seconds of each (medians) and their ratio; the ratio of the median
    CPU seconds is left in `LAST_CPU_RATIO`.
    """
    ours, refs, ours_cpu, refs_cpu = [], [], [], []
    for _ in range(repeat):
        ours.append(run(cmd)[0])
        ours_cpu.append(LAST_CPU[0])
        refs.append(run(reference)[0])
        refs_cpu.append(LAST_CPU[0])
    a, b = statistics.median(ours), statistics.median(refs)
    LAST_CPU_RATIO[0] = statistics.median(ours_cpu) / max(statistics.median(refs_cpu), 1e-9)
    return a, b, a / b


LAST_CPU_RATIO = [0.0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=int, default=900, help="copies of the real roadmaps")
    parser.add_argument("--small", type=int, default=1000, help="files in the small corpus")
    parser.add_argument("--large", type=int, default=10000, help="files in the large corpus")
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--only", default="", help="commands of (b) and (c) to run, e.g. calendar,list, "
                                                   "and `startup` for (a); then the rest is skipped")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    corpora = not only or bool(only - {"startup"})  # `--only startup` needs no corpus

    work = Path(tempfile.mkdtemp(prefix="roadmapctl-bench-"))
    try:
        real = work / "real"
        small = work / "small"
        large = work / "large"
        if corpora:
            copy_real(real, args.real)
            generate(small, args.small, args.items)
            generate(large, args.large, args.items, seed=2)
        one = HERE.parent / "roadmaps" / "lysva-2021-2022.yaml"
        print(f"machine: {os.uname().machine}, {args.jobs} cores, Python {sys.version.split()[0]}, "
              f"load average {os.getloadavg()[0]:.1f}")
        if corpora:
            print(f"corpora: {args.real} copies of roadmaps/; {args.small} and {args.large} files × "
                  f"{args.items} items (titles without unique numbers)")
        print()

        typer_ref = [PYTHON, "-c", "import typer"]
        startup = (("check FILE", [*ROADMAPCTL, "check", "--as-of", "2022-01-01", str(one)]),
                   ("--help", [*ROADMAPCTL, "--help"]))
        if (not only or "startup" in only) and (uncached := uncached_modules()):
            print(f"(a) warning: modules of roadmapctl without up-to-date bytecode: {uncached}; "
                  "(a) includes compiling them")
        for label, cmd in startup if not only or "startup" in only else ():
            a, b, r = ratio_pair(cmd, typer_ref, args.repeat * 2)
            print(f"(a) {label:<22} {a * 1000:7.0f} ms ÷ import typer {b * 1000:5.0f} ms = {r:.2f}")

        repeat = max(1, args.repeat // 2)
        parse_jobs = [PYTHON, "-c", REFERENCE, str(real), str(args.jobs)]
        parse_one = [PYTHON, "-c", REFERENCE, str(real), "1"]
        runs = (("check", ["check", "-j", str(args.jobs)], parse_jobs, args.jobs),
                ("overdue", ["overdue", "-j", str(args.jobs)], parse_jobs, args.jobs),
                ("calendar", ["calendar", "-j", "1", "-o", str(work / "out.ics"), "--force"], parse_one, 1),
                ("list json", ["list", "-j", "1", "--format", "json"], parse_one, 1))
        for label, words, reference, jobs in runs:
            if only and words[0] not in only:
                continue
            cmd = [*ROADMAPCTL, *words[:1], "--as-of", "2024-03-01", *words[1:], str(real)]
            if label == "calendar":
                cmd.remove("--as-of"), cmd.remove("2024-03-01")
            a, b, r = ratio_pair(cmd, reference, repeat)
            print(f"(b) {label:<9} {args.real} real files, {jobs} process(es) {a:6.2f} s "
                  f"÷ PyYAML C parse {b:5.2f} s = {r:.2f} (CPU time: {LAST_CPU_RATIO[0]:.2f})")

        # overdue must sort every reported date before printing, so its memory follows the
        # size of the report: early in the year (few overdue) it shows the per-file cost.
        runs_c = (("check", ["--as-of", "2024-03-01"]), ("overdue", ["--as-of", "2023-10-15"]),
                  ("overdue", ["--as-of", "2024-03-01"]), ("list", ["--as-of", "2024-03-01"]),
                  ("calendar", ["-o", "-"]), ("stats", ["--as-of", "2024-03-01"]))
        for corpus, count in ((small, args.small), (large, args.large)):
            for command, extra in runs_c:
                if only and command not in only:
                    continue
                jobs = ["-j", "1"]
                cmd = [*ROADMAPCTL, command, *jobs, *extra, str(corpus)]
                # A report past limits.MAX_OCCURRENCES_PER_RUN control dates is refused by design
                # (exit 2, «отчёт не построен»): said here, with the memory used up to the refusal.
                _, rss = run(cmd, work / "report.txt", refusal=True)
                if LAST_CODE[0] == 2:
                    print(f"(c) {command:<8} {count:>6} files, {' '.join(extra):<18} 1 process: "
                          f"refused at the per-run bound of control dates (exit 2), peak RSS {rss} MiB")
                    continue
                lines = count_lines(work / "report.txt")
                print(f"(c) {command:<8} {count:>6} files, {' '.join(extra):<18} 1 process: "
                      f"peak RSS {rss} MiB ({lines} lines of output)")

        if only:
            return
        big = work / "render"
        generate(big, 1, 300, seed=3)
        roadmap = next(big.rglob("*.yaml"))
        for fmt in ("docx", "html"):
            out = work / f"out.{fmt}"
            seconds = median_time([*ROADMAPCTL, "render", str(roadmap), "--format", fmt,
                                   "-o", str(out), "--force"], args.repeat)
            print(f"(d) render 300 items → {fmt:<4} {seconds:5.2f} s")
        titles = str(max(300, min(3000, args.large)))
        subprocess.run([PYTHON, str(HERE / "r108.py"), "--titles", titles, "--repeat", str(args.repeat)],
                       check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
