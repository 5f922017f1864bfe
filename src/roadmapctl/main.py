"""Entry point: builds the command line and maps failures to exit codes.

Each subcommand lives in `commands/<name>.py` and registers itself on the
app; heavy libraries are imported inside the command that needs them, so
`roadmapctl check` (run on every commit) starts fast.

Exit codes: 0 — всё в порядке; 1 — найдены замечания (или просрочки, или
различия); 2 — ошибка в аргументах или входных файлах; 3 — внутренняя
ошибка roadmapctl; 130 — прервано (Ctrl-C); 141 — вывод закрыт читателем
посередине (`| head`).
"""

from __future__ import annotations

import gc
import sys
from functools import cache
from importlib import import_module

from roadmapctl import __version__
from roadmapctl.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PIPE,
    EXIT_USAGE,
    OutputClosed,
    OutputExists,
    RoadmapctlError,
)

# `typing` is not imported for this: `--help` and `check` start without it (mypy reads the name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

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
        from roadmapctl.commands import fastcheck, mainhelp

        result = mainhelp.answer(args)
        if result is None:
            result = fastcheck.dispatch(args)
        if result is None:
            click_command = _click_command(command)
            gc.enable()  # the app is built (see entry)
            result = click_command(args=args, prog_name="roadmapctl", standalone_mode=False)
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
    except (BrokenPipeError, OutputClosed):  # `roadmapctl list | head -1`: the reader went away mid-way
        _drop_stdout()
        return EXIT_PIPE
    except OSError as exc:
        if not _output_failed(exc):
            return _internal(exc, debug)
        _drop_stdout()
        _error(f"не удалось вывести результат: {_reason(exc)}",
               "проверьте, куда перенаправлен вывод (место на диске, права)")
        return EXIT_USAGE
    except Exception as exc:  # the one place that maps everything (exit 3)
        from roadmapctl.commands.usage import click_exit

        handled = click_exit(exc, command, _error)
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
    """Console-script entry point (and `python -m roadmapctl`).

    Start-up creates tens of thousands of objects that live as long as the
    process (modules, classes, functions); the cyclic collector would walk
    them again and again while they are imported.  It is off until the
    command's imports are done: `fastcheck` and `run` turn it back on.
    """
    gc.disable()
    raise SystemExit(run())
