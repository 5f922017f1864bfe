"""Time the duplicate-measure rule (R108) on one large roadmap's titles, in process.

Usage: python bench/r108.py [--titles 3000] [--repeat 5]

Two sets of titles, each the median of `repeat` runs of `rules.duplicate_measure.check`:
  - real-like: words of the titles in roadmaps/, as many words per title as
    the real titles have, no digits (real titles rarely carry unique
    numbers), one in ten a copy of an earlier title with a small edit;
  - adversarial: titles of one length made of the same letters, shuffled
    (the case that made the all-pairs rule quadratic);
  - long adversarial: a sixth as many such titles, 40 times as long (2,080
    letters): what a bound that only counts letters or a few pair buckets
    lets through to the exact score.
Prints CPU seconds of this process (on a shared machine, wall time measures
the neighbours) and the number of findings; no assertion.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def real_like(count: int, seed: int = 1) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "roadmaps").glob("*.yaml"))]
    titles = [m[1] for text in texts for m in re.finditer(r"(?m)^\s*-?\s*title:\s*(.+)$", text)]
    words = sorted({w.lower() for t in titles for w in re.findall(r"[А-Яа-яЁё]+", t)})
    sizes = [len(re.findall(r"[А-Яа-яЁё]+", t)) or 1 for t in titles]
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        if out and rng.random() < 0.1:
            chars = list(rng.choice(out))
            chars.insert(rng.randrange(len(chars)), rng.choice("аеио "))
            out.append("".join(chars))
        else:
            out.append(" ".join(rng.choice(words) for _ in range(rng.choice(sizes))).capitalize())
    return out


def adversarial(count: int, seed: int = 1, repeat: int = 1) -> list[str]:
    rng = random.Random(seed)
    letters = list("организация профориентационной работы с обучающимися" * repeat)
    titles = []
    for _ in range(count):
        rng.shuffle(letters)
        titles.append("".join(letters))
    return titles


def roadmap(titles: list[str]):
    from roadmapctl.model.roadmap import Item, Pos, Roadmap, Section

    items = []
    for line, title in enumerate(titles, 10):
        item = Item(title=title)
        item.pos = Pos(line, 5)
        items.append(item)
    return Roadmap(title="Карта", sections=[Section(number="1", title="Раздел", items=items)])


def time_rule(titles: list[str], repeat: int) -> tuple[float, int]:
    from roadmapctl.rules import Context
    from roadmapctl.rules import duplicate_measure as rule

    ctx = Context(roadmap(titles), [], date(2024, 1, 1))
    list(rule.check(ctx))  # imports and warm-up
    runs, found = [], 0
    for _ in range(repeat):
        start = time.process_time()
        found = len(list(rule.check(ctx)))
        runs.append(time.process_time() - start)
    return statistics.median(runs), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--titles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for count, label, titles in ((args.titles, "digit-free titles", real_like(args.titles)),
                                 (args.titles, "same-letter titles", adversarial(args.titles)),
                                 (args.titles // 6, "long same-letter", adversarial(args.titles // 6, repeat=40))):
        seconds, found = time_rule(titles, args.repeat)
        print(f"(e) R108 {count} {label:<18} {seconds:6.3f} s CPU ({found} findings)")


if __name__ == "__main__":
    main()
