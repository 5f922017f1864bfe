"""Writers shared by `list`, `overdue` and `stats`: JSON, CSV, Markdown, plain and rich tables.

Reports go to people (a terminal, a morning mail from cron) and to programs
(JSON, CSV).  On a terminal wide enough for the table it is drawn with rich;
anywhere else — a narrow terminal, a pipe, a file, cron — the text is plain,
never coloured and never wrapped, so a mail reader shows what the command
printed and an 80-column console does not cut words into letters.  `NO_COLOR` switches colour
off on a terminal too.  The Russian phrases that several reports use
(«просрочено на 3 дня», a control date with its window) live here as well.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from roadmapctl.model.ru import count, date_numeric
from roadmapctl.model.vocabulary import STATUS_NAMES  # noqa: F401 - the reports' status words
from roadmapctl.tracking import Tracked

NARROWEST = 16  # characters: a wrapped text column narrower than this is cut into syllables


@dataclass(frozen=True)
class Column:
    key: str  # the JSON/CSV name
    header: str  # what people read
    right: bool = False  # numbers are right-aligned
    wrap: bool = True  # on a terminal; short codes (numbers, file:line) stay on one line

    @property
    def one_line(self) -> bool:
        return self.right or not self.wrap


Row = dict[str, Any]


def is_terminal(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def console(stream: IO[str]) -> Any:
    """A rich console for a terminal: colour unless NO_COLOR is set, width of the terminal."""
    from rich.console import Console

    return Console(file=stream, force_terminal=True, no_color=bool(os.environ.get("NO_COLOR")),
                   highlight=False, emoji=False)


def to_json(records: Any) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def to_csv(columns: Sequence[Column], rows: Iterable[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for row in rows:
        writer.writerow([_raw(row.get(c.key)) for c in columns])
    return buffer.getvalue()


def to_markdown(columns: Sequence[Column], rows: Iterable[Row]) -> str:
    from roadmapctl.output import markdown

    def escaped(value: Any) -> str:
        return markdown.cell(cell(value))

    lines = ["| " + " | ".join(c.header for c in columns) + " |",
             "|" + "|".join("---:" if c.right else "---" for c in columns) + "|"]
    lines += ["| " + " | ".join(escaped(row.get(c.key)) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def plain_table(columns: Sequence[Column], rows: Sequence[Row]) -> str:
    """Columns padded with spaces; the last one is never padded, nothing is wrapped."""
    cells = [[c.header for c in columns]] + [[cell(r.get(c.key)) for c in columns] for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    out = []
    for line in cells:
        parts = []
        for i, (text, column) in enumerate(zip(line, columns, strict=True)):
            if i == len(columns) - 1:
                parts.append(text.rjust(widths[i]) if column.right else text)
            else:
                parts.append(text.rjust(widths[i]) if column.right else text.ljust(widths[i]))
        out.append("  ".join(parts).rstrip())
    return "\n".join(out) + "\n"


def least_width(column: Column, rows: Sequence[Row]) -> int:
    """What a column needs on a terminal: its widest line if kept whole, else NARROWEST at most."""
    texts = [column.header, *(cell(row.get(column.key)) for row in rows)]
    widest = max(len(line) for text in texts for line in text.split("\n"))
    return widest if column.one_line else min(widest, NARROWEST)


def fits(columns: Sequence[Column], rows: Sequence[Row], width: int) -> bool:
    """Whether a rich table of `rows` reads well in `width` characters; else print plain text."""
    return sum(least_width(c, rows) for c in columns) + 3 * len(columns) + 1 <= width


def rich_table(columns: Sequence[Column], rows: Sequence[Row], title: str | None = None) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", header_style="bold", show_lines=False)
    for c in columns:
        table.add_column(c.header, justify="right" if c.right else "left", overflow="fold",
                         no_wrap=c.one_line, min_width=least_width(c, rows))
    for row in rows:
        table.add_row(*(cell(row.get(c.key)) for c in columns))
    return table


def _raw(value: Any) -> str:
    """A CSV field: numbers and ISO dates as programs read them."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def cell(value: Any) -> str:
    """A table cell for people: «07.08.2023», «66,7», lists joined with commas."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, date):
        return date_numeric(value)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


# --- Russian phrases shared by the reports -------------------------------------------


def phrase(deadline: str | None) -> str:
    """The deadline as written, in quotes; «указан датой» for a bare `due:` date."""
    return f"«{deadline}»" if deadline else "указан датой"


def names(labels: Sequence[str]) -> str:
    """Executors joined with commas; «не указаны» rather than nothing."""
    return ", ".join(labels) or "не указаны"


def days(n: int) -> str:
    return count(n, "день", "дня", "дней")


def overdue_by(n: int) -> str:
    """«просрочено на 3 дня»."""
    return f"просрочено на {days(n)}"


def due_in(n: int) -> str:
    """«сегодня», «завтра», «через 3 дня»."""
    if n == 0:
        return "сегодня"
    if n == 1:
        return "завтра"
    return f"через {days(n)}"


def span(occ: Tracked) -> str:
    """«01.10.2023 – 31.10.2023» or «до 31.10.2023»."""
    if occ.start is not None and occ.start != occ.due:
        return f"{date_numeric(occ.start)} – {date_numeric(occ.due)}"
    return f"до {date_numeric(occ.due)}"


def moved(occ: Tracked) -> str:
    """«, перенесён на 15.02.2024» when the control date was extended, else ""."""
    if occ.extension is None or occ.effective_due == occ.due:
        return ""
    return f", перенесён на {date_numeric(occ.effective_due)}"


def outcome(occ: Tracked) -> str:
    """What became of a control date, in words."""
    if occ.state == "cancelled":
        return "отменено"
    if occ.state == "overdue":
        return overdue_by(occ.days_overdue)
    if occ.state == "open":
        return "не выполнено"
    if occ.done_on is None:
        return "выполнено (статус done, дата не указана)"
    late = (occ.done_on - occ.effective_due).days
    when = f"выполнено {date_numeric(occ.done_on)}"
    if occ.by_status:
        when += " (закрыто статусом done)"
    return when + (f", с опозданием на {days(late)}" if late > 0 else "")
