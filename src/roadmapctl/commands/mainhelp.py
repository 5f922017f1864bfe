"""`roadmapctl --help` (and bare `roadmapctl`, `--version`) without Typer.

Typer builds the main help page by importing all eighteen commands and
reading their signatures: several times what the page is worth.  The page
only changes when a command's summary does, so it is kept here as text,
exactly as Typer prints it for a terminal of 80 columns or more (and for a
pipe); `tests/test_mainhelp.py` renders it through Typer and fails when they
differ (`UPDATE_GOLDEN=1` rewrites `TEXT`).  A narrower terminal, shell
completion, or any other word on the command line go the Typer way.
"""

from __future__ import annotations

import os
import sys

#: Click wraps help to min(terminal columns, 80) − 2; TEXT is the page at this width.
WIDTH = 78


def answer(args: list[str]) -> int | None:
    """Print the main help page or the version for these arguments, or return None."""
    if len(args) != 1 or args[0] not in ("--help", "-h", "--version") or completing():
        return None
    if args[0] == "--version":
        from roadmapctl import __version__

        sys.stdout.write(f"roadmapctl {__version__}\n")
        return 0
    if columns() < WIDTH + 2:
        return None
    sys.stdout.write(TEXT)
    return 0


def completing() -> bool:
    """Typer's shell completion is running (it sets one of these in the environment)."""
    return any(name.endswith("_COMPLETE") or name.startswith("_TYPER_COMPLETE") for name in os.environ)


def columns() -> int:
    """`shutil.get_terminal_size().columns`, the width Click wraps to, without importing shutil."""
    try:
        width = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        width = 0
    if width <= 0:
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            width = 0
        width = width or 80
    return width


TEXT = """\
Использование: roadmapctl [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]...

  Дорожные карты в YAML: проверка, контроль сроков, сравнение, печать.

  Коды выхода: 0 — всё в порядке; 1 — найдены замечания; 2 — ошибка в
  аргументах или входных файлах; 3 — внутренняя ошибка.

Параметры:
  --version             Показать версию и выйти.
  --debug               При внутренней ошибке показать трассировку Python.
  --install-completion  Установить автодополнение для текущей оболочки.
  --show-completion     Показать скрипт автодополнения для текущей оболочки.
  -h, --help            Показать эту справку и выйти.

Команды:
  check     Проверить дорожные карты: каждая ошибка — строкой...
  when      Показать, как понимается срок: вид и контрольные даты.
  schema    Вывести JSON Schema формата дорожной карты для редактора.
  render    Напечатать приказ и приложение (дорожную карту) в DOCX или...
  import    Перенести дорожную карту из Word или PDF: таблица → YAML и...
  rollover  Подготовить карту на следующий год: период, сроки, пустые...
  diff      Сравнить две версии дорожной карты: что добавлено, удалено,...
  textconv  Показать карту как нормализованный текст — для git diff.
  overdue   Просроченные мероприятия: самые давние первыми, с файлом и...
  list      Все мероприятия (с подпунктами): исполнители, срок,...
  done      Отметить выполнение мероприятия прямо в файле карты.
  extend    Перенести срок мероприятия: запись в extensions, исходный...
  stats     Исполнительская дисциплина: сроков наступило, выполнено в...
  calendar  Календарь сроков (.ics) для Outlook, Thunderbird, телефона.
  report    Информация об исполнении дорожной карты на дату: по каждому...
  site      Сводка на сайт: что просрочено сегодня, что наступает в...
  export    Выгрузить карту таблицей Excel (или CSV): разделы —...
  notify    Напоминания исполнителям по почте: каждому — его просроченные...
"""
