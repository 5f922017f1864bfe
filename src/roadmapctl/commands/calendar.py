"""`roadmapctl calendar`: control dates as an iCalendar (.ics) file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import typer

from roadmapctl.clitext import RussianCommand
from roadmapctl.commands import params
from roadmapctl.errors import EXIT_OK


def run(paths: Sequence[str], output: Path, executor: str | None, force: bool,
        encoding: str = "auto", jobs: int | None = None) -> int:
    from datetime import date

    from roadmapctl.calendar_export import build_calendar
    from roadmapctl.commands.readout import refuse_skipped, warn
    from roadmapctl.output import is_stdout, write_output
    from roadmapctl.ru import count
    from roadmapctl.tracking.service import load_tracked

    # Control dates do not depend on «today»; as_of only decides states, unused here.
    with params.options({"executor": "--executor"}):
        loaded = load_tracked(paths, date.max, executor, encoding=encoding, jobs=jobs)
    warn(loaded.warnings)
    if loaded.broken:
        # A calendar without a skipped roadmap would delete its events from every subscriber's feed:
        # like every command that builds something, calendar refuses roadmaps with errors.
        refuse_skipped(loaded.skipped, f"календарь {output} не записан")
    data, total = build_calendar(loaded.files, executor)
    # bytes: the CRLF line ends iCalendar requires, on any OS
    inputs = [*paths, *(f.path for f in loaded.files)]
    write_output(output, data, inputs=inputs, force=force, suffixes=(".ics",))
    if is_stdout(output):
        return EXIT_OK
    files = count(len(loaded.files), "карты", "карт", "карт")
    sys.stdout.write(f"Записан календарь {output}: {count(total, 'событие', 'события', 'событий')} "
                     f"из {files}.\n")
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("calendar", cls=RussianCommand)
    def calendar_command(
        paths: list[str] = params.PATHS,
        output: Path = typer.Option(
            ..., "--output", "-o", metavar="ПУТЬ", help="Куда записать календарь, например deadlines.ics; «-» — в стандартный вывод.",
        ),
        executor: str = params.EXECUTOR,
        force: bool = params.FORCE,
        encoding: str = params.ENCODING,
        jobs: int = params.JOBS,
    ) -> int:
        """Календарь сроков (.ics) для Outlook, Thunderbird, телефона.

        Каждый контрольный срок — событие на весь день; повторяющиеся сроки —
        одно событие с правилом повторения. Код выхода 0, 2 — ошибка в
        аргументах или в картах (тогда файл не записывается).
        """
        from roadmapctl.options import encoding as codec

        return run(paths or [], output, executor, force, codec(encoding), jobs)
