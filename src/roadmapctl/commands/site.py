"""`roadmapctl site`: the static dashboard, rebuilt from the roadmap files (e.g. every morning)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, EXIT_USAGE, OutputError, UsageError


def run(paths: Sequence[str], as_of: date, output: Path, within: int) -> int:
    from roadmapctl.commands.readout import skipped_lines, warn
    from roadmapctl.model.ru import count
    from roadmapctl.reporting.site import build_site
    from roadmapctl.tracking.service import load_tracked

    if output.exists() and not output.is_dir():
        raise OutputError(f"{output} — файл, а сайт пишется в папку", "укажите папку, например -o public/")
    loaded = load_tracked(paths, as_of)
    warn([*loaded.warnings, *skipped_lines(loaded.skipped)])
    broken = loaded.broken
    pages = build_site(loaded, as_of, within)
    output.mkdir(parents=True, exist_ok=True)
    from roadmapctl.output import write_output

    inputs = [*paths, *(f.path for f in loaded.files)]
    for page in pages:  # the site is regenerated every morning: its pages are replaced
        write_output(output / page.name, page.data, inputs=inputs, force=True)
    sys.stderr.write(f"Сводка записана в {output}/: {count(len(pages), 'страница', 'страницы', 'страниц')}, "
                     f"начните с {output / 'index.html'}\n")
    if broken:
        sys.stderr.write("roadmapctl: сводка неполная — исправьте карты с ошибками (roadmapctl check)\n")
        return EXIT_USAGE
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("site", cls=RussianCommand)
    def site_command(
        paths: list[str] = params.PATHS,
        output: Path = typer.Option(..., "--output", "-o", metavar="ПАПКА",
                                    help="Папка сайта, например public/; страницы в ней перезаписываются."),
        as_of: str = params.AS_OF,
        within: int = typer.Option(14, "--within", metavar="N", min=1,
                                   help="Сколько дней вперёд показывать наступающие сроки."),
    ) -> int:
        """Сводка на сайт: что просрочено сегодня, что наступает в ближайшие дни, исполнение по
        картам и исполнителям, диаграммы и шкала времени. Страница на каждую карту и каждого
        исполнителя; открывается и без сервера, читается на телефоне, печатается на A4.

        Код выхода 0; 2 — ошибка в аргументах или карта с ошибками (сводка строится по
        остальным, с предупреждением на каждой странице).
        """
        from roadmapctl.commands.options import today_or
        from roadmapctl.limits import MAX_WINDOW_DAYS

        if within > MAX_WINDOW_DAYS:
            raise UsageError(f"--within: не больше {MAX_WINDOW_DAYS} дней")
        return run(paths or [], today_or(as_of), output, within)
