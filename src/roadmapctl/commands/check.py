"""`roadmapctl check`: the Typer command; its body is `commands.checkrun`."""

from __future__ import annotations

import typer

from roadmapctl.commands import params
from roadmapctl.commands.checkrun import list_rules, run  # noqa: F401 - the command's API
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.formatters import FORMATS


def register(app: typer.Typer) -> None:
    @app.command("check", cls=RussianCommand)
    def check_command(
        paths: list[str] = params.PATHS,
        fmt: str = params.fmt(FORMATS, note="text — строки «файл:строка:столбец: …», "
                                             "github — аннотации GitHub Actions"),
        as_of: str = params.AS_OF,
        encoding: str = params.ENCODING,
        jobs: int = params.JOBS,
        show_rules: bool = typer.Option(
            False, "--list-rules", help="Показать все правила с примерами и выйти.",
        ),
    ) -> int:
        """Проверить дорожные карты: каждая ошибка — строкой «файл:строка:столбец».

        Код выхода 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки,
        2 — неверные аргументы или пути.
        """
        from roadmapctl.commands.checkrun import command

        return command(paths or [], fmt, as_of, encoding, jobs, show_rules)
