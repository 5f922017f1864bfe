"""`roadmapctl overdue`: what is overdue today — for people, for cron mail, for programs."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import IO, TYPE_CHECKING, Any

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError

if TYPE_CHECKING:
    from roadmapctl.output.tables import Column
    from roadmapctl.tracking.scan import Entry, Group

    Part = tuple[str, list[Entry], bool]  # heading, entries, whether they are upcoming

FORMATS = ("text", "json", "csv", "markdown", "xlsx")
GROUPS = ("executor", "file", "none")  # = tracking.scan.GROUP_BY


def run(paths: Sequence[str], as_of: date, executor: str | None, within: int | None, fmt: str,
        group_by: str, exit_code: bool, quiet: bool, jobs: int | None = None,
        out: IO[str] | None = None, encoding: str = "auto") -> int:
    from roadmapctl.commands.readout import skipped_lines, unread_note, warn
    from roadmapctl.tracking.scan import scan

    out = out or sys.stdout
    with params.options({"executor": "--executor"}):
        found = scan(paths, as_of, executor, within, jobs, encoding=encoding)
    skipped = found.loaded.skipped
    warn([*found.loaded.warnings, *skipped_lines(skipped)])
    entries = found.entries
    if skipped and fmt in ("text", "markdown"):
        # on stdout, with the report: a cron mail must not read as a good day
        out.write(unread_note([f.path for f in skipped], found.read) + "\n\n")
    if entries or not quiet or skipped:
        out.writelines(render(entries, as_of, executor, within, fmt, group_by, out, partial=bool(skipped)))
    if skipped:
        return EXIT_USAGE
    missed = any(e.group == "overdue" for e in entries)
    return EXIT_FINDINGS if exit_code and missed else EXIT_OK


def render(entries: list[Entry], as_of: date, executor: str | None, within: int | None, fmt: str,
           group_by: str, out: IO[str], partial: bool = False) -> Iterable[str]:
    """The report in pieces (plain text streams line by line: a huge report is never one string);
    `partial` when some roadmaps were skipped: then «нет» is never said."""
    from roadmapctl.output import tables as reports

    overdue = [e for e in entries if e.group == "overdue"]
    upcoming = [e for e in entries if e.group == "upcoming"]
    if fmt == "json":
        return [reports.to_json([record(e, within is not None) for e in entries])]
    if fmt == "csv":
        return [reports.to_csv(csv_columns(within is not None),
                               [record(e, within is not None) for e in entries])]
    parts = [(header(overdue, as_of, executor, partial), overdue, False)]
    if within is not None:
        parts.append((soon_header(upcoming, as_of, within, partial), upcoming, True))
    if fmt == "markdown":
        return [markdown(parts, group_by)]
    if reports.is_terminal(out) and fits(parts, out):
        terminal(parts, group_by, out)
        return []
    return plain(parts, group_by)


def header(overdue: list[Entry], as_of: date, executor: str | None, partial: bool = False) -> str:
    from roadmapctl.model.ru import count, date_numeric

    items = len({(e.file, e.item) for e in overdue})
    who = f", исполнитель «{executor}»" if executor else ""
    if not overdue and partial:
        return (f"В прочитанных картах просроченные мероприятия не найдены (на {date_numeric(as_of)}{who}); "
                "не прочитанные карты не проверены.")
    if not overdue:
        return f"Просроченных мероприятий нет (на {date_numeric(as_of)}{who})."
    head = f"Просрочено {count(items, 'мероприятие', 'мероприятия', 'мероприятий')}"
    if len(overdue) != items:
        head += f" — {count(len(overdue), 'контрольный срок', 'контрольных срока', 'контрольных сроков')}"
    return f"{head} (на {date_numeric(as_of)}{who})"


def soon_header(upcoming: list[Entry], as_of: date, within: int, partial: bool = False) -> str:
    from roadmapctl.model.ru import count, date_numeric
    from roadmapctl.output.tables import days

    last = date_numeric(as_of + timedelta(days=within))
    if within == 0:
        when = f"сегодня ({last})"
    elif within == 1:
        when = f"сегодня или завтра (по {last})"
    else:  # «в ближайшие 21 день»: a preceding adjective takes the plural
        when = f"в ближайшие {days(within)} (по {last})"
    items = len({(e.file, e.item) for e in upcoming})
    none = "в прочитанных картах не найдено" if partial else "нет"
    found = count(items, "мероприятие", "мероприятия", "мероприятий") if items else none
    return f"Срок наступает {when}: {found}"


def record(entry: Entry, with_group: bool) -> dict[str, Any]:
    """One control date for JSON and CSV: ISO dates, numbers as numbers."""
    occ = entry.occurrence
    row: dict[str, Any] = {
        "file": entry.file,
        "line": entry.line,
        "item": entry.item,
        "title": entry.title,
        "executors": list(entry.executors),
        "deadline": entry.deadline,
        "start": occ.start.isoformat() if occ.start else None,
        "due": occ.effective_due.isoformat(),
        "original_due": occ.due.isoformat(),
        "days_overdue": entry.days if entry.group == "overdue" else 0,
        "status": entry.status,
    }
    if with_group:
        row["group"] = entry.group
        row["days_left"] = entry.days if entry.group == "upcoming" else None
    return row


def csv_columns(with_group: bool) -> list[Column]:
    from roadmapctl.output.tables import Column

    keys = ["file", "line", "item", "title", "executors", "deadline", "start", "due",
            "original_due", "days_overdue", "status"] + (["group", "days_left"] if with_group else [])
    return [Column(key, key) for key in keys]


def _groups(entries: list[Entry], group_by: str) -> list[Group]:
    from roadmapctl.tracking.scan import group

    return group(entries, group_by) if entries else []  # type: ignore[arg-type]  # a GroupBy, checked by choice()


def _heading(title: str, group_by: str) -> str:
    return f"Исполнитель: {title}" if group_by == "executor" else f"Файл: {title}"


def plain(parts: list[Part], group_by: str) -> Iterator[str]:
    """Cron-friendly text: a block per control date, file:line first, nothing wrapped; line by line."""
    from roadmapctl.output import tables as reports

    pending = 0  # blank lines owed: written only before more text, so the report ends with its last line
    for number, (title, entries, soon) in enumerate(parts):
        if number:
            pending = max(pending, 1)
        yield "\n" * pending + title + "\n"
        pending = 1 if entries else 0
        for grp in _groups(entries, group_by):
            if grp.title is not None:
                yield "\n" * pending + _heading(grp.title, group_by) + "\n"
                pending = 1
            for e in grp.entries:
                occ = e.occurrence
                when = reports.due_in(e.days) if soon else reports.overdue_by(e.days)
                yield ("\n" * pending + f"{e.file}:{e.line}: {e.item} {e.title}\n"
                       f"    Исполнители: {reports.names(e.executors)}\n"
                       f"    Срок: {reports.phrase(e.deadline)} ({reports.span(occ)}{reports.moved(occ)}) — {when}\n")
                pending = 1
        if not entries and len(parts) > 1:
            pending = 1


def _display_rows(entries: list[Entry], soon: bool) -> list[dict[str, Any]]:
    from roadmapctl.model.ru import date_numeric
    from roadmapctl.output import tables as reports

    rows = []
    for e in entries:
        occ = e.occurrence
        due = date_numeric(occ.effective_due)
        if occ.effective_due != occ.due:
            due += f" (перенесён с {date_numeric(occ.due)})"
        rows.append({
            "item": e.item, "title": e.title, "executors": reports.names(e.executors),
            "deadline": e.deadline or reports.phrase(None),
            "due": due, "days": reports.due_in(e.days) if soon else reports.days(e.days),
            "where": f"{e.file}:{e.line}",
        })
    return rows


def _display_columns(soon: bool) -> list[Column]:
    from roadmapctl.output.tables import Column

    return [Column("item", "№", wrap=False), Column("title", "Мероприятие"), Column("executors", "Исполнители"),
            Column("deadline", "Срок"), Column("due", "Контрольная дата"),
            Column("days", "Когда" if soon else "Просрочено", right=not soon),
            Column("where", "Файл:строка", wrap=False)]


def markdown(parts: list[Part], group_by: str) -> str:
    from roadmapctl.output.tables import to_markdown

    blocks = []
    for number, (title, entries, soon) in enumerate(parts):
        blocks.append(("# " if number == 0 else "## ") + title)
        for grp in _groups(entries, group_by):
            if grp.title is not None:
                blocks.append(("## " if number == 0 else "### ") + _heading(grp.title, group_by))
            blocks.append(to_markdown(_display_columns(soon), _display_rows(grp.entries, soon)).rstrip())
    return "\n\n".join(blocks) + "\n"


def fits(parts: list[Part], out: IO[str]) -> bool:
    """Whether the terminal is wide enough for the tables (else the plain report is printed)."""
    from roadmapctl.output.tables import console
    from roadmapctl.output.tables import fits as table_fits

    width = console(out).width
    return all(table_fits(_display_columns(soon), _display_rows(entries, soon), width)
               for _title, entries, soon in parts)


def terminal(parts: list[Part], group_by: str, out: IO[str]) -> None:
    from roadmapctl.output.tables import console, rich_table

    con = console(out)
    for title, entries, soon in parts:
        con.print(title, style="bold red" if entries and not soon else "bold")
        for grp in _groups(entries, group_by):
            heading = _heading(grp.title, group_by) if grp.title is not None else None
            con.print(rich_table(_display_columns(soon), _display_rows(grp.entries, soon), heading))


def register(app: typer.Typer) -> None:
    @app.command("overdue", cls=RussianCommand)
    def overdue_command(
        paths: list[str] = params.PATHS,
        as_of: str = params.AS_OF,
        executor: str = params.EXECUTOR,
        within: int = typer.Option(
            None, "--within", metavar="N",
            help="Показать отдельно и то, срок чего наступает в ближайшие N дней (0 — только сегодня).",
        ),
        fmt: str = params.fmt(FORMATS),
        output: str = params.OUTPUT,
        group_by: str = params.group_by(GROUPS, "none", f"{params.GROUP_BY_HELP}, none — общий список"),
        exit_code: bool = typer.Option(
            False, "--exit-code", help="Код выхода 1, если есть просроченные (как git diff --exit-code).",
        ),
        quiet: bool = typer.Option(
            False, "--quiet", "-q",
            help="Ничего не выводить, если показывать нечего (для рассылки из cron).",
        ),
        jobs: int = params.JOBS,
        encoding: str = params.ENCODING,
    ) -> int:
        """Просроченные мероприятия: самые давние первыми, с файлом и строкой.

        Для cron: без терминала вывод — простой текст без цвета; с --quiet в
        хороший день ничего не выводится. Код выхода 0 (с --exit-code — 1,
        если есть просроченные), 2 — ошибка в аргументах или в картах.
        """
        from roadmapctl.commands.options import choice, output_format, today_or
        from roadmapctl.commands.options import encoding as codec
        from roadmapctl.limits import MAX_WINDOW_DAYS

        if within is not None and within < 0:
            raise UsageError("--within: число дней не может быть отрицательным")
        if within is not None and within > MAX_WINDOW_DAYS:
            raise UsageError(f"--within: {within} — слишком далеко; не больше {MAX_WINDOW_DAYS} дней (10 лет)",
                             "для сроков на годы вперёд: roadmapctl list --from ДАТА --to ДАТА")
        from roadmapctl.model.ru import date_numeric

        day, grouping = today_or(as_of), choice(group_by, GROUPS, "--group-by")
        return params.to_output(
            lambda form, out: run(paths or [], day, executor, within, form, grouping, exit_code, quiet,
                                  jobs, out, encoding=codec(encoding)),
            output_format(fmt, FORMATS), output, "Просрочено", f"Просроченные мероприятия на {date_numeric(day)}")
