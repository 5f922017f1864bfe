"""Command-line parameters several commands share, declared once.

Typer reads these as the defaults of command functions; declaring each
shared option here keeps its spelling, metavar and Russian help the same in
every command (docs/cli.md lists them; tests/test_cli_conventions.py checks
both against the commands' real options).  Completion of values comes from
`commands.complete`.  Commands never import each other: what they share
lives here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import typer

from roadmapctl.commands import complete
from roadmapctl.errors import UsageError, ValueRefused

STDIN_NOTE = "«-» — стандартный ввод"

PATHS = typer.Argument(
    None, metavar="ПУТИ",
    help=f"Файлы или папки с картами (.yaml, .yml); {STDIN_NOTE}; по умолчанию папка roadmaps/.",
    show_default=False,
)
AS_OF = typer.Option(
    None, "--as-of", metavar="ДАТА",
    help="Считать сегодняшней эту дату (2024-03-15 или 15.03.2024); по умолчанию — сегодня.",
)
JOBS = typer.Option(
    0, "--jobs", "-j", metavar="N", min=0, show_default=False,
    help="Сколько процессов использовать для многих файлов; 0 (по умолчанию) — по числу ядер.",
)
ENCODING = typer.Option(
    "auto", "--encoding", metavar="КОДИРОВКА", show_default=False,
    help="Кодировка файлов карт, например cp1251; по умолчанию UTF-8.",
    autocompletion=complete.encodings,
)
EXECUTOR = typer.Option(
    None, "--executor", "-e", metavar="ТЕКСТ",
    help="Только мероприятия исполнителя: идентификатор, краткое или полное наименование или их "
         "часть (без учёта регистра, ё = е). Точное совпадение важнее: «ОО» — без «ООО».",
    autocompletion=complete.executors,
)
GROUP_BY_HELP = "executor — по исполнителям, file — по файлам"
# The overwrite rule is output.py's: without --force a file roadmapctl wrote itself is still replaced.
FORCE = typer.Option(False, "--force", help="Перезаписать существующий файл (свой прежний документ roadmapctl "
                                            "заменяет и без --force; входной файл — никогда).")
OUTPUT = typer.Option(
    None, "--output", "-o", metavar="ПУТЬ", show_default=False,
    help="Записать отчёт в файл (для xlsx — обязательно, если вывод на терминал); «-» — стандартный вывод.",
)


def to_output(produce: Any, fmt: str, output: Any, title: str, caption: str, counts: bool = False,
              headers: dict[str, str] | None = None) -> int:
    """Run a text report into a file or make its XLSX from its own CSV (list, overdue, stats).

    `produce(fmt, out)` is the command's run with everything else bound; it
    returns the exit code.  Without `-o` and not XLSX, it prints as usual.
    """
    import io
    import sys

    from roadmapctl.reporting.emit import csv_workbook, emit

    if fmt != "xlsx" and (output is None or str(output) == "-"):
        return int(produce(fmt, sys.stdout))
    buffer = io.StringIO()
    code = int(produce("csv" if fmt == "xlsx" else fmt, buffer))
    if fmt == "xlsx":
        data = csv_workbook(buffer.getvalue(), title, caption, headers, counts=counts)
    else:
        data = buffer.getvalue().encode("utf-8")
    with options({"output": "--output"}):
        emit(data, output, "XLSX" if fmt == "xlsx" else None)
    return code
ROADMAP = typer.Argument(..., metavar="КАРТА", help="Файл дорожной карты (.yaml).")
# The item an edit (done, extend) is about: how it is addressed everywhere.
ITEM = typer.Argument(
    ..., metavar="МЕРОПРИЯТИЕ", autocompletion=complete.items,
    help="Номер как в карте (1.2 или 1.2.), ключ key или подпункт без номера: "
         "5.2.5/3 — третий подпункт 5.2.5.",
)


def roadmap_or_stdin() -> Any:
    """The one roadmap a command reads, where «-» may stand for standard input."""
    return typer.Argument(..., metavar="КАРТА", help=f"Файл дорожной карты (.yaml); {STDIN_NOTE}.")


def fmt(values: tuple[str, ...], default: str | None = "text", note: str = "") -> Any:
    """`--format/-f`: the same name and wording everywhere; «text» is what people read."""
    listed = ", ".join(values[:-1]) + " или " + values[-1] if len(values) > 1 else values[0]
    return typer.Option(
        default, "--format", "-f", metavar="ФОРМАТ", show_default=False,
        help=f"Формат вывода: {listed}" + (f"; по умолчанию {default}" if default else "")
             + (f"; {note}" if note else "") + ".",
        autocompletion=complete.values(values),
    )


def group_by(values: tuple[str, ...], default: str, describe: str) -> Any:
    """`--group-by`: how a report is grouped (`overdue`, `stats`)."""
    return typer.Option(
        default, "--group-by", metavar="ПО", show_default=False,
        help=f"Группировать: {describe}; по умолчанию {default}.",
        autocompletion=complete.values(values),
    )


def hidden_alias(name: str) -> Any:
    """An old spelling kept for one release so cron lines do not break; not shown in help."""
    return typer.Option(None, name, hidden=True)


def status() -> Any:
    """`--status`: English values or the Russian words the tool prints."""
    from roadmapctl.model.vocabulary import STATUS_NAMES

    listed = ", ".join(f"{name} ({value})" for value, name in STATUS_NAMES.items())
    return typer.Option(
        None, "--status", metavar="СТАТУС",
        help=f"Только с этим статусом: {listed}; можно несколько: --status запланировано,выполняется.",
        autocompletion=complete.statuses,
    )


@contextmanager
def options(names: dict[str, str], hints: dict[str, str] | None = None) -> Iterator[None]:
    """Domain refusals of values re-raised with the option that carried the value.

    Domain modules raise `ValueRefused(field=…)` and never name options; the
    command says which of its options fills which field: `{"to": "--to"}`.
    `hints` replace the domain's hint where the better advice names an option.
    """
    try:
        yield
    except ValueRefused as exc:
        option = names.get(exc.field)
        if option is None:
            raise
        message = f"{option}: {exc.message}" if exc.given else exc.message
        hint = (hints or {}).get(exc.field) or exc.hint
        if exc.example is not None:
            hint = f"{hint}, например: {option} {exc.example}" if hint else f"например: {option} {exc.example}"
        raise UsageError(message, hint) from None


def past_date(text: str | None, option: str, today: date) -> date:
    """A date option that defaults to today and must not lie in the future."""
    from roadmapctl.commands.options import parse_date
    from roadmapctl.model.ru import date_numeric

    day = parse_date(text, option) or today
    if day > today:
        raise UsageError(f"{option}: дата {date_numeric(day)} ещё не наступила "
                         f"(сегодня {date_numeric(today)})")
    return day
