"""`roadmapctl list`: every item with its control dates and what became of them."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, EXIT_USAGE, UsageError

if TYPE_CHECKING:
    from roadmapctl.model.roadmap import Status
    from roadmapctl.output.tables import Column
    from roadmapctl.tracking import Tracked, TrackedItem
    from roadmapctl.tracking.service import TrackedFile


@dataclass(frozen=True, slots=True)
class Row:
    """What the report shows of one item: a region's list holds these, never the roadmaps' models."""

    path: str
    line: int
    address: str  # «1.2», «5.2.5/3»
    title: str
    executors: tuple[str, ...]  # labels
    phrase: str | None
    kind: str | None
    status: Status
    deadline: str  # the deadline as the text and table formats show it
    dates: tuple[str, ...]  # the control dates shown, in words: «до 31.10.2023 — не выполнено»
    occs: tuple[Dates, ...]  # the same, as data


class Dates(NamedTuple):
    """A control date as the data formats show it: the dates, not the records behind them."""

    start: date | None
    due: date  # as extended
    original_due: date
    done: date | None
    state: str


FORMATS = ("text", "json", "csv", "markdown", "xlsx")


def run(paths: Sequence[str], as_of: date, executor: str | None, statuses: set[str] | None,
        start: date | None, end: date | None, fmt: str, out: IO[str] | None = None,
        encoding: str = "auto", jobs: int | None = None) -> int:
    from roadmapctl.commands.readout import skipped_lines, unread_note, warn
    from roadmapctl.output import tables as reports
    from roadmapctl.tracking.service import find, iter_kept, require_executor

    out = out or sys.stdout
    rows: list[Row] = []
    used = 0
    with params.options({"executor": "--executor"}):
        files, loaded = find(paths)
        keep = partial(pick, executor=executor, statuses=statuses, start=start, end=end)
        for kept in iter_kept(files, as_of, loaded, keep, executor, encoding=encoding, jobs=jobs):
            rows += kept
            used += 1
        require_executor(executor, loaded)
    warn([*loaded.warnings, *skipped_lines(loaded.skipped)])
    if loaded.broken and fmt in ("text", "markdown"):
        out.write(unread_note([f.path for f in loaded.skipped], used) + "\n\n")
    if fmt == "json":
        out.write(reports.to_json([record(row) for row in rows]))
    elif fmt == "csv":
        out.write(reports.to_csv(csv_columns(), [line for row in rows for line in csv_lines(row)]))
    elif fmt == "markdown":
        table = reports.to_markdown(table_columns(), shown(rows)).rstrip() if rows else ""
        out.write(f"# {header(len(rows), as_of, start, end)}\n" + (f"\n{table}\n" if table else ""))
    elif reports.is_terminal(out) and reports.fits(table_columns(), shown(rows), reports.console(out).width):
        con = reports.console(out)
        con.print(header(len(rows), as_of, start, end), style="bold")
        con.print(reports.rich_table(table_columns(), shown(rows)))
    else:
        out.writelines(plain(rows, as_of, start, end))
    return EXIT_USAGE if loaded.broken else EXIT_OK


def pick(file: TrackedFile, executor: str | None, statuses: set[str] | None, start: date | None,
         end: date | None) -> list[Row]:
    """The rows of one roadmap: every item that passes the filters, with the control dates shown.

    Runs where the file was read (`iter_kept`): only the rows come back.
    """
    from roadmapctl.tracking.service import executor_filter, executor_labels

    matches = executor_filter(executor)
    window = start is not None or end is not None
    rows = []
    for item in file.items:
        if statuses and item.item.status not in statuses:
            continue
        if not matches(file.roadmap, item):
            continue
        occs = tuple(o for o in item.occurrences if overlaps(o, start, end))
        if window and not occs:
            continue
        rows.append(Row(file.path, item.line, item.address, item.item.title,
                        tuple(executor_labels(file.roadmap, item.executors)), item.phrase, item.kind,
                        item.item.status, _deadline_text(item), tuple(_dates(occs)),
                        tuple(Dates(o.start, o.effective_due, o.due, o.done_on, o.state) for o in occs)))
    return rows


def overlaps(occ: Tracked, start: date | None, end: date | None) -> bool:
    """Whether the control date's window meets [start, end]: «что у нас в октябре?» takes in
    «В течение года» and «Сентябрь – апрель», not only what is due in October."""
    first = min(occ.start, occ.effective_due) if occ.start else occ.effective_due
    return (start is None or occ.effective_due >= start) and (end is None or first <= end)


def header(total: int, as_of: date, start: date | None, end: date | None) -> str:
    from roadmapctl.model.ru import count, date_numeric

    found = count(total, "мероприятие", "мероприятия", "мероприятий")
    bounds = ((f" с {date_numeric(start)}" if start else "")
              + (f" по {date_numeric(end)}" if end else ""))
    head = f"Срок{bounds}: {found}" if bounds else found.capitalize()
    return f"{head} (на {date_numeric(as_of)})"


def _deadline_text(item: TrackedItem) -> str:
    from roadmapctl.deadlines import Unparsed
    from roadmapctl.output import tables as reports

    if item.phrase is None:
        return reports.phrase(None) if item.pinned else "не указан"
    if isinstance(item.deadline, Unparsed):
        return f"«{item.phrase}» — не удалось разобрать (см. roadmapctl check)"
    if item.kind == "continuous":
        return f"«{item.phrase}» — без контрольных дат"
    return reports.phrase(item.phrase)


def _dates(occs: tuple[Tracked, ...]) -> list[str]:
    from roadmapctl.output import tables as reports

    return [f"{reports.span(o)}{reports.moved(o)} — {reports.outcome(o)}" for o in occs]


def plain(rows: list[Row], as_of: date, start: date | None,
          end: date | None) -> Iterator[str]:
    """The text report, a row at a time: a region's list is not held twice before it is written."""
    from roadmapctl.model.vocabulary import STATUS_NAMES
    from roadmapctl.output import tables as reports

    yield header(len(rows), as_of, start, end) + "\n"
    for row in rows:
        lines = [
            "",
            f"{row.path}:{row.line}: {row.address} {row.title}",
            f"    Исполнители: {reports.names(row.executors)}",
            f"    Статус: {STATUS_NAMES[row.status]}",
        ]
        if len(row.dates) == 1:
            lines.append(f"    Срок: {row.deadline}: {row.dates[0]}")
        else:
            lines.append(f"    Срок: {row.deadline}")
            lines += [f"      {line}" for line in row.dates]
        yield "\n".join(lines) + "\n"


