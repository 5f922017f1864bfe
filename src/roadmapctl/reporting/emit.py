"""Putting a finished report where the user asked: a file, or standard output.

Binary formats (DOCX, XLSX) are refused on a terminal — they would fill it
with garbage — but go to a pipe or a redirect (`> list.xlsx`) as they are.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from roadmapctl.errors import ValueRefused

HEADERS = {"file": "Файл", "line": "Строка", "item": "№", "title": "Мероприятие", "executors": "Исполнители",
           "deadline": "Срок (как в карте)", "status": "Статус", "start": "Начало периода",
           "due": "Контрольная дата", "original_due": "Исходный срок", "done": "Дата исполнения",
           "state": "Состояние", "days_overdue": "Просрочено, дн.", "group": "Группа",
           "days_left": "Осталось, дн.", "due_count": "Наступило", "on_time": "В срок",
           "late": "С нарушением срока", "overdue": "Не выполнено", "extended": "Перенесено",
           "on_time_share": "Ко, %", "average_delay": "Среднее опоздание, дн."}
DATE_KEYS = {"start", "due", "original_due", "done"}
STATES = {"done": "выполнено", "overdue": "просрочено", "open": "срок не наступил", "cancelled": "отменено",
          "upcoming": "наступает"}


def emit(data: bytes, output: Path | None, binary_name: str | None = None,
         inputs: Sequence[Path | str] = ()) -> None:
    """Write `data` to `output` or to standard output through the one writer (`output`).

    Binary data refused on a terminal is a `ValueRefused` of the field
    «output»: the command names its option.  `inputs` are never replaced.
    A table exported again replaces the old one without --force (the
    command has none): reports are regenerated, roadmaps never touched.
    """
    from roadmapctl.output import write_output

    if (output is None or str(output) == "-") and binary_name and sys.stdout.isatty():
        raise ValueRefused(f"{binary_name} не выводится на терминал",
                           "укажите файл или перенаправьте вывод в файл", field="output", given=False,
                           example=f"отчёт.{binary_name.lower()}")
    write_output("-" if output is None else output, data, inputs=inputs, force=True, binary=binary_name)


def records_workbook(title: str, keys: list[str], records: list[dict[str, object]],
                     caption: str | None = None, headers: dict[str, str] | None = None) -> bytes:
    """The rows of a CSV report as an Excel sheet: Russian headers, dates as dates, numbers as numbers."""
    from datetime import date

    from roadmapctl.model.vocabulary import STATUS_NAMES, STATUSES
    from roadmapctl.reporting.xlsx import Sheet, workbook

    names = {**HEADERS, **(headers or {})}
    sheet = Sheet(title, [names.get(key, key) for key in keys], caption=caption)
    for record in records:
        row: list[object] = []
        for key in keys:
            value = record.get(key)
            if key in DATE_KEYS and isinstance(value, str) and value:
                value = date.fromisoformat(value)
            elif key == "status" and isinstance(value, str):
                value = STATUS_NAMES[value] if value in STATUSES else value
            elif key in ("state", "group") and isinstance(value, str):
                value = STATES.get(value, value)
            row.append(value)
        sheet.rows.append(row)
    return workbook([sheet])


NUMBER_KEYS = {"line", "days_overdue", "days_left", "due_count", "on_time", "late", "overdue", "extended"}
FLOAT_KEYS = {"on_time_share", "average_delay"}


def csv_workbook(text: str, title: str, caption: str | None = None,
                 headers: dict[str, str] | None = None, counts: bool = False) -> bytes:
    """A CSV report (the program's own, with its ISO dates) as a typed Excel sheet.

    The XLSX of `list`, `overdue` and `stats` is made from the very CSV they
    print, so the two can never disagree; here the values get their types
    back: dates, whole numbers, shares.  `counts`: «due» is a count (stats),
    not a date.
    """
    import csv
    import io

    reader = csv.DictReader(io.StringIO(text))
    keys = list(reader.fieldnames or [])
    records: list[dict[str, object]] = []
    for row in reader:
        record: dict[str, object] = {}
        for key, value in row.items():
            if counts and key == "due":
                key = "due_count"
            record[key] = _typed(key, value)
        records.append(record)
    if counts:
        keys = ["due_count" if key == "due" else key for key in keys]
    return records_workbook(title, keys, records, caption, headers)


def _typed(key: str, value: str | None) -> object:
    if value is None or value == "":
        return None
    if key in NUMBER_KEYS and value.lstrip("-").isdigit():
        return int(value)
    if key in FLOAT_KEYS:
        try:
            return float(value)
        except ValueError:
            return value
    return value
