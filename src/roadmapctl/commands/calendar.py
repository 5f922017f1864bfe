"""`roadmapctl calendar`: control dates as an iCalendar (.ics) file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK


def run(paths: Sequence[str], output: Path, executor: str | None, force: bool,
        encoding: str = "auto", jobs: int | None = None) -> int:
    from datetime import date
    from functools import partial

    from roadmapctl.commands.readout import refuse_skipped, warn
    from roadmapctl.model.ru import count
    from roadmapctl.output import is_stdout, write_output
    from roadmapctl.tracking.calendar_export import FOOTER, HEADER, file_part
    from roadmapctl.tracking.service import find, iter_kept, require_executor

    # Control dates do not depend on «today»; as_of only decides states, unused here.
    # Each roadmap comes back as the text of its events: the calendar holds no models.
    # One growing buffer, written as is: no second copy of a region's calendar to join it.
    data, total, used = bytearray(HEADER), 0, []
    with params.options({"executor": "--executor"}):
        files, loaded = find(paths)
        keep = partial(file_part, executor=executor)
        for path, text, events in iter_kept(files, date.max, loaded, keep, executor, encoding=encoding, jobs=jobs):
            data += text
            total += events
            used.append(path)
        require_executor(executor, loaded)
    warn(loaded.warnings)
    if loaded.broken:
        # A calendar without a skipped roadmap would delete its events from every subscriber's feed:
        # like every command that builds something, calendar refuses roadmaps with errors.
        refuse_skipped(loaded.skipped, f"календарь {output} не записан")
    data += FOOTER
    # bytes: the CRLF line ends iCalendar requires, on any OS
    write_output(output, data, inputs=[*paths, *used], force=force, suffixes=(".ics",))
    if is_stdout(output):
        return EXIT_OK
    maps = count(len(used), "карты", "карт", "карт")
    sys.stdout.write(f"Записан календарь {output}: {count(total, 'событие', 'события', 'событий')} "
                     f"из {maps}.\n")
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("calendar", cls=RussianCommand)
    def calendar_command(
        paths: list[str] = params.PATHS,
        output: Path = typer.Option(
            ..., "--output", "-o", metavar="ПУТЬ",
            help="Куда записать календарь, например deadlines.ics; «-» — в стандартный вывод.",
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
        from roadmapctl.commands.options import encoding as codec

        return run(paths or [], output, executor, force, codec(encoding), jobs)
