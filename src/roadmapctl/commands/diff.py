"""`roadmapctl diff`: what really changed between two versions of a roadmap."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_FINDINGS, EXIT_OK, InputError, UsageError

SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html",
                  ".htm": "html", ".docx": "docx", ".txt": "text"}
FORMAT_NAMES = {"text": "отчёт", "markdown": "отчёт, Markdown", "json": "JSON",
                "html": "сравнительная таблица, HTML", "docx": "сравнительная таблица, DOCX"}


def sources(old: str, new: str | None, rev_from: str | None, rev_to: str | None) -> tuple[Any, Any]:
    """The two sides from the arguments: two files, REV:path forms, or one file with --from/--to."""
    from roadmapctl.diff.gitrev import Source, parse_source

    if rev_from is None:
        if rev_to is not None:
            raise UsageError("--to без --from: укажите, с какой ревизии сравнивать",
                             "например: roadmapctl diff roadmaps/карта.yaml --from v2023 --to HEAD")
        if new is None:
            raise UsageError("укажите вторую карту или ревизию: roadmapctl diff СТАРАЯ НОВАЯ",
                             "или сравните с ревизией git: roadmapctl diff КАРТА --from v2023")
        return parse_source(old), parse_source(new)
    if new is not None:
        raise UsageError("с --from указывается одна карта, а не две",
                         "например: roadmapctl diff roadmaps/карта.yaml --from v2023")
    if ":" in old and not Path(old).exists():
        raise UsageError(f"с --from укажите путь без ревизии, а не «{old}»")
    return Source(old, rev_from), Source(old, rev_to)


def load_side(source: Any, encoding: str = "auto") -> Any:
    """The roadmap of one side, through the one load path; a roadmap with errors is refused (exit 2)."""
    from roadmapctl.diff.gitrev import read_revision
    from roadmapctl.reading import STDIN, require

    if source.rev is not None:
        return require(source.path, "сравнение невозможно", data=read_revision(source), display=source.display,
                       encoding=encoding)
    if source.path == STDIN:
        return require(STDIN, "сравнение невозможно", encoding=encoding)
    path = Path(source.path)
    if path.is_dir():
        raise InputError(f"{source.path} — папка, а не файл карты",
                         "укажите два файла: roadmapctl diff СТАРАЯ.yaml НОВАЯ.yaml")
    if not path.is_file():
        raise InputError(f"файла {source.path} нет",
                         "укажите путь к карте или ревизию в виде РЕВИЗИЯ:путь, например HEAD~1:" + source.path)
    return require(path, "сравнение невозможно", encoding=encoding)


def _shown(source: Any) -> str:
    """How a side is named in the report: standard input as everywhere else."""
    from roadmapctl.reading.source import STDIN, STDIN_NAME

    return STDIN_NAME if source.rev is None and source.path == STDIN else source.display


def run(old: str, new: str | None, rev_from: str | None, rev_to: str | None, fmt: str | None,
        output: Path | None, force: bool, include_status: bool, encoding: str = "auto") -> int:
    from roadmapctl.commands.options import choice
    from roadmapctl.diff import compare
    from roadmapctl.diff.report import FORMATS, counts_line, document_line
    from roadmapctl.output import is_stdout, write_output

    file = None if output is None or is_stdout(output) else output  # None: standard output
    to_stdout = file is None
    if fmt is None and file is not None and file.suffix and file.suffix.lower() not in SUFFIX_FORMATS:
        raise UsageError(f"по расширению «{file.suffix}» формат не определить: "
                         f"укажите --format ({', '.join(FORMATS)})",
                         "или дайте файлу расширение .txt, .md, .json, .html или .docx")
    if fmt is None:
        fmt = SUFFIX_FORMATS.get(file.suffix.lower(), "text") if file is not None else "text"
    fmt = choice(fmt, FORMATS, "--format")
    if fmt == "docx" and output is None:
        raise UsageError("для DOCX укажите файл: -o таблица.docx")
    old_source, new_source = sources(old, new, rev_from, rev_to)
    if old_source.rev is None and new_source.rev is None and old_source.path == new_source.path == "-":
        raise UsageError("стандартный ввод — только одна из двух карт", "другую укажите файлом или ревизией")
    old_map, new_map = load_side(old_source, encoding), load_side(new_source, encoding)
    old_map.path, new_map.path = _shown(old_source), _shown(new_source)
    diff = compare(old_map, new_map, include_status=include_status)
    data = _render(diff, fmt, new_map.title, styled=to_stdout and sys.stdout.isatty())
    code = EXIT_FINDINGS if diff.has_changes else EXIT_OK
    if file is None:
        if isinstance(data, str) and fmt == "text" and sys.stdout.isatty():
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(data, end="")
        else:
            write_output("-", data, binary="DOCX" if fmt == "docx" else None)
        return code
    suffixes = tuple(suffix for suffix, name in SUFFIX_FORMATS.items() if name == fmt)
    write_output(file, data, inputs=[old_source.path, new_source.path], force=force, suffixes=suffixes)
    outside = f" {document_line(diff)}" if document_line(diff) else ""
    sys.stdout.write(f"Записан файл {file} ({FORMAT_NAMES[fmt]}). {counts_line(diff)}{outside}\n")
    return code


def _render(diff: Any, fmt: str, title: str, styled: bool) -> str | bytes:
    from roadmapctl.diff import report

    if fmt == "json":
        from roadmapctl.diff.jsonout import json_report

        return json_report(diff)
    if fmt == "markdown":
        return report.markdown_report(diff)
    if fmt in ("html", "docx"):
        from roadmapctl.diff import table

        return table.render_html(diff, title) if fmt == "html" else table.render_docx(diff, title)
    return report.text_report(diff, styled=styled)


def register(app: typer.Typer) -> None:
    @app.command("diff", cls=RussianCommand)
    def diff_command(
        old: str = typer.Argument(
            ..., metavar="СТАРАЯ",
            help="Прошлогодняя карта: файл или РЕВИЗИЯ:путь (HEAD~1:roadmaps/карта.yaml); "
                 "с --from — карта, версии которой сравниваются; «-» — стандартный ввод.",
        ),
        new: str = typer.Argument(
            None, metavar="[НОВАЯ]", help="Новая карта: файл или РЕВИЗИЯ:путь.", show_default=False,
        ),
        rev_from: str = typer.Option(
            None, "--from", metavar="РЕВИЗИЯ",
            help="Сравнить карту в этой ревизии git (тег, ветка, коммит) с текущей.",
        ),
        rev_to: str = typer.Option(
            None, "--to", metavar="РЕВИЗИЯ",
            help="С --from: сравнивать с этой ревизией, а не с файлом на диске.",
        ),
        fmt: str = params.fmt(("text", "markdown", "json", "html", "docx"), default=None,
                              note="html и docx — сравнительная таблица (было / стало); по умолчанию "
                                   "text, а с -o — по расширению файла"),
        output: Path = typer.Option(
            None, "--output", "-o", metavar="ПУТЬ",
            help="Записать в файл, а не на экран; «-» — в стандартный вывод.",
        ),
        force: bool = params.FORCE,
        include_status: bool = typer.Option(
            False, "--include-status",
            help="Сравнивать и статусы, отметки об исполнении и переносы сроков.",
        ),
        encoding: str = params.ENCODING,
    ) -> int:
        """Сравнить две версии дорожной карты: что добавлено, удалено, изменено.

        Сравнивается весь документ: мероприятия, название, территория, период, гриф,
        приказ (дата, номер, пункты, подписывающий, рассылка), цели и справочник
        исполнителей. Мероприятия сопоставляются по ключу, номеру и похожести
        названия, так что перенумерованные и переформулированные пункты не выглядят
        удалёнными, а перенумерованные из-за вставки называются одной строкой. Сроки
        сравниваются относительно периода: «октябрь 2023» в карте на 2023/2024 и
        «октябрь 2024» в карте на 2024/2025 — один и тот же срок.

        Код выхода 0 — различий нет, 1 — есть различия, 2 — ошибка.
        """
        from roadmapctl.commands.options import encoding as codec

        return run(old, new, rev_from, rev_to, fmt, output, force, include_status, codec(encoding))
