"""Command-line parameters several commands share, declared once.

Typer reads these as the defaults of command functions; sharing them keeps
the Russian help of `check`, `overdue`, `list`, `stats` and `calendar` in
step.
"""

from __future__ import annotations

import typer

PATHS = typer.Argument(
    None, metavar="ПУТИ",
    help="Файлы или папки с картами (.yaml, .yml); по умолчанию папка roadmaps/.",
    show_default=False,
)
AS_OF = typer.Option(
    None, "--as-of", metavar="ДАТА",
    help="Считать сегодняшней эту дату (2024-03-15 или 15.03.2024); по умолчанию — сегодня.",
)
JOBS = typer.Option(
    0, "--jobs", "-j", metavar="N", min=0,
    help="Сколько процессов использовать для многих файлов; 0 — по числу ядер.",
)
# The overwrite rule (output.py): a file roadmapctl generated earlier is replaced freely.
FORCE = typer.Option(
    False, "--force",
    help="Заменить существующий файл, созданный не roadmapctl; свой прежний результат "
         "roadmapctl заменяет и без --force (входные файлы и карты — никогда).",
)
FORCE_ROADMAP = typer.Option(
    False, "--force",
    help="Перезаписать существующую карту (кроме входного файла этой команды).",
)
