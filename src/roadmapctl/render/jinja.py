"""Jinja environments for the shipped and the users' templates, and their errors.

Shipped templates are trusted; a template passed with --template is not and
runs in Jinja's immutable sandbox.  Both use StrictUndefined, so a misspelt
variable is an error that names the template and the line instead of an
empty gap in a printed order.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import TracebackType
from typing import Any

from roadmapctl.errors import InputError

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    """The installed package's templates, else the source checkout's top-level folder."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent.parent / "templates"


def shipped_template(name: str) -> Path:
    path = templates_dir() / name
    if not path.is_file():
        raise InputError(f"не найден встроенный шаблон {name}",
                         "переустановите roadmapctl или укажите свой шаблон: --template ПУТЬ")
    return path


def make_env(folder: Path | None, *, trusted: bool) -> Any:
    """An environment with our filters, autoescape on and StrictUndefined."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from roadmapctl.render.filters import FILTERS

    cls = Environment if trusted else ImmutableSandboxedEnvironment
    env = cls(
        loader=FileSystemLoader(str(folder)) if folder else None,
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "xml", "j2"), default_for_string=True, default=True,
        ),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"^'(?:[^']*)' (?:object )?has no attribute '([^']+)'$")


def describe(exc: Exception) -> str:
    """A Jinja error in Russian, keeping Jinja's own text where no translation fits."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    text = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, UndefinedError):
        if m := _UNDEFINED_NAME.match(text):
            return f"неизвестная переменная «{m[1]}»"
        if m := _NO_ATTRIBUTE.match(text):
            return f"неизвестное поле «{m[1]}»"
        return f"неизвестное значение ({text})"
    if isinstance(exc, TemplateSyntaxError):
        return f"синтаксическая ошибка шаблона ({text})"
    if isinstance(exc, SecurityError):
        return f"шаблону это запрещено ({text})"
    return f"{type(exc).__name__}: {text}"


def template_line(exc: BaseException, filename: str) -> int | None:
    """The template line an error happened on: syntax errors carry it, others are in the traceback."""
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return int(lineno)
    tb: TracebackType | None = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def template_error(exc: Exception, shown: str, line: int | None, where: str = "строка") -> InputError:
    place = f", {where} {line}" if line else ""
    return InputError(f"ошибка в шаблоне {shown}{place}: {describe(exc)}",
                      "исправьте шаблон; переменные и фильтры описаны в docs/gost.md")
