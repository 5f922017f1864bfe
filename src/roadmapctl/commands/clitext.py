"""Russian for the few English texts that Typer and Click print in help.

Typer's bundled Click writes «Usage:», «Options:» and a handful of option
descriptions in English with no translation hook; help is user-facing text,
so the command classes below translate the rows of options and commands
before Click wraps them, and then the finished help page.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

_PHRASES = (
    ("Usage: ", "Использование: "),
    ("[OPTIONS]", "[ПАРАМЕТРЫ]"),
    ("COMMAND [ARGS]...", "КОМАНДА [АРГУМЕНТЫ]..."),
    ("\nArguments:\n", "\nАргументы:\n"),
    ("\nOptions:\n", "\nПараметры:\n"),
    ("\nCommands:\n", "\nКоманды:\n"),
    ("Show this message and exit.", "Показать эту справку и выйти."),
    ("Install completion for the current shell.", "Установить автодополнение для текущей оболочки."),
    (
        "Show completion for the current shell, to copy it or customize the installation.",
        "Показать скрипт автодополнения для текущей оболочки.",
    ),
    ("[default: ", "[по умолчанию: "),
    ("[required]", "[обязательно]"),
)


_TYPE_HINT = re.compile(r" <list\[str\]>")
# Click's range note «[x>=0]», «[default: 0; x>=0]»: the help text says it in words.
_RANGE = re.compile(r"\s*\[x>=\d+\]|; x>=\d+(?=\])")


def translate(text: str) -> str:
    text = _TYPE_HINT.sub(lambda m: " " * len(m.group()), text)
    text = _RANGE.sub("", text)
    for english, russian in _PHRASES:
        text = text.replace(english, russian)
    return text


class _Russian:
    def format_help(self, ctx: Any, formatter: Any) -> None:
        write_dl = formatter.write_dl

        def russian_dl(rows: Any, *args: Any, **kwargs: Any) -> None:
            """Options and commands are translated before Click wraps them to the terminal width."""
            write_dl([(translate(term), translate(text)) for term, text in rows], *args, **kwargs)

        formatter.write_dl = russian_dl
        super().format_help(ctx, formatter)  # type: ignore[misc]  # a mixin: Click's command class follows in the MRO
        formatter.buffer[:] = [translate("".join(formatter.buffer))]


class RussianGroup(_Russian, TyperGroup):
    """The app's group: Russian help page."""


class RussianCommand(_Russian, TyperCommand):
    """Every subcommand: Russian help page; a closed pipe reaches `main` (Click would exit 1)."""

    def invoke(self, ctx: Any) -> Any:
        from roadmapctl.errors import OutputClosed

        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise OutputClosed from exc
