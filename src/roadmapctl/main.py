"""Entry point: builds the command line and maps failures to exit codes.

Each subcommand lives in `commands/<name>.py` and registers itself on the
app; heavy libraries are imported inside the command that needs them, so
`roadmapctl check` (run on every commit) starts fast.

Exit codes: 0 — всё в порядке; 1 — найдены замечания (или просрочки, или
различия); 2 — ошибка в аргументах или входных файлах; 3 — внутренняя
ошибка roadmapctl; 130 — прервано (Ctrl-C).
"""

from __future__ import annotations

import re
import sys
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from roadmapctl import __version__
from roadmapctl.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    OutputExists,
    RoadmapctlError,
)

if TYPE_CHECKING:
    import typer

COMMANDS = (
    "check",
    "when",
    "schema",
    "render",
    "import",
    "rollover",
    "diff",
    "textconv",
    "overdue",
    "list",
    "done",
    "extend",
    "stats",
    "calendar",
    "report",
    "site",
    "export",
    "notify",
)

HELP = """Дорожные карты в YAML: проверка, контроль сроков, сравнение, печать.

Коды выхода: 0 — всё в порядке; 1 — найдены замечания; 2 — ошибка в
аргументах или входных файлах; 3 — внутренняя ошибка.
"""


def _version(value: bool) -> None:
    import typer

    if value:
        typer.echo(f"roadmapctl {__version__}")
        raise typer.Exit(EXIT_OK)


def build_app(only: str | None = None) -> typer.Typer:
    """The app; with `only`, just that subcommand is imported and registered.

    Registering a command imports its module and makes Typer inspect its
    signature; the commit-time `check` should not pay for a dozen others.
    """
    import typer
    from typer._completion_classes import completion_init

    from roadmapctl.commands import complete
    from roadmapctl.commands.clitext import RussianGroup

    completion_init()  # Typer's completion protocol, without its English --install-completion
    app = typer.Typer(
        name="roadmapctl",
        cls=RussianGroup,
        help=HELP,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def main(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True,
            help="Показать версию и выйти.",
        ),
        debug: bool = typer.Option(
            False, "--debug", help="При внутренней ошибке показать трассировку Python.",
        ),
        install_completion: bool = typer.Option(
            False, "--install-completion", callback=complete.install, is_eager=True, expose_value=False,
            help="Установить автодополнение для текущей оболочки.",
        ),
        show_completion: bool = typer.Option(
            False, "--show-completion", callback=complete.show, is_eager=True, expose_value=False,
            help="Показать скрипт автодополнения для текущей оболочки.",
        ),
    ) -> None:
        """Дорожные карты в YAML: проверка, контроль сроков, сравнение, печать."""

    for name in (only,) if only else COMMANDS:
        import_module(f"roadmapctl.commands.{_module_name(name)}").register(app)
    return app


@cache
def _click_command(only: str | None) -> Any:
    """The Click command of the app, built once per process.

    A process runs one command, so this changes nothing on the command line;
    it spares the tests (hundreds of in-process runs) rebuilding the app and
    re-reading every signature each time.  Click keeps no state between calls.
    """
    import typer.main

    return typer.main.get_command(build_app(only))


def _module_name(command: str) -> str:
    return command.replace("-", "_") + ("_" if command in ("import", "list") else "")


def _requested_command(args: list[str]) -> str | None:
    """The subcommand named on the command line, if it is one of ours."""
    for arg in args:
        if arg == "--debug":
            continue
        return arg if arg in COMMANDS else None
    return None


def run(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:  # bare `roadmapctl`: the help, as with --help, not an error
        args = ["--help"]
    debug = "--debug" in args
    command = _requested_command(args)
    try:
        from roadmapctl.commands.fastcheck import dispatch

        result = dispatch(args)
        if result is None:
            result = _click_command(command)(args=args, prog_name="roadmapctl", standalone_mode=False)
        try:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not in the interpreter's exit
        except BrokenPipeError:  # the whole result was made: its exit code stands
            _drop_stdout()
    except RoadmapctlError as exc:
        hint = exc.hint
        if isinstance(exc, OutputExists) and hint is None:
            hint = "чтобы перезаписать его, добавьте --force"  # every command that writes has it
        _error(exc.message, hint, exc.details)
        return exc.exit_code
    except KeyboardInterrupt:
        _error("прервано")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `roadmapctl list | head -1`: the reader has all it wanted
        _drop_stdout()
        return EXIT_OK
    except OSError as exc:
        if not _output_failed(exc):
            return _internal(exc, debug)
        _drop_stdout()
        _error(f"не удалось вывести результат: {_reason(exc)}",
               "проверьте, куда перенаправлен вывод (место на диске, права)")
        return EXIT_USAGE
    except Exception as exc:  # the one place that maps everything (exit 3)
        handled = _click_exit(exc, command)
        if handled is not None:
            return handled
        return _internal(exc, debug)
    if result == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into a silent return of 130
        _error("прервано")
    return result if isinstance(result, int) else EXIT_OK


def _internal(exc: Exception, debug: bool) -> int:
    if debug:
        raise exc
    _error(
        f"внутренняя ошибка roadmapctl ({type(exc).__name__}: {exc})",
        "повторите команду с --debug, чтобы увидеть подробности, и сообщите о ней разработчикам",
    )
    return EXIT_INTERNAL


# Errors of writing to an output that is full or gone; files roadmapctl writes
# itself report theirs as OutputError, so a bare one of these is the standard output.
_OUTPUT_ERRNOS = {"ENOSPC": "на устройстве нет места", "EDQUOT": "превышена дисковая квота",
                  "EFBIG": "файл слишком велик", "EIO": "ошибка ввода-вывода",
                  "EPIPE": "читающая сторона канала закрыта"}


def _output_failed(exc: OSError) -> bool:
    import errno

    codes = {getattr(errno, name) for name in _OUTPUT_ERRNOS if hasattr(errno, name)}
    return exc.errno in codes and exc.filename is None


def _reason(exc: OSError) -> str:
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OUTPUT_ERRNOS.get(name, exc.strerror or str(exc))


def _drop_stdout() -> None:
    """Point the standard output at /dev/null, so Python's final flush cannot fail again."""
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by a test or an embedding program
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


def _click_exit(exc: Exception, command: str | None = None) -> int | None:
    """Click's own exceptions: usage errors in Russian, exit 2; abort; exit."""
    if "typer" not in sys.modules:
        return None  # the fast path of `check` never imported Click: not one of its exceptions
    import typer

    try:
        from typer._click import exceptions as cx
    except ImportError:  # pragma: no cover - typer with an external click
        from click import exceptions as cx  # type: ignore[no-redef]  # the same module, found elsewhere
    if isinstance(exc, typer.Exit):
        if isinstance(exc.__cause__, KeyboardInterrupt):
            _error("прервано")
        return int(exc.exit_code or 0)
    if isinstance(exc, typer.Abort):
        _error("прервано")
        return EXIT_INTERRUPTED
    if isinstance(exc, cx.UsageError):
        _error(_usage_message(exc, cx), _usage_hint(exc, command))
        return EXIT_USAGE
    if isinstance(exc, cx.ClickException):
        _error(exc.format_message())
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


def _error(message: str, hint: str | None = None, details: tuple[str, ...] = ()) -> None:
    try:
        sys.stderr.write(f"roadmapctl: ошибка: {message}\n")
        for line in details:
            sys.stderr.write(f"  {line}\n")
        if hint:
            sys.stderr.write(f"  {hint}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed or full too: the exit code still tells
        pass


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(run())
