"""Soak test of editing and writing: concurrent `done`/`extend`, edits of mutated maps, hostile `-o`.

Usage: python bench/soak_edits.py [--rounds 50] [--seed 7]

Each round copies a roadmap from roadmaps/ and
- runs two edits of random items at the same time (`done`+`done` or
  `done`+`extend`, real processes): every edit that reported success must
  be in the file afterwards, and nothing else may change;
- runs `done` on a randomly mutated copy (bench/soak.py's mutations): it
  either refuses (exit 2, a Russian message) or only adds lines;
- points `-o` of `calendar` and `diff` at the input, a hard link to it, a
  FIFO: the input must stay byte for byte.
Passes when no round loses an update, changes an input or prints a
traceback.  It is not timed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from soak import mutate

ROOT = Path(__file__).resolve().parent.parent
CMD = [sys.executable, "-m", "roadmapctl"]


def _items(path: Path) -> list[str]:
    from roadmapctl.reading.loader import load
    from roadmapctl.tracking import track

    roadmap = load(path).roadmap
    assert roadmap is not None
    return [t.address for t in track(roadmap, roadmap.period.end)
            if t.deadline is not None and getattr(t.deadline, "occurrences", None) and not t.cancelled]


def _edit_args(path: Path, item: str, kind: str, day: str) -> list[str]:
    if kind == "done":
        return [*CMD, "done", str(path), item, "--on", day]
    return [*CMD, "extend", str(path), item, "--to", "2199-01-01", "--reason", f"soak {item}", "--on", day]


def concurrent_round(source: Path, work: Path, rng: random.Random) -> list[str]:
    path = work / source.name
    shutil.copyfile(source, path)
    before = path.read_text(encoding="utf-8")
    a, b = rng.sample(_items(path), 2)
    kinds = ["done", rng.choice(["done", "extend"])]
    day = "2020-01-01"  # before any period: a completion «досрочно», an extension dated then
    procs = [subprocess.Popen(_edit_args(path, item, kind, day), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for item, kind in zip((a, b), kinds, strict=True)]
    failures = []
    after_lines = None
    results = [(p, *p.communicate(timeout=300)) for p in procs]
    after = path.read_text(encoding="utf-8")
    after_lines = after.splitlines()
    removed = [line for line in before.splitlines() if line not in after_lines]
    for (proc, _out, err), item, kind in zip(results, (a, b), kinds, strict=True):
        if "Traceback" in err or proc.returncode not in (0, 2):
            failures.append(f"{source.name} {kind} {item}: exit {proc.returncode} {err.strip()}")
        elif proc.returncode == 0 and kind == "extend" and f"soak {item}" not in after:
            failures.append(f"{source.name}: lost extension of {item}")
    successes = sum(1 for (proc, _, _), kind in zip(results, kinds, strict=True)
                    if proc.returncode == 0 and kind == "done")
    if after.count(f"date: {day}") + after.count(f'date: "{day}"') < successes:
        failures.append(f"{source.name}: lost a completion ({a}, {b})")
    if any(not line.strip().startswith("status:") for line in removed):
        failures.append(f"{source.name}: lines changed besides status: {removed[:3]}")
    return failures


def mutated_round(source: Path, work: Path, rng: random.Random) -> list[str]:
    path = work / f"mutated-{source.name}"
    data = mutate(source.read_text(encoding="utf-8"), rng)
    path.write_bytes(data)
    proc = subprocess.run([*CMD, "done", str(path), rng.choice(["1.1", "2.1", "3.2", "1"]), "--on", "2020-01-01"],
                          capture_output=True, text=True, timeout=300)
    if "Traceback" in proc.stderr or proc.returncode not in (0, 2):
        return [f"{path.name}: exit {proc.returncode} {proc.stderr.strip()[-300:]}"]
    if proc.returncode == 0:
        old = data.decode("utf-8").splitlines()
        new = path.read_text(encoding="utf-8").splitlines()
        if [line for line in old if line not in new and not line.strip().startswith("status:")]:
            return [f"{path.name}: done changed existing lines"]
    return []


def output_round(source: Path, work: Path) -> list[str]:
    path = work / source.name
    shutil.copyfile(source, path)
    before = path.read_bytes()
    link = work / "link.ics"
    link.unlink(missing_ok=True)
    os.link(path, link)
    targets = [path, link]
    if hasattr(os, "mkfifo"):
        fifo = work / "fifo.ics"
        if not fifo.exists():
            os.mkfifo(fifo)
        targets.append(fifo)
    failures = []
    for target in targets:
        for args in (["calendar", str(path), "-o", str(target), "--force"],
                     ["diff", str(source), str(path), "--format", "html", "-o", str(target), "--force"]):
            proc = subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=300)
            if proc.returncode != 2 or "Traceback" in proc.stderr:
                failures.append(f"{' '.join(args)}: exit {proc.returncode}")
    if path.read_bytes() != before:
        failures.append(f"{source.name}: the input was overwritten")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = sorted((ROOT / "roadmaps").glob("*.yaml"))
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in range(args.rounds):
            source = sources[n % len(sources)]
            failures += concurrent_round(source, work, rng)
            failures += mutated_round(source, work, rng)
            if n < len(sources):
                failures += output_round(source, work)
    for line in failures:
        print(line)
    print(f"{args.rounds} раундов: {len(failures)} сбоев")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
