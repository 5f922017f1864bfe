"""Jinja environments for the shipped and the users' templates, and their errors.

Shipped templates are trusted; a template passed with --template is not and
runs in Jinja's immutable sandbox, under a time and size budget (`budget`).  Both use StrictUndefined, so a misspelt
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
                         "переустановите roadmapctl или укажите свой шаблон")
    return path


def make_env(folder: Path | None, *, trusted: bool) -> Any:
    """An environment with our filters, autoescape on and StrictUndefined."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from roadmapctl.render.filters import FILTERS

    from roadmapctl.render.budget import bounded_classes

    cls = Environment if trusted else bounded_classes()[0]
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
_NO_FILTER = re.compile(r"^No (filter|test) named '([^']+)'")


def describe(exc: BaseException) -> str:
    """A template error in Russian, keeping the original text where no translation fits."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    from roadmapctl.render.budget import BudgetExceeded

    text = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, BudgetExceeded):
        return text
    if isinstance(exc, UndefinedError):
        if m := _UNDEFINED_NAME.match(text):
            return f"неизвестная переменная «{m[1]}»"
        if m := _NO_ATTRIBUTE.match(text):
            return f"неизвестное поле «{m[1]}»"
        return f"неизвестное значение ({text})"
    if m := _NO_FILTER.match(text):
        return f"неизвестный фильтр «{m[2]}»" if m[1] == "filter" else f"неизвестная проверка «{m[2]}»"
    if isinstance(exc, TemplateNotFound):
        return f"не найден подключаемый шаблон «{exc.name}»"
    if isinstance(exc, TemplateSyntaxError):
        return f"синтаксическая ошибка шаблона ({text})"
    if isinstance(exc, SecurityError):
        return f"шаблону это запрещено ({text})"
    if isinstance(exc, UnicodeDecodeError):
        return "текст шаблона не в кодировке UTF-8"
    return f"{type(exc).__name__}: {text}"


def locate(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line an error happened on, the innermost template's.

    Syntax errors carry both; at run time Jinja rewrites the traceback so that
    each template frame names its file and line, and an error inside an
    included template is found there rather than at the include.
    """
    from jinja2 import TemplateSyntaxError

    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return exc.filename, exc.lineno
    found: tuple[str | None, int | None] = (None, None)
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_error(exc: BaseException, shown: str, line: int | None, where: str = "строка") -> InputError:
    place = f", {where} {line}" if line else ""
    return InputError(f"ошибка в шаблоне {shown}{place}: {describe(exc)}",
                      "исправьте шаблон; переменные и фильтры описаны в docs/gost.md")
