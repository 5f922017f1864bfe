"""`roadmapctl schema`: print or write the JSON Schema of the roadmap format."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK


def write_schema(path: Path, text: str, force: bool) -> str:
    """Write the schema unless the file already holds it; the message says which happened."""
    from roadmapctl.output import write_output

    data = text.encode("utf-8")
    try:
        unchanged = path.is_file() and path.read_bytes() == data
    except OSError:
        unchanged = False
    if unchanged:
        return f"схема в {path} уже актуальна"
    write_output(path, data, force=force, suffixes=(".json",))
    return f"схема записана в {path}"


def register(app: typer.Typer) -> None:
    @app.command("schema", cls=RussianCommand)
    def schema_command(
        output: Path = typer.Option(
            None, "--output", "-o", metavar="ПУТЬ",
            help="Записать схему в файл (например, schema/roadmap.schema.json) вместо вывода на экран; "
                 "«-» — в стандартный вывод.",
        ),
        force: bool = params.FORCE,
    ) -> int:
        """Вывести JSON Schema формата дорожной карты для редактора.

        Редактор с расширением YAML (VS Code, JetBrains) по схеме подсказывает
        ключи и проверяет файл при наборе. Схему подключает первая строка карты:

        \b
          # yaml-language-server: $schema=../schema/roadmap.schema.json
        """
        from roadmapctl.model.format_schema import render_schema

        text = render_schema()
        if output is None or str(output) == "-":
            sys.stdout.write(text)
        else:
            typer.echo(write_schema(output, text, force))
        return EXIT_OK
