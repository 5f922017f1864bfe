"""Execution control: what became of every control date of every item.

* `compute` — the calculation for one roadmap as of a date: control dates,
  completions matched to them, extensions, states (`track`, `track_item`);
* `service` — the shared work of `overdue`, `list`, `stats` and `calendar`:
  find the roadmaps, read them by the reading policy, track them, select
  what a report shows; what it could not read comes back as data;
* `replay` — completions and extensions matched to an item's control dates;
* `executors` — which executor a user means (`--executor`), and the labels
  reports print for an item's executors;
* `scan` — the overdue report: entries of every file, sorted and grouped.

The calculation is the package's interface, re-exported here.
"""

from __future__ import annotations

from roadmapctl.tracking.compute import (
    State,
    Steps,
    Tracked,
    TrackedItem,
    bare_number,
    resolve_deadline,
    track,
    track_item,
    walk_addressed,
)
from roadmapctl.tracking.replay import match_completion, window_start

__all__ = ["State", "Steps", "Tracked", "TrackedItem", "bare_number", "match_completion", "resolve_deadline", "track",
           "track_item", "walk_addressed", "window_start"]