def table_columns() -> list[Column]:
    from roadmapctl.output.tables import Column

    return [Column("item", "№", wrap=False), Column("title", "Мероприятие"),
            Column("executors", "Исполнители"), Column("deadline", "Срок"),
            Column("dates", "Контрольные даты"), Column("status", "Статус", wrap=False)]


def shown(rows: list[Row]) -> list[dict[str, Any]]:
    return [display(row) for row in rows]


def display(row: Row) -> dict[str, Any]:
    from roadmapctl.model.vocabulary import STATUS_NAMES
    from roadmapctl.output import tables as reports

    return {"item": row.address, "title": row.title, "executors": reports.names(row.executors),
            "deadline": row.deadline, "dates": "\n".join(row.dates),
            "status": STATUS_NAMES[row.status]}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def occurrence(o: Dates) -> dict[str, Any]:
    return {"start": _iso(o.start), "due": o.due.isoformat(), "original_due": o.original_due.isoformat(),
            "done": _iso(o.done), "state": o.state}


def record(row: Row) -> dict[str, Any]:
    return {"file": row.path, "line": row.line, "item": row.address, "title": row.title,
            "executors": list(row.executors), "deadline": row.phrase,
            "kind": row.kind, "occurrences": [occurrence(o) for o in row.occs],
            "status": row.status}


def csv_columns() -> list[Column]:
    from roadmapctl.output.tables import Column

    keys = ("file", "line", "item", "title", "executors", "deadline", "status", "start", "due",
            "original_due", "done", "state")
    return [Column(key, key) for key in keys]


def csv_lines(row: Row) -> list[dict[str, Any]]:
    """One CSV line per control date (one with empty dates for an item without any)."""
    base = record(row)
    del base["occurrences"], base["kind"]
    return [{**base, **occurrence(o)} for o in row.occs] or [base]


def register(app: typer.Typer) -> None:
    @app.command("list", cls=RussianCommand)
    def list_command(
        paths: list[str] = params.PATHS,
        executor: str = params.EXECUTOR,
        status: list[str] = params.status(),
        start: str = typer.Option(
            None, "--from", metavar="ДАТА",
            help="Только то, срок чего (окно исполнения) не кончается раньше этой даты.",
        ),
        end: str = typer.Option(
            None, "--to", metavar="ДАТА",
            help="Только то, срок чего (окно исполнения) начинается не позже этой даты.",
        ),
        fmt: str = params.fmt(FORMATS),
        output: str = params.OUTPUT,
        as_of: str = params.AS_OF,
        encoding: str = params.ENCODING,
        jobs: int = params.JOBS,
    ) -> int:
        """Все мероприятия (с подпунктами): исполнители, срок, контрольные даты, статус.

        С --from/--to — только то, окно исполнения чего пересекается с этими
        датами («что у нас в октябре?» — и «в течение года», и «сентябрь – апрель»).
        Код выхода 0, 2 — ошибка в аргументах или в картах.
        """
        from roadmapctl.commands.options import encoding as codec
        from roadmapctl.commands.options import output_format, parse_date, statuses, today_or
        from roadmapctl.model.ru import date_numeric

        wanted = statuses(status)
        first, last = parse_date(start, "--from"), parse_date(end, "--to")
        if first and last and last < first:
            raise UsageError(f"--to {date_numeric(last)} раньше --from {date_numeric(first)}")
        day = today_or(as_of)
        return params.to_output(
            lambda form, out: run(paths or [], day, executor, wanted, first, last, form, out,
                                  encoding=codec(encoding), jobs=jobs),
            output_format(fmt, FORMATS), output, "Мероприятия", f"Мероприятия на {date_numeric(day)}")
