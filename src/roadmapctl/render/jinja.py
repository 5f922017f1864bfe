"""Jinja environments for the shipped and the users' templates, and their errors.

Shipped templates are trusted; a template passed with --template is not and
runs in Jinja's immutable sandbox, under a time and size budget (`budget`).  Both use StrictUndefined, so a misspelt
variable is an error that names the template and the line instead of an
empty gap in a printed order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

from roadmapctl.errors import InputError


@lru_cache(maxsize=1)
def templates_dir() -> Path:
    """The shipped templates: the package's `templates` resource, one lookup.

    The wheel carries the top-level templates/ there; a source checkout and an
    editable install reach the same folder through the symlink
    src/roadmapctl/templates (see pyproject.toml).  A package always sits in a
    folder here (never in a zip), so the resource is a real path that Jinja's
    loader and docxtpl can open.  Looked up once per process (a lookup costs milliseconds).
    """
    from importlib.resources import files

    return Path(str(files("roadmapctl") / "templates"))


def shipped_template(name: str) -> Path:
    path = templates_dir() / name
    if not path.is_file():
        raise InputError(f"не найден встроенный шаблон {name}",
                         "переустановите roadmapctl или укажите свой шаблон")
    return path


def make_env(folder: Path | None, *, trusted: bool) -> Any:
    """An environment with our filters, autoescape on and StrictUndefined.

    A trusted (shipped) environment is made once per folder and process and
    shared: the shipped templates do not change while roadmapctl runs, and
    compiling one costs more than filling it, so the dashboard's pages, a
    batch of documents or a test run compile each template once.  A user's
    template gets a fresh sandbox every time (its file may change between
    two renders in the same second).
    """
    if trusted:
        return _shared_env(folder)
    return _new_env(folder, trusted=False)


@lru_cache(maxsize=8)
def _shared_env(folder: Path | None) -> Any:
    return _new_env(folder, trusted=True)


def _new_env(folder: Path | None, *, trusted: bool) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape

    from roadmapctl.render.budget import bounded_classes
    from roadmapctl.render.filters import FILTERS

    cls = _compiling_once() if trusted else bounded_classes()[0]
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


@lru_cache(maxsize=1)
def _compiling_once() -> type:
    """Environment whose `from_string` compiles each source once.

    docxtpl hands the template's document XML to `from_string` on every
    render; keyed by the text itself, a changed template is simply a new key.
    """
    from collections import OrderedDict

    from jinja2 import Environment

    class CompilingOnce(Environment):
        compiled_limit = 64

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            cache: OrderedDict[str, Any] = self.__dict__.setdefault("_compiled", OrderedDict())
            template = cache.get(source)
            if template is None:
                template = super().from_string(source)
                cache[source] = template
                if len(cache) > self.compiled_limit:
                    cache.popitem(last=False)
            return template

    return CompilingOnce


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
