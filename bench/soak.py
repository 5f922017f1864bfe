"""Soak test: `check` over thousands of mutated copies of the real roadmaps.

Usage: python bench/soak.py [--files 3000] [--seed 7]

Each copy of a roadmap in roadmaps/ gets a few random edits of the kind
people make by hand (deleted lines, wrong indentation, duplicated or swapped
lines, a file cut short, stray tabs, bytes from another encoding).  The run
passes when `roadmapctl check` finishes with exit 0 or 1 and no Python
traceback for the whole tree.  It is not timed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def mutate(text: str, rng: random.Random) -> bytes:
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 8)):
        if not lines:
            break
        where = rng.randrange(len(lines))
        action = rng.choice(["delete", "indent", "dedent", "duplicate", "cut", "swap", "tab", "colon"])
        if action == "delete":
            del lines[where]
        elif action == "indent":
            lines[where] = "  " + lines[where]
        elif action == "dedent":
            lines[where] = lines[where][2:]
        elif action == "duplicate":
            lines.insert(where, lines[where])
        elif action == "cut":
            lines = [*lines[:where], lines[where][:len(lines[where]) // 2]]
        elif action == "swap":
            other = rng.randrange(len(lines))
            lines[where], lines[other] = lines[other], lines[where]
        elif action == "tab":
            lines[where] = "\t" + lines[where].lstrip(" ")
        else:
            lines[where] = lines[where].replace(": ", ":: ", 1)
    data = "".join(lines).encode("utf-8")
    if rng.random() < 0.05:
        data = "".join(lines).encode("cp1251", errors="replace")
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "roadmaps").glob("*.yaml"))]
    work = Path(tempfile.mkdtemp(prefix="roadmapctl-soak-"))
    try:
        for index in range(args.files):
            (work / f"m{index:05d}.yaml").write_bytes(mutate(rng.choice(seeds), rng))
        proc = subprocess.run([sys.executable, "-m", "roadmapctl", "check", "--as-of", "2024-06-01",
                               str(work)], capture_output=True, text=True)
        tracebacks = (proc.stdout + proc.stderr).count("Traceback")
        findings = proc.stdout.count(": error [") + proc.stdout.count(": warning [")
        print(f"{args.files} mutated files: exit {proc.returncode}, {findings} findings, "
              f"{tracebacks} tracebacks")
        print(proc.stdout.splitlines()[-1] if proc.stdout else proc.stderr[-500:])
        return 0 if proc.returncode in (0, 1) and tracebacks == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
