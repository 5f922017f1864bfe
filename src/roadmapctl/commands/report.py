"""`roadmapctl report`: the execution report («информация об исполнении») for a period."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    from roadmapctl.reporting.execution import ExecutionReport
    from roadmapctl.tracking.service import Loaded

FORMATS = ("text", "markdown", "json", "html", "docx", "xlsx")
BINARY = ("docx", "xlsx")
SUFFIXES = {".txt": "text", ".md": "markdown", ".json": "json", ".html": "html", ".htm": "html",
            ".docx": "docx", ".xlsx": "xlsx"}


def choose_format(fmt: str | None, output: Path | None) -> str:
    """`--format`, else the output's extension, else text."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(f"--format: «{fmt}» — допустимо {', '.join(FORMATS)}")
        return fmt
    if output is not None and str(output) != "-":
        suffix = output.suffix.lower()
        if suffix not in SUFFIXES:
            raise UsageError(f"--output: по расширению «{suffix or 'без расширения'}» не понять формат",
                             f"укажите --format ({', '.join(FORMATS)}) или файл .docx, .html, .xlsx, .md, .json, .txt")
        return SUFFIXES[suffix]
    return "text"


def run(paths: Sequence[str], as_of: date, since: date | None, fmt: str, output: Path | None,
        executor: str | None, charts: bool) -> int:
    from roadmapctl.commands.readout import refuse_skipped, warn
    from roadmapctl.reporting.execution import build_report
    from roadmapctl.tracking.service import load_tracked

    if since is not None and since > as_of:
        raise UsageError("--from: начало отчётного периода позже даты отчёта (--as-of)")
    if fmt in BINARY and (output is None or str(output) == "-") and sys.stdout.isatty():
        raise UsageError(f"отчёт {fmt.upper()} не выводится на терминал",
                         f"укажите файл: -o отчёт.{fmt}")
    with params.options({"executor": "--executor"}):
        loaded = load_tracked(paths, as_of, executor)
    warn(loaded.warnings)
    if loaded.broken:  # the reading policy: a document is not built from roadmaps with errors
        refuse_skipped(loaded.skipped, "отчёт не составлен")
    report = build_report(filtered(loaded, executor), as_of, since)
    data = render(report, fmt, charts)
    from roadmapctl.output import is_stdout, write_output

    # A report is regenerated (cron): it replaces its old file, never an input or a roadmap.
    inputs = [*paths, *(f.path for f in loaded.files)]
    write_output("-" if output is None else output, data, inputs=inputs, force=True,
                 binary=fmt.upper() if fmt in BINARY else None)
    if output is None or is_stdout(output):
        return EXIT_OK
    sys.stderr.write(f"Записан отчёт {output}\n")
    return EXIT_OK


def filtered(loaded: Loaded, executor: str | None) -> Loaded:
    """Only the items of `executor`, when one is named (a school reporting on its own part)."""
    if not executor:
        return loaded
    from dataclasses import replace

    from roadmapctl.tracking.service import TrackedFile, executor_filter

    matches = executor_filter(executor)
    files = [TrackedFile(f.path, f.roadmap, [i for i in f.items if matches(f.roadmap, i)])
             for f in loaded.files]
    return replace(loaded, files=[f for f in files if f.items])


def render(report: ExecutionReport, fmt: str, charts: bool) -> bytes:
    from roadmapctl.reporting import text

    if fmt == "text":
        return text.to_text(report).encode("utf-8")
    if fmt == "markdown":
        return text.to_markdown(report).encode("utf-8")
    if fmt == "json":
        return text.to_json(report).encode("utf-8")
    if fmt == "html":
        from roadmapctl.reporting.html import report_html

        return report_html(report, charts)
    if fmt == "docx":
        from roadmapctl.reporting.docx import report_docx

        return report_docx(report, charts)
    from roadmapctl.reporting.sheets import report_sheets
    from roadmapctl.reporting.xlsx import workbook

    return workbook(report_sheets(report))


def register(app: typer.Typer) -> None:
    @app.command("report", cls=RussianCommand)
    def report_command(
        paths: list[str] = params.PATHS,
        as_of: str = params.AS_OF,
        since: str = typer.Option(
            None, "--from", metavar="ДАТА",
            help="Начало отчётного периода (например, начало квартала); по умолчанию — с начала периода карты.",
        ),
        fmt: str = params.fmt(("text", "markdown", "json", "html", "docx", "xlsx"), default=None,
                              note="по умолчанию — по расширению файла -o, иначе text"),
        output: Path = typer.Option(
            None, "--output", "-o", metavar="ПУТЬ",
            help="Куда записать отчёт (.docx, .html, .xlsx, .md, .json, .txt); «-» или без -o — в стандартный вывод.",
        ),
        executor: str = params.EXECUTOR,
        charts: bool = typer.Option(True, "--charts/--no-charts", help="Диаграммы в HTML и DOCX."),
    ) -> int:
        """Информация об исполнении дорожной карты на дату: по каждому мероприятию — контрольные
        сроки, что выполнено и когда, чем подтверждено, что просрочено и почему; сводка по
        разделам и исполнителям с показателем Ко (тот же, что в roadmapctl stats).

        Код выхода 0; 2 — ошибка в аргументах или в картах (отчёт не составляется).
        """
        from roadmapctl.commands.options import parse_date, today_or

        day = today_or(as_of)
        out = Path(output) if output is not None else None
        return run(paths or [], day, parse_date(since, "--from"), choose_format(fmt, out), out,
                   executor, charts)
