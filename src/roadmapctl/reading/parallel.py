"""Process many files on all cores, results in input order.

A region keeps a thousand roadmaps in one repository; `check` and `overdue`
read them file by file in worker processes and stream results back in the
order of the input, so output is deterministic and memory does not grow
with the number of files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many files a worker pool costs more than it saves.
MIN_FILES_FOR_POOL = 16


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(func: Callable[[T], R], items: Iterable[T], jobs: int | None = None,
                batch: Callable[[], None] | None = None) -> Iterator[R]:
    """`map(func, items)`, on `jobs` processes when it pays off; `items` may be lazy.

    `batch` is called once, before any item, when there are many items: what
    costs once and saves on each of them (an import) is done then, and the
    workers inherit it.
    """
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    items = iter(items)
    head = list(islice(items, MIN_FILES_FOR_POOL))
    if batch is not None and len(head) >= MIN_FILES_FOR_POOL:
        batch()
    if jobs == 1 or len(head) < MIN_FILES_FOR_POOL:
        yield from map(func, chain(head, items))
        return
    # The first item is done here, before the workers are forked: they inherit what it
    # imported and cached (the loader, the rules, the deadline grammar) instead of each
    # importing it again.
    yield func(head[0])
    import multiprocessing

    with multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn").Pool(jobs) as pool:
        yield from pool.imap(func, chain(head[1:], items), chunksize=8)
