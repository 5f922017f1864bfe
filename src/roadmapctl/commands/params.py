"""Command-line parameters several commands share, declared once.

Typer reads these as the defaults of command functions; sharing them keeps
the Russian help of `check`, `overdue`, `list`, `stats` and `calendar` in
step.  Commands never import each other: what they share lives here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import typer

from roadmapctl.errors import UsageError, ValueRefused

PATHS = typer.Argument(
    None, metavar="ПУТИ",
    help="Файлы или папки с картами (.yaml, .yml); по умолчанию папка roadmaps/.",
    show_default=False,
)
AS_OF = typer.Option(
    None, "--as-of", metavar="ДАТА",
    help="Считать сегодняшней эту дату (2024-03-15 или 15.03.2024); по умолчанию — сегодня.",
)
EXECUTOR = typer.Option(
    None, "--executor", "-e", metavar="ТЕКСТ",
    help="Только мероприятия исполнителя: идентификатор, краткое или полное наименование или их "
         "часть (без учёта регистра, ё = е). Точное совпадение важнее: «ОО» — без «ООО».",
)
JOBS = typer.Option(
    0, "--jobs", "-j", metavar="N", min=0,
    help="Сколько процессов использовать для многих файлов; 0 — по числу ядер.",
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
    from roadmapctl.options import parse_date
    from roadmapctl.ru import date_numeric

    day = parse_date(text, option) or today
    if day > today:
        raise UsageError(f"{option}: дата {date_numeric(day)} ещё не наступила "
                         f"(сегодня {date_numeric(today)})")
    return day
