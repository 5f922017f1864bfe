"""libyaml's English errors → a Russian message at the line and column of the mistake.

libyaml reports where it noticed a problem, which is often lines after the
cause (an unclosed quote, a key without a colon); these messages name the
cause and point at it, so a methodologist sees what to fix and where.
"""

from __future__ import annotations

import re
from typing import Any

_QUOTE_IT = "если это текст, возьмите его в кавычки"
# libyaml's problem (a fragment of it) → Russian, and which mark to point at:
# "context" where the mistake starts (the key without a colon, the opening
# quote), "problem" where the parser noticed it.  {line}: the context's line;
# {char}: the character at the problem.
_YAML_MESSAGES = (
    ("mapping values are not allowed", "problem",
     "здесь не может стоять «ключ: значение»: проверьте отступ строки, а если двоеточие — "
     "часть текста, возьмите значение в кавычки"),
    ("could not find expected ':'", "context", "после ключа нет двоеточия с пробелом («ключ: значение»)"),
    ("found unexpected end of stream", "problem", "файл внезапно закончился (незакрытая кавычка или скобка?)"),
    ("did not find expected key", "problem", "ожидался ключ (проверьте отступы и закрыты ли кавычки)"),
    ("did not find expected '-' indicator", "problem", "ожидался элемент списка «- …» (проверьте отступы)"),
    ("did not find expected ',' or ']'", "problem",
     "не закрыта квадратная скобка «[» из строки {line} (или между элементами нет запятой)"),
    ("did not find expected ',' or '}'", "problem",
     "не закрыта фигурная скобка «{{» из строки {line} (или между элементами нет запятой)"),
    ("found unknown escape character", "problem",
     "в тексте в двойных кавычках после «\\» стоит неизвестный знак; возьмите текст в одинарные "
     "кавычки или удвойте «\\»"),
    ("found undefined alias", "problem", f"ссылка на несуществующий якорь (*…); {_QUOTE_IT}"),
    ("found character that cannot start any token", "problem",
     "значение не может начинаться с «{char}»: возьмите его в кавычки"),
    ("did not find expected node content", "problem", "ожидалось значение"),
    ("exceeded maximum nesting depth", "problem", "слишком глубокая вложенность списков и словарей"),
    ("expected <block end>, but found '<block sequence start>'", "problem",
     "элемент списка «- …» стоит не на своём отступе"),
    ("expected <block end>, but found '<block mapping start>'", "problem", "неверный отступ"),
    ("expected <block end>, but found '<scalar>'", "problem", "неверный отступ или лишний текст"),
    ("found another document", "problem", "в файле несколько YAML-документов (---), нужен один"),
    ("expected a single document", "problem", "в файле несколько YAML-документов (---), нужен один"),
    ("directive", "context", f"строка, начинающаяся с «%», — директива YAML; {_QUOTE_IT}"),
    ("did not find expected alphabetic or numeric character", "context",
     f"после «&» или «*» ожидалось имя якоря; {_QUOTE_IT}"),
    ("did not find the expected '>'", "context", f"неверный тег «!<…>»; {_QUOTE_IT}"),
    ("did not find expected comment or line break", "problem",
     "лишний текст после «|» или «>»; если это текст, возьмите значение в кавычки"),
)
GENERIC = "запись не по правилам YAML (проверьте отступы, двоеточия и кавычки)"
#: A value that opens a quote: «key: "…», «- "…».
_OPENING_QUOTE = re.compile(r"""(?:^\s*(?:-\s+)*[^\s#"'][^:#]*:\s+|^\s*(?:-\s+)+)(["'])""")


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and 0 < col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def describe(exc: Any, text: str) -> tuple[str, int, int]:
    """A Russian message for a libyaml error, and the line and column the mistake is at."""
    problem = " ".join(str(part or "") for part in (exc.context, exc.problem))
    marks = {"problem": exc.problem_mark or exc.context_mark, "context": exc.context_mark or exc.problem_mark}
    where, message = "problem", GENERIC
    for english, where_, russian in _YAML_MESSAGES:
        if english in problem:
            where, message = where_, russian
            break
    if "quoted scalar" in problem and "end of stream" in problem:
        where, message = "context", "кавычка не закрыта до конца файла"
    mark = marks[where]
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "document start" in problem and (stray := _first_content(text)) and stray[0] < line:
        line, col = stray  # a line swapped to the top: the root ended before the roadmap began
        return ("ошибка синтаксиса YAML: строка не на своём месте: карта начинается с ключа у левого "
                "края («title: …»); проверьте отступ или перенесите строку", line, col)
    context_line = exc.context_mark.line + 1 if exc.context_mark else line
    char = _char_at(text, line, col)
    if char == "\t":
        message = "символ табуляции: в YAML отступы делаются только пробелами"
    elif quote := _unclosed_quote(text, context_line, line):
        line, col = quote
        message = f"кавычка «{_char_at(text, line, col)}» не закрыта в конце строки: допишите закрывающую"
    else:
        message = message.format(line=context_line, char=char)
    return f"ошибка синтаксиса YAML: {message}", line, col


def _first_content(text: str) -> tuple[int, int] | None:
    """Line and column of the first line that is neither blank nor a comment."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if stripped and not stripped.startswith("#"):
            return number, len(line) - len(stripped) + 1
    return None


def _unclosed_quote(text: str, first: int, last: int) -> tuple[int, int] | None:
    """The line (at or before the error) whose quoted value runs on past its end: the usual cause."""
    lines = text.splitlines()
    for number in range(min(last, len(lines)) - 1, max(first, 1) - 2, -1):
        if number + 1 == last:
            continue  # the error line itself: the parser saw it whole
        line = lines[number]
        if (m := _OPENING_QUOTE.match(line)) and not _closes(line[m.end():], m[1]):
            return number + 1, m.start(1) + 1
    return None


def _closes(rest: str, quote: str) -> bool:
    if quote == "'":
        return "'" in rest.replace("''", "")
    return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
