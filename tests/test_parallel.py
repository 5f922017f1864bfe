"""`ordered_map`: results in input order, on worker processes once there are enough items."""

from __future__ import annotations

import os
import sys

import pytest

from roadmapctl.reading.parallel import MIN_FILES_FOR_POOL, ordered_map


def _square_and_pid(value: int) -> tuple[int, int]:
    return value * value, os.getpid()


def test_results_keep_the_input_order_on_one_process_and_on_a_pool() -> None:
    items = range(3 * MIN_FILES_FOR_POOL)
    expected = [value * value for value in items]
    assert [square for square, _ in ordered_map(_square_and_pid, items, 1)] == expected
    assert [square for square, _ in ordered_map(_square_and_pid, iter(items), 2)] == expected


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="workers are forked on Linux")
def test_the_first_item_is_done_before_forking_so_workers_inherit_its_imports() -> None:
    pids = [pid for _, pid in ordered_map(_square_and_pid, range(2 * MIN_FILES_FOR_POOL), 2)]
    assert pids[0] == os.getpid()
    assert os.getpid() not in pids[1:]


def test_few_items_are_done_here_without_a_pool() -> None:
    pids = {pid for _, pid in ordered_map(_square_and_pid, range(MIN_FILES_FOR_POOL - 1), 2)}
    assert pids == {os.getpid()}
