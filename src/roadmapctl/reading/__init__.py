"""Reading roadmaps: one way in for every command, and one policy for roadmaps with errors.

Every command that reads a roadmap — from a file, from standard input («-»)
or from a git revision — goes through `source.read` (the model and what the
loader found) and `checking.check` (the rules of `roadmapctl check`, sorted).
What a command does with a roadmap that has errors is decided once, in
`policy`: commands that build something from a roadmap (a document, a
comparison, a calendar, next year's roadmap, an edit of the file) refuse it
and show the findings; tracking commands (overdue, list, stats) report the
roadmaps they could read and name each one they skipped.  Before this there
were five copies of «load and refuse», each checking something different, and
`render` printed documents from roadmaps that `check` rejects.

Nothing heavy is imported here: `check` runs on every commit.
"""

from __future__ import annotations

from roadmapctl.reading.checking import check
from roadmapctl.reading.policy import Checked, RoadmapRefused, examine, require
from roadmapctl.reading.source import STDIN, read

__all__ = ["STDIN", "Checked", "RoadmapRefused", "check", "examine", "read", "require"]
