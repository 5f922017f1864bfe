"""`roadmapctl check …` without Typer: the commit hook's path.

Building the Typer app costs more than checking a 40-item roadmap, and
`check` runs on every commit.  Here the plain forms of `check`'s command
line are read directly: the paths, `--format/-f`, `--as-of`, `--encoding`,
`--jobs/-j` (each with its value as the next word or after «=») and
`--list-rules`.  Anything else — help, an unknown option, a missing or odd
value, another command — returns None, and `main.run` goes the Typer way, so
every message and every help text stays the one Typer gives.
"""

from __future__ import annotations

import gc

from roadmapctl.commands.mainhelp import completing

_VALUED = {"--format": "fmt", "-f": "fmt", "--as-of": "as_of", "--encoding": "encoding",
           "--jobs": "jobs", "-j": "jobs"}


def parse(args: list[str]) -> dict[str, object] | None:
    """The option values of `check ARGS…`, or None when Typer should read them."""
    if not args or args[0] != "check" or completing():
        return None  # shell completion is Typer's
    paths: list[str] = []
    values: dict[str, object] = {"paths": paths, "fmt": "text", "as_of": None, "encoding": "auto",
                                 "jobs": "0", "show_rules": False}
    words = iter(args[1:])
    for word in words:
        if not word.startswith("-") or word == "-":
            paths.append(word)
            continue
        if word == "--list-rules":
            values["show_rules"] = True
            continue
        name, eq, value = word.partition("=")
        if name not in _VALUED or (eq and not name.startswith("--")):
            return None  # --help, «--», short forms glued to values, unknown options
        if not eq:
            value = next(words, None)  # type: ignore[assignment]
            if value is None or value.startswith("-"):
                return None  # Typer says what is missing
        values[_VALUED[name]] = value
    jobs = str(values["jobs"])
    if not jobs.isascii() or not jobs.isdigit():
        return None  # Typer's «не целое число» / range messages
    values["jobs"] = int(jobs)
    return values


def dispatch(args: list[str]) -> int | None:
    """Run `check` if its command line is plain; None otherwise."""
    values = parse(args)
    if values is None:
        return None
    from roadmapctl.commands.checkrun import command

    gc.freeze()  # what is imported stays: the collector need not walk it again
    gc.enable()  # main.entry turned it off for the imports
    return command(values["paths"], values["fmt"], values["as_of"],  # type: ignore[arg-type]
                   values["encoding"], values["jobs"], values["show_rules"])  # type: ignore[arg-type]
