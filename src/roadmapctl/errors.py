"""Operational failures and the one place that maps them to exit codes.

Problems in users' data are `Problem` values and never pass through here.
What does pass: a path that does not exist, a bad option value, a file that
cannot be written.  `main.run` catches these and prints one Russian line.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class RoadmapctlError(Exception):
    """An operational failure with a message for users (in Russian)."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(RoadmapctlError):
    """Wrong arguments or options."""


class InputError(RoadmapctlError):
    """An input file that cannot be used (missing, unreadable, broken)."""


class OutputError(RoadmapctlError):
    """An output that cannot or must not be written."""
