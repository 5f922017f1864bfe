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
# The reader of the output went away mid-way (`roadmapctl list | head -1`): what a shell reports
# for a program SIGPIPE ended (128 + 13), so `set -o pipefail` sees a report that was cut short.
EXIT_PIPE = 141


class OutputClosed(Exception):
    """The reader of the standard output went away mid-way: no message, exit `EXIT_PIPE`.

    Raised in place of `BrokenPipeError` where Click would catch that (it exits 1,
    as if the command had findings)."""


class RoadmapctlError(Exception):
    """An operational failure with a message for users (in Russian)."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = details  # lines shown between the message and the hint (findings)


class UsageError(RoadmapctlError):
    """Wrong arguments or options."""


class InputError(RoadmapctlError):
    """An input file that cannot be used (missing, unreadable, broken)."""


class OutputError(RoadmapctlError):
    """An output that cannot or must not be written."""


class OutputExists(OutputError):
    """An output file that exists and may not be replaced; `main` adds how to allow it (the option)."""


class ValueRefused(UsageError):
    """A value handed to the domain (a period, a date, an edition) that it cannot accept.

    Domain modules do not know which command-line option carried the value,
    so they name it by `field` («to», «period», «gost») and never by option;
    the command layer re-raises it with the option's name in front
    (`commands.params.options`).  `given` is False when the value was
    missing, not wrong: then the message is not prefixed with the option.
    """

    def __init__(self, message: str, hint: str | None = None, *, field: str, given: bool = True,
                 example: str | None = None) -> None:
        super().__init__(message, hint)
        self.field = field
        self.given = given
        self.example = example  # a value that would do, shown as «например: --to 2024/2025»
