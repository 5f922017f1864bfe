"""`roadmapctl when`: show how a deadline phrase is understood."""

from __future__ import annotations

import json
import sys

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError

KIND_NAMES = {
    "date": "дата",
    "window": "период",
    "recurring": "повторяющийся срок",
    "continuous": "постоянно (без срока)",
}


def run(phrase: str, period_text: str, fmt: str) -> int:
    from roadmapctl.deadlines import Unparsed, parse_deadline
    from roadmapctl.model.period import PeriodError, parse_period
    from roadmapctl.model.ru import count, date_numeric

    try:
        period = parse_period(period_text)
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from None
    result = parse_deadline(phrase, period)
    if isinstance(result, Unparsed):
        if fmt == "json":
            sys.stdout.write(json.dumps(
                {"error": result.message, "offset": result.offset, "fragment": result.fragment},
                ensure_ascii=False) + "\n")
        sys.stderr.write(f"roadmapctl: {result.message}\n"
                         f"  перепишите срок или укажите в карте рядом с ним явную дату: due: "
                         f"{period.end.isoformat()}\n")
        return EXIT_FINDINGS
    occurrences = [
        {"start": o.start.isoformat() if o.start else None, "due": o.due.isoformat()}
        for o in result.occurrences
    ]
    if fmt == "json":
        data = {"phrase": phrase, "period": period.text, "kind": result.kind,
                "occurrences": occurrences, "remark": result.remark, "rrule": result.rrule}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lines = [f"Срок: «{phrase.strip()}»",
             f"Период: {date_numeric(period.start)} – {date_numeric(period.end)}",
             f"Вид: {KIND_NAMES[result.kind]}"]
    if result.remark:
        lines.append(f"Примечание (не влияет на срок): {result.remark}")
    if result.occurrences:
        lines.append(count(len(result.occurrences), "срок", "срока", "сроков").capitalize() + ":")
        for o in result.occurrences:
            span = f"{date_numeric(o.start)} – " if o.start else "до "
            lines.append(f"  {span}{date_numeric(o.due)}")
    else:
        lines.append("Контрольных сроков нет: мероприятие не бывает просроченным.")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("when", cls=RussianCommand)
    def when_command(
        phrase: str = typer.Argument(..., metavar="ФРАЗА", help="Срок, как он написан в документе."),
        period: str = typer.Option(
            ..., "--period", "-p", metavar="ПЕРИОД",
            help="Период карты: 2023/2024 (учебный год), 2021-2025 (годы) "
                 "или 2021-06-01..2022-08-31.",
        ),
        fmt: str = params.fmt(("text", "json")),
    ) -> int:
        """Показать, как понимается срок: вид и контрольные даты.

        Пример:

        \b
          roadmapctl when "Октябрь – ноябрь" --period 2023/2024

        Код выхода 1, если фразу понять не удалось: тогда перепишите срок
        или укажите в карте рядом с ним явную дату (due: 2024-05-31).
        """
        from roadmapctl.commands.options import output_format

        return run(phrase, period, output_format(fmt, ("text", "json")))
