"""`roadmapctl export`: a roadmap as an Excel or CSV table for other systems."""

from __future__ import annotations

from pathlib import Path

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, UsageError

FORMATS = ("xlsx", "csv")
NAMES = ("full", "short")


def run(path: Path, fmt: str, output: Path | None, names: str) -> int:
    from roadmapctl.reading import require
    from roadmapctl.reporting.emit import emit
    from roadmapctl.reporting.export import roadmap_csv, roadmap_xlsx

    roadmap = require(path, "таблица не выгружена")
    with params.options({"output": "-o"}):
        if fmt == "xlsx":
            emit(roadmap_xlsx(roadmap, names), output, "XLSX", inputs=[path])
        else:
            emit(roadmap_csv(roadmap, names).encode("utf-8"), output, inputs=[path])
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("export", cls=RussianCommand)
    def export_command(
        roadmap: Path = params.roadmap_or_stdin(),
        fmt: str = params.fmt(("xlsx", "csv"), default=None, note="по умолчанию — по расширению файла -o, иначе xlsx"),
        output: Path = typer.Option(None, "--output", "-o", metavar="ПУТЬ",
                                    help="Куда записать таблицу; «-» или без -o — в стандартный вывод."),
        names: str = typer.Option("full", "--executors", metavar="ВИД",
                                  help="full — полные наименования исполнителей, short — краткие."),
    ) -> int:
        """Выгрузить карту таблицей Excel (или CSV): разделы — объединёнными строками, мероприятия — с
        номером, сроком как в карте, исполнителями и результатом; столбцы — как в самой карте.

        Код выхода 0; 2 — ошибка в аргументах или в карте.
        """
        if fmt is None:
            fmt = "csv" if output is not None and output.suffix.lower() == ".csv" else "xlsx"
        if fmt not in FORMATS:
            raise UsageError(f"--format: «{fmt}» — допустимо {', '.join(FORMATS)}")
        if names not in NAMES:
            raise UsageError(f"--executors: «{names}» — допустимо {', '.join(NAMES)}")
        return run(roadmap, fmt, output, names)
