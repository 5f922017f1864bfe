"""Click's own exceptions in Russian: usage errors exit 2, an abort exits 130.

Only `main.run` calls this, and only after Typer was imported: the fast
paths (`check`, the main help) never meet a Click exception.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from roadmapctl.errors import EXIT_INTERRUPTED, EXIT_USAGE


def click_exit(exc: Exception, command: str | None, error: Any) -> int | None:
    """The exit code of one of Click's exceptions (reported through `error`), else None."""
    if "typer" not in sys.modules:
        return None  # the fast path of `check` never imported Click: not one of its exceptions
    import typer

    try:
        from typer._click import exceptions as cx
    except ImportError:  # pragma: no cover - typer with an external click
        from click import exceptions as cx  # type: ignore[no-redef]  # the same module, found elsewhere
    if isinstance(exc, typer.Exit):
        if isinstance(exc.__cause__, KeyboardInterrupt):
            error("прервано")
        return int(exc.exit_code or 0)
    if isinstance(exc, typer.Abort):
        error("прервано")
        return EXIT_INTERRUPTED
    if isinstance(exc, cx.UsageError):
        error(_usage_message(exc, cx), _usage_hint(exc, command))
        return EXIT_USAGE
    if isinstance(exc, cx.ClickException):
        error(exc.format_message())
        return EXIT_USAGE
    return None


def _usage_message(exc: Any, cx: Any) -> str:
    if isinstance(exc, cx.NoSuchOption):
        from difflib import get_close_matches

        likely = get_close_matches(exc.option_name, exc.possibilities or [], n=2, cutoff=0.75)
        close = f" — может быть, {', '.join(likely)}?" if likely else ""
        return f"неизвестный параметр {exc.option_name}{close}"
    if isinstance(exc, cx.MissingParameter):
        if exc.param is not None and exc.param.param_type_name == "option":
            return f"не указан обязательный параметр {_option_name(exc.param)}"
        name = exc.param.human_readable_name if exc.param else "значение"
        return f"не указан обязательный аргумент {name}"
    if isinstance(exc, cx.BadParameter):
        if exc.param is not None and exc.param.param_type_name == "option":
            name = _option_name(exc.param)
        else:
            name = exc.param.human_readable_name if exc.param else (exc.param_hint or "")
        return f"неверное значение {name}: {_bad_value(exc.message)}".replace("  ", " ")
    if isinstance(exc, cx.BadOptionUsage):
        option = exc.option_name
        if "requires an argument" in exc.message:
            return f"параметру {option} нужно значение"
        if "does not take a value" in exc.message:
            return f"параметр {option} пишется без значения"
    message = exc.format_message()
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        close = message.split("Did you mean", 1)[1].strip(" ?") if "Did you mean" in message else ""
        close = re.sub(r"'([^']*)'", r"«\1»", close)
        return f"неизвестная команда «{name}»" + (f" — может быть, {close}?" if close else "")
    if message.startswith("Missing command"):
        return "не указана команда"
    if extra := re.match(r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)$", message):
        words = extra[1].split()
        return f"лишн{'ий аргумент' if len(words) == 1 else 'ие аргументы'} " + ", ".join(f"«{w}»" for w in words)
    return message


def _option_name(param: Any) -> str:
    """The long name of an option as typed: «--period»."""
    return max(param.opts, key=len) if param.opts else param.human_readable_name


def _bad_value(message: str) -> str:
    """Click's «'abc' is not a valid int.» in Russian."""
    kinds = {"int": "не целое число", "integer": "не целое число", "float": "не число",
             "boolean": "не да/нет (true/false)"}
    if (m := re.match(r"^'?(.*?)'? is not a valid (\w+)(?: range)?\.?$", message)) and m[2] in kinds:
        return f"«{m[1]}» — {kinds[m[2]]}"
    if m := re.match(r"^(.*?) is not in the range x>=(\d+)\.?$", message):
        return f"«{m[1]}» — нужно число не меньше {m[2]}"
    if m := re.match(r"^(.*?) is not in the range (.*?)\.?$", message):
        return f"«{m[1]}» вне допустимого диапазона {m[2]}"
    return message


def _usage_hint(exc: Any, command: str | None = None) -> str:
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and (ctx.parent is not None or command is None):
        path = ctx.command_path
    else:
        path = f"roadmapctl {command}" if command else "roadmapctl"
    return f"справка: {path} --help"
