"""`roadmapctl textconv`: a roadmap as normalized text, for `git diff` as a diff driver.

Set up once per repository:

    echo '*.yaml diff=roadmap' >> .gitattributes
    git config diff.roadmap.textconv "roadmapctl textconv"

Git then runs `roadmapctl textconv FILE` on both versions before comparing.
A file that does not load as a roadmap, or that `check` finds errors in, is
printed as it is (the reading policy of README: nothing is interpreted from a
roadmap with errors), so `git diff` never fails because of a broken or
non-roadmap YAML file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, InputError


def run(path: Path) -> int:
    from roadmapctl.diff.normalized import render
    from roadmapctl.reading import examine

    if path.is_dir():
        raise InputError(f"{path} — папка, а не файл карты")
    if not path.is_file():
        raise InputError(f"файла {path} нет")
    checked = examine(path)
    if checked.usable and checked.roadmap is not None:
        sys.stdout.write(render(checked.roadmap))
        return EXIT_OK
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"не удалось прочитать {path}: {exc.strerror or exc}") from None
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("textconv", cls=RussianCommand)
    def textconv_command(
        path: Path = typer.Argument(..., metavar="ФАЙЛ", help="Файл дорожной карты (.yaml)."),
    ) -> int:
        """Показать карту как нормализованный текст — для git diff.

        Весь документ: гриф, цели, исполнители, приказ и по мероприятию на блок
        строк. Годы, которые зависят от периода (в сроках и в упоминаниях самого
        периода), записаны относительно его начала ({Г}, {Г+1}), остальные годы и
        настоящие даты (отметки об исполнении, переносы) — как есть, поэтому git diff
        прошлогодней и новой карты показывает только настоящие изменения, в том
        числе отметки об исполнении. Подключение: в .gitattributes строка
        «*.yaml diff=roadmap» и команда
        git config diff.roadmap.textconv "roadmapctl textconv".
        """
        return run(path)
