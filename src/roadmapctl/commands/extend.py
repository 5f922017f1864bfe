"""`roadmapctl extend`: record a deadline extension («перенос срока») in the roadmap file."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, UsageError


def run(path: Path, item_text: str, to: date, reason: str, basis: str | None, on: date,
        today: date | None = None) -> int:
    from roadmapctl.editing import completions as edits
    from roadmapctl.model.ru import date_numeric
    from roadmapctl.tracking import track

    if not reason.strip():
        raise UsageError("--reason: укажите причину переноса срока")
    from roadmapctl.editing.lock import edit_lock

    edits.editable(path)
    with edit_lock(path):  # read, plan and write as one step: a concurrent edit waits
        roadmap = edits.load_roadmap(path)
        item = edits.find_item(track(roadmap, on), item_text, path)
        extension, edit = edits.plan_extension(roadmap, item, to, reason.strip(),
                                               basis.strip() if basis else None, on, path)
        if to < on:  # a deadline moved to a day already gone when the move was decided: a typo in the year
            raise UsageError(f"--to: новый срок {date_numeric(to)} уже прошёл на дату переноса {date_numeric(on)}",
                             "проверьте год; перенос, решённый раньше, записывается с его датой: --on ДАТА")
        edits.write_extension(path, item, extension)
    planned = edit.occurrence.due
    was = edit.was or planned
    plan = f" (по плану {date_numeric(planned)})" if was != planned else ""
    sys.stdout.write(f"{path}: мероприятие {item.address} — срок {date_numeric(was)}{plan} "
                     f"перенесён на {date_numeric(to)} (причина: {extension.reason}).\n")
    if today is not None and to < today:  # recorded after the fact (--on in the past)
        sys.stderr.write(f"roadmapctl: предупреждение: новый срок {date_numeric(to)} уже прошёл: "
                         "если мероприятие выполнено, отметьте это: roadmapctl done\n")
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("extend", cls=RussianCommand)
    def extend_command(
        roadmap: Path = params.ROADMAP,
        item: str = params.ITEM,
        to: str = typer.Option(..., "--to", metavar="ДАТА", help="Новый срок."),
        reason: str = typer.Option(..., "--reason", metavar="ТЕКСТ", help="Причина переноса."),
        basis: str = typer.Option(
            None, "--basis", metavar="ТЕКСТ", help="Основание: служебная записка, приказ …",
        ),
        on: str = typer.Option(
            None, "--on", metavar="ДАТА", help="Когда перенесено; по умолчанию сегодня; дата в будущем не принимается.",
        ),
    ) -> int:
        """Перенести срок мероприятия: запись в extensions, исходный срок сохраняется.

        Переносится первый невыполненный срок (для неповторяющихся — и все
        невыполненные сроки до новой даты); overdue считает просрочку от
        нового срока. Срок раньше текущего не принимается (код выхода 2), как и
        срок, уже прошедший на дату переноса (--on, по умолчанию сегодня).
        """
        from roadmapctl.commands.options import parse_date, today_or

        new_due = parse_date(to, "--to")
        if new_due is None:
            raise UsageError("--to: укажите новый срок")
        today = today_or(None)
        return run(roadmap, item, new_due, reason, basis, params.past_date(on, "--on", today), today)
