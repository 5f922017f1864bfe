"""`roadmapctl stats`: execution discipline by executor, section or file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from roadmapctl.output.tables import Column
    from roadmapctl.tracking.service import TrackedFile
    from roadmapctl.tracking.stats import By, Report, Tally

FORMATS = ("text", "json", "csv", "markdown", "xlsx")
GROUPS: tuple[By, ...] = ("executor", "section", "file")  # = roadmapctl.tracking.stats.BY
BY_NAMES = {"executor": "по исполнителям", "section": "по разделам", "file": "по файлам"}
BY_HEADERS = {"executor": "Исполнитель", "section": "Раздел", "file": "Файл"}
BAR = 20  # characters of the on-time bar on a terminal
NOTE = ("Ко — доля сроков, выполненных в срок (с учётом переносов), от наступивших; "
        "опоздание — среднее число дней опоздания и просрочки.")


def run(paths: Sequence[str], as_of: date, by: By, executor: str | None, fmt: str,
        out: IO[str] | None = None, encoding: str = "auto", jobs: int | None = None) -> int:
    from roadmapctl.commands.readout import skipped_lines, unread_note, warn
    from roadmapctl.output import tables as reports
    from roadmapctl.tracking.service import find, iter_tracked, require_executor
    from roadmapctl.tracking.stats import discipline

    out = out or sys.stdout
    files, loaded = find(paths)
    read = 0

    def counted() -> Iterator[TrackedFile]:
        nonlocal read
        for file in iter_tracked(files, as_of, loaded, executor, encoding=encoding, jobs=jobs):
            read += 1
            yield file

    report = discipline(counted(), as_of, by, executor, several=len(files) > 1)
    with params.options({"executor": "--executor"}):
        require_executor(executor, loaded)
    warn([*loaded.warnings, *skipped_lines(loaded.skipped)])
    if loaded.broken and fmt in ("text", "markdown"):
        out.write(unread_note([f.path for f in loaded.skipped], read) + "\n\n")
    rows = [record(t) for t in report.groups]
    total = record(report.total)
    if fmt == "json":
        out.write(reports.to_json({"as_of": as_of.isoformat(), "by": by,
                                   "groups": rows, "total": total}))
    elif fmt == "csv":
        out.write(reports.to_csv([reports.Column(c.key, c.key) for c in columns(by)], [*rows, total]))
    elif fmt == "markdown":
        out.write(markdown(report, as_of, by))
    elif reports.is_terminal(out) and report.total.due and reports.fits(
            columns(by), [*rows, total], reports.console(out).width - BAR - 3):
        terminal(report, as_of, by, out)
    else:
        out.write(plain(report, as_of, by))
    return EXIT_USAGE if loaded.broken else EXIT_OK


def record(tally: Tally) -> dict[str, Any]:
    return tally.record()


def columns(by: str) -> list[Column]:
    from roadmapctl.output.tables import Column

    return [Column("group", BY_HEADERS[by]), Column("due", "Наступило", True),
            Column("on_time", "В срок", True), Column("late", "С опозданием", True),
            Column("overdue", "Просрочено", True), Column("extended", "Продлено", True),
            Column("on_time_share", "Ко, %", True), Column("average_delay", "Опоздание, дн.", True)]


def title(as_of: date, by: str) -> str:
    from roadmapctl.model.ru import date_numeric

    return f"Исполнительская дисциплина на {date_numeric(as_of)} ({BY_NAMES[by]})"


def plain(report: Report, as_of: date, by: str) -> str:
    """Numbers first, the (long) name last, so nothing has to wrap."""
    from roadmapctl.output.tables import plain_table

    if not report.total.due:
        return f"{title(as_of, by)}\n\nНаступивших сроков нет.\n"
    cols = columns(by)
    rows = [record(t) for t in report.groups] + [record(report.total)]
    return f"{title(as_of, by)}\n\n{plain_table(cols[1:] + cols[:1], rows)}\n{NOTE}\n"


def markdown(report: Report, as_of: date, by: str) -> str:
    """A heading and a table for a wiki page or a letter; the total is the last row, in bold."""
    from roadmapctl.output.tables import to_markdown

    if not report.total.due:
        return f"# {title(as_of, by)}\n\nНаступивших сроков нет.\n"
    total = {**record(report.total), "group": f"**{report.total.label}**"}
    table = to_markdown(columns(by), [record(t) for t in report.groups] + [total]).rstrip()
    return f"# {title(as_of, by)}\n\n{table}\n\n{NOTE}\n"


def terminal(report: Report, as_of: date, by: str, out: IO[str]) -> None:
    from rich.bar import Bar
    from rich.table import Table

    from roadmapctl.output.tables import cell, console, least_width

    con = console(out)
    table = Table(title=title(as_of, by), title_justify="left", header_style="bold")
    cols = columns(by)
    rows = [record(tally) for tally in [*report.groups, report.total]]
    for c in cols:
        table.add_column(c.header, justify="right" if c.right else "left", overflow="fold",
                         no_wrap=c.one_line, min_width=least_width(c, rows))
    table.add_column("", width=BAR, no_wrap=True)
    for number, (tally, row) in enumerate(zip([*report.groups, report.total], rows, strict=True)):
        share = tally.share or 0.0
        colour = "green" if share >= 90 else "yellow" if share >= 70 else "red"
        table.add_row(*(cell(row[c.key]) for c in cols), Bar(100, 0, share, width=BAR, color=colour),
                      end_section=number == len(report.groups) - 1)
    con.print(table)
    con.print(NOTE)


def register(app: typer.Typer) -> None:
    @app.command("stats", cls=RussianCommand)
    def stats_command(
        paths: list[str] = params.PATHS,
        as_of: str = params.AS_OF,
        group_by: str = params.group_by(GROUPS, "executor", "executor — по исполнителям, "
                                                            "section — по разделам, file — по файлам"),
        old_by: str = params.hidden_alias("--by"),  # until 0.3: the old name of --group-by
        executor: str = params.EXECUTOR,
        fmt: str = params.fmt(FORMATS),
        output: str = params.OUTPUT,
        encoding: str = params.ENCODING,
        jobs: int = params.JOBS,
    ) -> int:
        """Исполнительская дисциплина: сроков наступило, выполнено в срок, с опозданием,
        просрочено, продлено; Ко = в срок ÷ наступило × 100 %; среднее опоздание.

        Код выхода 0, 2 — ошибка в аргументах или в картах.
        """
        from roadmapctl.commands.options import choice, output_format, today_or
        from roadmapctl.commands.options import encoding as codec

        by = choice(old_by, GROUPS, "--by") if old_by is not None else choice(group_by, GROUPS, "--group-by")
        day = today_or(as_of)
        return params.to_output(
            lambda form, out: run(paths or [], day, by, executor, form, out, encoding=codec(encoding), jobs=jobs),
            output_format(fmt, FORMATS), output, "Дисциплина", title(day, by), counts=True,
            headers={"group": BY_HEADERS[by]})
